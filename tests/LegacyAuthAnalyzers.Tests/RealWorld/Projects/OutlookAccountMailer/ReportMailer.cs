using MailKit.Net.Imap;
using MailKit.Security;

namespace Desk.Mail;

// A private helper builds and connects the client; the caller authenticates.
public sealed class ReportMailer
{
    private readonly MailAccountSettings _account;

    public ReportMailer(MailAccountSettings account) => _account = account;

    public void Archive()
    {
        using var client = CreateClient();
        {|LA1003:client.Authenticate(_account.Sender, _account.Password)|};
        client.Disconnect(true);
    }

    private static ImapClient CreateClient()
    {
        var client = new ImapClient();
        client.Connect("outlook.office365.com", 993, SecureSocketOptions.SslOnConnect);
        return client;
    }
}
