using System;
using System.Threading;
using System.Threading.Tasks;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Reporting.Configuration;

namespace Reporting.Mail;

// Options come from dependency injection; the encryption is mapped by a helper of the same class.
public sealed class MailKitMailSender
{
    private readonly EmailOptions _options;

    public MailKitMailSender(EmailOptions options) => _options = options;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient();
        string host = _options.SmtpHost;
        int port = _options.SmtpPort;
        var encryption = GetSecureSocketOption(_options.SmtpEncryption);
        await {|LA2002:client.ConnectAsync(host, port, encryption, cancellationToken)|}.ConfigureAwait(false);

        client.AuthenticationMechanisms.Remove("XOAUTH2");
        string? user = _options.SmtpUser;
        if (!String.IsNullOrEmpty(user))
        {
            await {|LA1002:client.AuthenticateAsync(user, _options.SmtpPassword, cancellationToken)|}.ConfigureAwait(false);
        }

        await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
        await client.DisconnectAsync(true, cancellationToken).ConfigureAwait(false);
    }

    private static SecureSocketOptions GetSecureSocketOption(SmtpEncryption encryption)
    {
        switch (encryption)
        {
            case SmtpEncryption.StartTls:
                return SecureSocketOptions.StartTls;
            case SmtpEncryption.Ssl:
                return SecureSocketOptions.SslOnConnect;
            default:
                return SecureSocketOptions.Auto;
        }
    }
}
