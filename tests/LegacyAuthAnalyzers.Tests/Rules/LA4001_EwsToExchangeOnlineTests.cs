using LegacyAuthAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LegacyAuthAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<LegacyAuthAnalyzers.Rules.LA4001_EwsToExchangeOnlineAnalyzer>;

namespace LegacyAuthAnalyzers.Tests.Rules;

public sealed class LA4001_EwsToExchangeOnlineTests
{
    [Fact]
    public async Task UrlInObjectInitializer_ReportsDiagnostic()
    {
        const string source = """
            using System;
            using Microsoft.Exchange.WebServices.Data;

            public static class Mailbox
            {
                public static ExchangeService Connect(string token) => new ExchangeService(ExchangeVersion.Exchange2013_SP1)
                {
                    Credentials = new OAuthCredentials(token),
                    {|#0:Url = new Uri("https://outlook.office365.com/EWS/Exchange.asmx")|},
                };
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(DiagnosticIds.EwsToExchangeOnline).WithLocation(0).WithArguments("outlook.office365.com"));
    }

    [Fact]
    public async Task UrlAssignedLaterFromConstantInAnotherFile_ReportsDiagnostic()
    {
        var test = new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    """
                    using System;
                    using Microsoft.Exchange.WebServices.Data;

                    public sealed class InboxReader
                    {
                        private readonly ExchangeService service = new ExchangeService(ExchangeVersion.Exchange2010_SP2);

                        public void Open()
                        {
                            {|#0:service.Url = new Uri(EwsSettings.Endpoint)|};
                        }
                    }
                    """,
                    """
                    public static class EwsSettings
                    {
                        public const string Host = "outlook.office365.com";
                        public const string Endpoint = "https://" + Host + "/EWS/Exchange.asmx";
                    }
                    """,
                },
                ExpectedDiagnostics = { Verify.Diagnostic(DiagnosticIds.EwsToExchangeOnline).WithLocation(0).WithArguments("outlook.office365.com") },
            },
        };

        await test.RunAsync();
    }

    [Fact]
    public async Task UrlFromStaticReadonlyUriField_ReportsDiagnostic()
    {
        const string source = """
            using System;
            using Microsoft.Exchange.WebServices.Data;

            public static class Mailbox
            {
                private static readonly Uri EwsEndpoint = new Uri("https://outlook.office365.com/EWS/Exchange.asmx");

                public static ExchangeService Create()
                {
                    var service = new ExchangeService();
                    {|#0:service.Url = EwsEndpoint|};
                    return service;
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(DiagnosticIds.EwsToExchangeOnline).WithLocation(0).WithArguments("outlook.office365.com"));
    }

    [Fact]
    public async Task UrlFromLocalBuiltByInterpolationAndRelativeUri_ReportsDiagnostic()
    {
        const string source = """
            using System;
            using Microsoft.Exchange.WebServices.Data;

            public static class Mailbox
            {
                private const string Host = "outlook.office.com";

                public static void Configure(ExchangeService first, ExchangeService second)
                {
                    var endpoint = new Uri($"https://{Host}/EWS/Exchange.asmx");
                    {|#0:first.Url = endpoint|};
                    {|#1:second.Url = new Uri(new Uri("https://outlook.office365.com/"), "EWS/Exchange.asmx")|};
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic(DiagnosticIds.EwsToExchangeOnline).WithLocation(0).WithArguments("outlook.office.com"),
            Verify.Diagnostic(DiagnosticIds.EwsToExchangeOnline).WithLocation(1).WithArguments("outlook.office365.com"));
    }

    [Fact]
    public async Task TopLevelStatements_ReportsDiagnostic()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System;
                using Microsoft.Exchange.WebServices.Data;

                var service = new ExchangeService(ExchangeVersion.Exchange2013);
                {|#0:service.Url = new Uri("https://outlook.office365.com/EWS/Exchange.asmx")|};
                service.AutodiscoverUrl("someone@contoso.com");
                """,
            TestState = { OutputKind = OutputKind.ConsoleApplication },
            ExpectedDiagnostics = { Verify.Diagnostic(DiagnosticIds.EwsToExchangeOnline).WithLocation(0).WithArguments("outlook.office365.com") },
        };

        await test.RunAsync();
    }

    [Fact]
    public async Task HostDeclaredAsMicrosoft365InEditorConfig_ReportsDiagnostic()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System;
                using Microsoft.Exchange.WebServices.Data;

                public static class Mailbox
                {
                    public static void Configure(ExchangeService service) =>
                        {|#0:service.Url = new Uri("https://mail.contoso.com/EWS/Exchange.asmx")|};
                }
                """,
            ExpectedDiagnostics = { Verify.Diagnostic(DiagnosticIds.EwsToExchangeOnline).WithLocation(0).WithArguments("mail.contoso.com") },
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [*.cs]
            legacy_auth.microsoft365_hosts = mail.contoso.com
            """));

        await test.RunAsync();
    }

    [Fact]
    public async Task OnPremisesExchange_NoDiagnostic()
    {
        const string source = """
            using System;
            using Microsoft.Exchange.WebServices.Data;

            public static class Mailbox
            {
                public static ExchangeService Create() => new ExchangeService(ExchangeVersion.Exchange2013_SP1)
                {
                    Url = new Uri("https://mail.contoso.com/EWS/Exchange.asmx"),
                };
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task UrlFromConfigurationOrAutodiscover_NoDiagnostic()
    {
        const string source = """
            using System;
            using Microsoft.Exchange.WebServices.Data;
            using Microsoft.Extensions.Configuration;

            public sealed class Mailbox(IConfiguration configuration)
            {
                public ExchangeService Create()
                {
                    var service = new ExchangeService();
                    service.Url = new Uri(configuration["Ews:Url"]!);
                    return service;
                }

                public ExchangeService Discover(string address)
                {
                    var service = new ExchangeService();
                    service.AutodiscoverUrl(address, url => url.StartsWith("https://", StringComparison.Ordinal));
                    return service;
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task UrlThatMayPointOnPremises_NoDiagnostic()
    {
        const string source = """
            using System;
            using Microsoft.Exchange.WebServices.Data;

            public static class Mailbox
            {
                public static void Configure(ExchangeService service, bool cloud)
                {
                    var endpoint = new Uri("https://mail.contoso.com/EWS/Exchange.asmx");
                    if (cloud)
                    {
                        endpoint = new Uri("https://outlook.office365.com/EWS/Exchange.asmx");
                    }

                    service.Url = endpoint;
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task UrlOfAnotherTypeOrRead_NoDiagnostic()
    {
        const string source = """
            using System;
            using Microsoft.Exchange.WebServices.Data;

            public sealed class WebhookSettings
            {
                public Uri? Url { get; set; }
            }

            public static class Mailbox
            {
                public static Uri? Describe(ExchangeService service)
                {
                    var settings = new WebhookSettings { Url = new Uri("https://outlook.office365.com/EWS/Exchange.asmx") };
                    return settings.Url ?? service.Url;
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task OwnExchangeServiceTypeWithoutEwsReference_NoDiagnostic()
    {
        const string source = """
            using System;

            namespace Contoso.Mail
            {
                public sealed class ExchangeService
                {
                    public Uri? Url { get; set; }
                }

                public static class Mailbox
                {
                    public static ExchangeService Create() => new ExchangeService { Url = new Uri("https://outlook.office365.com/EWS/Exchange.asmx") };
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, TestReferences.WithoutMailLibraries);
    }
}
