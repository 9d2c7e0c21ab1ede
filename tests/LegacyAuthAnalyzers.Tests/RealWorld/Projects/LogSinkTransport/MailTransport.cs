using MailKit.Net.Smtp;

namespace Logging.Sinks.Mail;

// A logging sink's transport: the TLS mode defaults in the options class, the callback is the user's own.
internal sealed class MailTransport(SinkOptions options)
{
    public SmtpClient Open()
    {
        var client = new SmtpClient();

        // Passed through from the caller's options: the caller decides, not this code.
        if (options.ServerCertificateValidationCallback != null)
        {
            client.ServerCertificateValidationCallback += options.ServerCertificateValidationCallback;
        }

        {|LA2002@bound:client.Connect(options.Host, options.Port, options.ConnectionSecurity)|};
        if (options.Credentials != null)
        {
            {|LA1002:client.Authenticate(options.Credentials.GetCredential(options.Host, options.Port, "smtp"))|};
        }

        return client;
    }

    public SmtpClient OpenForDiagnostics()
    {
        var client = new SmtpClient();
        client.ServerCertificateValidationCallback = {|LA2004:(sender, certificate, chain, errors) => options.TrustAnyCertificate|};
        client.Connect(options.Host, 465, MailKit.Security.SecureSocketOptions.SslOnConnect);
        return client;
    }
}
