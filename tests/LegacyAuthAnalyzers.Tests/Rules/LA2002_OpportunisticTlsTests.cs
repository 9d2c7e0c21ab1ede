using LegacyAuthAnalyzers.CodeFixes.Fixes;
using LegacyAuthAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LegacyAuthAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<LegacyAuthAnalyzers.Rules.LA2002_OpportunisticTlsAnalyzer>;
using VerifyFix = LegacyAuthAnalyzers.Tests.Infrastructure.CSharpCodeFixVerifier<LegacyAuthAnalyzers.Rules.LA2002_OpportunisticTlsAnalyzer, LegacyAuthAnalyzers.CodeFixes.Fixes.LA2002_OpportunisticTlsCodeFix>;

namespace LegacyAuthAnalyzers.Tests.Rules;

public sealed class LA2002_OpportunisticTlsTests
{
    private const string StartTls = "SecureSocketOptions.StartTls";

    [Theory]
    [InlineData("SecureSocketOptions.StartTlsWhenAvailable", 587, "SecureSocketOptions.StartTlsWhenAvailable")]
    [InlineData("SecureSocketOptions.Auto", 587, "SecureSocketOptions.Auto")]
    [InlineData("SecureSocketOptions.Auto", 25, "SecureSocketOptions.Auto")]
    [InlineData("SecureSocketOptions.StartTlsWhenAvailable", 2525, "SecureSocketOptions.StartTlsWhenAvailable")]
    public async Task MailKitOpportunisticOptions_ReportsDiagnostic(string options, int port, string shown)
    {
        var source = $$"""
            using MailKit.Net.Smtp;
            using MailKit.Security;

            public static class Mailer
            {
                public static void Connect(SmtpClient client) => {|#0:client.Connect("smtp.contoso.com", {{port}}, {{options}})|};
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic(DiagnosticIds.OpportunisticTls).WithLocation(0).WithArguments("SmtpClient.Connect with " + shown, "'smtp.contoso.com'", StartTls));
    }

    [Fact]
    public async Task MailKitCallOverSeveralLines_PointsAtTheModeArgument()
    {
        // The call starts two lines above its weak argument: the finding also points at the line to change.
        const string source = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            public static class Mailer
            {
                public static void Connect(SmtpClient client, int port) =>
                    {|#0:client.Connect(
                        "smtp.contoso.com",
                        port,
                        {|#1:SecureSocketOptions.StartTlsWhenAvailable|})|};

                public static void ConnectOnOneLine(SmtpClient client) =>
                    {|#2:client.Connect("smtp.contoso.com", 587, SecureSocketOptions.StartTlsWhenAvailable)|};
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic(DiagnosticIds.OpportunisticTls).WithLocation(0).WithLocation(1).WithArguments("SmtpClient.Connect with SecureSocketOptions.StartTlsWhenAvailable", "'smtp.contoso.com'", StartTls),
            Verify.Diagnostic(DiagnosticIds.OpportunisticTls).WithLocation(2).WithArguments("SmtpClient.Connect with SecureSocketOptions.StartTlsWhenAvailable", "'smtp.contoso.com'", StartTls));
    }

    [Fact]
    public async Task MailKitAutoByDefault_ReportsDiagnostic()
    {
        const string source = """
            using System.Threading.Tasks;
            using MailKit.Net.Imap;
            using MailKit.Net.Pop3;
            using MailKit.Net.Smtp;

            public static class Mail
            {
                public static async Task ConnectAsync(SmtpClient smtp, ImapClient imap, Pop3Client pop)
                {
                    {|#0:smtp.Connect("smtp.contoso.com", 587)|};
                    await {|#1:imap.ConnectAsync("imap.contoso.com")|};
                    {|#2:pop.Connect("pop.contoso.com", 110)|};
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic(DiagnosticIds.OpportunisticTls).WithLocation(0).WithArguments("SmtpClient.Connect with SecureSocketOptions.Auto (the default)", "'smtp.contoso.com'", StartTls),
            Verify.Diagnostic(DiagnosticIds.OpportunisticTls).WithLocation(1).WithArguments("ImapClient.ConnectAsync with SecureSocketOptions.Auto (the default)", "'imap.contoso.com'", StartTls),
            Verify.Diagnostic(DiagnosticIds.OpportunisticTls).WithLocation(2).WithArguments("Pop3Client.Connect with SecureSocketOptions.Auto (the default)", "'pop.contoso.com'", StartTls));
    }

    [Fact]
    public async Task MailKitUseSslFalse_ReportsDiagnostic()
    {
        const string source = """
            using MailKit.Net.Smtp;

            public sealed class SmtpSettings
            {
                public int Port { get; set; }
            }

            public static class Mailer
            {
                public static void Connect(SmtpClient client, SmtpSettings settings)
                {
                    {|#0:client.Connect("smtp.contoso.com", 587, false)|};
                    {|#1:client.Connect("smtp.contoso.com", settings.Port, useSsl: false)|};
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic(DiagnosticIds.OpportunisticTls).WithLocation(0).WithArguments("SmtpClient.Connect with useSsl: false", "'smtp.contoso.com'", StartTls),
            Verify.Diagnostic(DiagnosticIds.OpportunisticTls).WithLocation(1).WithArguments("SmtpClient.Connect with useSsl: false", "'smtp.contoso.com'", StartTls));
    }

    [Fact]
    public async Task MailKitPlainUri_ReportsDiagnostic()
    {
        var test = new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    """
                    using System;
                    using MailKit.Net.Imap;
                    using MailKit.Net.Smtp;

                    public static class Mail
                    {
                        public static void Connect(SmtpClient smtp, ImapClient imap)
                        {
                            {|#0:smtp.Connect(new Uri("smtp://smtp.contoso.com:25"))|};
                            {|#1:imap.Connect(new Uri(Endpoints.Imap))|};
                        }
                    }
                    """,
                    """
                    public static class Endpoints
                    {
                        public const string Imap = "imap://imap.contoso.com/?starttls=when-available";
                    }
                    """,
                },
                ExpectedDiagnostics =
                {
                    Verify.Diagnostic(DiagnosticIds.OpportunisticTls).WithLocation(0).WithArguments("SmtpClient.Connect with 'smtp://'", "'smtp.contoso.com'", "'?starttls=always'"),
                    Verify.Diagnostic(DiagnosticIds.OpportunisticTls).WithLocation(1).WithArguments("ImapClient.Connect with 'imap://'", "'imap.contoso.com'", "'?starttls=always'"),
                },
            },
        };

        await test.RunAsync();
    }

    [Theory]
    [InlineData("\"smtp.contoso.com\", 465")]
    [InlineData("\"smtp.contoso.com\", 465, SecureSocketOptions.Auto")]
    [InlineData("\"smtp.contoso.com\", 587, SecureSocketOptions.StartTls")]
    [InlineData("\"smtp.contoso.com\", 465, SecureSocketOptions.SslOnConnect")]
    [InlineData("\"smtp.contoso.com\", 465, true")]
    [InlineData("\"smtp.contoso.com\", 465, SecureSocketOptions.StartTlsWhenAvailable")]
    [InlineData("new System.Uri(\"smtps://smtp.contoso.com\")")]
    [InlineData("new System.Uri(\"smtp://smtp.contoso.com:587/?starttls=always\")")]
    [InlineData("\"localhost\", 25")]
    [InlineData("\"127.0.0.1\", 1025, false")]
    [InlineData("new System.Uri(\"smtp://smtp4dev:25\")")]
    public async Task SecureOrLocalConnection_NoDiagnostic(string arguments)
    {
        var source = $$"""
            using MailKit.Net.Smtp;
            using MailKit.Security;

            public static class Mailer
            {
                public static void Connect(SmtpClient client) => client.Connect({{arguments}});
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task AutoWithPortFromConfiguration_ReportsDiagnostic()
    {
        const string source = """
            using MailKit.Net.Imap;
            using MailKit.Security;

            public sealed class MailOptions
            {
                public string Host { get; set; } = "";
                public int Port { get; set; }
                public SecureSocketOptions Security { get; set; }
            }

            public static class Inbox
            {
                public static void Connect(ImapClient client, MailOptions options, SecureSocketOptions mode = SecureSocketOptions.Auto)
                {
                    {|#0:client.Connect(options.Host, options.Port)|};
                    {|#1:client.Connect(options.Host, options.Port, SecureSocketOptions.Auto)|};

                    // A mode from configuration or a caller is not the code's own fallback.
                    client.Connect("imap.contoso.com", 993, options.Security);
                    client.Connect("imap.contoso.com", 143, mode);

                    // Auto on the implicit-TLS port is implicit TLS.
                    client.Connect(options.Host, 993);
                }
            }
            """;

        // Auto is opportunistic STARTTLS on every port but the implicit-TLS one, and a configured port can be any port.
        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic(DiagnosticIds.OpportunisticTls).WithLocation(0).WithArguments("ImapClient.Connect with SecureSocketOptions.Auto (the default)", "a mail server", StartTls),
            Verify.Diagnostic(DiagnosticIds.OpportunisticTls).WithLocation(1).WithArguments("ImapClient.Connect with SecureSocketOptions.Auto", "a mail server", StartTls));
    }

    [Fact]
    public async Task WithoutMailKit_NoDiagnostic()
    {
        const string source = """
            using System.Net.Mail;

            public static class Mailer
            {
                public static void Send(MailMessage message) => new SmtpClient("smtp.contoso.com", 587) { EnableSsl = true }.Send(message);
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, TestReferences.WithoutMailLibraries);
    }

    [Fact]
    public async Task AutoByDefaultWithoutSecurityUsing_FixesToQualifiedStartTls()
    {
        const string source = """
            using MailKit.Net.Smtp;

            public static class Mailer
            {
                public static void Connect(SmtpClient client)
                {
                    {|#0:client.Connect("smtp.contoso.com", 587)|};
                }
            }
            """;
        const string fixedSource = """
            using MailKit.Net.Smtp;

            public static class Mailer
            {
                public static void Connect(SmtpClient client)
                {
                    client.Connect("smtp.contoso.com", 587, MailKit.Security.SecureSocketOptions.StartTls);
                }
            }
            """;

        await VerifyFix.VerifyCodeFixAsync(
            source,
            VerifyFix.Diagnostic(DiagnosticIds.OpportunisticTls).WithLocation(0).WithArguments("SmtpClient.Connect with SecureSocketOptions.Auto (the default)", "'smtp.contoso.com'", StartTls),
            fixedSource);
    }

    [Fact]
    public async Task UseSslFalse_FixesToStartTls()
    {
        const string source = """
            using System.Threading;
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;

            public static class Mailer
            {
                public static async Task ConnectAsync(SmtpClient client, CancellationToken cancellationToken)
                {
                    await {|#0:client.ConnectAsync("smtp.contoso.com", 587, false, cancellationToken)|};
                    await {|#1:client.ConnectAsync("smtp.contoso.com", 587, useSsl: false)|};
                }
            }
            """;
        const string fixedSource = """
            using System.Threading;
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;

            public static class Mailer
            {
                public static async Task ConnectAsync(SmtpClient client, CancellationToken cancellationToken)
                {
                    await client.ConnectAsync("smtp.contoso.com", 587, MailKit.Security.SecureSocketOptions.StartTls, cancellationToken);
                    await client.ConnectAsync("smtp.contoso.com", 587, options: MailKit.Security.SecureSocketOptions.StartTls);
                }
            }
            """;

        await VerifyFix.VerifyCodeFixAsync(
            source,
            [
                VerifyFix.Diagnostic(DiagnosticIds.OpportunisticTls).WithLocation(0).WithArguments("SmtpClient.ConnectAsync with useSsl: false", "'smtp.contoso.com'", StartTls),
                VerifyFix.Diagnostic(DiagnosticIds.OpportunisticTls).WithLocation(1).WithArguments("SmtpClient.ConnectAsync with useSsl: false", "'smtp.contoso.com'", StartTls),
            ],
            fixedSource);
    }

    [Fact]
    public async Task DefaultPortAndNamedToken_FixesToNamedOptions()
    {
        const string source = """
            using System.Threading;
            using MailKit.Net.Imap;
            using MailKit.Security;

            public static class Inbox
            {
                public static void Connect(ImapClient client, CancellationToken cancellationToken)
                {
                    {|#0:client.Connect("imap.contoso.com")|};
                    {|#1:client.Connect("imap.contoso.com", 143, cancellationToken: cancellationToken)|};
                    {|#2:client.Connect("imap.contoso.com", 143, SecureSocketOptions.StartTlsWhenAvailable)|};
                }
            }
            """;
        const string fixedSource = """
            using System.Threading;
            using MailKit.Net.Imap;
            using MailKit.Security;

            public static class Inbox
            {
                public static void Connect(ImapClient client, CancellationToken cancellationToken)
                {
                    client.Connect("imap.contoso.com", options: SecureSocketOptions.StartTls);
                    client.Connect("imap.contoso.com", 143, cancellationToken: cancellationToken, options: SecureSocketOptions.StartTls);
                    client.Connect("imap.contoso.com", 143, SecureSocketOptions.StartTls);
                }
            }
            """;

        await VerifyFix.VerifyCodeFixAsync(
            source,
            [
                VerifyFix.Diagnostic(DiagnosticIds.OpportunisticTls).WithLocation(0).WithArguments("ImapClient.Connect with SecureSocketOptions.Auto (the default)", "'imap.contoso.com'", StartTls),
                VerifyFix.Diagnostic(DiagnosticIds.OpportunisticTls).WithLocation(1).WithArguments("ImapClient.Connect with SecureSocketOptions.Auto (the default)", "'imap.contoso.com'", StartTls),
                VerifyFix.Diagnostic(DiagnosticIds.OpportunisticTls).WithLocation(2).WithArguments("ImapClient.Connect with SecureSocketOptions.StartTlsWhenAvailable", "'imap.contoso.com'", StartTls),
            ],
            fixedSource,
            LA2002_OpportunisticTlsCodeFix.EquivalenceKey);
    }

    [Fact]
    public async Task PlainUri_FixesToStartTlsAlways()
    {
        const string source = """
            using System;
            using MailKit.Net.Pop3;

            public static class Inbox
            {
                public static void Connect(Pop3Client client)
                {
                    {|#0:client.Connect(new Uri("pop://pop.contoso.com:110/?timeout=30"))|};
                }
            }
            """;
        const string fixedSource = """
            using System;
            using MailKit.Net.Pop3;

            public static class Inbox
            {
                public static void Connect(Pop3Client client)
                {
                    client.Connect(new Uri("pop://pop.contoso.com:110/?timeout=30&starttls=always"));
                }
            }
            """;

        await VerifyFix.VerifyCodeFixAsync(
            source,
            VerifyFix.Diagnostic(DiagnosticIds.OpportunisticTls).WithLocation(0).WithArguments("Pop3Client.Connect with 'pop://'", "'pop.contoso.com'", "'?starttls=always'"),
            fixedSource);
    }

    [Fact]
    public async Task UriFromConstantElsewhere_ReportsDiagnosticWithoutFix()
    {
        const string source = """
            using System;
            using MailKit.Net.Smtp;

            public static class Mailer
            {
                private const string Relay = "smtp://smtp.contoso.com:587";

                public static void Connect(SmtpClient client) => {|#0:client.Connect(new Uri(Relay))|};
            }
            """;

        await VerifyFix.VerifyCodeFixAsync(
            source,
            VerifyFix.Diagnostic(DiagnosticIds.OpportunisticTls).WithLocation(0).WithArguments("SmtpClient.Connect with 'smtp://'", "'smtp.contoso.com'", "'?starttls=always'"),
            source);
    }

    [Fact]
    public async Task PlainUriBuiltFromSettings_ReportsDiagnosticWithoutFix()
    {
        const string source = """
            using System;
            using MailKit.Net.Smtp;

            public sealed class SmtpSettings
            {
                public string Host { get; set; } = "";
                public int Port { get; set; }
                public string Query { get; set; } = "";
            }

            public static class Mailer
            {
                public static void Connect(SmtpClient client, SmtpSettings settings)
                {
                    {|#0:client.Connect(new Uri($"smtp://{settings.Host}:25"))|};
                    {|#1:client.Connect(new Uri("smtp://" + settings.Host + ":" + settings.Port))|};
                    client.Connect(new Uri($"smtps://{settings.Host}:{settings.Port}"));
                    client.Connect(new Uri($"smtp://{settings.Host}:587/?starttls=always"));
                    client.Connect(new Uri($"smtp://{settings.Host}/?{settings.Query}"));
                    client.Connect(new Uri($"{settings.Query}://{settings.Host}"));
                }
            }
            """;

        await VerifyFix.VerifyCodeFixAsync(
            source,
            [
                VerifyFix.Diagnostic(DiagnosticIds.OpportunisticTls).WithLocation(0).WithArguments("SmtpClient.Connect with 'smtp://'", "a mail server", "'?starttls=always'"),
                VerifyFix.Diagnostic(DiagnosticIds.OpportunisticTls).WithLocation(1).WithArguments("SmtpClient.Connect with 'smtp://'", "a mail server", "'?starttls=always'"),
            ],
            source);
    }

    [Fact]
    public async Task ConflictingSecureSocketOptionsName_FixesToQualifiedName()
    {
        const string source = """
            using MailKit.Net.Smtp;

            namespace Contoso.Mail
            {
                public enum SecureSocketOptions { Off, On }

                public static class Mailer
                {
                    public static void Connect(SmtpClient client) => {|#0:client.Connect("smtp.contoso.com", 587, false)|};
                }
            }
            """;
        const string fixedSource = """
            using MailKit.Net.Smtp;

            namespace Contoso.Mail
            {
                public enum SecureSocketOptions { Off, On }

                public static class Mailer
                {
                    public static void Connect(SmtpClient client) => client.Connect("smtp.contoso.com", 587, MailKit.Security.SecureSocketOptions.StartTls);
                }
            }
            """;

        await VerifyFix.VerifyCodeFixAsync(
            source,
            VerifyFix.Diagnostic(DiagnosticIds.OpportunisticTls).WithLocation(0).WithArguments("SmtpClient.Connect with useSsl: false", "'smtp.contoso.com'", StartTls),
            fixedSource);
    }
}
