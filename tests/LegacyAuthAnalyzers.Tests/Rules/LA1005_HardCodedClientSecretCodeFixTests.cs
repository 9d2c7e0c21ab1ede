using LegacyAuthAnalyzers.CodeFixes.Fixes;
using LegacyAuthAnalyzers.CodeFixes.Fixes.OAuth;
using LegacyAuthAnalyzers.Rules;
using LegacyAuthAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LegacyAuthAnalyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    LegacyAuthAnalyzers.Rules.LA1005_HardCodedClientSecretAnalyzer,
    LegacyAuthAnalyzers.CodeFixes.Fixes.LA1005_HardCodedClientSecretCodeFix>;

namespace LegacyAuthAnalyzers.Tests.Rules;

public sealed class LA1005_HardCodedClientSecretCodeFixTests
{
    private const string ReadFromEnvironment = LA1005_HardCodedClientSecretCodeFix.ReadFromEnvironmentKey;

    private static DiagnosticResult Expected(int location, string api, int length) =>
        Verify.Diagnostic(DiagnosticIds.HardCodedClientSecret).WithLocation(location).WithArguments(api, length);

    [Fact]
    public void ReadsTheVariableOfTheTokenProvider()
    {
        // The fix and the generated token provider must agree on the name, or one app registration needs two settings.
        Assert.Equal("MAIL_OAUTH_CLIENT_SECRET", MailTokenProviderTemplate.ClientSecretVariable);
        Assert.Contains("GetEnvironmentVariable(ClientSecretVariable)", CredentialFixTest.Provider("Contoso"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MsalLiteral_FixesToEnvironmentVariable()
    {
        const string source = """
            using MailKit.Net.Smtp;
            using Microsoft.Identity.Client;

            public static class Sender
            {
                public static IConfidentialClientApplication Create(SmtpClient smtp) =>
                    ConfidentialClientApplicationBuilder.Create("5f0c8a3e-2b61-4d7a-9c3e-8a1b2c3d4e5f")
                        .WithTenantId("0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9")
                        .WithClientSecret({|#0:"Qw8~rT3.kLm9_Zx2vBn5HjYu7OpAs4DfGh6JkL1c"|})
                        .Build();
            }
            """;

        const string fixedSource = """
            using System;
            using MailKit.Net.Smtp;
            using Microsoft.Identity.Client;

            public static class Sender
            {
                public static IConfidentialClientApplication Create(SmtpClient smtp) =>
                    ConfidentialClientApplicationBuilder.Create("5f0c8a3e-2b61-4d7a-9c3e-8a1b2c3d4e5f")
                        .WithTenantId("0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9")
                        .WithClientSecret(Environment.GetEnvironmentVariable("MAIL_OAUTH_CLIENT_SECRET") ?? throw new InvalidOperationException("Set the MAIL_OAUTH_CLIENT_SECRET environment variable to the app's client secret."))
                        .Build();
            }
            """;

        await CredentialFixTest.VerifyAsync<LA1005_HardCodedClientSecretAnalyzer, LA1005_HardCodedClientSecretCodeFix>(
            source,
            fixedSource,
            ReadFromEnvironment,
            [Expected(0, "ConfidentialClientApplicationBuilder.WithClientSecret", 40)],
            null,
            ["Qw8~rT3.kLm9_Zx2vBn5HjYu7OpAs4DfGh6JkL1c"]);
    }

    [Fact]
    public async Task MsalOptionsInitializer_FixesToEnvironmentVariable()
    {
        const string source = """
            using MailKit.Net.Smtp;
            using Microsoft.Identity.Client;

            public static class Sender
            {
                public static ConfidentialClientApplicationOptions Options(SmtpClient smtp) => new ConfidentialClientApplicationOptions
                {
                    ClientId = "5f0c8a3e-2b61-4d7a-9c3e-8a1b2c3d4e5f",
                    ClientSecret = {|#0:"Vb3~nM8.qW2_eR5tY7uI9oP1aS4dF6gH8jK0lZ2x"|},
                };
            }
            """;

        const string fixedSource = """
            using System;
            using MailKit.Net.Smtp;
            using Microsoft.Identity.Client;

            public static class Sender
            {
                public static ConfidentialClientApplicationOptions Options(SmtpClient smtp) => new ConfidentialClientApplicationOptions
                {
                    ClientId = "5f0c8a3e-2b61-4d7a-9c3e-8a1b2c3d4e5f",
                    ClientSecret = Environment.GetEnvironmentVariable("MAIL_OAUTH_CLIENT_SECRET") ?? throw new InvalidOperationException("Set the MAIL_OAUTH_CLIENT_SECRET environment variable to the app's client secret."),
                };
            }
            """;

        await CredentialFixTest.VerifyAsync<LA1005_HardCodedClientSecretAnalyzer, LA1005_HardCodedClientSecretCodeFix>(
            source,
            fixedSource,
            ReadFromEnvironment,
            [Expected(0, "ConfidentialClientApplicationOptions.ClientSecret", 40)],
            null,
            ["Vb3~nM8.qW2_eR5tY7uI9oP1aS4dF6gH8jK0lZ2x"]);
    }

    [Fact]
    public async Task ConstantInAnotherFileUsedOnce_FixesAndRemovesTheConstant()
    {
        const string settings = """
            namespace Contoso.Mail;

            internal static class GraphSettings
            {
                public const string TenantId = "0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9";
                public const string {|#1:ClientSecret|} = "Zp4~aQ9.wE2_rT7yU5iO3pL8kJ6hG1fD0sA9xC2v";
            }
            """;

        const string sender = """
            using Azure.Identity;

            namespace Contoso.Mail;

            internal static class Credentials
            {
                public const string Scope = "https://graph.microsoft.com/.default";

                public static ClientSecretCredential Create() =>
                    new ClientSecretCredential(GraphSettings.TenantId, "5f0c8a3e-2b61-4d7a-9c3e-8a1b2c3d4e5f", {|#0:GraphSettings.ClientSecret|});
            }
            """;

        const string settingsFixed = """
            namespace Contoso.Mail;

            internal static class GraphSettings
            {
                public const string TenantId = "0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9";
            }
            """;

        const string senderFixed = """
            using System;
            using Azure.Identity;

            namespace Contoso.Mail;

            internal static class Credentials
            {
                public const string Scope = "https://graph.microsoft.com/.default";

                public static ClientSecretCredential Create() =>
                    new ClientSecretCredential(GraphSettings.TenantId, "5f0c8a3e-2b61-4d7a-9c3e-8a1b2c3d4e5f", Environment.GetEnvironmentVariable("MAIL_OAUTH_CLIENT_SECRET") ?? throw new InvalidOperationException("Set the MAIL_OAUTH_CLIENT_SECRET environment variable to the app's client secret."));
            }
            """;

        var test = CredentialFixTest.Create<LA1005_HardCodedClientSecretAnalyzer, LA1005_HardCodedClientSecretCodeFix>(ReadFromEnvironment);
        test.TestState.Sources.Add(("/0/GraphSettings.cs", settings));
        test.TestState.Sources.Add(("/0/Credentials.cs", sender));
        test.FixedState.Sources.Add(("/0/GraphSettings.cs", settingsFixed));
        test.FixedState.Sources.Add(("/0/Credentials.cs", senderFixed));
        test.ExpectedDiagnostics.Add(Expected(0, "new ClientSecretCredential", 40).WithLocation(1));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task AdalSecretSharedByTwoSites_FixAllKeepsNoSecret()
    {
        const string source = """
            using Microsoft.Exchange.WebServices.Data;
            using Microsoft.IdentityModel.Clients.ActiveDirectory;

            internal static class Tokens
            {
                public static ClientCredential Mail(ExchangeService service) =>
                    new ClientCredential("5f0c8a3e-2b61-4d7a-9c3e-8a1b2c3d4e5f", {|#0:"Hx7/kP2+qR9sT4uV6wX8yZ1aB3cD5eF7gH9iJ0kL="|});

                public static ClientCredential Calendar() =>
                    new ClientCredential("5f0c8a3e-2b61-4d7a-9c3e-8a1b2c3d4e5f", {|#1:"Hx7/kP2+qR9sT4uV6wX8yZ1aB3cD5eF7gH9iJ0kL="|});
            }
            """;

        const string fixedSource = """
            using System;
            using Microsoft.Exchange.WebServices.Data;
            using Microsoft.IdentityModel.Clients.ActiveDirectory;

            internal static class Tokens
            {
                public static ClientCredential Mail(ExchangeService service) =>
                    new ClientCredential("5f0c8a3e-2b61-4d7a-9c3e-8a1b2c3d4e5f", Environment.GetEnvironmentVariable("MAIL_OAUTH_CLIENT_SECRET") ?? throw new InvalidOperationException("Set the MAIL_OAUTH_CLIENT_SECRET environment variable to the app's client secret."));

                public static ClientCredential Calendar() =>
                    new ClientCredential("5f0c8a3e-2b61-4d7a-9c3e-8a1b2c3d4e5f", Environment.GetEnvironmentVariable("MAIL_OAUTH_CLIENT_SECRET") ?? throw new InvalidOperationException("Set the MAIL_OAUTH_CLIENT_SECRET environment variable to the app's client secret."));
            }
            """;

        await CredentialFixTest.VerifyAsync<LA1005_HardCodedClientSecretAnalyzer, LA1005_HardCodedClientSecretCodeFix>(
            source,
            fixedSource,
            ReadFromEnvironment,
            [Expected(0, "new ClientCredential", 41), Expected(1, "new ClientCredential", 41)],
            null,
            ["Hx7/kP2+qR9sT4uV6wX8yZ1aB3cD5eF7gH9iJ0kL="]);
    }

    [Fact]
    public async Task CSharp6_NoFixOffered()
    {
        const string source = """
            using MailKit.Net.Smtp;
            using Microsoft.Identity.Client;

            public static class Sender
            {
                public static IConfidentialClientApplication Create(SmtpClient smtp)
                {
                    return ConfidentialClientApplicationBuilder.Create("client").WithClientSecret({|#0:"Qw8~rT3.kLm9_Zx2vBn5HjYu7OpAs4DfGh6JkL1c"|}).Build();
                }
            }
            """;

        var test = new Verify.Test
        {
            TestCode = source,
            FixedCode = source,
            CodeActionEquivalenceKey = ReadFromEnvironment,
            LanguageVersion = Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp6,
        };
        // C# 6 has no nullable reference types, which the verifier's defaults switch on.
        test.SolutionTransforms.Add((solution, projectId) => solution.WithProjectCompilationOptions(
            projectId,
            ((Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions)solution.GetProject(projectId)!.CompilationOptions!)
                .WithNullableContextOptions(Microsoft.CodeAnalysis.NullableContextOptions.Disable)));
        test.ExpectedDiagnostics.Add(Expected(0, "ConfidentialClientApplicationBuilder.WithClientSecret", 40));
        await test.RunAsync(CancellationToken.None);
    }
}
