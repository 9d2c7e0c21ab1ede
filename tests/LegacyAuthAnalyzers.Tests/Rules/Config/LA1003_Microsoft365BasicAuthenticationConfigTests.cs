using LegacyAuthAnalyzers.Rules.Config;
using Xunit;
using Verify = LegacyAuthAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<LegacyAuthAnalyzers.Rules.Config.LA1003_Microsoft365BasicAuthenticationConfigAnalyzer>;

namespace LegacyAuthAnalyzers.Tests.Rules.Config;

public sealed class LA1003_Microsoft365BasicAuthenticationConfigTests
{
    private const string SmtpStatus = "Exchange Online disables SMTP AUTH Basic authentication by default at the end of December 2026";

    private static Task VerifyAsync(string path, string content, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected)
        => ConfigFileTest.VerifyAsync<LA1003_Microsoft365BasicAuthenticationConfigAnalyzer>(path, content, expected);

    [Fact]
    public async Task WebConfigToOffice365_ReportsDiagnostic()
    {
        await VerifyAsync("/src/web.config", """
            <configuration>
              <system.net>
                <mailSettings>
                  <smtp deliveryMethod="Network" from="noreply@contoso.com">
                    <network host="smtp.office365.com" port="587" userName="noreply@contoso.com" password="{|#0:Wint3r-Is-C0ming!|}" enableSsl="true" />
                  </smtp>
                </mailSettings>
              </system.net>
            </configuration>
            """,
            Verify.Diagnostic().WithLocation(0).WithArguments("The <network> element in web.config", "'smtp.office365.com'", SmtpStatus));
    }

    [Fact]
    public async Task PlaceholderPasswordToOffice365_ReportsDiagnostic()
    {
        // The value comes from the environment at run time, but the app still logs on with a password.
        await VerifyAsync("/src/appsettings.json", """
            {
              "Smtp": {
                "Host": "smtp.office365.com",
                "Port": 587,
                "Password": "{|#0:${SMTP_PASSWORD}|}"
              }
            }
            """,
            Verify.Diagnostic().WithLocation(0).WithArguments("The mail setting 'Smtp:Password' in appsettings.json", "'smtp.office365.com'", SmtpStatus));
    }

    [Fact]
    public async Task EmptyPasswordToOffice365_ReportsDiagnosticOnTheQuotes()
    {
        await VerifyAsync("/src/appsettings.json", """
            { "Email": { "SmtpHost": "smtp.office365.com", "SmtpPassword": {|#0:""|} } }
            """,
            Verify.Diagnostic().WithLocation(0).WithArguments("The mail setting 'Email:SmtpPassword' in appsettings.json", "'smtp.office365.com'", SmtpStatus));
    }

    [Fact]
    public async Task ImapToExchangeOnline_ReportsDiagnostic()
    {
        await VerifyAsync("/src/appsettings.json", """
            {
              "Imap": {
                "Server": "outlook.office365.com",
                "Port": 993,
                "Password": "{|#0:Inb0x-Re4der-2023|}"
              }
            }
            """,
            Verify.Diagnostic().WithLocation(0).WithArguments("The mail setting 'Imap:Password' in appsettings.json", "'outlook.office365.com'", "Exchange Online disabled Basic authentication for IMAP in 2022"));
    }

    [Fact]
    public async Task OutlookComHost_ReportsDiagnostic()
    {
        await VerifyAsync("/src/appsettings.json", """
            { "Mail": { "Host": "smtp-mail.outlook.com", "Password": "{|#0:Hotm4il-Pass!|}" } }
            """,
            Verify.Diagnostic().WithLocation(0).WithArguments("The mail setting 'Mail:Password' in appsettings.json", "'smtp-mail.outlook.com'", "Outlook.com stopped accepting Basic authentication and app passwords on 16 September 2024"));
    }

    [Fact]
    public async Task EwsUrlWithPassword_ReportsDiagnostic()
    {
        await VerifyAsync("/src/appsettings.json", """
            {
              "Exchange": {
                "EwsUrl": "https://outlook.office365.com/EWS/Exchange.asmx",
                "Password": "{|#0:Ews-Acc0unt-Pwd|}"
              }
            }
            """,
            Verify.Diagnostic().WithLocation(0).WithArguments("The mail setting 'Exchange:Password' in appsettings.json", "'outlook.office365.com'", "Exchange Online disabled Basic authentication for EWS in 2022"));
    }

    [Fact]
    public async Task HostInEnclosingSection_ReportsDiagnostic()
    {
        await VerifyAsync("/src/appsettings.json", """
            {
              "Smtp": {
                "Host": "smtp.office365.com",
                "Credentials": { "User": "noreply@contoso.com", "Password": "{|#0:Inh3rited-H0st|}" }
              }
            }
            """,
            Verify.Diagnostic().WithLocation(0).WithArguments("The mail setting 'Smtp:Credentials:Password' in appsettings.json", "'smtp.office365.com'", SmtpStatus));
    }

    [Fact]
    public async Task AppSettingsKeysInWebConfig_ReportsDiagnostic()
    {
        await VerifyAsync("/src/web.config", """
            <configuration>
              <appSettings>
                <add key="SmtpServer" value="smtp.office365.com" />
                <add key="ImapServer" value="imap.contoso.com" />
                <add key="SmtpPassword" value="{|#0:Sm7p-P4ssw0rd|}" />
                <add key="ImapPassword" value="Im4p-P4ssw0rd" />
              </appSettings>
            </configuration>
            """,
            Verify.Diagnostic().WithLocation(0).WithArguments("The mail setting 'SmtpPassword' in web.config", "'smtp.office365.com'", SmtpStatus));
    }

    [Fact]
    public async Task CustomMicrosoft365Host_ReportsDiagnostic()
    {
        await ConfigFileTest.VerifyAsync<LA1003_Microsoft365BasicAuthenticationConfigAnalyzer>(
            "/src/appsettings.json",
            """
            { "Smtp": { "Host": "mail.contoso.com", "Password": "{|#0:Al1as-P4ssword|}" } }
            """,
            "root = true\n[*.json]\nlegacy_auth.microsoft365_hosts = mail.contoso.com\n",
            Verify.Diagnostic().WithLocation(0).WithArguments("The mail setting 'Smtp:Password' in appsettings.json", "'mail.contoso.com'", SmtpStatus));
    }

    [Fact]
    public async Task DefaultCredentials_NoDiagnostic()
    {
        await VerifyAsync("/src/web.config", """
            <configuration><system.net><mailSettings><smtp>
              <network host="smtp.office365.com" port="587" defaultCredentials="true" password="Wint3r-Is-C0ming!" enableSsl="true" />
            </smtp></mailSettings></system.net></configuration>
            """);
    }

    [Fact]
    public async Task OtherHosts_NoDiagnostic()
    {
        await VerifyAsync("/src/appsettings.json", """
            {
              "Smtp": { "Host": "smtp.gmail.com", "Password": "Tr0ub4dor&3xyz" },
              "Relay": { "Smtp": { "Host": "smtp-hve.office365.com", "Password": "Hve-P4ssw0rd" } },
              "Imap": { "Host": "outlook.office365.com.evil.example", "Password": "Tr0ub4dor&3xyz" }
            }
            """);
    }

    [Fact]
    public async Task Office365WithoutPassword_NoDiagnostic()
    {
        await VerifyAsync("/src/appsettings.json", """
            {
              "Smtp": {
                "Host": "smtp.office365.com",
                "TenantId": "8f2c1d9e-7b1a-4c3e-9d2f-1a2b3c4d5e6f",
                "ClientId": "0b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e",
                "ClientSecret": "Qx7~8Q~abcdEFGHijklMNOPqrstUVWXyz012345",
                "Password": null
              }
            }
            """);
    }

    [Fact]
    public async Task ConnectionStringToOffice365_NoDiagnostic()
    {
        await VerifyAsync("/src/appsettings.json", """
            { "ConnectionStrings": { "Mail": "Host=smtp.office365.com" }, "Database": { "Host": "smtp.office365.com", "Password": "x1" } }
            """);
    }
}
