using LegacyAuthAnalyzers.Infrastructure;
using LegacyAuthAnalyzers.Tests.Infrastructure;
using Xunit;
using Verify = LegacyAuthAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<LegacyAuthAnalyzers.Rules.LA1001_HardCodedMailCredentialAnalyzer>;

namespace LegacyAuthAnalyzers.Tests.Rules;

/// <summary>
/// Secrets where real code keeps them: the literal default of a field or property that can also be set, a password
/// read back from a <c>NetworkCredential</c>, and the declaration as an additional location when it is elsewhere.
/// </summary>
public sealed class LA1001_HardCodedMailCredentialShippedDefaultTests
{
    [Fact]
    public async Task FieldWithSetterAndLiteralDefault_ReportsDiagnostic()
    {
        const string source = """
            using MailKit.Net.Smtp;

            public sealed class MailAccount
            {
                private string {|#1:mailPass|} = "Qw9!zR4#tLp2";
                public string MailPass { get => mailPass; set => mailPass = value; }
                public string {|#3:SmtpSecret|} { get; set; } = "Hx3$kV8@mN1q";

                public void Login(SmtpClient client)
                {
                    client.Authenticate("reports@contoso.com", {|#0:MailPass|});
                    client.Authenticate("alerts@contoso.com", {|#2:SmtpSecret|});
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic(DiagnosticIds.HardCodedMailCredential).WithLocation(0).WithLocation(1).WithArguments("SmtpClient.Authenticate", 12, SecretRemedies.PasswordInCode),
            Verify.Diagnostic(DiagnosticIds.HardCodedMailCredential).WithLocation(2).WithLocation(3).WithArguments("SmtpClient.Authenticate", 12, SecretRemedies.PasswordInCode));
    }

    [Fact]
    public async Task FieldWithPlaceholderDefaultOrNoDefault_NoDiagnostic()
    {
        const string source = """
            using MailKit.Net.Smtp;

            public sealed class MailAccount
            {
                private string mailPass = "";
                public string MailPass { get => mailPass; set => mailPass = value; }
                public string SmtpSecret { get; set; } = "your_password";
                public string Other { get; set; } = string.Empty;
                public string Unset { get; set; }

                public void Login(SmtpClient client)
                {
                    client.Authenticate("reports@contoso.com", MailPass);
                    client.Authenticate("alerts@contoso.com", SmtpSecret);
                    client.Authenticate("alerts@contoso.com", Other);
                    client.Authenticate("alerts@contoso.com", Unset);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task PasswordReadBackFromNetworkCredential_ReportsDiagnostic()
    {
        const string source = """
            using System.Net;
            using MailKit.Net.Imap;

            public static class Inbox
            {
                public static void Login(ImapClient client)
                {
                    var credential = new NetworkCredential("", "Zp7&uW2!cX5r");
                    client.Authenticate("inbox@contoso.com", {|#0:credential.Password|});
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(DiagnosticIds.HardCodedMailCredential).WithLocation(0).WithArguments("ImapClient.Authenticate", 12, SecretRemedies.PasswordInCode));
    }

    [Fact]
    public async Task LocalDeclaredOnAnotherLine_PointsAtTheDeclaration()
    {
        const string source = """
            using MailKit.Net.Pop3;

            var {|#1:password|} = "Mc6^yT1&oB8e";

            void Pop(Pop3Client client)
            {
                client.Authenticate("archive@contoso.com", {|#0:password|});
            }

            void Again(Pop3Client client) => client.Authenticate("archive@contoso.com",
                {|#2:"Lk2%wQ7*eR4t"|});
            """;

        var test = new Verify.Test
        {
            TestCode = source,
            TestState = { OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication },
        };
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(DiagnosticIds.HardCodedMailCredential).WithLocation(0).WithLocation(1).WithArguments("Pop3Client.Authenticate", 12, SecretRemedies.PasswordInCode));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(DiagnosticIds.HardCodedMailCredential).WithLocation(2).WithArguments("Pop3Client.Authenticate", 12, SecretRemedies.PasswordInCode));
        test.CompilerDiagnostics = Microsoft.CodeAnalysis.Testing.CompilerDiagnostics.None;
        await test.RunAsync();
    }
}
