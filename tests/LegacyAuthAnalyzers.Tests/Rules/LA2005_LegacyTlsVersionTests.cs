using LegacyAuthAnalyzers.CodeFixes.Fixes;
using LegacyAuthAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LegacyAuthAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<LegacyAuthAnalyzers.Rules.LA2005_LegacyTlsVersionAnalyzer>;
using VerifyFix = LegacyAuthAnalyzers.Tests.Infrastructure.CSharpCodeFixVerifier<LegacyAuthAnalyzers.Rules.LA2005_LegacyTlsVersionAnalyzer, LegacyAuthAnalyzers.CodeFixes.Fixes.LA2005_LegacyTlsVersionCodeFix>;

namespace LegacyAuthAnalyzers.Tests.Rules;

public sealed class LA2005_LegacyTlsVersionTests
{
    [Theory]
    [InlineData("SslProtocols.Tls", "TLS 1.0")]
    [InlineData("SslProtocols.Tls11 | SslProtocols.Tls12", "TLS 1.1")]
    [InlineData("SslProtocols.Tls | SslProtocols.Tls11 | SslProtocols.Tls12", "TLS 1.0 and TLS 1.1")]
    [InlineData("SslProtocols.Ssl3 | SslProtocols.Tls12", "SSL 3.0")]
    [InlineData("SslProtocols.Ssl2 | SslProtocols.Ssl3 | SslProtocols.Tls | SslProtocols.Tls11", "SSL 2.0, SSL 3.0, TLS 1.0 and TLS 1.1")]
    [InlineData("SslProtocols.Default", "SSL 3.0 and TLS 1.0")]
    public async Task LegacyProtocolOnMailKitClient_ReportsDiagnostic(string protocols, string shown)
    {
        var source = $$"""
            #pragma warning disable SYSLIB0039, CS0618
            using System.Security.Authentication;
            using MailKit.Net.Imap;

            public static class Inbox
            {
                public static void Configure(ImapClient client) => {|#0:client.SslProtocols = {{protocols}}|};
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic(DiagnosticIds.LegacyTlsVersion).WithLocation(0).WithArguments("ImapClient.SslProtocols", shown));
    }

    [Fact]
    public async Task LegacyProtocolThroughConstantsAndInitializer_ReportsDiagnostic()
    {
        var test = new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    """
                    using MailKit;
                    using MailKit.Net.Pop3;
                    using MailKit.Net.Smtp;

                    public static class Mail
                    {
                        public static SmtpClient Create(Pop3Client pop, IMailService service)
                        {
                            {|#0:pop.SslProtocols = TlsSettings.Allowed|};
                            {|#1:service.SslProtocols = TlsSettings.Allowed|};
                            return new SmtpClient { {|#2:SslProtocols = TlsSettings.Allowed|}, Timeout = 10000 };
                        }
                    }
                    """,
                    """
                    using System.Security.Authentication;

                    public static class TlsSettings
                    {
                        public const SslProtocols Allowed = SslProtocols.Tls11 | SslProtocols.Tls12;
                    }
                    """,
                },
                ExpectedDiagnostics =
                {
                    Verify.Diagnostic(DiagnosticIds.LegacyTlsVersion).WithLocation(0).WithArguments("Pop3Client.SslProtocols", "TLS 1.1"),
                    Verify.Diagnostic(DiagnosticIds.LegacyTlsVersion).WithLocation(1).WithArguments("IMailService.SslProtocols", "TLS 1.1"),
                    Verify.Diagnostic(DiagnosticIds.LegacyTlsVersion).WithLocation(2).WithArguments("SmtpClient.SslProtocols", "TLS 1.1"),
                },
            },
        };

        await test.RunAsync();
    }

    [Theory]
    [InlineData("SslProtocols.Tls12")]
    [InlineData("SslProtocols.Tls12 | SslProtocols.Tls13")]
    [InlineData("SslProtocols.None")]
    [InlineData("settings.Protocols")]
    public async Task ModernOrConfiguredProtocols_NoDiagnostic(string protocols)
    {
        var source = $$"""
            using System.Security.Authentication;
            using MailKit.Net.Smtp;

            public sealed class MailSettings
            {
                public SslProtocols Protocols { get; set; }
            }

            public static class Mailer
            {
                public static void Configure(SmtpClient client, MailSettings settings) => client.SslProtocols = {{protocols}};
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task LegacyProtocolOnNonMailOrLocalClient_NoDiagnostic()
    {
        const string source = """
            using System.Net.Http;
            using System.Net.Security;
            using System.Security.Authentication;
            using MailKit.Net.Imap;

            public static class Clients
            {
                public static HttpClient Create(SslClientAuthenticationOptions options, ImapClient local)
                {
                    options.EnabledSslProtocols = SslProtocols.Tls11;
                    local.SslProtocols = SslProtocols.Tls | SslProtocols.Tls12;
                    local.Connect("localhost", 993, true);
                    return new HttpClient(new HttpClientHandler { SslProtocols = SslProtocols.Tls11 });
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task WithoutMailKit_NoDiagnostic()
    {
        const string source = """
            using System.Net;

            public static class Startup
            {
                public static void Configure() => ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls11 | SecurityProtocolType.Tls12;
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, TestReferences.WithoutMailLibraries);
    }

    [Fact]
    public async Task LegacyProtocolStatement_FixesToOperatingSystemDefault()
    {
        const string source = """
            #pragma warning disable SYSLIB0039 // The legacy values are what the fix removes.
            using System.Security.Authentication;
            using MailKit.Net.Smtp;

            internal static class Mailer
            {
                internal static void Connect(SmtpClient client)
                {
                    client.Timeout = 10000;
                    // The old relay only speaks TLS 1.0.
                    {|#0:client.SslProtocols = SslProtocols.Tls | SslProtocols.Tls12|};
                    client.Connect("smtp.contoso.com", 587, MailKit.Security.SecureSocketOptions.StartTls);
                }
            }
            """;
        const string fixedSource = """
            #pragma warning disable SYSLIB0039 // The legacy values are what the fix removes.
            using System.Security.Authentication;
            using MailKit.Net.Smtp;

            internal static class Mailer
            {
                internal static void Connect(SmtpClient client)
                {
                    client.Timeout = 10000;
                    client.Connect("smtp.contoso.com", 587, MailKit.Security.SecureSocketOptions.StartTls);
                }
            }
            """;

        var test = new VerifyFix.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CompilerDiagnostics = CompilerDiagnostics.Warnings,
        };
        test.ExpectedDiagnostics.Add(VerifyFix.Diagnostic(DiagnosticIds.LegacyTlsVersion).WithLocation(0).WithArguments("SmtpClient.SslProtocols", "TLS 1.0"));

        await test.RunAsync();
    }

    [Fact]
    public async Task SeveralLegacySettings_FixesToOperatingSystemDefault()
    {
        const string source = """
            using System.Security.Authentication;
            using MailKit.Net.Imap;
            using MailKit.Net.Smtp;

            public static class Mail
            {
                public static ImapClient Create(SmtpClient smtp, bool legacy)
                {
                    smtp.Timeout = 10000;
                    {|#0:smtp.SslProtocols = SslProtocols.Tls11 | SslProtocols.Tls12|};
                    if (legacy)
                        {|#1:smtp.SslProtocols = SslProtocols.Tls|};

                    return new ImapClient { Timeout = 10000, {|#2:SslProtocols = SslProtocols.Tls11|} };
                }
            }
            """;
        const string fixedSource = """
            using System.Security.Authentication;
            using MailKit.Net.Imap;
            using MailKit.Net.Smtp;

            public static class Mail
            {
                public static ImapClient Create(SmtpClient smtp, bool legacy)
                {
                    smtp.Timeout = 10000;

                    return new ImapClient { Timeout = 10000 };
                }
            }
            """;

        await VerifyFix.VerifyCodeFixAsync(
            source,
            [
                VerifyFix.Diagnostic(DiagnosticIds.LegacyTlsVersion).WithLocation(0).WithArguments("SmtpClient.SslProtocols", "TLS 1.1"),
                VerifyFix.Diagnostic(DiagnosticIds.LegacyTlsVersion).WithLocation(1).WithArguments("SmtpClient.SslProtocols", "TLS 1.0"),
                VerifyFix.Diagnostic(DiagnosticIds.LegacyTlsVersion).WithLocation(2).WithArguments("ImapClient.SslProtocols", "TLS 1.1"),
            ],
            fixedSource,
            LA2005_LegacyTlsVersionCodeFix.EquivalenceKey);
    }
}
