using LegacyAuthAnalyzers.CodeFixes.Fixes;
using LegacyAuthAnalyzers.CodeFixes.Fixes.OAuth;
using LegacyAuthAnalyzers.Rules;
using LegacyAuthAnalyzers.Tests.Infrastructure;
using Xunit;
using Verify = LegacyAuthAnalyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    LegacyAuthAnalyzers.Rules.LA1003_Microsoft365BasicAuthenticationAnalyzer,
    LegacyAuthAnalyzers.CodeFixes.Fixes.LA1003_Microsoft365BasicAuthenticationCodeFix>;

namespace LegacyAuthAnalyzers.Tests.Rules;

public sealed class LA1003_Microsoft365BasicAuthenticationCodeFixTests
{
    private const string AppOnly = LA1003_Microsoft365BasicAuthenticationCodeFix.OAuthAppOnlyKey;
    private const string SignedInUser = LA1003_Microsoft365BasicAuthenticationCodeFix.OAuthSignedInUserKey;

    private const string SmtpStatus = "Exchange Online disables SMTP AUTH Basic authentication by default at the end of December 2026";
    private const string ImapStatus = "Exchange Online disabled Basic authentication for IMAP in 2022";
    private const string PopStatus = "Exchange Online disabled Basic authentication for POP in 2022";
    private const string EwsStatus = "Exchange Online disabled Basic authentication for EWS in 2022";

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Expected(int location, string api, string host, string status) =>
        Verify.Diagnostic("LA1003").WithLocation(location).WithArguments(api, "'" + host + "'", status);

    private static Task VerifyAsync(string source, string fixedSource, string key, Microsoft.CodeAnalysis.Testing.DiagnosticResult expected, string? provider, params string[] secrets) =>
        CredentialFixTest.VerifyAsync<LA1003_Microsoft365BasicAuthenticationAnalyzer, LA1003_Microsoft365BasicAuthenticationCodeFix>(
            source, fixedSource, key, [expected], provider, secrets);

    [Fact]
    public async Task MailKitAuthenticateInStaticMethod_FixesToAppOnlyToken()
    {
        const string source = """
            using MailKit.Net.Smtp;

            namespace Contoso.Mail;

            public static class Mailer
            {
                public static void Send()
                {
                    using var client = new SmtpClient();
                    client.Connect("smtp.office365.com", 587, MailKit.Security.SecureSocketOptions.StartTls);
                    {|#0:client.Authenticate("reports@contoso.com", "Tr0ub4dor&3-x")|};
                    client.Disconnect(true);
                }
            }
            """;

        const string fixedSource = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            namespace Contoso.Mail;

            public static class Mailer
            {
                public static void Send()
                {
                    using var client = new SmtpClient();
                    client.Connect("smtp.office365.com", 587, MailKit.Security.SecureSocketOptions.StartTls);
                    client.Authenticate(new SaslMechanismOAuth2("reports@contoso.com", MailTokenProvider.GetAppOnlyToken()));
                    client.Disconnect(true);
                }
            }
            """;

        await VerifyAsync(source, fixedSource, AppOnly, Expected(0, "SmtpClient.Authenticate", "smtp.office365.com", SmtpStatus), CredentialFixTest.Provider("Contoso.Mail"), "Tr0ub4dor&3-x");
    }
}
