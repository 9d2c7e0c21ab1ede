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
        Verify.Diagnostic("LA1002").WithLocation(location).WithArguments(api, host);

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
            []);
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
            using System.Net;
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
            []);
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
}
