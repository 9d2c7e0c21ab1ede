using System.Net;
using System.Net.Mail;

namespace Shop.Library.Mail;

// Host, port and password come from a constants class in another file.
public static class OrderMailer
{
    public static void Send(string to, string subject, string body)
    {
        var message = new MailMessage(MailConstants.User, to, subject, body);
        var smtp = new SmtpClient(MailConstants.Server, MailConstants.Port);
        smtp.EnableSsl = true;
        {|LA1003@bound:{|LA1002@unbound:smtp.Credentials = new NetworkCredential(MailConstants.User, {|LA1001@bound:MailConstants.Password|})|}|};
        smtp.Send(message);
    }
}
