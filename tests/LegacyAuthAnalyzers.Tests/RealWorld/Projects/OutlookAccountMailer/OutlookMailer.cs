using System.Net;
using System.Net.Mail;

namespace Desk.Mail;

// The client is built in the constructor; the credentials are set in another method.
public sealed class OutlookMailer
{
    private readonly SmtpClient _client;
    private readonly MailAccountSettings _account;

    public OutlookMailer(MailAccountSettings account)
    {
        _account = account;
        _client = new SmtpClient("smtp-mail.outlook.com", 587) { EnableSsl = true };
    }

    public void Send(MailMessage message)
    {
        {|LA1003:_client.Credentials = new NetworkCredential(_account.Sender, _account.Password)|};
        _client.Send(message);
    }
}
