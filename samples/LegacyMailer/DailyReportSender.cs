using System.Net;
using System.Net.Mail;

namespace LegacyMailer;

/// <summary>Sends the nightly sales report through the Microsoft 365 SMTP relay.</summary>
internal sealed class DailyReportSender
{
    public void Send(string recipient, string subject, string htmlBody)
    {
        using var message = new MailMessage(MailConstants.ReportsMailbox, recipient, subject, htmlBody) { IsBodyHtml = true };
        using var client = new SmtpClient(MailConstants.SmtpHost, MailConstants.SmtpPort)
        {
            EnableSsl = true,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            UseDefaultCredentials = false,
            Credentials = new NetworkCredential(MailConstants.ReportsMailbox, MailConstants.ReportsAppPassword),
        };

        client.Send(message);
    }
}
