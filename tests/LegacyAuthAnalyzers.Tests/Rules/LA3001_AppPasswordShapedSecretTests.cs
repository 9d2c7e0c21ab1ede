using LegacyAuthAnalyzers.Configuration;
using LegacyAuthAnalyzers.Credentials;
using LegacyAuthAnalyzers.Roslyn;
using LegacyAuthAnalyzers.Transport;
using LegacyAuthAnalyzers.Values;
using LegacyAuthAnalyzers.Rules;
using LegacyAuthAnalyzers.Tests.Infrastructure;
using Xunit;
using Verify = LegacyAuthAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<LegacyAuthAnalyzers.Rules.LA3001_AppPasswordShapedSecretAnalyzer>;

namespace LegacyAuthAnalyzers.Tests.Rules;

public sealed class LA3001_AppPasswordShapedSecretTests
{
    private const string Id = DiagnosticIds.AppPasswordShapedSecret;
    private const string Letters = "16 lower-case letters";
    private const string Groups = "four groups of four lower-case letters";

    // ---- At a sink ----

    [Fact]
    public async Task SixteenLettersLiteralToMailKit_ReportsDiagnostic()
    {
        const string source = """
            using MailKit.Net.Smtp;

            public static class Mailer
            {
                public static void Login()
                {
                    using var client = new SmtpClient();
                    client.Connect("smtp.gmail.com", 465, true);
                    client.Authenticate("alerts@example.com", {|#0:"qwrtzkbvnhgfdlpx"|});
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("SmtpClient.Authenticate", Letters, SecretRemedies.AppPasswordInCode));
    }

    [Fact]
    public async Task FourGroupsOfFourToSystemNetMail_ReportsDiagnostic()
    {
        const string source = """
            using System.Net;
            using System.Net.Mail;

            public static class Mailer
            {
                public static SmtpClient Create() => new SmtpClient("smtp.gmail.com", 587)
                {
                    EnableSsl = true,
                    Credentials = new NetworkCredential("alerts@example.com", {|#0:"qwrt zkbv nhgf dlpx"|}),
                };
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("SmtpClient.Credentials", Groups, SecretRemedies.AppPasswordInCode));
    }

    [Fact]
    public async Task SystemNetMailOnly_ReportsDiagnostic()
    {
        const string source = """
            using System.Net;
            using System.Net.Mail;

            public static class SmtpSettings
            {
                public const string {|#1:Password|} = "qwrtzkbvnhgfdlpx";
            }

            public static class Mailer
            {
                public static SmtpClient Create() => new SmtpClient("smtp.gmail.com", 587)
                {
                    EnableSsl = true,
                    Credentials = new NetworkCredential("alerts@example.com", {|#0:SmtpSettings.Password|}),
                };
            }
            """;

        // Without a mail library declarations are not looked at, so the sink reports, pointing at the declaration too.
        await Verify.VerifyAnalyzerAsync(source, TestReferences.WithoutMailLibraries, Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("SmtpClient.Credentials", Letters, SecretRemedies.AppPasswordInCode));
    }

    [Theory]
    [InlineData("\"qwrtzkbv\" + \"nhgfdlpx\"", Letters)]
    [InlineData("@\"qwrtzkbvnhgfdlpx\"", Letters)]
    [InlineData("\"\"\"qwrt zkbv nhgf dlpx\"\"\"", Groups)]
    [InlineData("Prefix + \"nhgfdlpx\"", Letters)]
    [InlineData("$\"{Prefix}nhgfdlpx\"", Letters)]
    [InlineData("field", Letters)]
    public async Task ConstantShape_ReportsDiagnostic(string expression, string shape)
    {
        var source = $$"""
            using MailKit.Net.Smtp;

            public sealed class Mailer
            {
                private const string Prefix = "qwrtzkbv";
                private string {|#1:field|} = "qwrtzkbvnhgfdlpx";

                public void Login(SmtpClient client) => client.Authenticate("alerts@example.com", {|#0:{{expression}}|});
            }
            """;

        var expected = Verify.Diagnostic(Id).WithLocation(0).WithArguments("SmtpClient.Authenticate", shape, SecretRemedies.AppPasswordInCode);
        await Verify.VerifyAnalyzerAsync(source, expression == "field" ? expected.WithLocation(1) : expected);
    }

    [Fact]
    public async Task ConstInAnotherFile_ReportsDiagnosticWithDeclarationLocation()
    {
        var test = new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    """
                    using MailKit.Net.Imap;

                    public static class Inbox
                    {
                        public static void Login(ImapClient client) => client.Authenticate(Keys.User, {|#0:Keys.Token|});
                    }
                    """,
                    """
                    public static class Keys
                    {
                        public const string User = "reader@example.com";
                        public const string {|#1:Token|} = "qwrtzkbvnhgfdlpx";
                    }
                    """,
                },
            },
            ExpectedDiagnostics = { Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("ImapClient.Authenticate", Letters, SecretRemedies.AppPasswordInCode) },
        };

        await test.RunAsync();
    }

    [Fact]
    public async Task StaticReadonlyLocalAndAsync_ReportsDiagnostic()
    {
        const string source = """
            using System.Threading.Tasks;
            using MailKit.Net.Pop3;

            public static class Inbox
            {
                private static readonly string {|#1:Key|} = "qwrtzkbvnhgfdlpx";

                public static async Task LoginAsync(Pop3Client client)
                {
                    var key = Key;
                    await client.AuthenticateAsync("reader@example.com", {|#0:key|});
                }
            }
            """;

        // The additional location is the field that holds the literal, not the local that copies it.
        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("Pop3Client.AuthenticateAsync", Letters, SecretRemedies.AppPasswordInCode));
    }

    [Fact]
    public async Task InterpolatedGroups_ReportsDiagnostic()
    {
        const string source = """
            using MailKit.Net.Smtp;

            public static class Mailer
            {
                private const string First = "qwrt";
                private const string Second = "zkbv";

                public static void Login(SmtpClient client) => client.Authenticate("alerts@example.com", {|#0:$"{First} {Second} nhgf dlpx"|});
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("SmtpClient.Authenticate", Groups, SecretRemedies.AppPasswordInCode));
    }

    [Fact]
    public async Task EwsWebCredentials_ReportsDiagnostic()
    {
        const string source = """
            using Microsoft.Exchange.WebServices.Data;

            public static class Exchange
            {
                public static void Login(ExchangeService service) => service.Credentials = new WebCredentials("reader@contoso.com", {|#0:"qwrtzkbvnhgfdlpx"|});
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("new WebCredentials", Letters, SecretRemedies.AppPasswordInCode));
    }

    [Fact]
    public async Task PasswordSaslMechanism_ReportsDiagnostic()
    {
        const string source = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            public static class Mailer
            {
                public static void Login(SmtpClient client) => client.Authenticate(new SaslMechanismPlain("alerts@example.com", {|#0:"qwrt zkbv nhgf dlpx"|}));
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("new SaslMechanismPlain", Groups, SecretRemedies.AppPasswordInCode));
    }

    [Fact]
    public async Task ConnectionUri_ReportsDiagnostic()
    {
        const string source = """
            using System;
            using MailKit.Net.Smtp;

            public static class Mailer
            {
                public static void Open(SmtpClient client) => client.Connect(new Uri({|#0:"smtps://alerts%40example.com:qwrtzkbvnhgfdlpx@smtp.gmail.com:465"|}));
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("SmtpClient.Connect", Letters, SecretRemedies.AppPasswordInCode));
    }

    [Fact]
    public async Task CustomSink_ReportsDiagnostic()
    {
        var test = new Verify.Test
        {
            TestCode = """
                namespace Contoso.Mail
                {
                    public sealed class Mailer
                    {
                        public void Login(string user, string secret) { }
                    }

                    public static class Program
                    {
                        public static void Run() => new Mailer().Login("alerts@example.com", {|#0:"qwrtzkbvnhgfdlpx"|});
                    }
                }
                """,
            ExpectedDiagnostics = { Verify.Diagnostic(Id).WithLocation(0).WithArguments("Mailer.Login", Letters, SecretRemedies.AppPasswordInCode) },
        };
        test.TestState.AnalyzerConfigFiles.Add((EditorConfigs.Path, EditorConfigs.With("legacy_auth.credential_sinks", "Contoso.Mail.Mailer.Login(secret)")));

        await test.RunAsync();
    }

    // ---- In a mail password setting ----

    [Fact]
    public async Task MailSettingPropertyInitializer_ReportsDiagnostic()
    {
        const string source = """
            public sealed class EmailOptions
            {
                public string Host { get; set; } = "smtp.gmail.com";
                public string Password { get; set; } = {|#0:"qwrt zkbv nhgf dlpx"|};
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("EmailOptions.Password", Groups, SecretRemedies.AppPasswordInCode));
    }

    [Fact]
    public async Task MailNamedSecretField_ReportsDiagnostic()
    {
        const string source = """
            public static class Settings
            {
                public const string GmailAppPwd = {|#0:"qwrtzkbvnhgfdlpx"|};
                public static readonly string ImapSecret = {|#1:"qwrtzkbvnhgfdlpx"|};
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic(Id).WithLocation(0).WithArguments("Settings.GmailAppPwd", Letters, SecretRemedies.AppPasswordInCode),
            Verify.Diagnostic(Id).WithLocation(1).WithArguments("Settings.ImapSecret", Letters, SecretRemedies.AppPasswordInCode));
    }

    [Fact]
    public async Task MailSettingReachingSink_ReportsDiagnosticOnceAtDeclaration()
    {
        const string source = """
            using MailKit.Net.Smtp;

            public static class SmtpSettings
            {
                public const string Password = {|#0:"qwrtzkbvnhgfdlpx"|};
            }

            public static class Mailer
            {
                public static void Login(SmtpClient client) => client.Authenticate("alerts@example.com", SmtpSettings.Password);
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("SmtpSettings.Password", Letters, SecretRemedies.AppPasswordInCode));
    }

    [Fact]
    public async Task MailSettingAssignedInConstructorReachingSink_ReportsDiagnosticAtSink()
    {
        const string source = """
            using MailKit.Net.Smtp;

            public sealed class SmtpAccount
            {
                private readonly string {|#1:password|};

                public SmtpAccount() => password = "qwrtzkbvnhgfdlpx";

                public void Login(SmtpClient client) => client.Authenticate("alerts@example.com", {|#0:password|});
            }
            """;

        // No initializer to report, so the sink reports, pointing at the field too.
        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("SmtpClient.Authenticate", Letters, SecretRemedies.AppPasswordInCode));
    }

    // ---- Must stay silent ----

    [Fact]
    public async Task SixteenLettersAsDictionaryKeyOrLogMessage_NoDiagnostic()
    {
        const string source = """
            using System;
            using System.Collections.Generic;
            using MailKit.Net.Smtp;

            public static class Cache
            {
                private const string SessionKey = "usersessioncache";
                private static readonly Dictionary<string, string> Entries = new() { [SessionKey] = "value" };
                public static string Password { get; } = "qwrtzkbvnhgfdlpx";

                public static void Log(SmtpClient client)
                {
                    Console.WriteLine("connectionrefused");
                    Console.WriteLine(Entries[SessionKey] + client.Timeout);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NonMailPasswordSetting_NoDiagnostic()
    {
        const string source = """
            using MailKit.Net.Smtp;

            public sealed class DatabaseSettings
            {
                public const string Password = "qwrtzkbvnhgfdlpx";
                public string Server { get; set; } = "db.example.com";
            }

            public sealed class SmtpSettings
            {
                public string Host { get; set; } = "qwrtzkbvnhgfdlpx";
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task MailSettingWithoutMailLibrary_NoDiagnostic()
    {
        const string source = """
            public sealed class SmtpSettings
            {
                public string Password { get; set; } = "qwrtzkbvnhgfdlpx";
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, TestReferences.WithoutMailLibraries);
    }

    [Fact]
    public async Task MailSettingNotConstant_NoDiagnostic()
    {
        const string source = """
            using System;

            public sealed class SmtpSettings
            {
                public string Password { get; set; } = Environment.GetEnvironmentVariable("SMTP_PASSWORD") ?? "";
                public string AppPassword { get; set; } = "xxxxxxxxxxxxxxxx";
                public static readonly string ImapPassword = string.Concat("qwrt", "zkbv");
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Theory]
    [InlineData("Qwrtzkbvnhgfdlpx")]
    [InlineData("qwrtzkbvnhgfdlp")]
    [InlineData("qwrtzkbvnhgfdlpxy")]
    [InlineData("qwrtzkbv1hgfdlpx")]
    [InlineData("qwrt  zkbv nhgf dlpx")]
    [InlineData("qwrt-zkbv-nhgf-dlpx")]
    [InlineData("qwrt zkbv nhgf dlp")]
    public async Task OtherShapeAtSink_NoDiagnostic(string value)
    {
        // These are LA1001's hard-coded passwords, not app passwords.
        var source = $$"""
            using MailKit.Net.Smtp;

            public static class Mailer
            {
                public static void Login(SmtpClient client) => client.Authenticate("alerts@example.com", "{{value}}");
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Theory]
    [InlineData("yoursenderpasswd")]
    [InlineData("sendermailpasswd")]
    [InlineData("yoursmtppassword")]
    public async Task PlaceholderPhraseOfSixteenLetters_NoDiagnostic(string value)
    {
        // Sixteen lower-case letters that only name the field: a placeholder, at the sink and in a mail setting.
        var source = $$"""
            using MailKit.Net.Smtp;

            public sealed class SmtpSettings
            {
                public string Password { get; set; } = "{{value}}";
            }

            public static class Mailer
            {
                public static void Login(SmtpClient client) => client.Authenticate("alerts@example.com", "{{value}}");
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("smtp4dev")]
    [InlineData("mailhog")]
    public async Task LocalTestServer_NoDiagnostic(string host)
    {
        var source = $$"""
            using MailKit.Net.Smtp;
            using MailKit.Security;

            public static class Mailer
            {
                public static void Login(SmtpClient client)
                {
                    client.Connect("{{host}}", 1025, SecureSocketOptions.None);
                    client.Authenticate("test@example.com", "qwrtzkbvnhgfdlpx");
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task LocalHostFromEditorConfig_NoDiagnostic()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Net;
                using System.Net.Mail;

                public static class Mailer
                {
                    public static SmtpClient Create() => new SmtpClient { Host = "mailsink", Credentials = new NetworkCredential("test", "qwrtzkbvnhgfdlpx") };
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add((EditorConfigs.Path, EditorConfigs.With("legacy_auth.local_hosts", "mailsink")));

        await test.RunAsync();
    }

    [Fact]
    public async Task Message_RevealsNoPartOfTheSecret()
    {
        const string secret = "qwrtzkbvnhgfdlpx";
        const string source = $$"""
            using System;
            using MailKit.Net.Smtp;

            public sealed class MailOptions
            {
                public string Password { get; set; } = "{{secret}}";
            }

            public static class Mailer
            {
                public static void Run(SmtpClient client)
                {
                    client.Connect(new Uri("smtps://alerts:{{secret}}@smtp.gmail.com"));
                    client.Authenticate("alerts@example.com", "{{secret}}");
                }
            }
            """;

        var diagnostics = await AnalyzerRunner.GetDiagnosticsAsync(source, new LA3001_AppPasswordShapedSecretAnalyzer());

        Assert.Equal(3, diagnostics.Count(d => d.Id == Id));
        SecretAssert.NotInMessages(secret, diagnostics);
        SecretAssert.NotInMessages("qwrt zkbv nhgf dlpx", diagnostics);
    }
}
