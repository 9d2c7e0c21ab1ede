using LegacyAuthAnalyzers.CodeFixes.Fixes;
using LegacyAuthAnalyzers.CodeFixes.Fixes.OAuth;
using LegacyAuthAnalyzers.Rules;
using LegacyAuthAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LegacyAuthAnalyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    LegacyAuthAnalyzers.Rules.LA1002_PasswordAuthenticationAnalyzer,
    LegacyAuthAnalyzers.CodeFixes.Fixes.LA1002_PasswordAuthenticationCodeFix>;

namespace LegacyAuthAnalyzers.Tests.Rules;

public sealed class LA1002_PasswordAuthenticationCodeFixTests
{
    private static DiagnosticResult Expected(int location, string api, string host) =>
        Verify.Diagnostic(DiagnosticIds.PasswordAuthentication).WithLocation(location).WithArguments(api, host);

    [Fact]
    public async Task PasswordFromSettingsToConfiguredHost_FixesToSignedInUserToken()
    {
        const string source = """
            using System.Threading.Tasks;
            using MailKit.Net.Imap;

            namespace Contoso.Sync;

            public sealed class MailSettings
            {
                public string Host { get; set; } = "";
                public string User { get; set; } = "";
                public string Password { get; set; } = "";
            }

            public static class MailboxSync
            {
                public static async Task RunAsync(MailSettings settings)
                {
                    using var client = new ImapClient();
                    await client.ConnectAsync(settings.Host, 993, true);
                    await {|#0:client.AuthenticateAsync(settings.User, settings.Password)|};
                }
            }
            """;

        const string fixedSource = """
            using System.Threading.Tasks;
            using MailKit.Net.Imap;
            using MailKit.Security;

            namespace Contoso.Sync;

            public sealed class MailSettings
            {
                public string Host { get; set; } = "";
                public string User { get; set; } = "";
                public string Password { get; set; } = "";
            }

            public static class MailboxSync
            {
                public static async Task RunAsync(MailSettings settings)
                {
                    using var client = new ImapClient();
                    await client.ConnectAsync(settings.Host, 993, true);
                    await client.AuthenticateAsync(new SaslMechanismOAuth2(settings.User, await MailTokenProvider.GetUserTokenAsync(MailTokenProvider.ImapScope)));
                }
            }
            """;

        // The password setting stays: configuration binding sets it, and removing it is the team's call.
        await CredentialFixTest.VerifyAsync<LA1002_PasswordAuthenticationAnalyzer, LA1002_PasswordAuthenticationCodeFix>(
            source,
            fixedSource,
            LA1002_PasswordAuthenticationCodeFix.OAuthSignedInUserKey,
            [Expected(0, "ImapClient.AuthenticateAsync", "a mail server")],
            CredentialFixTest.Provider("Contoso.Sync", UserSignIn.Interactive),
            [],
            CredentialFixTest.FixAllLeavesUnknownHost<LA1002_PasswordAuthenticationAnalyzer, LA1002_PasswordAuthenticationCodeFix>(
                source, Expected(0, "ImapClient.AuthenticateAsync", "a mail server")));
    }

    [Fact]
    public async Task KnownThirdPartyHost_NoFixOffered()
    {
        const string source = """
            using MailKit.Net.Smtp;

            public static class Mailer
            {
                public static void Login(SmtpClient client, string password)
                {
                    client.Connect("smtp.gmail.com", 587, MailKit.Security.SecureSocketOptions.StartTls);
                    {|#0:client.Authenticate("me@gmail.com", password)|};
                }
            }
            """;

        await Verify.VerifyCodeFixAsync(source, Expected(0, "SmtpClient.Authenticate", "'smtp.gmail.com'"), source);
    }

    [Fact]
    public async Task InlineNetworkCredentialToConfiguredHost_FixesToAppOnlyToken()
    {
        const string source = """
            using System.Net;
            using MailKit.Net.Smtp;

            public static class Mailer
            {
                public static void Login(SmtpClient client, string host)
                {
                    client.Connect(host, 587, MailKit.Security.SecureSocketOptions.StartTls);
                    {|#0:client.Authenticate(new NetworkCredential("me@contoso.com", "x"))|};
                }
            }
            """;

        const string fixedSource = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            public static class Mailer
            {
                public static void Login(SmtpClient client, string host)
                {
                    client.Connect(host, 587, MailKit.Security.SecureSocketOptions.StartTls);
                    client.Authenticate(new SaslMechanismOAuth2("me@contoso.com", MailTokenProvider.GetAppOnlyToken()));
                }
            }
            """;

        await CredentialFixTest.VerifyAsync<LA1002_PasswordAuthenticationAnalyzer, LA1002_PasswordAuthenticationCodeFix>(
            source,
            fixedSource,
            LA1002_PasswordAuthenticationCodeFix.OAuthAppOnlyKey,
            [Expected(0, "SmtpClient.Authenticate", "a mail server")],
            CredentialFixTest.Provider(null),
            [],
            CredentialFixTest.FixAllLeavesUnknownHost<LA1002_PasswordAuthenticationAnalyzer, LA1002_PasswordAuthenticationCodeFix>(
                source, Expected(0, "SmtpClient.Authenticate", "a mail server")));
    }

    [Fact]
    public async Task CredentialsParameterWithoutUserName_NoFixOffered()
    {
        const string source = """
            using System.Net;
            using MailKit.Net.Smtp;

            public static class Mailer
            {
                public static void Login(SmtpClient client, ICredentials credentials, string host)
                {
                    client.Connect(host, 587, MailKit.Security.SecureSocketOptions.StartTls);
                    {|#0:client.Authenticate(credentials)|};
                }
            }
            """;

        // XOAUTH2 needs the user name, and an ICredentials parameter does not say which one it is.
        await Verify.VerifyCodeFixAsync(source, Expected(0, "SmtpClient.Authenticate", "a mail server"), source);
    }

    // The sample's mailbox archiver: settings object, POP3 in plaintext on port 110, `using var` client.
    private const string ArchiverSource = """
        using MailKit.Net.Pop3;
        using MailKit.Security;

        namespace Contoso.Archive;

        internal sealed class ArchiveSettings
        {
            public string Host { get; set; } = string.Empty;
            public string UserName { get; set; } = string.Empty;
            public string Password { get; set; } = string.Empty;
        }

        internal sealed class MailboxArchiver
        {
            private readonly ArchiveSettings settings;

            public MailboxArchiver(ArchiveSettings settings)
            {
                this.settings = settings;
            }

            public int DownloadAll()
            {
                using var client = new Pop3Client();
                client.Connect(settings.Host, 110, SecureSocketOptions.None);
                {|#0:client.Authenticate(settings.UserName, settings.Password)|};
                var count = client.Count;
                client.Disconnect(true);
                return count;
            }
        }
        """;

    private const string ArchiverFixed = """
        using MailKit.Net.Pop3;
        using MailKit.Security;

        namespace Contoso.Archive;

        internal sealed class ArchiveSettings
        {
            public string Host { get; set; } = string.Empty;
            public string UserName { get; set; } = string.Empty;
            public string Password { get; set; } = string.Empty;
        }

        internal sealed class MailboxArchiver
        {
            private readonly ArchiveSettings settings;

            public MailboxArchiver(ArchiveSettings settings)
            {
                this.settings = settings;
            }

            public int DownloadAll()
            {
                using var client = new Pop3Client();
                client.Connect(settings.Host, 110, SecureSocketOptions.StartTls);
                client.Authenticate(new SaslMechanismOAuth2(settings.UserName, MailTokenProvider.GetAppOnlyToken()));
                var count = client.Count;
                client.Disconnect(true);
                return count;
            }
        }
        """;

    // A partner's SMTP server: LA1002 without a fix, since Entra ID tokens do not work there.
    private const string PartnerAlertSource = """
        using System.Threading.Tasks;
        using MailKit.Net.Smtp;
        using MailKit.Security;

        namespace Contoso.Archive;

        internal static class PartnerAlert
        {
            public static async Task SendAsync(string user, string password)
            {
                using var client = new SmtpClient();
                await client.ConnectAsync("smtp.fabrikam.com", 587, SecureSocketOptions.StartTls);
                await client.AuthenticateAsync(user, password);
                await client.DisconnectAsync(true);
            }
        }
        """;

    [Fact]
    public async Task Pop3WithoutTlsToConfiguredHost_FixesToAppOnlyToken()
    {
        await CredentialFixTest.VerifyAsync<LA1002_PasswordAuthenticationAnalyzer, LA1002_PasswordAuthenticationCodeFix>(
            ArchiverSource,
            ArchiverFixed,
            LA1002_PasswordAuthenticationCodeFix.OAuthAppOnlyKey,
            [Expected(0, "Pop3Client.Authenticate", "a mail server")],
            CredentialFixTest.Provider("Contoso.Archive"),
            [],
            CredentialFixTest.FixAllLeavesUnknownHost<LA1002_PasswordAuthenticationAnalyzer, LA1002_PasswordAuthenticationCodeFix>(
                ArchiverSource, Expected(0, "Pop3Client.Authenticate", "a mail server")));
    }

    [Fact]
    public async Task DotnetFormatWithHostFromConfiguration_KeepsPasswordAuthentication()
    {
        // The archive server comes from configuration, and the project's configuration names a partner's server: the
        // app-only OAuth action is offered on the site (assuming Microsoft 365) but dotnet format must not apply it.
        var result = await DotnetFormatFixAll.RunAsync(
            new LA1002_PasswordAuthenticationAnalyzer(),
            new LA1002_PasswordAuthenticationCodeFix(),
            "LA1002",
            ("MailboxArchiver.cs", Unmarked(ArchiverSource)),
            ("appsettings.json", """{ "Pop3": { "Host": "pop.fabrikam.com", "Port": 995, "UserName": "legal-hold@fabrikam.com" } }"""));

        Assert.Equal(
            "Use OAuth 2.0 with an app-only token (MSAL client credentials), assuming the server is Microsoft 365",
            result.FirstFindingAction?.Title);
        Assert.Equal(Unmarked(ArchiverSource), await DotnetFormatFixAll.TextAsync(result.After, "MailboxArchiver.cs"));
        Assert.DoesNotContain(result.After.Projects.Single().Documents, d => d.Name == MailTokenProviderTemplate.FileName);
    }

    [Fact]
    public async Task DotnetFormatWhenConfigurationNamesMicrosoft365_FixesToAppOnlyTokenWithStrictTls()
    {
        // The partner server's finding comes first and has no fix (dotnet format then passes no key); the archiver's
        // host comes from configuration, which names only Exchange Online: that one is fixed, and its TLS made strict.
        var result = await DotnetFormatFixAll.RunAsync(
            new LA1002_PasswordAuthenticationAnalyzer(),
            new LA1002_PasswordAuthenticationCodeFix(),
            "LA1002",
            ("PartnerAlert.cs", PartnerAlertSource),
            ("MailboxArchiver.cs", Unmarked(ArchiverSource)),
            ("appsettings.json", """{ "Pop3": { "Host": "outlook.office365.com", "Port": 995, "UserName": "legal-hold@contoso.com" } }"""));

        Assert.Null(result.FirstFindingAction);
        Assert.NotNull(result.FixAllAction);
        Assert.Equal(PartnerAlertSource, await DotnetFormatFixAll.TextAsync(result.After, "PartnerAlert.cs"));
        Assert.Equal(ArchiverFixed, await DotnetFormatFixAll.TextAsync(result.After, "MailboxArchiver.cs"));
        Assert.Equal(CredentialFixTest.Provider("Contoso.Archive"), await DotnetFormatFixAll.TextAsync(result.After, MailTokenProviderTemplate.FileName));
        Assert.Empty(await DotnetFormatFixAll.CompilerProblemsAsync(result.After));
    }

    private static string Unmarked(string source) => source.Replace("{|#0:", string.Empty, StringComparison.Ordinal).Replace("|}", string.Empty, StringComparison.Ordinal);

    [Fact]
    public async Task ConnectUriToHostFromParameter_OffersOAuthButFixAllKeepsIt()
    {
        const string source = """
            using System;
            using MailKit.Net.Imap;

            public static class Mailbox
            {
                public static void Open(ImapClient client, string host, string user, string password)
                {
                    {|#0:client.Connect(new Uri($"imaps://{user}:{password}@{host}:993"))|};
                }
            }
            """;

        const string fixedSource = """
            using System;
            using MailKit.Net.Imap;
            using MailKit.Security;

            public static class Mailbox
            {
                public static void Open(ImapClient client, string host, string user, string password)
                {
                    client.Connect(new Uri($"imaps://{host}:993"));
                    client.Authenticate(new SaslMechanismOAuth2(user, MailTokenProvider.GetAppOnlyToken()));
                }
            }
            """;

        await CredentialFixTest.VerifyAsync<LA1002_PasswordAuthenticationAnalyzer, LA1002_PasswordAuthenticationCodeFix>(
            source,
            fixedSource,
            LA1002_PasswordAuthenticationCodeFix.OAuthAppOnlyKey,
            [Expected(0, "ImapClient.Connect", "a mail server")],
            CredentialFixTest.Provider(null),
            [],
            CredentialFixTest.FixAllLeavesUnknownHost<LA1002_PasswordAuthenticationAnalyzer, LA1002_PasswordAuthenticationCodeFix>(
                source, Expected(0, "ImapClient.Connect", "a mail server")));
    }
}
