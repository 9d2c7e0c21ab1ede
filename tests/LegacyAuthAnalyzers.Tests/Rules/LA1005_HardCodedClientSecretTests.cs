using LegacyAuthAnalyzers.Rules;
using LegacyAuthAnalyzers.Tests.Infrastructure;
using Xunit;
using Verify = LegacyAuthAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<LegacyAuthAnalyzers.Rules.LA1005_HardCodedClientSecretAnalyzer>;

namespace LegacyAuthAnalyzers.Tests.Rules;

public sealed class LA1005_HardCodedClientSecretTests
{
    private const string Id = DiagnosticIds.HardCodedClientSecret;

    // ---- Sinks ----

    [Fact]
    public async Task MsalWithClientSecretLiteral_MailKitXoauth2_ReportsDiagnostic()
    {
        const string source = """
            using System.Threading.Tasks;
            using MailKit.Net.Imap;
            using MailKit.Security;
            using Microsoft.Identity.Client;

            public sealed class InboxReader
            {
                public async Task ReadAsync()
                {
                    var app = ConfidentialClientApplicationBuilder.Create("5f0c8a3e-2b61-4d7a-9c3e-8a1b2c3d4e5f")
                        .WithTenantId("0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9")
                        .WithClientSecret({|#0:"Qw8~rT3.kLm9_Zx2vBn5HjYu7OpAs4DfGh6JkL1c"|})
                        .Build();
                    var result = await app.AcquireTokenForClient(new[] { "https://outlook.office365.com/.default" }).ExecuteAsync();

                    using var imap = new ImapClient();
                    await imap.ConnectAsync("outlook.office365.com", 993, SecureSocketOptions.SslOnConnect);
                    await imap.AuthenticateAsync(new SaslMechanismOAuth2("support@contoso.com", result.AccessToken));
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Id).WithLocation(0).WithArguments("ConfidentialClientApplicationBuilder.WithClientSecret", 40));
    }

    [Fact]
    public async Task MsalOptionsClientSecretInInitializerAndAssignment_ReportsBoth()
    {
        const string source = """
            using MailKit.Net.Smtp;
            using Microsoft.Identity.Client;

            public sealed class Relay
            {
                public IConfidentialClientApplication Create(SmtpClient smtp)
                {
                    var options = new ConfidentialClientApplicationOptions
                    {
                        ClientId = "5f0c8a3e-2b61-4d7a-9c3e-8a1b2c3d4e5f",
                        TenantId = "0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9",
                        ClientSecret = {|#0:"Vb3~nM8.qW2_eR5tY7uI9oP1aS4dF6gH8jK0lZ2x"|},
                    };
                    var again = new ConfidentialClientApplicationOptions();
                    again.ClientSecret = {|#1:"Lm7~kJ2.hG5_fD8sA1pO4iU6yT9rE3wQ5zX8cV1b"|};
                    return ConfidentialClientApplicationBuilder.CreateWithApplicationOptions(options).Build();
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic(Id).WithLocation(0).WithArguments("ConfidentialClientApplicationOptions.ClientSecret", 40),
            Verify.Diagnostic(Id).WithLocation(1).WithArguments("ConfidentialClientApplicationOptions.ClientSecret", 40));
    }

    [Fact]
    public async Task MsalOptionsClientSecretFromConfigurationOrOtherProperty_NoDiagnostic()
    {
        const string source = """
            using System;
            using MailKit.Net.Smtp;
            using Microsoft.Identity.Client;

            public sealed class Relay
            {
                public sealed class Settings
                {
                    public string ClientSecret { get; set; } = "";
                }

                public ConfidentialClientApplicationOptions Create(SmtpClient smtp, Settings settings) =>
                    new ConfidentialClientApplicationOptions
                    {
                        ClientId = "5f0c8a3e-2b61-4d7a-9c3e-8a1b2c3d4e5f",
                        ClientSecret = Environment.GetEnvironmentVariable("MAIL_OAUTH_CLIENT_SECRET"),
                        ClientName = "Nightly relay",
                    };

                public void Configure(Settings settings) => settings.ClientSecret = "Vb3~nM8.qW2_eR5tY7uI9oP1aS4dF6gH8jK0lZ2x";
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task AzureClientSecretCredentialFromConstantInOtherClass_GraphRestCall_ReportsWithDeclaration()
    {
        const string source = """
            using System.Net.Http;
            using System.Net.Http.Headers;
            using System.Threading.Tasks;
            using Azure.Core;
            using Azure.Identity;

            public static class GraphSettings
            {
                public const string {|#1:ClientSecret|} = "Zp4~aQ9.wE2_rT7yU5iO3pL8kJ6hG1fD0sA9xC2v";
            }

            public sealed class MailSender
            {
                private static readonly HttpClient Http = new();

                public async Task SendAsync(string json)
                {
                    var credential = new ClientSecretCredential("0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9", "5f0c8a3e-2b61-4d7a-9c3e-8a1b2c3d4e5f", {|#0:GraphSettings.ClientSecret|});
                    var token = await credential.GetTokenAsync(new TokenRequestContext(new[] { "https://graph.microsoft.com/.default" }));
                    using var request = new HttpRequestMessage(HttpMethod.Post, "https://graph.microsoft.com/v1.0/users/reports@contoso.com/sendMail");
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
                    request.Content = new StringContent(json);
                    await Http.SendAsync(request);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("new ClientSecretCredential", 40));
    }

    [Fact]
    public async Task AdalClientCredentialFromStaticReadonlyField_EwsService_ReportsDiagnostic()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.Exchange.WebServices.Data;
            using Microsoft.IdentityModel.Clients.ActiveDirectory;

            public sealed class CalendarSync
            {
                private static readonly string {|#1:AppSecret|} = "Hx7/kP2+qR9sT4uV6wX8yZ1aB3cD5eF7gH9iJ0kL=";

                public async Task<ExchangeService> ConnectAsync()
                {
                    var context = new AuthenticationContext("https://login.microsoftonline.com/contoso.onmicrosoft.com");
                    var token = await context.AcquireTokenAsync("https://outlook.office365.com", new ClientCredential("5f0c8a3e-2b61-4d7a-9c3e-8a1b2c3d4e5f", {|#0:AppSecret|}));
                    return new ExchangeService { Credentials = new OAuthCredentials(token.AccessToken) };
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("new ClientCredential", 41));
    }

    [Fact]
    public async Task InterpolationOfConstants_SystemNetMailInAnotherFile_ReportsDiagnostic()
    {
        var test = new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    """
                    using Microsoft.Identity.Client;

                    public static class TokenClient
                    {
                        private const string Prefix = "Lq3~";

                        public static IConfidentialClientApplication Create() =>
                            ConfidentialClientApplicationBuilder.Create("5f0c8a3e-2b61-4d7a-9c3e-8a1b2c3d4e5f")
                                .WithClientSecret({|#0:$"{Prefix}mN8.bV5_cX2zA9sD4fG7hJ1kL6pO3iU0yT"|})
                                .Build();
                    }
                    """,
                    """
                    using System.Net.Mail;

                    public static class Notifier
                    {
                        public static void Send(SmtpClient client, MailMessage message) => client.Send(message);
                    }
                    """,
                },
            },
        };

        test.ExpectedDiagnostics.Add(Verify.Diagnostic(Id).WithLocation(0).WithArguments("ConfidentialClientApplicationBuilder.WithClientSecret", 38));
        await test.RunAsync();
    }

    [Fact]
    public async Task MessageNeverContainsTheSecret()
    {
        const string secret = "Kd9~pL2.mN7_qR4tS1vW8xY3zA6bC0dE5fG2hJ9k";
        const string source = $$"""
            using Azure.Identity;
            using Microsoft.Identity.Client;
            using Microsoft.IdentityModel.Clients.ActiveDirectory;

            public static class Tokens
            {
                public const string Scope = "https://outlook.office365.com/.default";

                public static void Create()
                {
                    ConfidentialClientApplicationBuilder.Create("client").WithClientSecret("{{secret}}").Build();
                    _ = new ClientSecretCredential("tenant", "client", "{{secret}}");
                    _ = new ClientCredential("client", "{{secret}}");
                }
            }
            """;

        var diagnostics = await AnalyzerRunner.GetDiagnosticsAsync(source, new LA1005_HardCodedClientSecretAnalyzer());

        Assert.Equal(3, diagnostics.Count(d => d.Id == Id));
        SecretAssert.NotInMessages(secret, diagnostics);
    }

    // ---- Silent ----

    [Theory]
    [InlineData("")]
    [InlineData("<client-secret>")]
    [InlineData("${MAIL_OAUTH_CLIENT_SECRET}")]
    [InlineData("changeme")]
    [InlineData("secret")]
    [InlineData("xxxxxxxxxxxxxxxxxxxx")]
    public async Task PlaceholderSecret_NoDiagnostic(string placeholder)
    {
        var source = $$"""
            using MailKit.Net.Smtp;
            using Microsoft.Identity.Client;

            public static class Sender
            {
                public static IConfidentialClientApplication Create(SmtpClient smtp) =>
                    ConfidentialClientApplicationBuilder.Create("5f0c8a3e-2b61-4d7a-9c3e-8a1b2c3d4e5f").WithClientSecret("{{placeholder}}").Build();
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task SecretFromConfigurationOrEnvironment_NoDiagnostic()
    {
        const string source = """
            using System;
            using Azure.Identity;
            using MailKit.Net.Smtp;
            using Microsoft.Identity.Client;

            public sealed class MailOptions
            {
                public string ClientSecret { get; set; } = "";
            }

            public sealed class Sender
            {
                private readonly MailOptions options;

                public Sender(MailOptions options) => this.options = options;

                public void Create(SmtpClient smtp)
                {
                    ConfidentialClientApplicationBuilder.Create("5f0c8a3e-2b61-4d7a-9c3e-8a1b2c3d4e5f").WithClientSecret(options.ClientSecret).Build();
                    _ = new ClientSecretCredential("tenant", "client", Environment.GetEnvironmentVariable("MAIL_OAUTH_CLIENT_SECRET"));
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task SettableFieldWithLiteralDefault_ReportsDiagnostic()
    {
        // The literal is the default that ships, whatever may overwrite it later (as for LA1001).
        const string source = """
            using System;
            using MailKit.Net.Smtp;
            using Microsoft.Identity.Client;

            public sealed class Sender
            {
                private string {|#1:secret|} = "Qw8~rT3.kLm9_Zx2vBn5HjYu7OpAs4DfGh6JkL1c";

                public void Load() => secret = Environment.GetEnvironmentVariable("MAIL_OAUTH_CLIENT_SECRET") ?? "";

                public void Create(SmtpClient smtp) =>
                    ConfidentialClientApplicationBuilder.Create("client").WithClientSecret({|#0:secret|}).Build();
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic(Id).WithLocation(0).WithLocation(1).WithArguments("ConfidentialClientApplicationBuilder.WithClientSecret", 40));
    }

    [Fact]
    public async Task SettableFieldWithPlaceholderDefault_NoDiagnostic()
    {
        const string source = """
            using System;
            using MailKit.Net.Smtp;
            using Microsoft.Identity.Client;

            public sealed class Sender
            {
                private string secret = "<client-secret>";

                public void Load() => secret = Environment.GetEnvironmentVariable("MAIL_OAUTH_CLIENT_SECRET") ?? "";

                public void Create(SmtpClient smtp) =>
                    ConfidentialClientApplicationBuilder.Create("client").WithClientSecret(secret).Build();
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task CompilationWithoutMailApiUse_NoDiagnostic()
    {
        // MailKit, EWS and System.Net.Mail are referenced but the code uses none of them: an app calling its own API.
        const string source = """
            using Microsoft.Identity.Client;

            public static class OrdersApi
            {
                public static IConfidentialClientApplication Create() =>
                    ConfidentialClientApplicationBuilder.Create("5f0c8a3e-2b61-4d7a-9c3e-8a1b2c3d4e5f")
                        .WithClientSecret("Qw8~rT3.kLm9_Zx2vBn5HjYu7OpAs4DfGh6JkL1c")
                        .WithAuthority("https://login.microsoftonline.com/contoso.onmicrosoft.com")
                        .Build();

                public static string[] Scopes => new[] { "api://orders-api/.default" };
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task OwnTypeNamedSmtpClient_NoDiagnostic()
    {
        // A team's own SmtpClient is not a mail API the rule can vouch for; the name alone does not count.
        const string source = """
            using Azure.Identity;

            namespace Contoso.Messaging
            {
                public sealed class SmtpClient
                {
                    public void Send(string body) { }
                }

                public static class Factory
                {
                    public static SmtpClient Create()
                    {
                        _ = new ClientSecretCredential("tenant", "client", "Qw8~rT3.kLm9_Zx2vBn5HjYu7OpAs4DfGh6JkL1c");
                        return new SmtpClient();
                    }
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task CertificateCredential_NoDiagnostic()
    {
        const string source = """
            using System.Security.Cryptography.X509Certificates;
            using MailKit.Net.Smtp;
            using Microsoft.Identity.Client;

            public static class Sender
            {
                public static IConfidentialClientApplication Create(SmtpClient smtp, X509Certificate2 certificate) =>
                    ConfidentialClientApplicationBuilder.Create("5f0c8a3e-2b61-4d7a-9c3e-8a1b2c3d4e5f").WithCertificate(certificate).Build();
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }
}
