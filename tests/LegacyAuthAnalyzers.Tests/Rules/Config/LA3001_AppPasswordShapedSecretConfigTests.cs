using LegacyAuthAnalyzers.Infrastructure;
using LegacyAuthAnalyzers.Rules.Config;
using Xunit;
using Verify = LegacyAuthAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<LegacyAuthAnalyzers.Rules.Config.LA3001_AppPasswordShapedSecretConfigAnalyzer>;

namespace LegacyAuthAnalyzers.Tests.Rules.Config;

public sealed class LA3001_AppPasswordShapedSecretConfigTests
{
    private static Task VerifyAsync(string path, string content, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected)
        => ConfigFileTest.VerifyAsync<LA3001_AppPasswordShapedSecretConfigAnalyzer>(path, content, expected);

    [Fact]
    public async Task SixteenLettersInAppSettingsJson_ReportsDiagnostic()
    {
        await VerifyAsync("/src/appsettings.json", """
            {
              "MailSettings": {
                "Server": "smtp.gmail.com",
                "Port": 587,
                "AppPassword": "{|#0:qwhvlrmzxpktbnds|}"
              }
            }
            """,
            Verify.Diagnostic().WithLocation(0).WithArguments("The mail setting 'MailSettings:AppPassword' in appsettings.json", "16 lower-case letters", SecretRemedies.AppPasswordInConfigFile));
    }

    [Fact]
    public async Task FourGroupsInWebConfig_ReportsDiagnostic()
    {
        await VerifyAsync("/src/web.config", """
            <configuration>
              <system.net>
                <mailSettings>
                  <smtp from="reports@contoso.com">
                    <network host="smtp.gmail.com" port="587" userName="reports@contoso.com" password="{|#0:qwhv lrmz xpkt bnds|}" enableSsl="true" />
                  </smtp>
                </mailSettings>
              </system.net>
            </configuration>
            """,
            Verify.Diagnostic().WithLocation(0).WithArguments("The <network> element in web.config", "four groups of four lower-case letters", SecretRemedies.AppPasswordInConfigFile));
    }

    [Fact]
    public async Task AppSettingsKeyInAppConfig_ReportsDiagnostic()
    {
        await VerifyAsync("/src/App.config", """
            <configuration>
              <appSettings>
                <add key="Imap.Password" value="{|#0:zkfmqtrwpxhvlnbc|}" />
              </appSettings>
            </configuration>
            """,
            Verify.Diagnostic().WithLocation(0).WithArguments("The mail setting 'Imap.Password' in App.config", "16 lower-case letters", SecretRemedies.AppPasswordInConfigFile));
    }

    [Fact]
    public async Task ShapeOutsideMailContext_NoDiagnostic()
    {
        await VerifyAsync("/src/appsettings.json", """
            {
              "Jwt": { "Secret": "qwhvlrmzxpktbnds" },
              "Features": { "Password": "qwhv lrmz xpkt bnds" },
              "ConnectionStrings": { "Cache": "qwhvlrmzxpktbnds" }
            }
            """);
    }

    [Fact]
    public async Task MailKeyThatIsNotAPassword_NoDiagnostic()
    {
        await VerifyAsync("/src/appsettings.json", """
            { "Smtp": { "Host": "smtp.gmail.com", "UserName": "qwhvlrmzxpktbnds", "DisplayName": "abcd efgh ijkl mnop" } }
            """);
    }

    [Theory]
    [InlineData("Qwhvlrmzxpktbnds")]
    [InlineData("qwhvlrmzxpktbnd")]
    [InlineData("qwhv-lrmz-xpkt-bnds")]
    [InlineData("qwhv  lrmz xpkt bnds")]
    public async Task OtherShapes_NoDiagnostic(string value)
    {
        // LA1001 reports these as ordinary hard-coded passwords.
        await VerifyAsync("/src/appsettings.json", $$"""
            { "Smtp": { "Host": "smtp.gmail.com", "Password": "{{value}}" } }
            """);
    }

    [Fact]
    public async Task LocalTestServer_NoDiagnostic()
    {
        await VerifyAsync("/src/appsettings.Development.json", """
            { "Smtp": { "Host": "papercut", "Password": "qwhvlrmzxpktbnds" } }
            """);
    }
}
