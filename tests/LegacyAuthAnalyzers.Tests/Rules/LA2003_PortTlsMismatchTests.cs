using LegacyAuthAnalyzers.CodeFixes.Fixes;
using LegacyAuthAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LegacyAuthAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<LegacyAuthAnalyzers.Rules.LA2003_PortTlsMismatchAnalyzer>;
using VerifyFix = LegacyAuthAnalyzers.Tests.Infrastructure.CSharpCodeFixVerifier<LegacyAuthAnalyzers.Rules.LA2003_PortTlsMismatchAnalyzer, LegacyAuthAnalyzers.CodeFixes.Fixes.LA2003_PortTlsMismatchCodeFix>;

namespace LegacyAuthAnalyzers.Tests.Rules;

public sealed class LA2003_PortTlsMismatchTests
{
    private const string HandshakeFails = "the TLS handshake fails because the server greets in plaintext and expects STARTTLS";
    private const string Hangs = "the client waits for a plaintext greeting that never comes and hangs until the timeout";
    private const string Microsoft365 = "Microsoft 365 and Outlook.com do not offer SMTP there, so the connection fails";
    private const string SystemNetMail = "System.Net.Mail.SmtpClient";
    private const string SystemNetMailMode = "STARTTLS or plaintext";
    private const string SystemNetMailHangs = "it cannot do implicit TLS, so it waits for a plaintext greeting that never comes and hangs until the timeout";
    private const string SystemNetMailRemedy = "port 587 with EnableSsl = true";

    [Theory]
    [InlineData("SmtpClient", "MailKit.Net.Smtp", 587, "SecureSocketOptions.SslOnConnect", "SecureSocketOptions.SslOnConnect", HandshakeFails, "SecureSocketOptions.StartTls")]
    [InlineData("SmtpClient", "MailKit.Net.Smtp", 25, "true", "implicit TLS (useSsl: true)", HandshakeFails, "SecureSocketOptions.StartTls")]
    [InlineData("ImapClient", "MailKit.Net.Imap", 143, "SecureSocketOptions.SslOnConnect", "SecureSocketOptions.SslOnConnect", HandshakeFails, "SecureSocketOptions.StartTls")]
    [InlineData("Pop3Client", "MailKit.Net.Pop3", 110, "true", "implicit TLS (useSsl: true)", HandshakeFails, "SecureSocketOptions.StartTls")]
    [InlineData("SmtpClient", "MailKit.Net.Smtp", 465, "SecureSocketOptions.StartTls", "SecureSocketOptions.StartTls", Hangs, "SecureSocketOptions.SslOnConnect")]
    [InlineData("SmtpClient", "MailKit.Net.Smtp", 465, "false", "opportunistic STARTTLS (useSsl: false)", Hangs, "SecureSocketOptions.SslOnConnect")]
    [InlineData("ImapClient", "MailKit.Net.Imap", 993, "SecureSocketOptions.StartTlsWhenAvailable", "SecureSocketOptions.StartTlsWhenAvailable", Hangs, "SecureSocketOptions.SslOnConnect")]
    [InlineData("Pop3Client", "MailKit.Net.Pop3", 995, "SecureSocketOptions.None", "SecureSocketOptions.None", Hangs, "SecureSocketOptions.SslOnConnect")]
    public async Task MailKitMismatchedPair_ReportsDiagnostic(string client, string ns, int port, string mode, string shownMode, string consequence, string remedy)
    {
        var source = $$"""
            using {{ns}};
            using MailKit.Security;

            public static class Mail
            {
                public static void Connect({{client}} client) => {|#0:client.Connect("mail.contoso.com", {{port}}, {{mode}})|};
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic(DiagnosticIds.PortTlsMismatch).WithLocation(0).WithArguments(client + ".Connect", shownMode, port.ToString(), consequence, remedy));
    }

    [Fact]
    public async Task MailKitMismatchThroughConstantsInOtherFile_ReportsDiagnostic()
    {
        var test = new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    """
                    using System.Threading.Tasks;
                    using MailKit.Net.Imap;

                    public static class Inbox
                    {
                        public static async Task OpenAsync(ImapClient client)
                        {
                            var port = ImapSettings.Port;
                            await {|#0:client.ConnectAsync(ImapSettings.Host, port, ImapSettings.Security)|};
                        }
                    }
                    """,
                    """
                    using MailKit.Security;

                    public static class ImapSettings
                    {
                        public const string Host = "imap.contoso.com";
                        public const int Port = 143;
                        public static readonly SecureSocketOptions Security = SecureSocketOptions.SslOnConnect;
                    }
                    """,
                },
                ExpectedDiagnostics =
                {
                    Verify.Diagnostic(DiagnosticIds.PortTlsMismatch).WithLocation(0)
                        .WithArguments("ImapClient.ConnectAsync", "SecureSocketOptions.SslOnConnect", "143", HandshakeFails, "SecureSocketOptions.StartTls"),
                },
            },
        };

        await test.RunAsync();
    }

    [Fact]
    public async Task MailKitMismatchedUri_ReportsDiagnostic()
    {
        const string source = """
            using System;
            using MailKit.Net.Imap;
            using MailKit.Net.Smtp;

            public static class Mail
            {
                public static void Connect(SmtpClient smtp, ImapClient imap)
                {
                    {|#0:smtp.Connect(new Uri("smtps://smtp.contoso.com:587"))|};
                    {|#1:imap.Connect(new Uri("imap://imap.contoso.com:993/?starttls=always"))|};
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic(DiagnosticIds.PortTlsMismatch).WithLocation(0).WithArguments("SmtpClient.Connect", "implicit TLS ('smtps://')", "587", HandshakeFails, "'?starttls=always'"),
            Verify.Diagnostic(DiagnosticIds.PortTlsMismatch).WithLocation(1).WithArguments("ImapClient.Connect", "STARTTLS ('?starttls=always')", "993", Hangs, "'imaps://'"));
    }

    [Theory]
    [InlineData("465, SecureSocketOptions.SslOnConnect", "SecureSocketOptions.SslOnConnect")]
    [InlineData("465, true", "implicit TLS (useSsl: true)")]
    [InlineData("465", "SecureSocketOptions.Auto (the default)")]
    public async Task MailKitPort465ToMicrosoft365_ReportsDiagnostic(string arguments, string shownMode)
    {
        var source = $$"""
            using MailKit.Net.Smtp;
            using MailKit.Security;

            public static class Mailer
            {
                public static void Connect(SmtpClient client) => {|#0:client.Connect("smtp.office365.com", {{arguments}})|};
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic(DiagnosticIds.PortTlsMismatch).WithLocation(0).WithArguments("SmtpClient.Connect", shownMode, "465", Microsoft365, "SecureSocketOptions.StartTls on port 587"));
    }

    [Fact]
    public async Task SystemNetMailPort465_ReportsDiagnostic()
    {
        const string source = """
            using System.Net.Mail;

            public static class Mailer
            {
                public static void Send(MailMessage message, SmtpClient shared)
                {
                    using var first = {|#0:new SmtpClient("smtp.contoso.com", 465)|} { EnableSsl = true };
                    first.Send(message);
                    using var second = new SmtpClient { Host = "smtp.contoso.com", {|#1:Port = 465|}, EnableSsl = true };
                    second.Send(message);
                    {|#2:shared.Port = 465|};
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic(DiagnosticIds.PortTlsMismatch).WithLocation(0).WithArguments(SystemNetMail, SystemNetMailMode, "465", SystemNetMailHangs, SystemNetMailRemedy),
            Verify.Diagnostic(DiagnosticIds.PortTlsMismatch).WithLocation(1).WithArguments(SystemNetMail, SystemNetMailMode, "465", SystemNetMailHangs, SystemNetMailRemedy),
            Verify.Diagnostic(DiagnosticIds.PortTlsMismatch).WithLocation(2).WithArguments(SystemNetMail, SystemNetMailMode, "465", SystemNetMailHangs, SystemNetMailRemedy));
    }

    [Fact]
    public async Task SystemNetMailPort465WithoutMailLibraries_ReportsDiagnostic()
    {
        const string source = """
            using System.Net.Mail;

            public static class Mailer
            {
                private const int SslPort = 465;

                public static void Send(MailMessage message)
                {
                    var client = new SmtpClient("smtp.contoso.com");
                    {|#0:client.Port = SslPort|};
                    client.EnableSsl = true;
                    client.Send(message);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            TestReferences.WithoutMailLibraries,
            Verify.Diagnostic(DiagnosticIds.PortTlsMismatch).WithLocation(0).WithArguments(SystemNetMail, SystemNetMailMode, "465", SystemNetMailHangs, SystemNetMailRemedy));
    }

    [Theory]
    [InlineData("SmtpClient", "MailKit.Net.Smtp", "587, SecureSocketOptions.StartTls")]
    [InlineData("SmtpClient", "MailKit.Net.Smtp", "25, SecureSocketOptions.StartTls")]
    [InlineData("SmtpClient", "MailKit.Net.Smtp", "465, SecureSocketOptions.SslOnConnect")]
    [InlineData("SmtpClient", "MailKit.Net.Smtp", "465, true")]
    [InlineData("SmtpClient", "MailKit.Net.Smtp", "465")]
    [InlineData("SmtpClient", "MailKit.Net.Smtp", "2525, SecureSocketOptions.SslOnConnect")]
    [InlineData("ImapClient", "MailKit.Net.Imap", "143, SecureSocketOptions.StartTls")]
    [InlineData("ImapClient", "MailKit.Net.Imap", "993, SecureSocketOptions.SslOnConnect")]
    [InlineData("ImapClient", "MailKit.Net.Imap", "993")]
    [InlineData("Pop3Client", "MailKit.Net.Pop3", "110, SecureSocketOptions.StartTls")]
    [InlineData("Pop3Client", "MailKit.Net.Pop3", "995, true")]
    [InlineData("Pop3Client", "MailKit.Net.Pop3", "0, SecureSocketOptions.SslOnConnect")]
    public async Task MailKitMatchingPair_NoDiagnostic(string client, string ns, string arguments)
    {
        var source = $$"""
            using {{ns}};
            using MailKit.Security;

            public static class Mail
            {
                public static void Connect({{client}} client) => client.Connect("mail.contoso.com", {{arguments}});
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task PortOrModeFromConfigurationOrLocalHost_NoDiagnostic()
    {
        const string source = """
            using System;
            using System.Net.Mail;
            using MailKit.Security;

            public sealed class MailSettings
            {
                public string Host { get; set; } = "";
                public int Port { get; set; }
                public SecureSocketOptions Security { get; set; }
                public bool UseSsl { get; set; }
            }

            public static class Mail
            {
                public static void Connect(MailKit.Net.Smtp.SmtpClient client, MailSettings settings, MailMessage message)
                {
                    client.Connect(settings.Host, settings.Port, SecureSocketOptions.SslOnConnect);
                    client.Connect("smtp.contoso.com", 587, settings.Security);
                    client.Connect("smtp.contoso.com", 465, settings.UseSsl);
                    client.Connect(new Uri(settings.Host));
                    client.Connect("localhost", 587, SecureSocketOptions.SslOnConnect);
                    client.Connect("mailpit", 1025, SecureSocketOptions.None);
                    using var smtp = new SmtpClient(settings.Host, settings.Port) { EnableSsl = true };
                    smtp.Send(message);
                    using var local = new SmtpClient("localhost", 465);
                    local.Send(message);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task SystemNetMailPortOverriddenOrPickup_NoDiagnostic()
    {
        const string source = """
            using System.Net.Mail;

            public static class Mailer
            {
                public static void Send(MailMessage message)
                {
                    using var client = new SmtpClient("smtp.contoso.com", 465) { Port = 587, EnableSsl = true };
                    client.Send(message);
                    using var pickup = new SmtpClient("smtp.contoso.com", 465) { DeliveryMethod = SmtpDeliveryMethod.PickupDirectoryFromIis };
                    pickup.Send(message);
                    using var submission = new SmtpClient("smtp.contoso.com", 587) { EnableSsl = true };
                    submission.Send(message);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task SslOnConnectOnSubmissionPort_FixesToStartTls()
    {
        const string source = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            public static class Mailer
            {
                public static void Connect(SmtpClient client)
                {
                    {|#0:client.Connect("smtp.contoso.com", 587, SecureSocketOptions.SslOnConnect)|}; // submission
                }
            }
            """;
        const string fixedSource = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            public static class Mailer
            {
                public static void Connect(SmtpClient client)
                {
                    client.Connect("smtp.contoso.com", 587, SecureSocketOptions.StartTls); // submission
                }
            }
            """;

        await VerifyFix.VerifyCodeFixAsync(
            source,
            VerifyFix.Diagnostic(DiagnosticIds.PortTlsMismatch).WithLocation(0).WithArguments("SmtpClient.Connect", "SecureSocketOptions.SslOnConnect", "587", HandshakeFails, "SecureSocketOptions.StartTls"),
            fixedSource);
    }

    [Fact]
    public async Task StartTlsOnImplicitPorts_FixesToSslOnConnect()
    {
        const string source = """
            using System.Threading.Tasks;
            using MailKit.Net.Imap;
            using MailKit.Net.Pop3;

            public static class Inbox
            {
                public static async Task OpenAsync(ImapClient imap, Pop3Client pop)
                {
                    await {|#0:imap.ConnectAsync("imap.contoso.com", 993, useSsl: false)|};
                    {|#1:pop.Connect("pop.contoso.com", 995, MailKit.Security.SecureSocketOptions.StartTls)|};
                }
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using MailKit.Net.Imap;
            using MailKit.Net.Pop3;

            public static class Inbox
            {
                public static async Task OpenAsync(ImapClient imap, Pop3Client pop)
                {
                    await imap.ConnectAsync("imap.contoso.com", 993, options: MailKit.Security.SecureSocketOptions.SslOnConnect);
                    pop.Connect("pop.contoso.com", 995, MailKit.Security.SecureSocketOptions.SslOnConnect);
                }
            }
            """;

        await VerifyFix.VerifyCodeFixAsync(
            source,
            [
                VerifyFix.Diagnostic(DiagnosticIds.PortTlsMismatch).WithLocation(0).WithArguments("ImapClient.ConnectAsync", "opportunistic STARTTLS (useSsl: false)", "993", Hangs, "SecureSocketOptions.SslOnConnect"),
                VerifyFix.Diagnostic(DiagnosticIds.PortTlsMismatch).WithLocation(1).WithArguments("Pop3Client.Connect", "SecureSocketOptions.StartTls", "995", Hangs, "SecureSocketOptions.SslOnConnect"),
            ],
            fixedSource,
            LA2003_PortTlsMismatchCodeFix.EquivalenceKey);
    }

    [Fact]
    public async Task Port465ToMicrosoft365_FixesToSubmissionPortWithStartTls()
    {
        const string source = """
            using MailKit.Net.Smtp;

            public static class Mailer
            {
                public static void Connect(SmtpClient client)
                {
                    {|#0:client.Connect("smtp.office365.com", 465, true)|};
                }
            }
            """;
        const string fixedSource = """
            using MailKit.Net.Smtp;

            public static class Mailer
            {
                public static void Connect(SmtpClient client)
                {
                    client.Connect("smtp.office365.com", 587, MailKit.Security.SecureSocketOptions.StartTls);
                }
            }
            """;

        await VerifyFix.VerifyCodeFixAsync(
            source,
            VerifyFix.Diagnostic(DiagnosticIds.PortTlsMismatch).WithLocation(0).WithArguments("SmtpClient.Connect", "implicit TLS (useSsl: true)", "465", Microsoft365, "SecureSocketOptions.StartTls on port 587"),
            fixedSource);
    }

    [Fact]
    public async Task MismatchedUris_FixesToMatchingScheme()
    {
        const string source = """
            using System;
            using MailKit.Net.Imap;
            using MailKit.Net.Smtp;

            public static class Mail
            {
                public static void Connect(SmtpClient smtp, ImapClient imap)
                {
                    {|#0:smtp.Connect(new Uri("smtps://smtp.contoso.com:587"))|};
                    {|#1:imap.Connect(new Uri("imap://imap.contoso.com:993/?starttls=always"))|};
                    {|#2:smtp.Connect(new Uri("smtps://smtp.office365.com:465"))|};
                }
            }
            """;
        const string fixedSource = """
            using System;
            using MailKit.Net.Imap;
            using MailKit.Net.Smtp;

            public static class Mail
            {
                public static void Connect(SmtpClient smtp, ImapClient imap)
                {
                    smtp.Connect(new Uri("smtp://smtp.contoso.com:587?starttls=always"));
                    imap.Connect(new Uri("imaps://imap.contoso.com:993/"));
                    smtp.Connect(new Uri("smtp://smtp.office365.com:587?starttls=always"));
                }
            }
            """;

        await VerifyFix.VerifyCodeFixAsync(
            source,
            [
                VerifyFix.Diagnostic(DiagnosticIds.PortTlsMismatch).WithLocation(0).WithArguments("SmtpClient.Connect", "implicit TLS ('smtps://')", "587", HandshakeFails, "'?starttls=always'"),
                VerifyFix.Diagnostic(DiagnosticIds.PortTlsMismatch).WithLocation(1).WithArguments("ImapClient.Connect", "STARTTLS ('?starttls=always')", "993", Hangs, "'imaps://'"),
                VerifyFix.Diagnostic(DiagnosticIds.PortTlsMismatch).WithLocation(2).WithArguments("SmtpClient.Connect", "implicit TLS ('smtps://')", "465", Microsoft365, "'?starttls=always' on port 587"),
            ],
            fixedSource);
    }

    [Fact]
    public async Task SystemNetMailPort465InConstructor_FixesToSubmissionPortWithEnableSsl()
    {
        const string source = """
            using System.Net.Mail;

            internal static class Mailer
            {
                internal static void Send(MailMessage message)
                {
                    using var client = {|#0:new SmtpClient("smtp.contoso.com", 465)|};
                    client.Send(message);
                }
            }
            """;
        const string fixedSource = """
            using System.Net.Mail;

            internal static class Mailer
            {
                internal static void Send(MailMessage message)
                {
                    using var client = new SmtpClient("smtp.contoso.com", 587) { EnableSsl = true };
                    client.Send(message);
                }
            }
            """;

        var test = new VerifyFix.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CompilerDiagnostics = CompilerDiagnostics.Warnings,
        };
        test.ExpectedDiagnostics.Add(VerifyFix.Diagnostic(DiagnosticIds.PortTlsMismatch).WithLocation(0).WithArguments(SystemNetMail, SystemNetMailMode, "465", SystemNetMailHangs, SystemNetMailRemedy));

        await test.RunAsync();
    }

    [Fact]
    public async Task SystemNetMailPort465Assignments_FixesToSubmissionPortWithEnableSsl()
    {
        const string source = """
            using System.Net.Mail;

            public static class Mailer
            {
                public static void Send(MailMessage message, SmtpClient shared)
                {
                    var client = new SmtpClient
                    {
                        Host = "smtp.contoso.com",
                        {|#0:Port = 465|},
                        EnableSsl = false,
                    };
                    client.Send(message);

                    {|#1:shared.Port = 465|};
                    shared.Send(message);
                }
            }
            """;
        const string fixedSource = """
            using System.Net.Mail;

            public static class Mailer
            {
                public static void Send(MailMessage message, SmtpClient shared)
                {
                    var client = new SmtpClient
                    {
                        Host = "smtp.contoso.com",
                        Port = 587,
                        EnableSsl = true,
                    };
                    client.Send(message);

                    shared.Port = 587;
                    shared.EnableSsl = true;
                    shared.Send(message);
                }
            }
            """;

        await VerifyFix.VerifyCodeFixAsync(
            source,
            [
                VerifyFix.Diagnostic(DiagnosticIds.PortTlsMismatch).WithLocation(0).WithArguments(SystemNetMail, SystemNetMailMode, "465", SystemNetMailHangs, SystemNetMailRemedy),
                VerifyFix.Diagnostic(DiagnosticIds.PortTlsMismatch).WithLocation(1).WithArguments(SystemNetMail, SystemNetMailMode, "465", SystemNetMailHangs, SystemNetMailRemedy),
            ],
            fixedSource);
    }

    [Fact]
    public async Task PlainUriBuiltFromSettingsOnImplicitPort_ReportsDiagnostic()
    {
        const string source = """
            using System;
            using MailKit.Net.Smtp;

            public sealed class SmtpSettings
            {
                public string Host { get; set; } = "";
            }

            public static class Mailer
            {
                public static void Connect(SmtpClient client, SmtpSettings settings) =>
                    {|#0:client.Connect(new Uri($"smtp://{settings.Host}:465"))|};
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic(DiagnosticIds.PortTlsMismatch).WithLocation(0).WithArguments("SmtpClient.Connect", "opportunistic STARTTLS ('smtp://')", "465", Hangs, "'smtps://'"));
    }

    [Fact]
    public async Task SystemNetMailPort465InInitializerWithoutEnableSsl_FixesToSubmissionPortWithEnableSsl()
    {
        const string source = """
            using System.Net.Mail;

            public static class Mailer
            {
                public static SmtpClient Create() => new SmtpClient { Host = "smtp.contoso.com", {|#0:Port = 465|} };
            }
            """;
        const string fixedSource = """
            using System.Net.Mail;

            public static class Mailer
            {
                public static SmtpClient Create() => new SmtpClient { Host = "smtp.contoso.com", Port = 587, EnableSsl = true };
            }
            """;

        await VerifyFix.VerifyCodeFixAsync(
            source,
            VerifyFix.Diagnostic(DiagnosticIds.PortTlsMismatch).WithLocation(0).WithArguments(SystemNetMail, SystemNetMailMode, "465", SystemNetMailHangs, SystemNetMailRemedy),
            fixedSource);
    }
}
