using LegacyAuthAnalyzers.Configuration;
using LegacyAuthAnalyzers.Credentials;
using LegacyAuthAnalyzers.Roslyn;
using LegacyAuthAnalyzers.Transport;
using LegacyAuthAnalyzers.Values;
using LegacyAuthAnalyzers.Rules;
using LegacyAuthAnalyzers.Tests.Infrastructure;
using Xunit;
using Verify = LegacyAuthAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<LegacyAuthAnalyzers.Rules.LA1001_HardCodedMailCredentialAnalyzer>;

namespace LegacyAuthAnalyzers.Tests.Rules;

public sealed class LA1001_HardCodedMailCredentialTests
{
    private const string Id = DiagnosticIds.HardCodedMailCredential;

    // ---- Sinks ----

    [Fact]
    public async Task SmtpClientCredentialsInObjectInitializer_ReportsDiagnostic()
    {
        const string source = """
            using System.Net;
            using System.Net.Mail;

            public static class Mailer
            {
                public static void Send(MailMessage message)
                {
                    using var client = new SmtpClient("smtp.example.com", 587)
                    {
                        EnableSsl = true,
                        Credentials = new NetworkCredential("alerts@example.com", {|#0:"Tr0ub4dor&3x"|}),
                    };
                    client.Send(message);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("SmtpClient.Credentials", 12, SecretRemedies.PasswordInCode));
    }

    [Fact]
    public async Task SmtpClientCredentialsAssignedLater_ReportsDiagnostic()
    {
        const string source = """
            using System.Net;
            using System.Net.Mail;

            public static class Mailer
            {
                public static void Send(MailMessage message)
                {
                    var client = new SmtpClient();
                    client.Host = "smtp.example.com";
                    client.Port = 587;
                    client.EnableSsl = true;
                    client.Credentials = new NetworkCredential("alerts@example.com", {|#0:"Tr0ub4dor&3x"|});
                    client.Send(message);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("SmtpClient.Credentials", 12, SecretRemedies.PasswordInCode));
    }

    [Fact]
    public async Task NetworkCredentialThroughLocal_ReportsDiagnostic()
    {
        const string source = """
            using System.Net;
            using System.Net.Mail;

            public static class Mailer
            {
                public static void Send(MailMessage message)
                {
                    var credential = new NetworkCredential("alerts@example.com", {|#0:"Tr0ub4dor&3x"|});
                    using var client = new SmtpClient("smtp.example.com", 587) { EnableSsl = true };
                    client.Credentials = credential;
                    client.Send(message);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("SmtpClient.Credentials", 12, SecretRemedies.PasswordInCode));
    }

    [Fact]
    public async Task NetworkCredentialThroughField_ReportsDiagnostic()
    {
        const string source = """
            using System.Net;
            using System.Net.Mail;

            public sealed class Mailer
            {
                private readonly NetworkCredential credential = new("alerts@example.com", {|#0:"Tr0ub4dor&3x"|});

                public void Send(MailMessage message)
                {
                    using var client = new SmtpClient("smtp.example.com", 587) { EnableSsl = true, Credentials = credential };
                    client.Send(message);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("SmtpClient.Credentials", 12, SecretRemedies.PasswordInCode));
    }

    [Fact]
    public async Task NetworkCredentialPasswordSetLaterOnLocal_ReportsDiagnostic()
    {
        const string source = """
            using System.Net;
            using System.Net.Mail;

            public static class Mailer
            {
                public static void Send(MailMessage message)
                {
                    var credential = new NetworkCredential();
                    credential.UserName = "alerts@example.com";
                    credential.Password = {|#0:"Tr0ub4dor&3x"|};
                    using var client = new SmtpClient("smtp.example.com", 587) { EnableSsl = true };
                    client.Credentials = credential;
                    client.Send(message);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("SmtpClient.Credentials", 12, SecretRemedies.PasswordInCode));
    }

    [Fact]
    public async Task NetworkCredentialPasswordSetLaterOnField_ReportsDiagnostic()
    {
        const string source = """
            using System.Net;
            using System.Net.Mail;

            public sealed class Mailer
            {
                private readonly NetworkCredential credential = new() { UserName = "alerts@example.com" };

                public void Send(MailMessage message)
                {
                    credential.Password = {|#0:"Tr0ub4dor&3x"|};
                    using var client = new SmtpClient("smtp.example.com", 587) { EnableSsl = true };
                    client.Credentials = credential;
                    client.Send(message);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("SmtpClient.Credentials", 12, SecretRemedies.PasswordInCode));
    }

    [Fact]
    public async Task NetworkCredentialObjectInitializer_ReportsDiagnostic()
    {
        const string source = """
            using System.Net;
            using System.Net.Mail;

            public static class Mailer
            {
                public static void Send(MailMessage message)
                {
                    using var client = new SmtpClient("smtp.example.com", 587)
                    {
                        EnableSsl = true,
                        Credentials = new NetworkCredential { UserName = "alerts@example.com", Password = {|#0:"Tr0ub4dor&3x"|} },
                    };
                    client.Send(message);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("SmtpClient.Credentials", 12, SecretRemedies.PasswordInCode));
    }

    [Fact]
    public async Task MailKitSmtpAuthenticateUserPassword_ReportsDiagnostic()
    {
        const string source = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            public static class Mailer
            {
                public static void Send(MimeKit.MimeMessage message)
                {
                    using var client = new SmtpClient();
                    client.Connect("smtp.example.com", 587, SecureSocketOptions.StartTls);
                    client.Authenticate("alerts@example.com", {|#0:"Tr0ub4dor&3x"|});
                    client.Send(message);
                    client.Disconnect(true);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("SmtpClient.Authenticate", 12, SecretRemedies.PasswordInCode));
    }

    [Fact]
    public async Task MailKitImapAuthenticateAsyncWithEncoding_ReportsDiagnostic()
    {
        const string source = """
            using System.Text;
            using System.Threading.Tasks;
            using MailKit.Net.Imap;
            using MailKit.Security;

            public static class Inbox
            {
                public static async Task<int> CountAsync()
                {
                    using var client = new ImapClient();
                    await client.ConnectAsync("imap.example.com", 993, SecureSocketOptions.SslOnConnect);
                    await client.AuthenticateAsync(Encoding.UTF8, "reader@example.com", {|#0:"Tr0ub4dor&3x"|});
                    await client.Inbox.OpenAsync(MailKit.FolderAccess.ReadOnly);
                    return client.Inbox.Count;
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("ImapClient.AuthenticateAsync", 12, SecretRemedies.PasswordInCode));
    }

    [Fact]
    public async Task MailKitPop3AuthenticateWithICredentials_ReportsDiagnostic()
    {
        const string source = """
            using System.Net;
            using MailKit.Net.Pop3;

            public static class Inbox
            {
                public static int Count()
                {
                    using var client = new Pop3Client();
                    client.Connect("pop.example.com", 995, true);
                    client.Authenticate(new NetworkCredential("reader@example.com", {|#0:"Tr0ub4dor&3x"|}));
                    return client.Count;
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("Pop3Client.Authenticate", 12, SecretRemedies.PasswordInCode));
    }

    [Fact]
    public async Task MailKitAuthenticateAsyncWithEncodingAndCredentialLocal_ReportsDiagnostic()
    {
        const string source = """
            using System.Net;
            using System.Text;
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;

            public static class Mailer
            {
                public static async Task LoginAsync(SmtpClient client)
                {
                    var credentials = new NetworkCredential("alerts@example.com", {|#0:"Tr0ub4dor&3x"|});
                    await client.AuthenticateAsync(Encoding.UTF8, credentials);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("SmtpClient.AuthenticateAsync", 12, SecretRemedies.PasswordInCode));
    }

    [Fact]
    public async Task MailKitAuthenticateThroughIMailServiceInterface_ReportsDiagnostic()
    {
        const string source = """
            using MailKit;

            public static class Mailer
            {
                public static void Login(IMailService client) => client.Authenticate("alerts@example.com", {|#0:"Tr0ub4dor&3x"|});
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("IMailService.Authenticate", 12, SecretRemedies.PasswordInCode));
    }

    [Theory]
    [InlineData("SaslMechanismPlain")]
    [InlineData("SaslMechanismLogin")]
    [InlineData("SaslMechanismCramMd5")]
    [InlineData("SaslMechanismDigestMd5")]
    [InlineData("SaslMechanismNtlm")]
    [InlineData("SaslMechanismScramSha256")]
    public async Task PasswordSaslMechanismFromPassword_ReportsDiagnostic(string mechanism)
    {
        var source = $$"""
            using MailKit.Net.Smtp;
            using MailKit.Security;

            public static class Mailer
            {
                public static void Login(SmtpClient client)
                {
                    client.Authenticate(new {{mechanism}}("alerts@example.com", {|#0:"Tr0ub4dor&3x"|}));
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("new " + mechanism, 12, SecretRemedies.PasswordInCode));
    }

    [Theory]
    [InlineData("SaslMechanismPlain")]
    [InlineData("SaslMechanismLogin")]
    [InlineData("SaslMechanismCramMd5")]
    [InlineData("SaslMechanismDigestMd5")]
    [InlineData("SaslMechanismNtlm")]
    [InlineData("SaslMechanismScramSha256")]
    public async Task PasswordSaslMechanismFromNetworkCredential_ReportsDiagnostic(string mechanism)
    {
        var source = $$"""
            using System.Net;
            using MailKit.Net.Imap;
            using MailKit.Security;

            public static class Inbox
            {
                public static void Login(ImapClient client)
                {
                    var mechanism = new {{mechanism}}(new NetworkCredential("reader@example.com", {|#0:"Tr0ub4dor&3x"|}));
                    client.Authenticate(mechanism);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("new " + mechanism, 12, SecretRemedies.PasswordInCode));
    }

    [Fact]
    public async Task EwsWebCredentials_ReportsDiagnostic()
    {
        const string source = """
            using System;
            using Microsoft.Exchange.WebServices.Data;

            public static class Exchange
            {
                public static ExchangeService Create() => new ExchangeService(ExchangeVersion.Exchange2013_SP1)
                {
                    Credentials = new WebCredentials("reader@example.com", {|#0:"Tr0ub4dor&3x"|}),
                    Url = new Uri("https://mail.example.com/EWS/Exchange.asmx"),
                };
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("new WebCredentials", 12, SecretRemedies.PasswordInCode));
    }

    [Fact]
    public async Task EwsWebCredentialsWithDomain_ReportsDiagnostic()
    {
        const string source = """
            using Microsoft.Exchange.WebServices.Data;

            public static class Exchange
            {
                public static void Login(ExchangeService service)
                {
                    service.Credentials = new WebCredentials("reader", {|#0:"Tr0ub4dor&3x"|}, "CONTOSO");
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("new WebCredentials", 12, SecretRemedies.PasswordInCode));
    }

    [Fact]
    public async Task EwsWebCredentialsFromNetworkCredential_ReportsDiagnostic()
    {
        const string source = """
            using System.Net;
            using Microsoft.Exchange.WebServices.Data;

            public static class Exchange
            {
                public static void Login(ExchangeService service)
                {
                    service.Credentials = new WebCredentials(new NetworkCredential("reader@example.com", {|#0:"Tr0ub4dor&3x"|}));
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("new WebCredentials", 12, SecretRemedies.PasswordInCode));
    }

    [Fact]
    public async Task EwsCredentialsFromNetworkCredential_ReportsDiagnostic()
    {
        const string source = """
            using System.Net;
            using Microsoft.Exchange.WebServices.Data;

            public static class Exchange
            {
                public static void Login(ExchangeService service)
                {
                    service.Credentials = new NetworkCredential("reader@example.com", {|#0:"Tr0ub4dor&3x"|});
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("ExchangeService.Credentials", 12, SecretRemedies.PasswordInCode));
    }

    [Fact]
    public async Task ConnectWithPasswordInUri_ReportsDiagnostic()
    {
        const string source = """
            using System;
            using MailKit.Net.Imap;

            public static class Inbox
            {
                public static void Open(ImapClient client)
                {
                    client.Connect(new Uri({|#0:"imaps://reader%40example.com:Tr0ub4dor&3x@imap.example.com:993"|}));
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("ImapClient.Connect", 12, SecretRemedies.PasswordInCode));
    }

    [Fact]
    public async Task ConnectAsyncWithPasswordInUriConstant_ReportsDiagnostic()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;

            public static class Mailer
            {
                private const string {|#1:Server|} = "smtps://alerts:Tr0ub4dor&3x@smtp.example.com:465";

                public static Task OpenAsync(SmtpClient client) => client.ConnectAsync(new Uri({|#0:Server|}));
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("SmtpClient.ConnectAsync", 12, SecretRemedies.PasswordInCode));
    }

    [Fact]
    public async Task CustomSinkMethodFromEditorConfig_ReportsDiagnostic()
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
                        public static void Run() => new Mailer().Login("alerts@example.com", {|#0:"Tr0ub4dor&3x"|});
                    }
                }
                """,
            ExpectedDiagnostics = { Verify.Diagnostic(Id).WithLocation(0).WithArguments("Mailer.Login", 12, SecretRemedies.PasswordInCode) },
        };
        test.TestState.AnalyzerConfigFiles.Add((EditorConfigs.Path, EditorConfigs.With("legacy_auth.credential_sinks", "Contoso.Mail.Mailer.Login(secret)")));

        await test.RunAsync();
    }

    [Fact]
    public async Task CustomSinkConstructorFromEditorConfig_ReportsDiagnostic()
    {
        var test = new Verify.Test
        {
            TestCode = """
                namespace Contoso.Mail
                {
                    public sealed class MailAccount
                    {
                        public MailAccount(string user, string password) { }
                    }

                    public static class Program
                    {
                        public static MailAccount Create() => new MailAccount("alerts@example.com", {|#0:"Tr0ub4dor&3x"|});
                    }
                }
                """,
            ExpectedDiagnostics = { Verify.Diagnostic(Id).WithLocation(0).WithArguments("new MailAccount", 12, SecretRemedies.PasswordInCode) },
            // Without MailKit or EWS the custom sink alone must be enough to register the analysis.
            References = TestReferences.WithoutMailLibraries,
        };
        test.TestState.AnalyzerConfigFiles.Add((EditorConfigs.Path, EditorConfigs.With("legacy_auth.credential_sinks", "Contoso.Mail.MailAccount..ctor(password)")));

        await test.RunAsync();
    }

    [Fact]
    public async Task CustomSinkFromGlobalConfig_ReportsDiagnostic()
    {
        var test = new Verify.Test
        {
            TestCode = """
                namespace Contoso.Mail
                {
                    public static class MailGateway
                    {
                        public static void Send(string to, string body, string smtpPassword) { }
                    }

                    public static class Program
                    {
                        public static void Run() => MailGateway.Send("ops@example.com", "disk full", {|#0:"Tr0ub4dor&3x"|});
                    }
                }
                """,
            ExpectedDiagnostics = { Verify.Diagnostic(Id).WithLocation(0).WithArguments("MailGateway.Send", 12, SecretRemedies.PasswordInCode) },
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nlegacy_auth.credential_sinks = Contoso.Mail.MailGateway.Send(smtpPassword)\n"));

        await test.RunAsync();
    }

    [Fact]
    public async Task CustomSinkNotDeclared_NoDiagnostic()
    {
        const string source = """
            namespace Contoso.Mail
            {
                public sealed class Mailer
                {
                    public void Login(string user, string secret) { }
                }

                public static class Program
                {
                    public static void Run() => new Mailer().Login("alerts@example.com", "Tr0ub4dor&3x");
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    // ---- Constant shapes ----

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
                    using MailKit.Net.Smtp;

                    public static class Mailer
                    {
                        public static void Login(SmtpClient client) => client.Authenticate(MailConstants.User, {|#0:MailConstants.Password|});
                    }
                    """,
                    """
                    public static class MailConstants
                    {
                        public const string User = "alerts@example.com";
                        public const string {|#1:Password|} = "Tr0ub4dor&3x";
                    }
                    """,
                },
            },
            ExpectedDiagnostics = { Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("SmtpClient.Authenticate", 12, SecretRemedies.PasswordInCode) },
        };

        await test.RunAsync();
    }

    [Fact]
    public async Task StaticReadonlyField_ReportsDiagnostic()
    {
        const string source = """
            using MailKit.Net.Smtp;

            public static class Mailer
            {
                private static readonly string {|#1:SmtpPassword|} = "Tr0ub4dor&3x";

                public static void Login(SmtpClient client) => client.Authenticate("alerts@example.com", {|#0:SmtpPassword|});
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("SmtpClient.Authenticate", 12, SecretRemedies.PasswordInCode));
    }

    [Fact]
    public async Task PrivateFieldInitializer_ReportsDiagnostic()
    {
        const string source = """
            using MailKit.Net.Smtp;

            public sealed class Mailer
            {
                private string {|#1:password|} = "Tr0ub4dor&3x";

                public void Login(SmtpClient client) => client.Authenticate("alerts@example.com", {|#0:password|});
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("SmtpClient.Authenticate", 12, SecretRemedies.PasswordInCode));
    }

    [Fact]
    public async Task GetOnlyPropertyInitializer_ReportsDiagnostic()
    {
        const string source = """
            using MailKit.Net.Smtp;

            public sealed class Mailer
            {
                private static string {|#1:Password|} { get; } = "Tr0ub4dor&3x";

                public void Login(SmtpClient client) => client.Authenticate("alerts@example.com", {|#0:Password|});
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("SmtpClient.Authenticate", 12, SecretRemedies.PasswordInCode));
    }

    [Fact]
    public async Task Local_ReportsDiagnostic()
    {
        const string source = """
            using MailKit.Net.Smtp;

            public static class Mailer
            {
                public static void Login(SmtpClient client)
                {
                    var user = "alerts@example.com";
                    var {|#1:password|} = "Tr0ub4dor&3x";
                    client.Authenticate(user, {|#0:password|});
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("SmtpClient.Authenticate", 12, SecretRemedies.PasswordInCode));
    }

    [Fact]
    public async Task LocalConst_ReportsDiagnostic()
    {
        const string source = """
            using MailKit.Net.Smtp;

            public static class Mailer
            {
                public static void Login(SmtpClient client)
                {
                    const string {|#1:password|} = "Tr0ub4dor&3x";
                    client.Authenticate("alerts@example.com", {|#0:password|});
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("SmtpClient.Authenticate", 12, SecretRemedies.PasswordInCode));
    }

    [Fact]
    public async Task InterpolationOfConstants_ReportsDiagnostic()
    {
        const string source = """
            using MailKit.Net.Smtp;

            public static class Mailer
            {
                private const string Season = "Summer";
                private const int Year = 2024;

                public static void Login(SmtpClient client) => client.Authenticate("alerts@example.com", {|#0:$"{Season}{Year}!x"|});
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("SmtpClient.Authenticate", 12, SecretRemedies.PasswordInCode));
    }

    [Fact]
    public async Task ConcatenationWithStaticReadonly_ReportsDiagnostic()
    {
        const string source = """
            using MailKit.Net.Smtp;

            public static class Mailer
            {
                private static readonly string Prefix = "Tr0ub";

                public static void Login(SmtpClient client) => client.Authenticate("alerts@example.com", {|#0:Prefix + "4dor&3x"|});
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("SmtpClient.Authenticate", 12, SecretRemedies.PasswordInCode));
    }

    [Fact]
    public async Task VerbatimString_ReportsDiagnostic()
    {
        const string source = """
            using MailKit.Net.Smtp;

            public static class Mailer
            {
                public static void Login(SmtpClient client) => client.Authenticate(@"CONTOSO\alerts", {|#0:@"Tr0ub\4dor&3x"|});
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("SmtpClient.Authenticate", 13, SecretRemedies.PasswordInCode));
    }

    [Fact]
    public async Task AsyncMethodWithConstant_ReportsDiagnostic()
    {
        const string source = """
            using System.Threading;
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;
            using MailKit.Security;
            using MimeKit;

            public sealed class Mailer
            {
                private const string User = "alerts@example.com";
                private const string {|#1:Password|} = "Tr0ub4dor&3x";

                public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
                {
                    using var client = new SmtpClient();
                    await client.ConnectAsync("smtp.example.com", 587, SecureSocketOptions.StartTls, cancellationToken);
                    await client.AuthenticateAsync(User, {|#0:Password|}, cancellationToken);
                    await client.SendAsync(message, cancellationToken);
                    await client.DisconnectAsync(true, cancellationToken);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("SmtpClient.AuthenticateAsync", 12, SecretRemedies.PasswordInCode));
    }

    [Fact]
    public async Task TopLevelStatements_ReportsDiagnostic()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using MailKit.Net.Smtp;
                using MailKit.Security;

                using var client = new SmtpClient();
                client.Connect("smtp.gmail.com", 465, true);
                client.Authenticate("alerts@example.com", {|#0:"Tr0ub4dor&3x"|});
                """,
            TestState = { OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication },
            ExpectedDiagnostics = { Verify.Diagnostic(Id).WithLocation(0).WithArguments("SmtpClient.Authenticate", 12, SecretRemedies.PasswordInCode) },
        };

        await test.RunAsync();
    }

    [Fact]
    public async Task GeneratedCode_ReportsDiagnostic()
    {
        const string source = """
            // <auto-generated/>
            using System.Net;
            using System.Net.Mail;

            public static class GeneratedMailSettings
            {
                public static SmtpClient Create() => new SmtpClient("smtp.example.com", 587)
                {
                    Credentials = new NetworkCredential("alerts@example.com", {|#0:"Tr0ub4dor&3x"|}),
                };
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("SmtpClient.Credentials", 12, SecretRemedies.PasswordInCode));
    }

    // ---- Must stay silent ----

    [Fact]
    public async Task PasswordFromConfiguration_NoDiagnostic()
    {
        const string source = """
            using MailKit.Net.Smtp;
            using Microsoft.Extensions.Configuration;

            public sealed class Mailer(IConfiguration configuration)
            {
                public void Login(SmtpClient client) => client.Authenticate(configuration["Smtp:User"]!, configuration["Smtp:Password"]!);
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task PasswordFromOptionsObject_NoDiagnostic()
    {
        const string source = """
            using System.Net;
            using System.Net.Mail;

            public sealed class SmtpSettings
            {
                public string Host { get; set; } = "smtp.example.com";
                public string User { get; set; } = "";
                public string Password { get; set; } = "";
            }

            public sealed class Mailer(SmtpSettings settings)
            {
                public SmtpClient Create() => new SmtpClient(settings.Host, 587)
                {
                    EnableSsl = true,
                    Credentials = new NetworkCredential(settings.User, settings.Password),
                };
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task PasswordFromEnvironment_NoDiagnostic()
    {
        const string source = """
            using System;
            using MailKit.Net.Imap;

            public static class Inbox
            {
                public static void Login(ImapClient client)
                {
                    var password = Environment.GetEnvironmentVariable("IMAP_PASSWORD") ?? throw new InvalidOperationException();
                    client.Authenticate("reader@example.com", password);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task PasswordFromParameter_NoDiagnostic()
    {
        const string source = """
            using Microsoft.Exchange.WebServices.Data;

            public static class Exchange
            {
                public static void Login(ExchangeService service, string user, string password)
                {
                    service.Credentials = new WebCredentials(user, password);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task LocalAssignedFromConfigurationInOneBranch_NoDiagnostic()
    {
        const string source = """
            using System;
            using MailKit.Net.Smtp;

            public static class Mailer
            {
                public static void Login(SmtpClient client, bool production)
                {
                    var password = "Tr0ub4dor&3x";
                    if (production)
                    {
                        password = Environment.GetEnvironmentVariable("SMTP_PASSWORD")!;
                    }

                    client.Authenticate("alerts@example.com", password);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task PublicMutableFieldWithLiteralDefault_ReportsDiagnostic()
    {
        // Other code may overwrite a public mutable field, but its literal initializer is the default that ships.
        const string source = """
            using MailKit.Net.Smtp;

            public static class MailSettings
            {
                public static string {|#1:Password|} = "Tr0ub4dor&3x";
            }

            public static class Mailer
            {
                public static void Login(SmtpClient client) => client.Authenticate("alerts@example.com", {|#0:MailSettings.Password|});
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("SmtpClient.Authenticate", 12, SecretRemedies.PasswordInCode));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("password")]
    [InlineData("Password")]
    [InlineData("changeme")]
    [InlineData("<your-password>")]
    [InlineData("${SMTP_PASSWORD}")]
    [InlineData("%SMTP_PASSWORD%")]
    [InlineData("#{SmtpPassword}#")]
    [InlineData("__SMTP_PASSWORD__")]
    [InlineData("********")]
    [InlineData("your password")]
    [InlineData("Sender Pass")]
    [InlineData("<password>")]
    [InlineData("xxx")]
    [InlineData("{password}")]
    [InlineData("YOUR_SMTP_PASSWORD_HERE")]
    [InlineData("yourEmailPassword")]
    [InlineData("EnterYourPasswordHere")]
    [InlineData("senha")]
    [InlineData("Sua senha")]
    [InlineData("contraseña")]
    [InlineData("Tu contraseña")]
    [InlineData("Passwort")]
    [InlineData("Ihr Passwort")]
    [InlineData("mot de passe")]
    [InlineData("Votre mot de passe")]
    [InlineData("MotDePasse")]
    [InlineData("wachtwoord")]
    [InlineData("Uw wachtwoord")]
    [InlineData("parola")]
    [InlineData("La tua password")]
    [InlineData("hasło")]
    [InlineData("Twoje hasło")]
    [InlineData("пароль")]
    [InlineData("Ваш пароль")]
    [InlineData("密码")]
    [InlineData("你的密码")]
    [InlineData("密碼")]
    [InlineData("你的密碼")]
    [InlineData("yoursenderpasswd")]
    public async Task Placeholder_NoDiagnostic(string placeholder)
    {
        var source = $$"""
            using MailKit.Net.Smtp;

            public static class Mailer
            {
                private const string Password = "{{placeholder}}";

                public static void Login(SmtpClient client) => client.Authenticate("alerts@example.com", Password);
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Theory]
    [InlineData("Password123!")]
    [InlineData("senha2024")]
    [InlineData("SenderPass#7")]
    [InlineData("contraseña-segura")]
    [InlineData("wachtwoord99")]
    [InlineData("your password is Kx7#pQ")]
    public async Task WordsForPasswordWithASecretInThem_ReportsDiagnostic(string secret)
    {
        // A name for the password next to digits, symbols or other words is a secret, not a placeholder.
        var source = $$"""
            using MailKit.Net.Smtp;

            public static class Mailer
            {
                public static void Login(SmtpClient client) => client.Authenticate("alerts@example.com", {|#0:"{{secret}}"|});
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("SmtpClient.Authenticate", secret.Length, SecretRemedies.PasswordInCode));
    }

    [Fact]
    public async Task HttpClientHandlerCredentials_NoDiagnostic()
    {
        const string source = """
            using System.Net;
            using System.Net.Http;

            public static class Api
            {
                public static HttpClient Create() => new HttpClient(new HttpClientHandler
                {
                    Credentials = new NetworkCredential("reporting", "Tr0ub4dor&3x"),
                });
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task WebClientCredentials_NoDiagnostic()
    {
        const string source = """
            using System.Net;

            public static class Downloader
            {
            #pragma warning disable SYSLIB0014
                public static WebClient Create() => new WebClient { Credentials = new NetworkCredential("reporting", "Tr0ub4dor&3x") };
            #pragma warning restore SYSLIB0014
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task DatabaseConnectionCredentials_NoDiagnostic()
    {
        const string source = """
            using System.Net;

            public sealed class ReportServerConnection
            {
                public ICredentials? Credentials { get; set; }
                public string Server { get; set; } = "";
            }

            public static class Reports
            {
                public static ReportServerConnection Connect() => new ReportServerConnection
                {
                    Server = "reports.example.com",
                    Credentials = new NetworkCredential("reporting", "Tr0ub4dor&3x"),
                };
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task ProxyCredentialsOnMailClient_NoDiagnostic()
    {
        const string source = """
            using System.Net;
            using MailKit.Net.Proxy;
            using MailKit.Net.Smtp;
            using MailKit.Security;

            public static class Mailer
            {
                public static SmtpClient Create()
                {
                    var client = new SmtpClient();
                    client.ProxyClient = new HttpProxyClient("proxy.example.com", 8080, new NetworkCredential("proxyuser", "Tr0ub4dor&3x"));
                    client.Connect("smtp.example.com", 587, SecureSocketOptions.StartTls);
                    return client;
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task DefaultNetworkCredentials_NoDiagnostic()
    {
        const string source = """
            using System.Net;
            using System.Net.Mail;

            public static class Mailer
            {
                public static SmtpClient Create() => new SmtpClient("relay.example.com", 25)
                {
                    EnableSsl = true,
                    Credentials = CredentialCache.DefaultNetworkCredentials,
                };
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task OAuthWithClientCredentials_NoDiagnostic()
    {
        const string source = """
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;
            using MailKit.Security;
            using Microsoft.Identity.Client;

            public sealed class Mailer(IConfidentialClientApplication application)
            {
                public async Task LoginAsync(SmtpClient client, string mailbox)
                {
                    var result = await application.AcquireTokenForClient(new[] { "https://outlook.office365.com/.default" }).ExecuteAsync();
                    await client.ConnectAsync("smtp.office365.com", 587, SecureSocketOptions.StartTls);
                    await client.AuthenticateAsync(new SaslMechanismOAuth2(mailbox, result.AccessToken));
                }
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
                    client.Authenticate("test@example.com", "Tr0ub4dor&3x");
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
                    public static SmtpClient Create() => new SmtpClient("mailsink", 2525)
                    {
                        Credentials = new NetworkCredential("test@example.com", "Tr0ub4dor&3x"),
                    };
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add((EditorConfigs.Path, EditorConfigs.With("legacy_auth.local_hosts", "mailsink")));

        await test.RunAsync();
    }

    [Fact]
    public async Task HostNotInLocalHostsOption_ReportsDiagnostic()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Net;
                using System.Net.Mail;

                public static class Mailer
                {
                    public static SmtpClient Create() => new SmtpClient("smtp.example.com", 587)
                    {
                        Credentials = new NetworkCredential("test@example.com", {|#0:"Tr0ub4dor&3x"|}),
                    };
                }
                """,
            ExpectedDiagnostics = { Verify.Diagnostic(Id).WithLocation(0).WithArguments("SmtpClient.Credentials", 12, SecretRemedies.PasswordInCode) },
        };
        test.TestState.AnalyzerConfigFiles.Add((EditorConfigs.Path, EditorConfigs.With("legacy_auth.local_hosts", "mailsink")));

        await test.RunAsync();
    }

    [Fact]
    public async Task AppPasswordShapedConstant_NoDiagnostic()
    {
        // LA3001 is the more specific finding for the same value.
        const string source = """
            using MailKit.Net.Smtp;

            public static class Mailer
            {
                public static void Login(SmtpClient client) => client.Authenticate("alerts@example.com", "qwrtzkbvnhgfdlpx");
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task WithoutMailLibraries_SystemNetMailStillReportsDiagnostic()
    {
        const string source = """
            using System.Net;
            using System.Net.Mail;

            public static class Mailer
            {
                public static SmtpClient Create() => new SmtpClient("smtp.example.com", 587)
                {
                    EnableSsl = true,
                    Credentials = new NetworkCredential("alerts@example.com", {|#0:"Tr0ub4dor&3x"|}),
                };
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, TestReferences.WithoutMailLibraries, Verify.Diagnostic(Id).WithLocation(0).WithArguments("SmtpClient.Credentials", 12, SecretRemedies.PasswordInCode));
    }

    [Fact]
    public async Task Message_RevealsNoPartOfTheSecret()
    {
        const string secret = "Tr0ub4dor&3x";
        const string source = $$"""
            using System;
            using System.Net;
            using System.Net.Mail;
            using MailKit.Net.Imap;
            using Microsoft.Exchange.WebServices.Data;

            public static class Mailer
            {
                public static void Run(ImapClient imap, ExchangeService service)
                {
                    using var smtp = new SmtpClient("smtp.example.com", 587) { Credentials = new NetworkCredential("alerts@example.com", "{{secret}}") };
                    imap.Connect(new Uri("imaps://reader:{{secret}}@imap.example.com"));
                    imap.Authenticate("reader@example.com", "{{secret}}");
                    service.Credentials = new WebCredentials("reader@example.com", "{{secret}}");
                }
            }
            """;

        var diagnostics = await AnalyzerRunner.GetDiagnosticsAsync(source, new LA1001_HardCodedMailCredentialAnalyzer());

        Assert.Equal(4, diagnostics.Count(d => d.Id == Id));
        SecretAssert.NotInMessages(secret, diagnostics);
    }
}
