using System.Collections.Immutable;
using LegacyAuthAnalyzers.Rules.Config;
using LegacyAuthAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using Verify = LegacyAuthAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<LegacyAuthAnalyzers.Rules.Config.LA1005_HardCodedClientSecretConfigAnalyzer>;

namespace LegacyAuthAnalyzers.Tests.Rules.Config;

public sealed class LA1005_HardCodedClientSecretConfigTests
{
    private static Task VerifyAsync(string path, string content, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected)
        => ConfigFileTest.VerifyAsync<LA1005_HardCodedClientSecretConfigAnalyzer>(path, content, expected);

    [Fact]
    public async Task ClientSecretBesideSmtpSettings_ReportsDiagnostic()
    {
        await VerifyAsync("/src/appsettings.json", """
            {
              "Smtp": {
                "Host": "smtp.office365.com",
                "Port": 587,
                "TenantId": "0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9",
                "ClientId": "5f0c8a3e-2b61-4d7a-9c3e-8a1b2c3d4e5f",
                "ClientSecret": "{|#0:Qw8~rT3.kLm9_Zx2vBn5HjYu7OpAs4DfGh6JkL1c|}"
              }
            }
            """,
            Verify.Diagnostic().WithLocation(0).WithArguments("The mail setting 'Smtp:ClientSecret' in appsettings.json", 40));
    }

    [Fact]
    public async Task SnakeCaseClientSecretUnderMailPath_ReportsDiagnostic()
    {
        // No host or port beside it: the key path names mail.
        await VerifyAsync("/src/appsettings.Production.json", """
            {
              "MailSettings": {
                "OAuth": {
                  "tenant_id": "0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9",
                  "client_secret": "{|#0:Zp4~aQ9.wE2_rT7yU5iO3pL8kJ6hG1fD0sA9xC2v|}"
                }
              }
            }
            """,
            Verify.Diagnostic().WithLocation(0).WithArguments("The mail setting 'MailSettings:OAuth:client_secret' in appsettings.Production.json", 40));
    }

    [Fact]
    public async Task AppSettingsBesideExchangeUrl_ReportsDiagnostic()
    {
        await VerifyAsync("/src/web.config", """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <appSettings>
                <add key="EwsUrl" value="https://outlook.office365.com/EWS/Exchange.asmx" />
                <add key="ClientId" value="5f0c8a3e-2b61-4d7a-9c3e-8a1b2c3d4e5f" />
                <add key="ClientSecret" value="{|#0:Hx7/kP2+qR9sT4uV6wX8yZ1aB3cD5eF7gH9iJ0kL=|}" />
              </appSettings>
            </configuration>
            """,
            Verify.Diagnostic().WithLocation(0).WithArguments("The mail setting 'ClientSecret' in web.config", 41));
    }

    [Fact]
    public async Task MessageNeverContainsTheSecret()
    {
        const string secret = "Kd9~pL2.mN7_qR4tS1vW8xY3zA6bC0dE5fG2hJ9k";
        var file = new InMemoryFile("/src/appsettings.json", $$"""{ "Imap": { "Host": "outlook.office365.com", "ClientSecret": "{{secret}}" } }""");
        var compilation = AnalyzerRunner.Compile(ConfigFileTest.Code, TestReferences.All);
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new LA1005_HardCodedClientSecretConfigAnalyzer());

        var diagnostics = await compilation
            .WithAnalyzers(analyzers, new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(file)))
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None);

        Assert.Single(diagnostics);
        SecretAssert.NotInMessages(secret, diagnostics);
    }

    // ---- Silent ----

    [Theory]
    [InlineData("")]
    [InlineData("<client-secret>")]
    [InlineData("${MAIL_OAUTH_CLIENT_SECRET}")]
    [InlineData("#{ClientSecret}#")]
    [InlineData("__CLIENT_SECRET__")]
    [InlineData("secret")]
    public async Task PlaceholderBesideMailSettings_NoDiagnostic(string placeholder)
    {
        await VerifyAsync("/src/appsettings.json", $$"""
            { "Smtp": { "Host": "smtp.office365.com", "ClientSecret": "{{placeholder}}" } }
            """);
    }

    [Fact]
    public async Task ClientSecretOfAnotherService_NoDiagnostic()
    {
        // An identity section beside, not inside, the mail section: no mail word and no mail setting in its object.
        await VerifyAsync("/src/appsettings.json", """
            {
              "AzureAd": {
                "Instance": "https://login.microsoftonline.com/",
                "ClientId": "5f0c8a3e-2b61-4d7a-9c3e-8a1b2c3d4e5f",
                "ClientSecret": "Qw8~rT3.kLm9_Zx2vBn5HjYu7OpAs4DfGh6JkL1c"
              },
              "Smtp": { "Host": "smtp.office365.com", "Port": 587 }
            }
            """);
    }

    [Fact]
    public async Task ExchangeRatesApiSecret_NoDiagnostic()
    {
        // "Exchange" alone also names currency exchange: without a mail host or port it is not mail.
        await VerifyAsync("/src/appsettings.json", """
            { "ExchangeRates": { "BaseUrl": "https://api.rates.example.com/", "ClientSecret": "Qw8~rT3.kLm9_Zx2vBn5HjYu7OpAs4DfGh6JkL1c" } }
            """);
    }

    [Fact]
    public async Task AppSettingsWithoutMailKeys_NoDiagnostic()
    {
        await VerifyAsync("/src/app.config", """
            <configuration>
              <appSettings>
                <add key="ApiBaseUrl" value="https://orders.contoso.com/" />
                <add key="ClientSecret" value="Hx7/kP2+qR9sT4uV6wX8yZ1aB3cD5eF7gH9iJ0kL=" />
              </appSettings>
            </configuration>
            """);
    }

    private sealed class InMemoryFile(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }
}
