using System;
using System.IO;
using System.Threading.Tasks;

namespace LegacyMailer;

/// <summary>
/// The mail jobs of a line-of-business app, written the way such code is found in the wild. Every job talks to a real
/// mail server, so nothing runs unless a job is named on the command line.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var settings = AppSettings.Load(Path.Combine(AppContext.BaseDirectory, "appsettings.json"));
        switch (args.Length > 0 ? args[0] : string.Empty)
        {
            case "report":
                new DailyReportSender().Send(args[1], "Daily sales", "<p>See attached.</p>");
                return 0;
            case "inbox":
                Console.WriteLine($"{new SupportInboxMonitor().CountUnread()} unread");
                return 0;
            case "archive":
                Console.WriteLine($"{new MailboxArchiver(settings.Archive).DownloadAll(args[1])} archived");
                return 0;
            case "alert":
                await new AlertNotifier(settings.Notifications).NotifyAsync("Alert", args[1]);
                return 0;
            case "shared":
                var reader = new SharedMailboxReader(Env("MAIL_CLIENT_ID"), Env("MAIL_TENANT_ID"));
                Console.WriteLine($"{await reader.CountMessagesAsync(Env("FINANCE_USER"), Env("FINANCE_PASSWORD"))} messages");
                return 0;
            case "token":
                Console.WriteLine((await ReportingApiToken.GetAsync(Env("MAIL_CLIENT_ID"), Env("MAIL_CLIENT_SECRET"))).Length);
                return 0;
            case "graph":
                Console.WriteLine((await ArchiveGraphToken.GetAsync()).Length);
                return 0;
            case "freebusy":
                Console.WriteLine(await new FreeBusyLookup().GetAvailabilityAsync(File.ReadAllText(args[1]), Env("ROOM_USER"), Env("ROOM_PASSWORD")));
                return 0;
            default:
                Console.WriteLine("usage: LegacyMailer report <to> | inbox | archive <folder> | alert <text> | shared | token | graph | freebusy <soap.xml>");
                return 1;
        }
    }

    private static string Env(string name) =>
        Environment.GetEnvironmentVariable(name) ?? throw new InvalidOperationException($"Set the {name} environment variable.");
}
