using LegacyAuthAnalyzers.Rules;
using LegacyAuthAnalyzers.Tests.Infrastructure;
using Xunit;
using Verify = LegacyAuthAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<LegacyAuthAnalyzers.Rules.LA3002_AppPasswordByNameAnalyzer>;

namespace LegacyAuthAnalyzers.Tests.Rules;

public sealed class LA3002_AppPasswordByNameTests
{
    private const string Id = DiagnosticIds.AppPasswordByName;

    [Fact]
    public async Task ConfigurationKey_ReportsDiagnostic()
    {
        const string source = """
            using MailKit.Net.Smtp;
            using Microsoft.Extensions.Configuration;

            public sealed class Mailer(IConfiguration configuration)
            {
                public void Login(SmtpClient client) => client.Authenticate(configuration["Mail:User"]!, {|#0:configuration["Mail:AppPassword"]|}!);
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("SmtpClient.Authenticate", "Mail:AppPassword"));
    }

    [Fact]
    public async Task ConfigurationSectionValue_ReportsDiagnostic()
    {
        const string source = """
            using MailKit.Net.Imap;
            using Microsoft.Extensions.Configuration;

            public sealed class Inbox(IConfiguration configuration)
            {
                public void Login(ImapClient client)
                {
                    var section = configuration.GetSection("Imap");
                    client.Authenticate(section["User"]!, {|#0:configuration.GetSection("Imap:app-password").Value|}!);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("ImapClient.Authenticate", "Imap:app-password"));
    }

    [Fact]
    public async Task EnvironmentVariableThroughLocal_ReportsDiagnostic()
    {
        const string source = """
            using System;
            using System.Net;
            using System.Net.Mail;

            public static class Mailer
            {
                public static SmtpClient Create()
                {
                    var password = Environment.GetEnvironmentVariable("GMAIL_APP_PASSWORD") ?? "";
                    return new SmtpClient("smtp.gmail.com", 587)
                    {
                        EnableSsl = true,
                        Credentials = new NetworkCredential("alerts@example.com", {|#0:password|}),
                    };
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("SmtpClient.Credentials", "GMAIL_APP_PASSWORD"));
    }

    [Fact]
    public async Task OptionsProperty_ReportsDiagnostic()
    {
        const string source = """
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;

            public sealed class MailSettings
            {
                public string User { get; set; } = "";
                public string? AppPassword { get; set; }
            }

            public sealed class Mailer(MailSettings settings)
            {
                public Task LoginAsync(SmtpClient client) => client.AuthenticateAsync(settings.User, {|#0:settings.AppPassword ?? ""|});
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("SmtpClient.AuthenticateAsync", "AppPassword"));
    }

    [Fact]
    public async Task ParameterAndField_ReportsDiagnostic()
    {
        const string source = """
            using Microsoft.Exchange.WebServices.Data;

            public sealed class Exchange(string user)
            {
                private readonly string outlookAppPassword = System.Environment.GetEnvironmentVariable("OUTLOOK") ?? "";

                public void Login(ExchangeService service, string appPassword)
                {
                    service.Credentials = new WebCredentials(user, {|#0:appPassword|});
                    service.Credentials = new WebCredentials(user, {|#1:outlookAppPassword|});
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic(Id).WithLocation(0).WithArguments("new WebCredentials", "appPassword"),
            Verify.Diagnostic(Id).WithLocation(1).WithArguments("new WebCredentials", "outlookAppPassword"));
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
                        public static void Run(string user, string app_password) => new Mailer().Login(user, {|#0:app_password|});
                    }
                }
                """,
            ExpectedDiagnostics = { Verify.Diagnostic(Id).WithLocation(0).WithArguments("Mailer.Login", "app_password") },
        };
        test.TestState.AnalyzerConfigFiles.Add((EditorConfigs.Path, EditorConfigs.With("legacy_auth.credential_sinks", "Contoso.Mail.Mailer.Login(secret)")));

        await test.RunAsync();
    }

    // ---- Must stay silent ----

    [Fact]
    public async Task OrdinaryPasswordNames_NoDiagnostic()
    {
        const string source = """
            using System;
            using MailKit.Net.Smtp;
            using Microsoft.Extensions.Configuration;

            public sealed class Mailer(IConfiguration configuration)
            {
                public void Login(SmtpClient client, string password)
                {
                    client.Authenticate("alerts@example.com", configuration["Smtp:Password"]!);
                    client.Authenticate("alerts@example.com", Environment.GetEnvironmentVariable("SMTP_PASSWORD")!);
                    client.Authenticate("alerts@example.com", password);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task AppPasswordOutsideMailSink_NoDiagnostic()
    {
        const string source = """
            using System.Net;
            using System.Net.Http;

            public static class Api
            {
                public static HttpClientHandler Create(string user, string appPassword) => new HttpClientHandler
                {
                    Credentials = new NetworkCredential(user, appPassword),
                };
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task LocalTestServer_NoDiagnostic()
    {
        const string source = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            public static class Mailer
            {
                public static void Login(SmtpClient client, string appPassword)
                {
                    client.Connect("localhost", 1025, SecureSocketOptions.None);
                    client.Authenticate("test@example.com", appPassword);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Message_RevealsNoPartOfTheSecret()
    {
        const string secret = "qwrtzkbvnhgfdlpx";
        const string source = $$"""
            using MailKit.Net.Smtp;

            public static class Mailer
            {
                private const string GmailAppPassword = "{{secret}}";

                public static void Login(SmtpClient client) => client.Authenticate("alerts@example.com", GmailAppPassword);
            }
            """;

        var diagnostics = await AnalyzerRunner.GetDiagnosticsAsync(source, new LA3002_AppPasswordByNameAnalyzer());

        Assert.Equal(1, diagnostics.Count(d => d.Id == Id));
        SecretAssert.NotInMessages(secret, diagnostics);
    }
}
