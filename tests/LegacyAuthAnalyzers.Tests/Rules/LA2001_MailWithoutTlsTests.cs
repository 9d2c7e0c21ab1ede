using LegacyAuthAnalyzers.Rules;
using LegacyAuthAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LegacyAuthAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<LegacyAuthAnalyzers.Rules.LA2001_MailWithoutTlsAnalyzer>;
using VerifyFix = LegacyAuthAnalyzers.Tests.Infrastructure.CSharpCodeFixVerifier<LegacyAuthAnalyzers.Rules.LA2001_MailWithoutTlsAnalyzer, LegacyAuthAnalyzers.CodeFixes.Fixes.LA2001_MailWithoutTlsCodeFix>;

namespace LegacyAuthAnalyzers.Tests.Rules;

public sealed class LA2001_MailWithoutTlsTests
{
    [Fact]
    public async Task MailKitSecureSocketOptionsNone_ReportsDiagnostic()
    {
        const string source = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            public static class Mailer
            {
                public static void Send()
                {
                    using var client = new SmtpClient();
                    {|#0:client.Connect("smtp.contoso.com", 587, SecureSocketOptions.None)|};
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic(DiagnosticIds.MailWithoutTls).WithLocation(0).WithArguments("SmtpClient.Connect with SecureSocketOptions.None", "'smtp.contoso.com'"));
    }

    [Fact]
    public async Task MailKitConnectAsyncNoneOnImap_ReportsDiagnostic()
    {
        const string source = """
            using System.Threading.Tasks;
            using MailKit.Net.Imap;
            using MailKit.Security;

            public static class Inbox
            {
                public static async Task ReadAsync()
                {
                    using var client = new ImapClient();
                    await {|#0:client.ConnectAsync("imap.contoso.com", 143, SecureSocketOptions.None)|};
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(DiagnosticIds.MailWithoutTls).WithLocation(0).WithArguments("ImapClient.ConnectAsync with SecureSocketOptions.None", "'imap.contoso.com'"));
    }

    [Fact]
    public async Task MailKitNoneFromConstantInOtherFile_ReportsDiagnostic()
    {
        var test = new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    """
                    using MailKit.Net.Pop3;

                    public static class Inbox
                    {
                        public static void Read(Pop3Client client)
                        {
                            var options = MailSettings.Security;
                            {|#0:client.Connect(MailSettings.Host, MailSettings.Port, options)|};
                        }
                    }
                    """,
                    """
                    using MailKit.Security;

                    public static class MailSettings
                    {
                        public const string Host = "pop.contoso.com";
                        public const int Port = 110;
                        public const SecureSocketOptions Security = SecureSocketOptions.None;
                    }
                    """,
                },
                ExpectedDiagnostics = { Verify.Diagnostic(DiagnosticIds.MailWithoutTls).WithLocation(0).WithArguments("Pop3Client.Connect with SecureSocketOptions.None", "'pop.contoso.com'") },
            },
        };

        await test.RunAsync();
    }

    [Fact]
    public async Task MailKitNoneWithPortFromConfiguration_ReportsDiagnostic()
    {
        const string source = """
            using MailKit;
            using MailKit.Net.Smtp;
            using MailKit.Security;

            public sealed class MailOptions
            {
                public string Host { get; set; } = "";
                public int Port { get; set; }
            }

            public static class Mailer
            {
                public static void Connect(ISmtpClient client, MailOptions options)
                {
                    {|#0:client.Connect(options.Host, options.Port, SecureSocketOptions.None)|};
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic(DiagnosticIds.MailWithoutTls).WithLocation(0).WithArguments("ISmtpClient.Connect with SecureSocketOptions.None", "a mail server"));
    }

    [Fact]
    public async Task MailKitUriWithStartTlsNever_ReportsDiagnostic()
    {
        const string source = """
            using System;
            using MailKit.Net.Smtp;

            public static class Mailer
            {
                public static void Connect(SmtpClient client)
                {
                    {|#0:client.Connect(new Uri("smtp://mail.contoso.com:587/?starttls=never"))|};
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic(DiagnosticIds.MailWithoutTls).WithLocation(0).WithArguments("SmtpClient.Connect with '?starttls=never'", "'mail.contoso.com'"));
    }

    [Fact]
    public async Task SystemNetMailEnableSslNeverSet_ReportsDiagnostic()
    {
        const string source = """
            using System.Net;
            using System.Net.Mail;

            public static class Mailer
            {
                public static void Send(MailMessage message, string password)
                {
                    using (var client = {|#0:new SmtpClient("smtp.contoso.com", 587)|})
                    {
                        client.Credentials = new NetworkCredential("alerts@contoso.com", password);
                        client.Send(message);
                    }
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic(DiagnosticIds.MailWithoutTls).WithLocation(0).WithArguments("System.Net.Mail.SmtpClient (EnableSsl is never set)", "'smtp.contoso.com'"));
    }

    [Fact]
    public async Task SystemNetMailHostSetLaterEnableSslNeverSet_ReportsDiagnostic()
    {
        const string source = """
            using System.Net.Mail;

            public static class Mailer
            {
                public static void Send(MailMessage message)
                {
                    var client = {|#0:new SmtpClient()|} { Port = 25 };
                    client.Host = "relay.contoso.com";
                    client.Send(message);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(DiagnosticIds.MailWithoutTls).WithLocation(0).WithArguments("System.Net.Mail.SmtpClient (EnableSsl is never set)", "'relay.contoso.com'"));
    }

    [Fact]
    public async Task SystemNetMailHostFromConfigurationEnableSslNeverSet_ReportsDiagnostic()
    {
        const string source = """
            using System.Net.Mail;

            public sealed class SmtpSettings
            {
                public string Host { get; set; } = "";
            }

            public static class Mailer
            {
                public static void Send(SmtpSettings settings, MailMessage message)
                {
                    {|#0:new SmtpClient(settings.Host)|}.Send(message);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic(DiagnosticIds.MailWithoutTls).WithLocation(0).WithArguments("System.Net.Mail.SmtpClient (EnableSsl is never set)", "a mail server"));
    }

    [Fact]
    public async Task SystemNetMailEnableSslFalseInInitializer_ReportsDiagnostic()
    {
        const string source = """
            using System.Net.Mail;

            public static class Mailer
            {
                public static SmtpClient Create() => new SmtpClient
                {
                    Host = "smtp.contoso.com",
                    Port = 587,
                    {|#0:EnableSsl = false|},
                };
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic(DiagnosticIds.MailWithoutTls).WithLocation(0).WithArguments("System.Net.Mail.SmtpClient (EnableSsl = false)", "'smtp.contoso.com'"));
    }

    [Fact]
    public async Task SystemNetMailEnableSslFalseLaterThroughConstant_ReportsDiagnostic()
    {
        const string source = """
            using System.Net.Mail;

            public static class Mailer
            {
                private const bool UseSsl = false;

                public static void Send(MailMessage message)
                {
                    var client = new SmtpClient("smtp.contoso.com", 25);
                    {|#0:client.EnableSsl = UseSsl|};
                    client.Send(message);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(DiagnosticIds.MailWithoutTls).WithLocation(0).WithArguments("System.Net.Mail.SmtpClient (EnableSsl = false)", "'smtp.contoso.com'"));
    }

    [Fact]
    public async Task SystemNetMailEnableSslFalseOnParameter_ReportsDiagnostic()
    {
        const string source = """
            using System.Net.Mail;

            public static class MailerSetup
            {
                public static void Configure(SmtpClient client)
                {
                    {|#0:client.EnableSsl = false|};
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(DiagnosticIds.MailWithoutTls).WithLocation(0).WithArguments("System.Net.Mail.SmtpClient (EnableSsl = false)", "a mail server"));
    }

    [Fact]
    public async Task SystemNetMailWithoutMailLibraries_ReportsDiagnostic()
    {
        const string source = """
            using System.Net.Mail;

            public static class Mailer
            {
                public static void Send(MailMessage message)
                {
                    using var client = {|#0:new SmtpClient("smtp.contoso.com")|};
                    client.Send(message);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, TestReferences.WithoutMailLibraries, Verify.Diagnostic(DiagnosticIds.MailWithoutTls).WithLocation(0).WithArguments("System.Net.Mail.SmtpClient (EnableSsl is never set)", "'smtp.contoso.com'"));
    }

    [Theory]
    [InlineData("SecureSocketOptions.StartTls", 587)]
    [InlineData("SecureSocketOptions.SslOnConnect", 465)]
    [InlineData("SecureSocketOptions.StartTlsWhenAvailable", 587)]
    [InlineData("SecureSocketOptions.Auto", 587)]
    [InlineData("SecureSocketOptions.None", 465)]
    public async Task MailKitOtherModes_NoDiagnostic(string options, int port)
    {
        var source = $$"""
            using MailKit.Net.Smtp;
            using MailKit.Security;

            public static class Mailer
            {
                public static void Connect(SmtpClient client) => client.Connect("smtp.contoso.com", {{port}}, {{options}});
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("smtp4dev")]
    [InlineData("papercut.local")]
    [InlineData("mailhog")]
    public async Task MailKitNoneToLocalHost_NoDiagnostic(string host)
    {
        var source = $$"""
            using MailKit.Net.Smtp;
            using MailKit.Security;

            public static class Mailer
            {
                public static void Connect(SmtpClient client) => client.Connect("{{host}}", 1025, SecureSocketOptions.None);
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task HostListedInLocalHostsOption_NoDiagnostic()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Net.Mail;
                using MailKit.Security;

                public static class Mailer
                {
                    public static void Send(MailMessage message, MailKit.Net.Smtp.SmtpClient mailKit)
                    {
                        mailKit.Connect("devsmtp.internal", 25, SecureSocketOptions.None);
                        using var client = new SmtpClient("devsmtp.internal", 25) { EnableSsl = false };
                        client.Send(message);
                    }
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\nlegacy_auth.local_hosts = devsmtp.internal\n"));

        await test.RunAsync();
    }

    [Fact]
    public async Task MailKitOptionsFromConfiguration_NoDiagnostic()
    {
        const string source = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            public sealed class MailOptions
            {
                public SecureSocketOptions Security { get; set; }
            }

            public static class Mailer
            {
                public static void Connect(SmtpClient client, MailOptions options) =>
                    client.Connect("smtp.contoso.com", 587, options.Security);
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task SystemNetMailEnableSslTrue_NoDiagnostic()
    {
        const string source = """
            using System.Net.Mail;

            public static class Mailer
            {
                public static void Send(MailMessage message)
                {
                    using var client = new SmtpClient("smtp.contoso.com", 587) { EnableSsl = true };
                    client.Send(message);
                    var other = new SmtpClient("smtp.contoso.com");
                    other.EnableSsl = true;
                    other.Send(message);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task SystemNetMailEnableSslFromSetting_NoDiagnostic()
    {
        const string source = """
            using System.Net.Mail;

            public sealed class SmtpSettings
            {
                public bool UseSsl { get; set; }
            }

            public static class Mailer
            {
                public static void Send(SmtpSettings settings, MailMessage message)
                {
                    var client = new SmtpClient("smtp.contoso.com", 587) { EnableSsl = false };
                    if (settings.UseSsl)
                    {
                        client.EnableSsl = settings.UseSsl;
                    }

                    client.Send(message);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task SystemNetMailHostFromConfigFile_NoDiagnostic()
    {
        const string source = """
            using System.Net.Mail;

            public static class Mailer
            {
                // Host, port and enableSsl come from <system.net><mailSettings> in the config file.
                public static void Send(MailMessage message)
                {
                    using var client = new SmtpClient();
                    client.Send(message);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task SystemNetMailPickupDirectory_NoDiagnostic()
    {
        const string source = """
            using System.Net.Mail;

            public static class Mailer
            {
                public static void Send(MailMessage message)
                {
                    using var client = new SmtpClient("smtp.contoso.com")
                    {
                        DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory,
                        PickupDirectoryLocation = @"C:\mail\pickup",
                    };
                    client.Send(message);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task SystemNetMailConfiguredElsewhere_NoDiagnostic()
    {
        const string source = """
            using System.Net.Mail;

            public sealed class Mailer
            {
                private readonly SmtpClient client = new SmtpClient("smtp.contoso.com", 587);

                public Mailer() => client.EnableSsl = true;

                public static SmtpClient Create() => new SmtpClient("smtp.contoso.com", 587);

                public static void Send(MailMessage message)
                {
                    var local = new SmtpClient("smtp.contoso.com", 587);
                    Secure(local);
                    local.Send(message);
                }

                private static void Secure(SmtpClient client) => client.EnableSsl = true;
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task SystemNetMailLocalHost_NoDiagnostic()
    {
        const string source = """
            using System.Net.Mail;

            public static class Mailer
            {
                public static void Send(MailMessage message)
                {
                    using var client = new SmtpClient("localhost", 25);
                    client.Send(message);
                    using var sink = new SmtpClient { Host = "127.0.0.1", EnableSsl = false };
                    sink.Send(message);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task SystemNetMailPort465_NoDiagnostic()
    {
        const string source = """
            using System.Net.Mail;

            public static class Mailer
            {
                public static void Send(MailMessage message)
                {
                    using var client = new SmtpClient("smtp.contoso.com", 465);
                    client.Send(message);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task ConnectOnOtherType_NoDiagnostic()
    {
        const string source = """
            public sealed class Telnet
            {
                public void Connect(string host, int port, bool useSsl) { }
            }

            public static class Client
            {
                public static void Run() => new Telnet().Connect("smtp.contoso.com", 25, false);
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task MailKitNone_FixesToStartTls()
    {
        const string source = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            public static class Mailer
            {
                public static void Connect(SmtpClient client)
                {
                    // the relay
                    {|#0:client.Connect("smtp.contoso.com", 587, /* plain */ SecureSocketOptions.None)|}; // legacy
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
                    // the relay
                    client.Connect("smtp.contoso.com", 587, /* plain */ SecureSocketOptions.StartTls); // legacy
                }
            }
            """;

        await VerifyFix.VerifyCodeFixAsync(
            source,
            VerifyFix.Diagnostic(DiagnosticIds.MailWithoutTls).WithLocation(0).WithArguments("SmtpClient.Connect with SecureSocketOptions.None", "'smtp.contoso.com'"),
            fixedSource);
    }

    [Fact]
    public async Task MailKitNamedNoneOnImapAsync_FixesToStartTls()
    {
        const string source = """
            using System.Threading;
            using System.Threading.Tasks;
            using MailKit.Net.Imap;
            using MailKit.Security;

            public static class Inbox
            {
                public static async Task OpenAsync(ImapClient client, CancellationToken cancellationToken) =>
                    await {|#0:client.ConnectAsync("imap.contoso.com", port: 143, options: SecureSocketOptions.None, cancellationToken)|};
            }
            """;
        const string fixedSource = """
            using System.Threading;
            using System.Threading.Tasks;
            using MailKit.Net.Imap;
            using MailKit.Security;

            public static class Inbox
            {
                public static async Task OpenAsync(ImapClient client, CancellationToken cancellationToken) =>
                    await client.ConnectAsync("imap.contoso.com", port: 143, options: SecureSocketOptions.StartTls, cancellationToken);
            }
            """;

        await VerifyFix.VerifyCodeFixAsync(
            source,
            VerifyFix.Diagnostic(DiagnosticIds.MailWithoutTls).WithLocation(0).WithArguments("ImapClient.ConnectAsync with SecureSocketOptions.None", "'imap.contoso.com'"),
            fixedSource);
    }

    [Fact]
    public async Task MailKitUriWithStartTlsNever_FixesToStartTlsAlways()
    {
        const string source = """
            using System;
            using MailKit.Net.Smtp;

            public static class Mailer
            {
                public static void Connect(SmtpClient client) =>
                    {|#0:client.Connect(new Uri("smtp://mail.contoso.com:587/?starttls=never"))|};
            }
            """;
        const string fixedSource = """
            using System;
            using MailKit.Net.Smtp;

            public static class Mailer
            {
                public static void Connect(SmtpClient client) =>
                    client.Connect(new Uri("smtp://mail.contoso.com:587/?starttls=always"));
            }
            """;

        await VerifyFix.VerifyCodeFixAsync(
            source,
            VerifyFix.Diagnostic(DiagnosticIds.MailWithoutTls).WithLocation(0).WithArguments("SmtpClient.Connect with '?starttls=never'", "'mail.contoso.com'"),
            fixedSource);
    }

    [Fact]
    public async Task SystemNetMailEnableSslNeverSet_FixesToEnableSslInNewInitializer()
    {
        const string source = """
            using System.Net.Mail;

            internal static class Mailer
            {
                internal static void Send(MailMessage message)
                {
                    using (var client = {|#0:new SmtpClient("smtp.contoso.com", 587)|}) // relay
                    {
                        client.Send(message);
                    }
                }
            }
            """;
        const string fixedSource = """
            using System.Net.Mail;

            internal static class Mailer
            {
                internal static void Send(MailMessage message)
                {
                    using (var client = new SmtpClient("smtp.contoso.com", 587) { EnableSsl = true }) // relay
                    {
                        client.Send(message);
                    }
                }
            }
            """;

        var test = new VerifyFix.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CompilerDiagnostics = CompilerDiagnostics.Warnings,
        };
        test.ExpectedDiagnostics.Add(VerifyFix.Diagnostic(DiagnosticIds.MailWithoutTls).WithLocation(0).WithArguments("System.Net.Mail.SmtpClient (EnableSsl is never set)", "'smtp.contoso.com'"));

        await test.RunAsync();
    }

    [Fact]
    public async Task SystemNetMailMultiLineInitializer_FixesToEnableSslMember()
    {
        const string source = """
            using System.Net.Mail;

            public static class Mailer
            {
                public static void Send(MailMessage message)
                {
                    var client = {|#0:new SmtpClient|}
                    {
                        Host = "smtp.contoso.com",
                        Port = 587
                    };
                    client.Send(message);
                }
            }
            """;
        const string fixedSource = """
            using System.Net.Mail;

            public static class Mailer
            {
                public static void Send(MailMessage message)
                {
                    var client = new SmtpClient
                    {
                        Host = "smtp.contoso.com",
                        Port = 587,
                        EnableSsl = true
                    };
                    client.Send(message);
                }
            }
            """;

        await VerifyFix.VerifyCodeFixAsync(
            source,
            VerifyFix.Diagnostic(DiagnosticIds.MailWithoutTls).WithLocation(0).WithArguments("System.Net.Mail.SmtpClient (EnableSsl is never set)", "'smtp.contoso.com'"),
            fixedSource);
    }

    [Fact]
    public async Task SystemNetMailEnableSslFalse_FixesToTrue()
    {
        const string source = """
            using System.Net.Mail;

            public static class Mailer
            {
                public static void Send(MailMessage message)
                {
                    var client = new SmtpClient("smtp.contoso.com", 587);
                    {|#0:client.EnableSsl = false|}; // was off for the old relay
                    client.Send(message);
                }
            }
            """;
        const string fixedSource = """
            using System.Net.Mail;

            public static class Mailer
            {
                public static void Send(MailMessage message)
                {
                    var client = new SmtpClient("smtp.contoso.com", 587);
                    client.EnableSsl = true; // was off for the old relay
                    client.Send(message);
                }
            }
            """;

        await VerifyFix.VerifyCodeFixAsync(
            source,
            VerifyFix.Diagnostic(DiagnosticIds.MailWithoutTls).WithLocation(0).WithArguments("System.Net.Mail.SmtpClient (EnableSsl = false)", "'smtp.contoso.com'"),
            fixedSource);
    }

    [Fact]
    public async Task SeveralConnectionsInDocument_FixesToTlsEverywhere()
    {
        const string source = """
            using System.Net.Mail;
            using MailKit.Net.Imap;
            using MailKit.Security;

            public static class Mailer
            {
                public static void Send(MailMessage message, ImapClient inbox)
                {
                    {|#0:inbox.Connect("imap.contoso.com", 143, SecureSocketOptions.None)|};
                    using var relay = {|#1:new SmtpClient("smtp.contoso.com", 25)|};
                    relay.Send(message);
                    var backup = new SmtpClient { Host = "backup.contoso.com", Port = 587, {|#2:EnableSsl = false|} };
                    backup.Send(message);
                }
            }
            """;
        const string fixedSource = """
            using System.Net.Mail;
            using MailKit.Net.Imap;
            using MailKit.Security;

            public static class Mailer
            {
                public static void Send(MailMessage message, ImapClient inbox)
                {
                    inbox.Connect("imap.contoso.com", 143, SecureSocketOptions.StartTls);
                    using var relay = new SmtpClient("smtp.contoso.com", 25) { EnableSsl = true };
                    relay.Send(message);
                    var backup = new SmtpClient { Host = "backup.contoso.com", Port = 587, EnableSsl = true };
                    backup.Send(message);
                }
            }
            """;

        await VerifyFix.VerifyCodeFixAsync(
            source,
            [
                VerifyFix.Diagnostic(DiagnosticIds.MailWithoutTls).WithLocation(0).WithArguments("ImapClient.Connect with SecureSocketOptions.None", "'imap.contoso.com'"),
                VerifyFix.Diagnostic(DiagnosticIds.MailWithoutTls).WithLocation(1).WithArguments("System.Net.Mail.SmtpClient (EnableSsl is never set)", "'smtp.contoso.com'"),
                VerifyFix.Diagnostic(DiagnosticIds.MailWithoutTls).WithLocation(2).WithArguments("System.Net.Mail.SmtpClient (EnableSsl = false)", "'backup.contoso.com'"),
            ],
            fixedSource,
            LegacyAuthAnalyzers.CodeFixes.Fixes.LA2001_MailWithoutTlsCodeFix.EquivalenceKey);
    }

    [Fact]
    public async Task TargetTypedCreation_FixesToEnableSslInNewInitializer()
    {
        const string source = """
            using System.Net.Mail;

            public static class Mailer
            {
                public static void Send(MailMessage message)
                {
                    SmtpClient client = {|#0:new("smtp.contoso.com", 587)|};
                    client.Send(message);
                }
            }
            """;
        const string fixedSource = """
            using System.Net.Mail;

            public static class Mailer
            {
                public static void Send(MailMessage message)
                {
                    SmtpClient client = new("smtp.contoso.com", 587) { EnableSsl = true };
                    client.Send(message);
                }
            }
            """;

        await VerifyFix.VerifyCodeFixAsync(
            source,
            VerifyFix.Diagnostic(DiagnosticIds.MailWithoutTls).WithLocation(0).WithArguments("System.Net.Mail.SmtpClient (EnableSsl is never set)", "'smtp.contoso.com'"),
            fixedSource);
    }

    [Fact]
    public async Task GeneratedCode_ReportsDiagnostic()
    {
        const string source = """
            // <auto-generated/>
            using MailKit.Net.Smtp;
            using MailKit.Security;

            public static class GeneratedMailer
            {
                public static void Connect(SmtpClient client) => {|#0:client.Connect("smtp.contoso.com", 25, SecureSocketOptions.None)|};
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic(DiagnosticIds.MailWithoutTls).WithLocation(0).WithArguments("SmtpClient.Connect with SecureSocketOptions.None", "'smtp.contoso.com'"));
    }

    [Fact]
    public async Task MalformedCode_NoDiagnostic()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Net.Mail;
                using MailKit.Security;

                public static class Broken
                {
                    public static void Run(MailKit.Net.Smtp.SmtpClient client, Missing missing)
                    {
                        client.Connect(missing.Host, , SecureSocketOptions.);
                        client.Connect(;
                        var smtp = new SmtpClient(missing.Host, "not a port") { EnableSsl = missing };
                        new SmtpClient(;
                        missing.EnableSsl = false;
                    }
                }
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
        };

        await test.RunAsync();
    }
}
