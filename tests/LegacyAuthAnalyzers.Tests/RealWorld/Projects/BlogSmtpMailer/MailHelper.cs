using System.Net;
using System.Net.Mail;

namespace Blog.Core;

// A blog engine's mail helper: server, credentials and TLS switch all come from the settings page.
public static class MailHelper
{
    public static void Send(MailMessage message)
    {
        var settings = BlogSettings.Instance;
        using var smtp = new SmtpClient(settings.SmtpServer, settings.SmtpServerPort);
        {|LA1002:smtp.Credentials = new NetworkCredential(settings.SmtpUserName, settings.SmtpPassword)|};
        {|LA2001@bound:smtp.EnableSsl = settings.EnableSsl|};
        smtp.Send(message);
    }
}
