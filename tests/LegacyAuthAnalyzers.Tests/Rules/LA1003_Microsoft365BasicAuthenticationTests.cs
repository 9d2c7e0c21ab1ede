using LegacyAuthAnalyzers.Rules;
using LegacyAuthAnalyzers.Tests.Infrastructure;
using Xunit;
using Verify = LegacyAuthAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<LegacyAuthAnalyzers.Rules.LA1003_Microsoft365BasicAuthenticationAnalyzer>;

namespace LegacyAuthAnalyzers.Tests.Rules;

public sealed class LA1003_Microsoft365BasicAuthenticationTests
{
    private const string Id = DiagnosticIds.Microsoft365BasicAuthentication;

    private const string SmtpStatus = "Exchange Online disables SMTP AUTH Basic authentication by default at the end of December 2026";
    private const string ImapStatus = "Exchange Online disabled Basic authentication for IMAP in 2022";
    private const string PopStatus = "Exchange Online disabled Basic authentication for POP in 2022";
    private const string EwsStatus = "Exchange Online disabled Basic authentication for EWS in 2022";
    private const string OutlookComStatus = "Outlook.com stopped accepting Basic authentication and app passwords on 16 September 2024";
    private const string PersonalAccountStatus = "the user is a personal Outlook.com account, and Outlook.com stopped accepting Basic authentication and app passwords on 16 September 2024";
    private const string GeneralStatus = "Exchange Online has disabled Basic authentication for IMAP, POP and EWS and disables it for SMTP AUTH at the end of December 2026";

    [Theory]
    [InlineData("MailKit.Net.Smtp.SmtpClient", "smtp.office365.com", 587, SmtpStatus)]
    [InlineData("MailKit.Net.Smtp.SmtpClient", "smtp-legacy.office365.com", 587, SmtpStatus)]
    [InlineData("MailKit.Net.Smtp.SmtpClient", "SMTP.Office365.com", 25, SmtpStatus)]
    [InlineData("MailKit.Net.Imap.ImapClient", "outlook.office365.com", 993, ImapStatus)]
    [InlineData("MailKit.Net.Pop3.Pop3Client", "outlook.office365.com", 995, PopStatus)]
    [InlineData("MailKit.Net.Smtp.SmtpClient", "smtp-mail.outlook.com", 587, OutlookComStatus)]
    [InlineData("MailKit.Net.Imap.ImapClient", "imap-mail.outlook.com", 993, OutlookComStatus)]
    [InlineData("MailKit.Net.Pop3.Pop3Client", "pop-mail.outlook.com", 995, OutlookComStatus)]
    [InlineData("MailKit.Net.Smtp.SmtpClient", "smtp.live.com", 587, OutlookComStatus)]
    public async Task MailKitToMicrosoftHost_ReportsDiagnostic(string clientType, string host, int port, string status)
    {
        var source = $$"""
            using System.Threading.Tasks;
            using MailKit.Security;

            public static class Mail
            {
                public static async Task LoginAsync(string user, string password)
                {
                    using var client = new {{clientType}}();
                    await client.ConnectAsync("{{host}}", {{port}}, SecureSocketOptions.Auto);
                    await {|#0:client.AuthenticateAsync(user, password)|};
                }
            }
            """;

        var api = clientType.Substring(clientType.LastIndexOf('.') + 1) + ".AuthenticateAsync";
        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments(api, "'" + host.ToLowerInvariant() + "'", status));
    }

    [Fact]
    public async Task ConnectOverSocketToOffice365_ReportsDiagnostic()
    {
        const string source = """
            using System.Net.Sockets;
            using MailKit.Net.Smtp;
            using MailKit.Security;

            public static class Mailer
            {
                public static void Login(Socket socket, string user, string password)
                {
                    using var client = new SmtpClient();
                    client.Connect(socket, "smtp.office365.com", 587, SecureSocketOptions.StartTls);
                    {|#0:client.Authenticate(user, password)|};
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("SmtpClient.Authenticate", "'smtp.office365.com'", SmtpStatus));
    }

    [Fact]
    public async Task SystemNetMailToOffice365_ReportsDiagnostic()
    {
        const string source = """
            using System.Net;
            using System.Net.Mail;

            public static class Mailer
            {
                public static void Send(MailMessage message)
                {
                    using var client = new SmtpClient
                    {
                        Host = "smtp.office365.com",
                        Port = 587,
                        EnableSsl = true,
                        {|#0:Credentials = new NetworkCredential("alerts@contoso.com", "Tr0ub4dor&3x")|},
                    };
                    client.Send(message);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("SmtpClient.Credentials", "'smtp.office365.com'", SmtpStatus));
    }

    [Fact]
    public async Task SystemNetMailWithoutMailLibraries_ReportsDiagnostic()
    {
        const string source = """
            using System.Net;
            using System.Net.Mail;

            public static class Mailer
            {
                public static void Send(MailMessage message, string password)
                {
                    using var client = new SmtpClient("smtp.office365.com", 587) { EnableSsl = true };
                    {|#0:client.Credentials = new NetworkCredential("alerts@contoso.com", password)|};
                    client.Send(message);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, TestReferences.WithoutMailLibraries, Verify.Diagnostic(Id).WithLocation(0).WithArguments("SmtpClient.Credentials", "'smtp.office365.com'", SmtpStatus));
    }

    [Fact]
    public async Task EwsWebCredentialsToExchangeOnline_ReportsDiagnostic()
    {
        const string source = """
            using System;
            using Microsoft.Exchange.WebServices.Data;

            public static class Exchange
            {
                public static ExchangeService Create(string user, string password) => new ExchangeService(ExchangeVersion.Exchange2013_SP1)
                {
                    Url = new Uri("https://outlook.office365.com/EWS/Exchange.asmx"),
                    Credentials = {|#0:new WebCredentials(user, password)|},
                };
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("new WebCredentials", "'outlook.office365.com'", EwsStatus));
    }

    [Fact]
    public async Task EwsNetworkCredentialToExchangeOnline_ReportsDiagnostic()
    {
        const string source = """
            using System;
            using System.Net;
            using Microsoft.Exchange.WebServices.Data;

            public static class Exchange
            {
                public static ExchangeService Create(string user, string password)
                {
                    var service = new ExchangeService(ExchangeVersion.Exchange2013_SP1);
                    {|#0:service.Credentials = new NetworkCredential(user, password)|};
                    service.Url = new Uri("https://outlook.office365.com/EWS/Exchange.asmx");
                    return service;
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("ExchangeService.Credentials", "'outlook.office365.com'", EwsStatus));
    }

    [Fact]
    public async Task ConnectUriToExchangeOnline_ReportsDiagnostic()
    {
        const string source = """
            using System;
            using MailKit.Net.Imap;

            public static class Inbox
            {
                public static void Open(ImapClient client)
                    => {|#0:client.Connect(new Uri("imaps://reader%40contoso.com:Tr0ub4dor&3x@outlook.office365.com:993"))|};
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("ImapClient.Connect", "'outlook.office365.com'", ImapStatus));
    }

    [Fact]
    public async Task HostFromConstantInAnotherFile_ReportsDiagnostic()
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
                        public static void Login(string user, string password)
                        {
                            using var client = new Pop3Client();
                            client.Connect(MailServers.Pop, 995, true);
                            {|#0:client.Authenticate(user, password)|};
                        }
                    }
                    """,
                    """
                    public static class MailServers
                    {
                        public const string Pop = "outlook.office365.com";
                    }
                    """,
                },
            },
            ExpectedDiagnostics = { Verify.Diagnostic(Id).WithLocation(0).WithArguments("Pop3Client.Authenticate", "'outlook.office365.com'", PopStatus) },
        };

        await test.RunAsync();
    }

    [Fact]
    public async Task PasswordSaslMechanismToOffice365_ReportsDiagnostic()
    {
        const string source = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            public static class Mailer
            {
                public static void Login(string user, string password)
                {
                    using var client = new SmtpClient();
                    client.Connect("smtp.office365.com", 587, SecureSocketOptions.StartTls);
                    client.Authenticate({|#0:new SaslMechanismLogin(user, password)|});
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("new SaslMechanismLogin", "'smtp.office365.com'", SmtpStatus));
    }

    [Fact]
    public async Task CustomSinkWithMicrosoftHost_ReportsDiagnostic()
    {
        var test = new Verify.Test
        {
            TestCode = """
                namespace Contoso.Mail
                {
                    public sealed class Mailer
                    {
                        public string Host { get; set; } = "";

                        public void Login(string user, string secret) { }
                    }

                    public static class Program
                    {
                        public static void Run(string user, string secret)
                        {
                            var mailer = new Mailer { Host = "outlook.office365.com" };
                            {|#0:mailer.Login(user, secret)|};
                        }
                    }
                }
                """,
            ExpectedDiagnostics = { Verify.Diagnostic(Id).WithLocation(0).WithArguments("Mailer.Login", "'outlook.office365.com'", GeneralStatus) },
        };
        test.TestState.AnalyzerConfigFiles.Add((EditorConfigs.Path, EditorConfigs.With("legacy_auth.credential_sinks", "Contoso.Mail.Mailer.Login(secret)")));

        await test.RunAsync();
    }

    [Fact]
    public async Task Microsoft365HostFromEditorConfig_ReportsDiagnostic()
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
                        client.Connect("mail.contoso.com", 587, SecureSocketOptions.StartTls);
                        {|#0:client.Authenticate(user, password)|};
                    }
                }
                """,
            ExpectedDiagnostics = { Verify.Diagnostic(Id).WithLocation(0).WithArguments("SmtpClient.Authenticate", "'mail.contoso.com'", SmtpStatus) },
        };
        test.TestState.AnalyzerConfigFiles.Add((EditorConfigs.Path, EditorConfigs.With("legacy_auth.microsoft365_hosts", "smtp.contoso.net, mail.contoso.com")));

        await test.RunAsync();
    }

    // ---- Must stay silent ----

    [Theory]
    [InlineData("smtp.gmail.com")]
    [InlineData("smtp-hve.office365.com")]
    [InlineData("mail.contoso.com")]
    [InlineData("office365.com.example.net")]
    public async Task OtherHost_NoDiagnostic(string host)
    {
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
    public async Task UnknownHost_NoDiagnostic()
    {
        const string source = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            public static class Mailer
            {
                public static void Login(SmtpClient client, string host, string user, string password)
                {
                    client.Connect(host, 587, SecureSocketOptions.StartTls);
                    client.Authenticate(user, password);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task OAuthToOffice365_NoDiagnostic()
    {
        const string source = """
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;
            using MailKit.Security;
            using Microsoft.Identity.Client;

            public sealed class Mailer(IConfidentialClientApplication application)
            {
                public async Task LoginAsync(string mailbox)
                {
                    var result = await application.AcquireTokenForClient(new[] { "https://outlook.office365.com/.default" }).ExecuteAsync();
                    using var client = new SmtpClient();
                    await client.ConnectAsync("smtp.office365.com", 587, SecureSocketOptions.StartTls);
                    await client.AuthenticateAsync(new SaslMechanismOAuth2(mailbox, result.AccessToken));
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task EwsOAuthToExchangeOnline_NoDiagnostic()
    {
        const string source = """
            using System;
            using Microsoft.Exchange.WebServices.Data;

            public static class Exchange
            {
                public static ExchangeService Create(string accessToken) => new ExchangeService(ExchangeVersion.Exchange2013_SP1)
                {
                    Url = new Uri("https://outlook.office365.com/EWS/Exchange.asmx"),
                    Credentials = new OAuthCredentials(accessToken),
                };
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
            using System.Net;
            using System.Net.Mail;
            using MailKit.Net.Imap;

            public static class Mail
            {
                public static void Run(ImapClient imap)
                {
                    imap.Connect(new Uri("imaps://reader:{{secret}}@outlook.office365.com"));
                    using var smtp = new SmtpClient("smtp.office365.com", 587) { Credentials = new NetworkCredential("alerts@contoso.com", "{{secret}}") };
                }
            }
            """;

        var diagnostics = await AnalyzerRunner.GetDiagnosticsAsync(source, new LA1003_Microsoft365BasicAuthenticationAnalyzer());

        Assert.Equal(2, diagnostics.Count(d => d.Id == Id));
        SecretAssert.NotInMessages(secret, diagnostics);
    }

    [Theory]
    [InlineData("MailKit.Net.Smtp.SmtpClient", "smtp.office365.com", 587, "dispatch.desk@outlook.com")]
    [InlineData("MailKit.Net.Imap.ImapClient", "outlook.office365.com", 993, "Dispatch.Desk@Hotmail.com")]
    [InlineData("MailKit.Net.Pop3.Pop3Client", "outlook.office365.com", 995, "dispatch.desk@live.com")]
    [InlineData("MailKit.Net.Smtp.SmtpClient", "smtp.office365.com", 587, "dispatch.desk@hotmail.co.uk")]
    [InlineData("MailKit.Net.Smtp.SmtpClient", "smtp.office365.com", 587, "dispatch.desk@msn.com")]
    public async Task PersonalAccountOnMicrosoft365Host_ReportsOutlookComDate(string clientType, string host, int port, string user)
    {
        var source = $$"""
            using MailKit.Security;

            public static class Mail
            {
                private const string Account = "{{user}}";

                public static void Login(string password)
                {
                    using var client = new {{clientType}}();
                    client.Connect("{{host}}", {{port}}, SecureSocketOptions.Auto);
                    {|#0:client.Authenticate(Account, password)|};
                }
            }
            """;

        var api = clientType.Substring(clientType.LastIndexOf('.') + 1) + ".Authenticate";
        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments(api, "'" + host + "'", PersonalAccountStatus));
    }

    [Fact]
    public async Task PersonalAccountInNetworkCredentialAndSasl_ReportsOutlookComDate()
    {
        const string source = """
            using System.Net;
            using System.Net.Mail;
            using MailKit.Security;

            public static class Mailer
            {
                public static void Send(MailMessage message, string password)
                {
                    using var client = new System.Net.Mail.SmtpClient("smtp.office365.com", 587) { EnableSsl = true };
                    {|#0:client.Credentials = new NetworkCredential("family.photos@outlook.com", password)|};
                    client.Send(message);
                }

                public static void Read(string password)
                {
                    using var imap = new MailKit.Net.Imap.ImapClient();
                    imap.Connect("outlook.office365.com", 993, SecureSocketOptions.SslOnConnect);
                    imap.Authenticate({|#1:new SaslMechanismLogin("family.photos@live.com", password)|});
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic(Id).WithLocation(0).WithArguments("SmtpClient.Credentials", "'smtp.office365.com'", PersonalAccountStatus),
            Verify.Diagnostic(Id).WithLocation(1).WithArguments("new SaslMechanismLogin", "'outlook.office365.com'", PersonalAccountStatus));
    }

    [Theory]
    [InlineData("\"alerts@contoso.com\"")]
    [InlineData("\"alerts@live.contoso.com\"")]
    [InlineData("\"outlook.com\"")]
    [InlineData("user")]
    public async Task WorkOrUnknownAccountOnMicrosoft365Host_ReportsExchangeOnlineDate(string user)
    {
        var source = $$"""
            using MailKit.Net.Smtp;
            using MailKit.Security;

            public static class Mail
            {
                public static void Login(string user, string password)
                {
                    using var client = new SmtpClient();
                    client.Connect("smtp.office365.com", 587, SecureSocketOptions.StartTls);
                    {|#0:client.Authenticate({{user}}, password)|};
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("SmtpClient.Authenticate", "'smtp.office365.com'", SmtpStatus));
    }

    [Fact]
    public async Task InterpolatedUriWithUserInfoFromParameters_ReportsDiagnostic()
    {
        const string source = """
            using System;
            using MailKit.Net.Imap;
            using MailKit.Net.Smtp;

            public static class Mailer
            {
                public static void Send(SmtpClient client, string user, string password) =>
                    {|#0:client.Connect(new Uri($"smtp://{user}:{password}@smtp.office365.com:587"))|};

                public static void Read(ImapClient client, string user, string password)
                {
                    var uri = new Uri("imaps://" + user + ":" + password + "@outlook.office365.com:993");
                    {|#1:client.Connect(uri)|};
                }

                public static void NoPassword(SmtpClient client, string user, string host) =>
                    client.Connect(new Uri($"smtp://{user}@smtp.office365.com:587"));
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic(Id).WithLocation(0).WithArguments("SmtpClient.Connect", "'smtp.office365.com'", SmtpStatus),
            Verify.Diagnostic(Id).WithLocation(1).WithArguments("ImapClient.Connect", "'outlook.office365.com'", ImapStatus));
    }
}
