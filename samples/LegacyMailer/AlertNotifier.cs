using System.Threading.Tasks;
using MailKit.Net.Smtp;
using MimeKit;

namespace LegacyMailer;

/// <summary>Pages the on-call engineer through the partner's SMTP server.</summary>
internal sealed class AlertNotifier
{
    private readonly NotificationSettings settings;

    public AlertNotifier(NotificationSettings settings)
    {
        this.settings = settings;
    }

    public async Task NotifyAsync(string subject, string text)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(settings.OnCall));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = text };

        using var client = new SmtpClient();
        await client.ConnectAsync("smtp.fabrikam.com", 25, false);
        await client.AuthenticateAsync(settings.UserName, settings.AppPassword);
        await client.SendAsync(message);
        await client.DisconnectAsync(true);
    }
}
