using System.IO;
using MailKit.Net.Pop3;
using MailKit.Security;

namespace LegacyMailer;

/// <summary>Downloads the legal-hold mailbox of the hosting provider to .eml files.</summary>
internal sealed class MailboxArchiver
{
    private readonly ArchiveSettings settings;

    public MailboxArchiver(ArchiveSettings settings)
    {
        this.settings = settings;
    }

    public int DownloadAll(string folder)
    {
        Directory.CreateDirectory(folder);

        using var client = new Pop3Client();
        client.Connect(settings.Host, 110, SecureSocketOptions.None);
        client.Authenticate(settings.UserName, settings.Password);

        var count = client.Count;
        for (var i = 0; i < count; i++)
        {
            var message = client.GetMessage(i);
            message.WriteTo(Path.Combine(folder, $"{i:D5}.eml"));
        }

        client.Disconnect(true);
        return count;
    }
}
