using System.Collections.Immutable;
using LegacyAuthAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace LegacyAuthAnalyzers.Tests.Rules;

/// <summary>
/// The credential rules run side by side in a real build; SPEC §2 says which of them may report the same site:
/// LA3001 replaces LA1001 on the same value, LA1002 and LA1003 never both fire, LA1001 and LA1002/LA1003 may.
/// </summary>
public sealed class CredentialRulesTogetherTests
{
    private static readonly DiagnosticAnalyzer[] CredentialAnalyzers = CredentialRules.CreateAnalyzers();

    private const string ManySites = """
        using System;
        using System.Net;
        using System.Net.Mail;
        using System.Threading.Tasks;
        using MailKit.Net.Imap;
        using MailKit.Net.Pop3;
        using MailKit.Security;
        using Microsoft.Exchange.WebServices.Data;

        public static class Mail
        {
            private const string GmailAppPassword = "qwrtzkbvnhgfdlpx";
            private const string Password = "Tr0ub4dor&3x";

            public static async Task RunAsync(string fromConfig)
            {
                using var office = new System.Net.Mail.SmtpClient("smtp.office365.com", 587) { EnableSsl = true, Credentials = new NetworkCredential("a@contoso.com", Password) };
                using var gmail = new System.Net.Mail.SmtpClient("smtp.gmail.com", 587) { EnableSsl = true, Credentials = new NetworkCredential("a@example.com", GmailAppPassword) };

                using var imap = new ImapClient();
                await imap.ConnectAsync("outlook.office365.com", 993, SecureSocketOptions.SslOnConnect);
                await imap.AuthenticateAsync("a@contoso.com", "qwrt zkbv nhgf dlpx");

                using var pop = new Pop3Client();
                pop.Connect("pop.example.com", 995, true);
                pop.Authenticate(new SaslMechanismPlain("a@example.com", fromConfig));

                var service = new ExchangeService(ExchangeVersion.Exchange2013_SP1) { Url = new Uri("https://outlook.office365.com/EWS/Exchange.asmx") };
                service.Credentials = new WebCredentials("a@contoso.com", Password);

                using var uri = new MailKit.Net.Smtp.SmtpClient();
                uri.Connect(new Uri("smtps://a:Tr0ub4dor%263x@smtp.example.com:465"));
            }
        }
        """;

    [Fact]
    public async Task HardCodedPasswordToMicrosoft365_ReportsLA1001AndLA1003()
    {
        const string source = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            public static class Mailer
            {
                public static void Login(SmtpClient client)
                {
                    client.Connect("smtp.office365.com", 587, SecureSocketOptions.StartTls);
                    client.Authenticate("alerts@contoso.com", "Tr0ub4dor&3x");
                }
            }
            """;

        var diagnostics = await RunAllAsync(source);

        Assert.Equal(["LA1001", "LA1003"], Ids(diagnostics));
    }

    [Fact]
    public async Task AppPasswordToOtherHost_ReportsLA3001AndLA1002NotLA1001()
    {
        const string source = """
            using MailKit.Net.Smtp;

            public static class Mailer
            {
                public static void Login(SmtpClient client)
                {
                    client.Connect("smtp.gmail.com", 465, true);
                    client.Authenticate("alerts@example.com", "qwrtzkbvnhgfdlpx");
                }
            }
            """;

        var diagnostics = await RunAllAsync(source);

        Assert.Equal(["LA1002", "LA3001"], Ids(diagnostics));
    }

    [Fact]
    public async Task AppPasswordByNameAndShape_ReportsLA3001AndLA3002()
    {
        const string source = """
            using MailKit.Net.Smtp;

            public static class Mailer
            {
                private const string AppPassword = "qwrt zkbv nhgf dlpx";

                public static void Login(SmtpClient client)
                {
                    client.Connect("smtp.office365.com", 587, false);
                    client.Authenticate("alerts@contoso.com", AppPassword);
                }
            }
            """;

        var diagnostics = await RunAllAsync(source);

        Assert.Equal(["LA1003", "LA3001", "LA3002"], Ids(diagnostics));
    }

    [Fact]
    public async Task UriBuiltFromParameters_ReportsLA1002AndLA1003NotLA1001()
    {
        // The user info comes from parameters: password authentication all the same, but nothing hard-coded.
        const string source = """
            using System;
            using MailKit.Net.Imap;
            using MailKit.Net.Smtp;

            public static class Mailer
            {
                public static void Send(SmtpClient client, string user, string password) =>
                    client.Connect(new Uri($"smtp://{Uri.EscapeDataString(user)}:{Uri.EscapeDataString(password)}@smtp.office365.com:587"));

                public static void Read(ImapClient client, string user, string password, string host)
                {
                    var uri = new Uri("imaps://" + user + ":" + password + "@" + host + ":993");
                    client.Connect(uri);
                }
            }
            """;

        var diagnostics = await RunAllAsync(source);

        Assert.Equal(["LA1002", "LA1003"], Ids(diagnostics));
        Assert.Contains("'smtp.office365.com'", diagnostics.Single(d => d.Id == "LA1003").GetMessage(), StringComparison.Ordinal);
        Assert.Contains("a mail server", diagnostics.Single(d => d.Id == "LA1002").GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManySites_OneFindingPerConcernPerSite()
    {
        var diagnostics = await RunAllAsync(ManySites);

        // Where the secret lives: LA1001 or LA3001, never both on one value.
        var secretLocations = diagnostics.Where(d => d.Id is "LA1001" or "LA3001").Select(d => d.Location).ToList();
        Assert.Equal(secretLocations.Count, secretLocations.Distinct().Count());

        // How it authenticates: LA1002 or LA1003, never both on one site.
        var authenticationLocations = diagnostics.Where(d => d.Id is "LA1002" or "LA1003").Select(d => d.Location).ToList();
        Assert.Equal(authenticationLocations.Count, authenticationLocations.Distinct().Count());

        // Six sites authenticate with a password, three of them to Microsoft 365; five hold a hard-coded one, two of
        // those app-password shaped.
        Assert.Equal(6, authenticationLocations.Count);
        Assert.Equal(3, diagnostics.Count(d => d.Id == "LA1003"));
        Assert.Equal(3, diagnostics.Count(d => d.Id == "LA1001"));
        Assert.Equal(2, diagnostics.Count(d => d.Id == "LA3001"));
        Assert.Equal(1, diagnostics.Count(d => d.Id == "LA3002"));
    }

    [Fact]
    public async Task ManySites_MessagesRevealNoPartOfAnySecret()
    {
        var diagnostics = await RunAllAsync(ManySites);

        SecretAssert.NotInMessages("Tr0ub4dor&3x", diagnostics);
        SecretAssert.NotInMessages("qwrtzkbvnhgfdlpx", diagnostics);
        SecretAssert.NotInMessages("qwrt zkbv nhgf dlpx", diagnostics);
    }

    private static Task<ImmutableArray<Diagnostic>> RunAllAsync(string source)
        => AnalyzerRunner.GetDiagnosticsAsync(source, CredentialAnalyzers);

    private static string[] Ids(ImmutableArray<Diagnostic> diagnostics)
        => diagnostics.Select(d => d.Id).Order(StringComparer.Ordinal).ToArray();
}
