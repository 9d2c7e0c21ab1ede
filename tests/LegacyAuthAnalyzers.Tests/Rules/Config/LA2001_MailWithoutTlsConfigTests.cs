using LegacyAuthAnalyzers.Rules.Config;
using Xunit;
using Verify = LegacyAuthAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<LegacyAuthAnalyzers.Rules.Config.LA2001_MailWithoutTlsConfigAnalyzer>;

namespace LegacyAuthAnalyzers.Tests.Rules.Config;

public sealed class LA2001_MailWithoutTlsConfigTests
{
    // TLS switches are read as System.Net.Mail reads them, as in a project that sends with it.
    private static Task VerifyAsync(string path, string content, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected)
        => ConfigFileTest.VerifyWithCodeAsync<LA2001_MailWithoutTlsConfigAnalyzer>(ConfigFileTest.SystemNetMailCode, path, content, editorConfig: null, expected);

    [Fact]
    public async Task EnableSslFalseInWebConfig_ReportsDiagnostic()
    {
        await VerifyAsync("/src/web.config", """
            <configuration>
              <system.net>
                <mailSettings>
                  <smtp deliveryMethod="Network">
                    <network host="mail.contoso.com" port="25" userName="alerts" password="Wint3r-Is-C0ming!" enableSsl="{|#0:false|}" />
                  </smtp>
                </mailSettings>
              </system.net>
            </configuration>
            """,
            Verify.Diagnostic().WithLocation(0).WithArguments("The <network> element in web.config", "'mail.contoso.com'"));
    }

    [Fact]
    public async Task NetworkWithoutEnableSsl_ReportsDiagnosticOnTheElement()
    {
        await VerifyAsync("/src/app.config", """
            <configuration>
              <system.net>
                <mailSettings>
                  <smtp from="alerts@contoso.com">
                    <{|#0:network|} host="mail.contoso.com" port="587" userName="alerts" password="${SMTP_PASSWORD}" />
                  </smtp>
                </mailSettings>
              </system.net>
            </configuration>
            """,
            Verify.Diagnostic().WithLocation(0).WithArguments("The <network> element in app.config (enableSsl not set)", "'mail.contoso.com'"));
    }

    [Fact]
    public async Task UseSslFalseInAppSettings_ReportsDiagnostic()
    {
        await VerifyAsync("/src/appsettings.json", """
            { "Smtp": { "Host": "mail.contoso.com", "Port": 25, "UseSsl": {|#0:false|} } }
            """,
            Verify.Diagnostic().WithLocation(0).WithArguments("The mail setting 'Smtp:UseSsl' in appsettings.json", "'mail.contoso.com'"));
    }

    [Fact]
    public async Task EnableSslFalseAsStringInAppSettings_ReportsDiagnostic()
    {
        await VerifyAsync("/src/appsettings.Production.json", """
            { "EmailSettings": { "MailServer": "relay.contoso.com", "EnableSsl": "{|#0:False|}" } }
            """,
            Verify.Diagnostic().WithLocation(0).WithArguments("The mail setting 'EmailSettings:EnableSsl' in appsettings.Production.json", "'relay.contoso.com'"));
    }

    [Theory]
    [InlineData("\"None\"")]
    [InlineData("\"none\"")]
    [InlineData("\"SecureSocketOptions.None\"")]
    [InlineData("0")]
    public async Task SecureSocketOptionsNone_ReportsDiagnostic(string value)
    {
        var raw = value.Trim('"');
        var marked = value.StartsWith('"') ? "\"{|#0:" + raw + "|}\"" : "{|#0:" + raw + "|}";
        await VerifyAsync("/src/appsettings.json", $$"""
            { "Imap": { "Host": "imap.contoso.com", "Port": 143, "SecureSocketOptions": {{marked}} } }
            """,
            Verify.Diagnostic().WithLocation(0).WithArguments("The mail setting 'Imap:SecureSocketOptions' in appsettings.json", "'imap.contoso.com'"));
    }

    [Fact]
    public async Task AppSettingsKeysInWebConfig_ReportsDiagnostic()
    {
        await VerifyAsync("/src/web.config", """
            <configuration>
              <appSettings>
                <add key="SmtpHost" value="mail.contoso.com" />
                <add key="SmtpEnableSsl" value="{|#0:false|}" />
              </appSettings>
            </configuration>
            """,
            Verify.Diagnostic().WithLocation(0).WithArguments("The mail setting 'SmtpEnableSsl' in web.config", "'mail.contoso.com'"));
    }

    [Fact]
    public async Task EnableSslTrue_NoDiagnostic()
    {
        await VerifyAsync("/src/web.config", """
            <configuration><system.net><mailSettings><smtp>
              <network host="mail.contoso.com" port="587" enableSsl="true" />
            </smtp></mailSettings></system.net></configuration>
            """);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("smtp4dev")]
    [InlineData("mailpit")]
    public async Task LocalTestServer_NoDiagnostic(string host)
    {
        await VerifyAsync("/src/web.config", $$"""
            <configuration><system.net><mailSettings><smtp>
              <network host="{{host}}" port="25" enableSsl="false" />
            </smtp></mailSettings></system.net></configuration>
            """);
        await VerifyAsync("/src/appsettings.Development.json", $$"""
            { "Smtp": { "Host": "{{host}}", "UseSsl": false, "SecureSocketOptions": "None" } }
            """);
    }

    [Fact]
    public async Task LocalHostFromEditorConfig_NoDiagnostic()
    {
        await ConfigFileTest.VerifyAsync<LA2001_MailWithoutTlsConfigAnalyzer>(
            "/src/appsettings.json",
            """{ "Smtp": { "Host": "devsmtp.internal", "UseSsl": false } }""",
            "root = true\n[*]\nlegacy_auth.local_hosts = devsmtp.internal\n");
    }

    [Fact]
    public async Task PickupDirectoryDelivery_NoDiagnostic()
    {
        await VerifyAsync("/src/web.config", """
            <configuration><system.net><mailSettings>
              <smtp deliveryMethod="SpecifiedPickupDirectory">
                <specifiedPickupDirectory pickupDirectoryLocation="C:\mail" />
                <network host="mail.contoso.com" />
              </smtp>
            </mailSettings></system.net></configuration>
            """);
    }

    [Fact]
    public async Task UnknownHost_NoDiagnostic()
    {
        await VerifyAsync("/src/appsettings.json", """
            { "Smtp": { "Port": 25, "UseSsl": false, "SecureSocketOptions": "None" } }
            """);
        await VerifyAsync("/src/web.config", """
            <configuration><system.net><mailSettings><smtp><network port="25" /></smtp></mailSettings></system.net></configuration>
            """);
    }

    [Fact]
    public async Task SecureSocketOptionsDecidesOverUseSsl_NoDiagnostic()
    {
        await VerifyAsync("/src/appsettings.json", """
            { "Smtp": { "Host": "mail.contoso.com", "Port": 587, "UseSsl": false, "SecureSocketOptions": "StartTls" } }
            """);
    }

    [Fact]
    public async Task TlsSettingsThatRequireTls_NoDiagnostic()
    {
        await VerifyAsync("/src/appsettings.json", """
            {
              "Smtp": { "Host": "mail.contoso.com", "UseSsl": true, "SecureSocketOptions": "SslOnConnect" },
              "Imap": { "Host": "imap.contoso.com", "EnableSsl": "true" },
              "Features": { "Host": "api.contoso.com", "UseSsl": false }
            }
            """);
    }
}
