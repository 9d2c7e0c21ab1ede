using System;
using System.Net.Mail;

namespace Reminders.Mail;

// A personal Outlook.com account whose address and password the caller passes in; the client is configured property by
// property and the credential is built in a local before it is assigned.
public class ReminderSender
{
    private readonly string _from;
    private readonly string _secret;

    public ReminderSender(string from, string secret)
    {
        _from = from;
        _secret = secret;
    }

    public void Remind(string to, string subject, string text)
    {
        SmtpClient smtp = new SmtpClient("smtp-mail.outlook.com");
        smtp.Port = 587;
        smtp.DeliveryMethod = SmtpDeliveryMethod.Network;
        smtp.UseDefaultCredentials = false;
        System.Net.NetworkCredential login = new System.Net.NetworkCredential(_from, _secret);
        smtp.EnableSsl = true;
        {|LA1003:smtp.Credentials = login|};

        try
        {
            var reminder = new MailMessage(_from.Trim(), to.Trim());
            reminder.Subject = subject;
            reminder.Body = text;
            smtp.Send(reminder);
        }
        catch (Exception ex)
        {
            Console.WriteLine(ex.Message);
            throw;
        }
    }
}
