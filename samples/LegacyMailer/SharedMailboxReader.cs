using System.Threading.Tasks;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using Microsoft.Identity.Client;

namespace LegacyMailer;

/// <summary>
/// Reads the shared finance mailbox with OAuth, "modernized" in 2021 by trading the user's password for a token.
/// </summary>
internal sealed class SharedMailboxReader
{
    private static readonly string[] ImapScopes = { "https://outlook.office.com/IMAP.AccessAsUser.All" };

    private readonly string clientId;
    private readonly string tenantId;

    public SharedMailboxReader(string clientId, string tenantId)
    {
        this.clientId = clientId;
        this.tenantId = tenantId;
    }

    public async Task<int> CountMessagesAsync(string user, string password)
    {
        var app = PublicClientApplicationBuilder.Create(clientId).WithTenantId(tenantId).Build();
        var result = await app.AcquireTokenByUsernamePassword(ImapScopes, user, password).ExecuteAsync();

        using var client = new ImapClient();
        await client.ConnectAsync(MailConstants.ImapHost, 993, SecureSocketOptions.SslOnConnect);
        await client.AuthenticateAsync(new SaslMechanismOAuth2(user, result.AccessToken));
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
        var count = client.Inbox.Count;
        await client.DisconnectAsync(true);
        return count;
    }
}
