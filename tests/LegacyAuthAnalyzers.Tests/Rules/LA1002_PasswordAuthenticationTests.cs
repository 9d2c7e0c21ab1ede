using LegacyAuthAnalyzers.Rules;
using LegacyAuthAnalyzers.Tests.Infrastructure;
using Xunit;
using Verify = LegacyAuthAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<LegacyAuthAnalyzers.Rules.LA1002_PasswordAuthenticationAnalyzer>;

namespace LegacyAuthAnalyzers.Tests.Rules;

public sealed class LA1002_PasswordAuthenticationTests
{
    private const string Id = DiagnosticIds.PasswordAuthentication;

    // ---- Sinks, with values that are not hard-coded ----

    [Fact]
    public async Task SmtpClientCredentialsInObjectInitializer_ReportsDiagnostic()
    {
        const string source = """
            using System.Net;
            using System.Net.Mail;

            public sealed class SmtpSettings
            {
                public string User { get; set; } = "";
                public string Password { get; set; } = "";
            }

            public sealed class Mailer(SmtpSettings settings)
            {
                public SmtpClient Create() => new SmtpClient("smtp.example.com", 587)
                {
                    EnableSsl = true,
                    {|#0:Credentials = new NetworkCredential(settings.User, settings.Password)|},
                };
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("SmtpClient.Credentials", "'smtp.example.com'"));
    }

    [Fact]
    public async Task SmtpClientCredentialsAssignedLaterFromLocal_ReportsDiagnostic()
    {
        const string source = """
            using System;
            using System.Net;
            using System.Net.Mail;

            public static class Mailer
            {
                public static void Send(MailMessage message)
                {
                    var credential = new NetworkCredential("alerts@example.com", {|#1:Environment.GetEnvironmentVariable("SMTP_PASSWORD")|});
                    var client = new SmtpClient();
                    client.Host = "mail.example.org";
                    client.EnableSsl = true;
                    {|#0:client.Credentials = credential|};
                    client.Send(message);
                }
            }
            """;

        // The password goes in where the credential is built: that line is pointed at too.
        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("SmtpClient.Credentials", "'mail.example.org'"));
    }

    [Fact]
    public async Task SmtpClientCredentialsOnFieldCreatedInInitializer_ReportsDiagnosticWithItsHost()
    {
        const string source = """
            using System.Net;
            using System.Net.Mail;

            public sealed class Mailer(NetworkCredential credential)
            {
                private readonly SmtpClient client = new SmtpClient("smtp.example.com", 587) { EnableSsl = true };

                public void Send(MailMessage message)
                {
                    {|#0:client.Credentials = credential|};
                    client.Send(message);
                }
            }
            """;

        // The client is a field set up elsewhere: its host is not looked for outside the member body.
        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("SmtpClient.Credentials", "'smtp.example.com'"));
    }

    [Fact]
    public async Task MailKitAuthenticateFromConfiguration_ReportsDiagnostic()
    {
        const string source = """
            using MailKit.Net.Smtp;
            using MailKit.Security;
            using Microsoft.Extensions.Configuration;

            public sealed class Mailer(IConfiguration configuration)
            {
                public void Login(SmtpClient client)
                {
                    client.Connect("smtp.gmail.com", 587, SecureSocketOptions.StartTls);
                    {|#0:client.Authenticate(configuration["Smtp:User"]!, configuration["Smtp:Password"]!)|};
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("SmtpClient.Authenticate", "'smtp.gmail.com'"));
    }

    [Fact]
    public async Task MailKitImapAuthenticateAsyncWithEncoding_ReportsDiagnostic()
    {
        const string source = """
            using System.Text;
            using System.Threading.Tasks;
            using MailKit.Net.Imap;

            public static class Inbox
            {
                public static async Task LoginAsync(string user, string password)
                {
                    using var client = new ImapClient();
                    await client.ConnectAsync("imap.example.com", 993, true);
                    await {|#0:client.AuthenticateAsync(Encoding.UTF8, user, password)|};
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("ImapClient.AuthenticateAsync", "'imap.example.com'"));
    }

    [Fact]
    public async Task MailKitPop3AuthenticateWithICredentialsParameter_ReportsDiagnostic()
    {
        const string source = """
            using System.Net;
            using MailKit.Net.Pop3;

            public static class Inbox
            {
                public static void Login(Pop3Client client, ICredentials credentials)
                {
                    client.Connect("pop.example.com", 995, true);
                    {|#0:client.Authenticate(credentials)|};
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("Pop3Client.Authenticate", "'pop.example.com'"));
    }

    [Fact]
    public async Task MailKitAuthenticateAsyncWithEncodingAndCredentials_ReportsDiagnostic()
    {
        const string source = """
            using System.Net;
            using System.Text;
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;

            public static class Mailer
            {
                public static Task LoginAsync(SmtpClient client, string user, string password)
                    => {|#0:client.AuthenticateAsync(Encoding.UTF8, new NetworkCredential(user, password))|};
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("SmtpClient.AuthenticateAsync", "a mail server"));
    }

    [Theory]
    [InlineData("SaslMechanismPlain")]
    [InlineData("SaslMechanismLogin")]
    [InlineData("SaslMechanismCramMd5")]
    [InlineData("SaslMechanismDigestMd5")]
    [InlineData("SaslMechanismNtlm")]
    [InlineData("SaslMechanismScramSha256")]
    public async Task PasswordSaslMechanism_ReportsDiagnostic(string mechanism)
    {
        var source = $$"""
            using System.Net;
            using MailKit.Net.Imap;
            using MailKit.Security;

            public static class Inbox
            {
                public static void Login(string user, string password)
                {
                    using var client = new ImapClient();
                    client.Connect("imap.example.com", 993, SecureSocketOptions.SslOnConnect);
                    var mechanism = {|#0:new {{mechanism}}(new NetworkCredential(user, password))|};
                    client.Authenticate(mechanism);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("new " + mechanism, "'imap.example.com'"));
    }

    [Fact]
    public async Task PasswordSaslMechanismPassedDirectly_ReportsDiagnostic()
    {
        const string source = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            public static class Mailer
            {
                public static void Login(string user, string password)
                {
                    using var client = new SmtpClient();
                    client.Connect("smtp.example.com", 587, SecureSocketOptions.StartTls);
                    client.Authenticate({|#0:new SaslMechanismLogin(user, password)|});
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("new SaslMechanismLogin", "'smtp.example.com'"));
    }

    [Fact]
    public async Task EwsWebCredentials_ReportsDiagnostic()
    {
        const string source = """
            using System;
            using Microsoft.Exchange.WebServices.Data;

            public static class Exchange
            {
                public static ExchangeService Create(string user, string password) => new ExchangeService(ExchangeVersion.Exchange2013_SP1)
                {
                    Credentials = {|#0:new WebCredentials(user, password, "CONTOSO")|},
                    Url = new Uri("https://mail.contoso.com/EWS/Exchange.asmx"),
                };
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("new WebCredentials", "'mail.contoso.com'"));
    }

    [Fact]
    public async Task EwsCredentialsFromNetworkCredential_ReportsDiagnostic()
    {
        const string source = """
            using System;
            using System.Net;
            using Microsoft.Exchange.WebServices.Data;

            public static class Exchange
            {
                public static ExchangeService Create(string user, string password)
                {
                    var service = new ExchangeService(ExchangeVersion.Exchange2010_SP2);
                    service.Url = new Uri("https://mail.contoso.com/EWS/Exchange.asmx");
                    {|#0:service.Credentials = new NetworkCredential(user, password)|};
                    return service;
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("ExchangeService.Credentials", "'mail.contoso.com'"));
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
                    {|#0:client.Connect(new Uri("imaps://reader:${IMAP_PASSWORD}@imap.example.com:993"))|};
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("ImapClient.Connect", "'imap.example.com'"));
    }

    [Fact]
    public async Task HighVolumeEmailHost_ReportsDiagnostic()
    {
        // High Volume Email still accepts Basic authentication for now: password auth, but not LA1003's "disabled".
        const string source = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            public static class Mailer
            {
                public static void Login(SmtpClient client, string user, string password)
                {
                    client.Connect("smtp-hve.office365.com", 587, SecureSocketOptions.StartTls);
                    {|#0:client.Authenticate(user, password)|};
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("SmtpClient.Authenticate", "'smtp-hve.office365.com'"));
    }

    [Fact]
    public async Task CustomSinkFromEditorConfig_ReportsDiagnostic()
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
                        public static void Run(string user, string secret) => {|#0:new Mailer().Login(user, secret)|};
                    }
                }
                """,
            ExpectedDiagnostics = { Verify.Diagnostic(Id).WithLocation(0).WithArguments("Mailer.Login", "a mail server") },
        };
        test.TestState.AnalyzerConfigFiles.Add((EditorConfigs.Path, EditorConfigs.With("legacy_auth.credential_sinks", "Contoso.Mail.Mailer.Login(secret)")));

        await test.RunAsync();
    }

    [Fact]
    public async Task WithoutMailLibraries_SystemNetMailReportsDiagnostic()
    {
        const string source = """
            using System.Net;
            using System.Net.Mail;

            public static class Mailer
            {
                public static SmtpClient Create(string user, string password) => new SmtpClient("smtp.example.com", 587)
                {
                    EnableSsl = true,
                    {|#0:Credentials = new NetworkCredential(user, password)|},
                };
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, TestReferences.WithoutMailLibraries, Verify.Diagnostic(Id).WithLocation(0).WithArguments("SmtpClient.Credentials", "'smtp.example.com'"));
    }

    // ---- Must stay silent ----

    [Theory]
    [InlineData("smtp.office365.com")]
    [InlineData("outlook.office365.com")]
    [InlineData("smtp-mail.outlook.com")]
    public async Task Microsoft365Host_NoDiagnostic(string host)
    {
        // LA1003 reports these: LA1002 and LA1003 never both fire on one site.
        var source = $$"""
            using MailKit.Net.Smtp;
            using MailKit.Security;

            public static class Mailer
            {
                public static void Login(SmtpClient client, string user, string password)
                {
                    client.Connect("{{host}}", 587, SecureSocketOptions.StartTls);
                    client.Authenticate(user, password);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Microsoft365HostFromEditorConfig_NoDiagnostic()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Net;
                using System.Net.Mail;

                public static class Mailer
                {
                    public static SmtpClient Create(string user, string password) => new SmtpClient("mail.contoso.com", 587)
                    {
                        EnableSsl = true,
                        Credentials = new NetworkCredential(user, password),
                    };
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add((EditorConfigs.Path, EditorConfigs.With("legacy_auth.microsoft365_hosts", "mail.contoso.com")));

        await test.RunAsync();
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("smtp4dev")]
    [InlineData("mailhog")]
    public async Task LocalTestServer_NoDiagnostic(string host)
    {
        var source = $$"""
            using System.Net;
            using System.Net.Mail;

            public static class Mailer
            {
                public static SmtpClient Create(string user, string password) => new SmtpClient("{{host}}", 25)
                {
                    Credentials = new NetworkCredential(user, password),
                };
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
                using MailKit.Net.Smtp;
                using MailKit.Security;

                public static class Mailer
                {
                    public static void Login(SmtpClient client, string user, string password)
                    {
                        client.Connect("devsmtp.internal", 2525, SecureSocketOptions.None);
                        client.Authenticate(user, password);
                    }
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add((EditorConfigs.Path, EditorConfigs.With("legacy_auth.local_hosts", "mailsink, devsmtp.internal")));

        await test.RunAsync();
    }

    [Fact]
    public async Task OAuthWithClientCredentials_NoDiagnostic()
    {
        const string source = """
            using System.Threading.Tasks;
            using MailKit.Net.Imap;
            using MailKit.Security;
            using Microsoft.Identity.Client;

            public sealed class Inbox(IConfidentialClientApplication application)
            {
                public async Task LoginAsync(ImapClient client, string mailbox)
                {
                    var result = await application.AcquireTokenForClient(new[] { "https://outlook.office365.com/.default" }).ExecuteAsync();
                    await client.ConnectAsync("imap.example.com", 993, SecureSocketOptions.SslOnConnect);
                    var oauth2 = new SaslMechanismOAuth2(mailbox, result.AccessToken);
                    await client.AuthenticateAsync(oauth2);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task AuthenticateWithSaslMechanismParameter_NoDiagnostic()
    {
        const string source = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            public static class Mailer
            {
                public static void Login(SmtpClient client, SaslMechanism mechanism) => client.Authenticate(mechanism);
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
            using MailKit.Net.Smtp;

            public static class Mailer
            {
                public static void Login(MailKit.Net.Smtp.SmtpClient client)
                {
                    client.Authenticate(CredentialCache.DefaultNetworkCredentials);
                }

                public static System.Net.Mail.SmtpClient Create() => new System.Net.Mail.SmtpClient("relay.example.com", 25)
                {
                    EnableSsl = true,
                    Credentials = CredentialCache.DefaultNetworkCredentials,
                };

                public static System.Net.Mail.SmtpClient CreateWithDefaultCredentials() => new System.Net.Mail.SmtpClient("relay.example.com", 25)
                {
                    EnableSsl = true,
                    UseDefaultCredentials = true,
                };
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task WindowsCredentialsThroughMechanismOrWebCredentials_NoDiagnostic()
    {
        const string source = """
            using System.Net;
            using MailKit.Net.Smtp;
            using MailKit.Security;
            using Microsoft.Exchange.WebServices.Data;

            public static class Windows
            {
                public static void Smtp(SmtpClient client) => client.Authenticate(new SaslMechanismNtlm(CredentialCache.DefaultNetworkCredentials));

                public static void Ews(ExchangeService service) => service.Credentials = new WebCredentials(CredentialCache.DefaultCredentials);
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task EwsDefaultAndOAuthCredentials_NoDiagnostic()
    {
        const string source = """
            using Microsoft.Exchange.WebServices.Data;

            public static class Exchange
            {
                public static void UseDefault(ExchangeService service) => service.Credentials = new WebCredentials();

                public static void UseToken(ExchangeService service, string accessToken) => service.Credentials = new OAuthCredentials(accessToken);

                public static void UseWindows(ExchangeService service) => service.UseDefaultCredentials = true;
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NonMailNetworkCredentials_NoDiagnostic()
    {
        const string source = """
            using System.Net;
            using System.Net.Http;
            using MailKit.Net.Proxy;
            using MailKit.Net.Smtp;

            public static class Clients
            {
                public static HttpClientHandler Http(string user, string password) => new HttpClientHandler { Credentials = new NetworkCredential(user, password) };

                public static void Proxy(SmtpClient client, string user, string password)
                    => client.ProxyClient = new Socks5Client("proxy.example.com", 1080, new NetworkCredential(user, password));

                public static WebProxy WebProxy(string user, string password) => new WebProxy("http://proxy.example.com:8080") { Credentials = new NetworkCredential(user, password) };
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Message_RevealsNoPartOfTheSecret()
    {
        const string secret = "Tr0ub4dor&3x";
        const string source = $$"""
            using System;
            using MailKit.Net.Imap;
            using MailKit.Net.Pop3;

            public static class Inbox
            {
                public static void Run(Pop3Client pop3)
                {
                    using var imap = new ImapClient();
                    imap.Connect(new Uri("imaps://reader:{{secret}}@imap.example.com"));
                    pop3.Connect("pop.example.com", 995, true);
                    pop3.Authenticate("reader@example.com", "{{secret}}");
                }
            }
            """;

        var diagnostics = await AnalyzerRunner.GetDiagnosticsAsync(source, new LA1002_PasswordAuthenticationAnalyzer());

        Assert.Equal(2, diagnostics.Count(d => d.Id == Id));
        SecretAssert.NotInMessages(secret, diagnostics);
    }
}
