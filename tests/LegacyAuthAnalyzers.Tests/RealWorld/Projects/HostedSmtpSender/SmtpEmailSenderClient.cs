using System.Threading;
using System.Threading.Tasks;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Cms.Mail;

// The TLS mode is a cast of a configuration value: the code sets no fallback of its own.
public sealed class SmtpEmailSenderClient
{
    private readonly SmtpSettings _smtp;

    public SmtpEmailSenderClient(SmtpSettings smtp) => _smtp = smtp;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync(_smtp.Host, _smtp.Port, (SecureSocketOptions)_smtp.SecureSocketOptions, cancellationToken);
        if (!string.IsNullOrWhiteSpace(_smtp.Username))
        {
            await {|LA1002:client.AuthenticateAsync(_smtp.Username, _smtp.Password, cancellationToken)|};
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }
}
