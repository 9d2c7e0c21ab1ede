using System.Threading.Tasks;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Notifications.Settings;

namespace Notifications;

// A notification sender whose settings live in another assembly: the settings type may not resolve.
public sealed class EmailProvider
{
    public async Task SendAsync(NotificationMessage model, EmailNotificationSettings settings)
    {
        var message = new MimeMessage { Subject = model.Subject, Body = new TextPart("plain") { Text = model.Body } };
        message.From.Add(MailboxAddress.Parse(settings.SenderAddress));
        message.To.Add(MailboxAddress.Parse(model.To));

        using var client = new SmtpClient();
        if (settings.DisableCertificateChecking)
        {
            client.ServerCertificateValidationCallback = {|LA2004:(sender, certificate, chain, errors) => true|};
        }

        {|LA2002:client.Connect(settings.Host, settings.Port)|};
        client.AuthenticationMechanisms.Remove("XOAUTH2");
        if (settings.Authentication)
        {
            {|LA1002:client.Authenticate(settings.Username, settings.Password)|};
        }

        await client.SendAsync(message);
        await client.DisconnectAsync(true);
    }

    public async Task SendTestAsync(NotificationMessage model, EmailNotificationSettings settings)
    {
        var message = new MimeMessage { Subject = model.Subject };
        message.To.Add(MailboxAddress.Parse(model.To));

        using var client = new SmtpClient();
        var security = settings.DisableTls ? SecureSocketOptions.None : SecureSocketOptions.StartTls;
        await {|LA2001:client.ConnectAsync(settings.Host, settings.Port, security)|};
        await {|LA1002:client.AuthenticateAsync(settings.Username, settings.Password)|};
        await client.SendAsync(message);
    }
}
