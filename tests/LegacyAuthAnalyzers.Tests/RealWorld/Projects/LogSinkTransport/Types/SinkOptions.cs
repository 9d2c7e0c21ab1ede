using System.Net.Security;
using MailKit.Security;

namespace Logging.Sinks.Mail;

public sealed class SinkOptions
{
    internal const SecureSocketOptions DefaultSecurity = SecureSocketOptions.Auto;

    public string Host { get; set; } = "";
    public int Port { get; set; } = 25;
    public SecureSocketOptions ConnectionSecurity { get; set; } = DefaultSecurity;
    public RemoteCertificateValidationCallback? ServerCertificateValidationCallback { get; set; }
    public System.Net.ICredentialsByHost? Credentials { get; set; }
    public bool TrustAnyCertificate { get; set; }
}
