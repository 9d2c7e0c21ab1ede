using LegacyAuthAnalyzers.Configuration;
using LegacyAuthAnalyzers.Credentials;
using LegacyAuthAnalyzers.Roslyn;
using LegacyAuthAnalyzers.Transport;
using LegacyAuthAnalyzers.Values;
using LegacyAuthAnalyzers.CodeFixes.Fixes;
using LegacyAuthAnalyzers.CodeFixes.Fixes.OAuth;
using LegacyAuthAnalyzers.Rules;
using LegacyAuthAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LegacyAuthAnalyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    LegacyAuthAnalyzers.Rules.LA3001_AppPasswordShapedSecretAnalyzer,
    LegacyAuthAnalyzers.CodeFixes.Fixes.LA3001_AppPasswordShapedSecretCodeFix>;

namespace LegacyAuthAnalyzers.Tests.Rules;

public sealed class LA3001_AppPasswordShapedSecretCodeFixTests
{
    private static DiagnosticResult Expected(int location, string api, string shape) =>
        Verify.Diagnostic(DiagnosticIds.AppPasswordShapedSecret).WithLocation(location).WithArguments(api, shape, SecretRemedies.AppPasswordInCode);

    [Fact]
    public async Task GoogleAppPassword_FixesToEnvironmentVariable()
    {
        const string source = """
            using MailKit.Net.Smtp;

            var address = "tutorial.sender@gmail.com";
            using var client = new SmtpClient();
            client.Connect("smtp.gmail.com", 465, true);
            client.Authenticate(address, {|#0:"qwhv tzkd mepr yslu"|});
            client.Disconnect(true);
            """;

        const string fixedSource = """
            using System;
            using MailKit.Net.Smtp;

            var address = "tutorial.sender@gmail.com";
            using var client = new SmtpClient();
            client.Connect("smtp.gmail.com", 465, true);
            client.Authenticate(address, Environment.GetEnvironmentVariable("SMTP_PASSWORD") ?? throw new InvalidOperationException("Set the SMTP_PASSWORD environment variable to the SMTP password."));
            client.Disconnect(true);
            """;

        await CredentialFixTest.VerifyAsync<LA3001_AppPasswordShapedSecretAnalyzer, LA3001_AppPasswordShapedSecretCodeFix>(
            source,
            fixedSource,
            LA3001_AppPasswordShapedSecretCodeFix.ReadFromEnvironmentKey,
            [Expected(0, "SmtpClient.Authenticate", "four groups of four lower-case letters")],
            null,
            ["qwhv tzkd mepr yslu"],
            test =>
            {
                test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
                test.FixedState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
            });
    }

    [Fact]
    public async Task Microsoft365AppPasswordInField_FixesToSignedInUserTokenAndRemovesTheField()
    {
        const string source = """
            using MailKit.Net.Smtp;

            namespace Contoso.Desktop;

            public sealed class Sender
            {
                private static readonly string Key = "kqzvbnmtrwplxhjd";

                public void Login(SmtpClient client)
                {
                    client.Connect("smtp.office365.com", 587, MailKit.Security.SecureSocketOptions.StartTls);
                    client.Authenticate("desk@contoso.com", {|#0:Key|});
                }
            }
            """;

        const string fixedSource = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            namespace Contoso.Desktop;

            public sealed class Sender
            {
                public void Login(SmtpClient client)
                {
                    client.Connect("smtp.office365.com", 587, MailKit.Security.SecureSocketOptions.StartTls);
                    client.Authenticate(new SaslMechanismOAuth2("desk@contoso.com", MailTokenProvider.GetUserToken(MailTokenProvider.SmtpScope)));
                }
            }
            """;

        await CredentialFixTest.VerifyAsync<LA3001_AppPasswordShapedSecretAnalyzer, LA3001_AppPasswordShapedSecretCodeFix>(
            source,
            fixedSource,
            LA3001_AppPasswordShapedSecretCodeFix.OAuthSignedInUserKey,
            [Expected(0, "SmtpClient.Authenticate", "16 lower-case letters").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)],
            CredentialFixTest.Provider("Contoso.Desktop", UserSignIn.Interactive),
            ["kqzvbnmtrwplxhjd"]);
    }
}
