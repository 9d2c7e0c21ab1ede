using LegacyAuthAnalyzers.Configuration;
using LegacyAuthAnalyzers.Credentials;
using LegacyAuthAnalyzers.Roslyn;
using LegacyAuthAnalyzers.Transport;
using LegacyAuthAnalyzers.Values;
using LegacyAuthAnalyzers.Rules.Config;
using Xunit;
using Verify = LegacyAuthAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<LegacyAuthAnalyzers.Rules.Config.LA1001_HardCodedMailCredentialConfigAnalyzer>;

namespace LegacyAuthAnalyzers.Tests.Rules.Config;

public sealed class LA1001_HardCodedMailCredentialConfigTests
{
    private static Task VerifyAsync(string path, string content, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected)
        => ConfigFileTest.VerifyAsync<LA1001_HardCodedMailCredentialConfigAnalyzer>(path, content, expected);

    [Fact]
    public async Task WebConfigNetworkPassword_ReportsDiagnostic()
    {
        await VerifyAsync("/src/web.config", """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <system.net>
                <mailSettings>
                  <smtp deliveryMethod="Network" from="alerts@contoso.com">
                    <network host="mail.contoso.com" port="587" userName="alerts@contoso.com" password="{|#0:Wint3r-Is-C0ming!|}" enableSsl="true" />
                  </smtp>
                </mailSettings>
              </system.net>
            </configuration>
            """,
            Verify.Diagnostic().WithLocation(0).WithArguments("The <network> element in web.config", 17, SecretRemedies.PasswordInConfigFile));
    }

    [Fact]
    public async Task AppConfigWithNamespaceBomAndCrlf_ReportsDiagnostic()
    {
        var content = "\uFEFF<?xml version=\"1.0\"?>\r\n"
            + "<configuration xmlns=\"http://schemas.microsoft.com/.NetConfiguration/v2.0\">\r\n"
            + "  <system.net>\r\n"
            + "    <mailSettings>\r\n"
            + "      <smtp>\r\n"
            + "        <network\r\n"
            + "          host=\"mail.contoso.com\"\r\n"
            + "          password = '{|#0:Pa55w0rd&amp;Mor3|}'\r\n"
            + "          enableSsl=\"true\" />\r\n"
            + "      </smtp>\r\n"
            + "    </mailSettings>\r\n"
            + "  </system.net>\r\n"
            + "</configuration>\r\n";

        // The entity is one character of the value: the message counts the decoded password.
        await VerifyAsync("/src/app.config", content, Verify.Diagnostic().WithLocation(0).WithArguments("The <network> element in app.config", 13, SecretRemedies.PasswordInConfigFile));
    }

    [Fact]
    public async Task NetworkInsideLocationElement_ReportsDiagnostic()
    {
        await VerifyAsync("/src/Web.Release.config", """
            <configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">
              <location path=".">
                <system.net>
                  <mailSettings>
                    <smtp xdt:Transform="Replace">
                      <network host="relay.contoso.com" password="{|#0:Rel4y-Pr0d-2024|}" enableSsl="true" />
                    </smtp>
                  </mailSettings>
                </system.net>
              </location>
            </configuration>
            """,
            Verify.Diagnostic().WithLocation(0).WithArguments("The <network> element in Web.Release.config", 15, SecretRemedies.PasswordInConfigFile));
    }

    [Fact]
    public async Task ConfigSourceFragment_ReportsDiagnostic()
    {
        await VerifyAsync("/src/Config/mailSettings.config", """
            <smtp deliveryMethod="Network">
              <network host="mail.contoso.com" password="{|#0:Fr4gm3nt-S3cret|}" enableSsl="true" />
            </smtp>
            """,
            Verify.Diagnostic().WithLocation(0).WithArguments("The <network> element in mailSettings.config", 15, SecretRemedies.PasswordInConfigFile));
    }

    [Fact]
    public async Task AppSettingsMailKey_ReportsDiagnostic()
    {
        await VerifyAsync("/src/web.config", """
            <configuration>
              <appSettings>
                <add key="SmtpHost" value="mail.contoso.com" />
                <add key="SmtpPassword" value="{|#0:Sm7p-P4ssw0rd|}" />
                <add key="ApiPassword" value="N0t-M4il-Rel4ted" />
              </appSettings>
            </configuration>
            """,
            Verify.Diagnostic().WithLocation(0).WithArguments("The mail setting 'SmtpPassword' in web.config", 13, SecretRemedies.PasswordInConfigFile));
    }

    [Fact]
    public async Task AppSettingsJsonWithCommentsAndTrailingCommas_ReportsDiagnostic()
    {
        await VerifyAsync("/src/appsettings.json", """
            {
              // Outgoing mail
              "Smtp": {
                "Host": "mail.contoso.com", /* relay */
                "Port": 587,
                "User": "alerts@contoso.com",
                "Password": "{|#0:Tr0ub4dor&3xyz|}",
              },
            }
            """,
            Verify.Diagnostic().WithLocation(0).WithArguments("The mail setting 'Smtp:Password' in appsettings.json", 14, SecretRemedies.PasswordInConfigFile));
    }

    [Fact]
    public async Task NeutrallyNamedSectionWithAMailServerHost_ReportsDiagnostic()
    {
        // "Archive" names no mail; its host and mailbox do. "Database" has a password and no mail server.
        await VerifyAsync("/src/appsettings.json", """
            {
              "Archive": {
                "Host": "imap.contoso.com",
                "User": "archive@contoso.com",
                "Password": "{|#0:Arch1ve-Imap-S3cret|}"
              },
              "Database": {
                "Host": "db.contoso.com",
                "Password": "Db-Only-S3cret-42"
              }
            }
            """,
            Verify.Diagnostic().WithLocation(0).WithArguments("The mail setting 'Archive:Password' in appsettings.json", 19, SecretRemedies.PasswordInConfigFile));
    }

    [Fact]
    public async Task AppSettingsJsonWithBomAndCrlf_ReportsDiagnostic()
    {
        var content = "\uFEFF{\r\n"
            + "  \"MailSettings\": {\r\n"
            + "    \"Server\": \"mail.contoso.com\",\r\n"
            + "    \"Password\": \"{|#0:Crlf-B0m-S3cret|}\"\r\n"
            + "  }\r\n"
            + "}\r\n";

        await VerifyAsync("/src/appsettings.Staging.json", content, Verify.Diagnostic().WithLocation(0).WithArguments("The mail setting 'MailSettings:Password' in appsettings.Staging.json", 15, SecretRemedies.PasswordInConfigFile));
    }

    [Fact]
    public async Task EnvironmentSpecificAppSettings_ReportsDiagnostic()
    {
        await VerifyAsync("/src/appsettings.Development.json", """
            {
              "EmailSettings": {
                "SmtpServer": "mail.contoso.com",
                "SmtpPass": "{|#0:D3v-Only-S3cret|}"
              }
            }
            """,
            Verify.Diagnostic().WithLocation(0).WithArguments("The mail setting 'EmailSettings:SmtpPass' in appsettings.Development.json", 15, SecretRemedies.PasswordInConfigFile));
    }

    [Theory]
    [InlineData("MailPassword")]
    [InlineData("SMTP_PASSWORD")]
    [InlineData("Smtp:Password")]
    [InlineData("ImapPwd")]
    [InlineData("Office365Secret")]
    public async Task FlatMailKeyAtRoot_ReportsDiagnostic(string key)
    {
        await VerifyAsync("/src/appsettings.json", $$"""
            {
              "{{key}}": "{|#0:Fl4t-K3y-S3cret|}"
            }
            """,
            Verify.Diagnostic().WithLocation(0).WithArguments($"The mail setting '{key}' in appsettings.json", 15, SecretRemedies.PasswordInConfigFile));
    }

    [Fact]
    public async Task NestedSectionsAndArrays_ReportsDiagnostic()
    {
        await VerifyAsync("/src/appsettings.json", """
            {
              "Notifications": {
                "Email": {
                  "Server": { "Host": "mail.contoso.com", "Port": 587 },
                  "Credentials": { "UserName": "alerts", "Password": "{|#0:N3st3d-S3cret!|}" }
                }
              },
              "Mailboxes": [
                { "Address": "support@contoso.com", "Password": "{|#1:Supp0rt-Mailb0x|}" },
                { "Address": "sales@contoso.com", "Password": "" }
              ]
            }
            """,
            Verify.Diagnostic().WithLocation(0).WithArguments("The mail setting 'Notifications:Email:Credentials:Password' in appsettings.json", 14, SecretRemedies.PasswordInConfigFile),
            Verify.Diagnostic().WithLocation(1).WithArguments("The mail setting 'Mailboxes:0:Password' in appsettings.json", 15, SecretRemedies.PasswordInConfigFile));
    }

    [Fact]
    public async Task EscapedJsonString_ReportsDiagnosticOnTheRawText()
    {
        await VerifyAsync("/src/appsettings.json", """
            { "Smtp": { "Password": "{|#0:Qu0te\"And\\Sl4sh\u0021|}" } }
            """,
            Verify.Diagnostic().WithLocation(0).WithArguments("The mail setting 'Smtp:Password' in appsettings.json", 16, SecretRemedies.PasswordInConfigFile));
    }

    [Fact]
    public async Task ExchangeSectionWithEwsUrl_ReportsDiagnostic()
    {
        await VerifyAsync("/src/appsettings.json", """
            {
              "Exchange": {
                "Url": "https://exchange.contoso.com/EWS/Exchange.asmx",
                "Password": "{|#0:Ews-S3rv1ce-Acc0unt|}"
              }
            }
            """,
            Verify.Diagnostic().WithLocation(0).WithArguments("The mail setting 'Exchange:Password' in appsettings.json", 19, SecretRemedies.PasswordInConfigFile));
    }

    [Fact]
    public async Task NumericPassword_ReportsDiagnostic()
    {
        await VerifyAsync("/src/appsettings.json", """
            { "Smtp": { "Host": "mail.contoso.com", "Password": {|#0:73519046|} } }
            """,
            Verify.Diagnostic().WithLocation(0).WithArguments("The mail setting 'Smtp:Password' in appsettings.json", 8, SecretRemedies.PasswordInConfigFile));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("password")]
    [InlineData("changeme")]
    [InlineData("<your-password>")]
    [InlineData("${SMTP_PASSWORD}")]
    [InlineData("%SMTP_PASSWORD%")]
    [InlineData("#{SmtpPassword}#")]
    [InlineData("__SmtpPassword__")]
    [InlineData("********")]
    [InlineData("your password")]
    [InlineData("Sender Pass")]
    [InlineData("senha")]
    [InlineData("mot de passe")]
    [InlineData("пароль")]
    public async Task PlaceholderInJson_NoDiagnostic(string placeholder)
    {
        await VerifyAsync("/src/appsettings.json", $$"""
            { "Smtp": { "Host": "mail.contoso.com", "Password": "{{placeholder}}" } }
            """);
    }

    [Theory]
    [InlineData("")]
    [InlineData("changeme")]
    [InlineData("&lt;your-password&gt;")]
    [InlineData("#{SmtpPassword}#")]
    public async Task PlaceholderInWebConfig_NoDiagnostic(string placeholder)
    {
        await VerifyAsync("/src/web.config", $$"""
            <configuration><system.net><mailSettings><smtp>
              <network host="mail.contoso.com" password="{{placeholder}}" enableSsl="true" />
            </smtp></mailSettings></system.net></configuration>
            """);
    }

    [Fact]
    public async Task NullOrBooleanPassword_NoDiagnostic()
    {
        await VerifyAsync("/src/appsettings.json", """
            { "Smtp": { "Password": null, "RequirePassword": true, "UsePassword": false } }
            """);
    }

    [Fact]
    public async Task NonMailSections_NoDiagnostic()
    {
        await VerifyAsync("/src/appsettings.json", """
            {
              "ConnectionStrings": {
                "Default": "Server=db;Database=app;User Id=app;Password=Db-P4ssw0rd!;"
              },
              "Logging": { "LogLevel": { "Default": "Information" } },
              "Jwt": { "Secret": "J8kq2-Jwt-Signing-K3y-Th4t-Is-L0ng" },
              "Identity": { "Password": { "RequiredLength": 12 } },
              "Redis": { "Password": "R3dis-Pa55" },
              "ExchangeRates": { "ApiSecret": "fx-8f2c1d9e7b" },
              "Popup": { "Secret": "p0pup-S3cret" },
              "AllowedHosts": "*"
            }
            """);
    }

    [Fact]
    public async Task OAuthClientSecretInMailSection_NoDiagnostic()
    {
        await VerifyAsync("/src/appsettings.json", """
            {
              "Mail": {
                "TenantId": "8f2c1d9e-7b1a-4c3e-9d2f-1a2b3c4d5e6f",
                "ClientId": "0b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e",
                "ClientSecret": "Qx7~8Q~abcdEFGHijklMNOPqrstUVWXyz012345",
                "PasswordSecretName": "smtp-password"
              }
            }
            """);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("smtp4dev")]
    [InlineData("mailhog.local")]
    public async Task LocalTestServer_NoDiagnostic(string host)
    {
        await VerifyAsync("/src/appsettings.Development.json", $$"""
            { "Smtp": { "Host": "{{host}}", "Password": "L0cal-Dev-Pass" } }
            """);
    }

    [Fact]
    public async Task AppPasswordShapedValue_NoDiagnostic()
    {
        // LA3001 reports it instead.
        await VerifyAsync("/src/appsettings.json", """
            { "Smtp": { "Host": "smtp.gmail.com", "Password": "abcd efgh ijkl mnop" } }
            """);
    }

    [Theory]
    [InlineData("{ \"Smtp\": { \"Password\": \"Tr0ub4dor&3xyz\" }")]
    [InlineData("{ \"Smtp\": { \"Password\": \"Tr0ub4dor&3xyz }")]
    [InlineData("{ \"Smtp\": { \"Password\" \"Tr0ub4dor&3xyz\" } }")]
    [InlineData("{ 'Smtp': { 'Password': 'Tr0ub4dor&3xyz' } }")]
    [InlineData("{ \"Smtp\": { \"Password\": \"Tr0ub4dor&3xyz\" } } trailing")]
    [InlineData("/* unterminated { \"Smtp\": { \"Password\": \"Tr0ub4dor&3xyz\" } }")]
    [InlineData("{ \"Smtp\": { \"Password\": \"Tr0ub\n4dor&3xyz\" } }")]
    public async Task MalformedJson_NoDiagnostic(string content)
    {
        await VerifyAsync("/src/appsettings.json", content);
    }

    [Theory]
    [InlineData("<configuration><system.net><mailSettings><smtp><network host=\"mail.contoso.com\" password=\"Wint3r-Is-C0ming!\" /></smtp></mailSettings></system.net>")]
    [InlineData("<configuration><system.net><mailSettings><smtp><network host=\"mail.contoso.com\" password=\"Wint3r-Is-C0ming!\" /></smtp></mailSettings></system.net></configuration><extra />")]
    [InlineData("<configuration><system.net><mailSettings><smtp><network host=\"mail.contoso.com\" password=\"Wint3r-Is-C0ming!\" password=\"x\" /></smtp></mailSettings></system.net></configuration>")]
    [InlineData("<configuration><appSettings><add key=\"SmtpPassword\" value=\"Wint3r-Is-C0ming!\" /></appSettings><broken></configuration>")]
    public async Task MalformedXml_NoDiagnostic(string content)
    {
        await VerifyAsync("/src/web.config", content);
    }

    [Fact]
    public async Task DocumentTypeWithExternalEntity_NoDiagnosticAndNoFileAccess()
    {
        await VerifyAsync("/src/web.config", """
            <?xml version="1.0"?>
            <!DOCTYPE configuration [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
            <configuration><system.net><mailSettings><smtp>
              <network host="mail.contoso.com" password="&secret;" enableSsl="true" />
            </smtp></mailSettings></system.net></configuration>
            """);
    }

    [Fact]
    public async Task NetworkElementOutsideMailSettings_NoDiagnostic()
    {
        await VerifyAsync("/src/web.config", """
            <configuration>
              <system.net>
                <defaultProxy><proxy proxyaddress="http://proxy:8080" /></defaultProxy>
                <settings><smtp><network password="N0t-Ma1l-Settings" /></smtp></settings>
              </system.net>
            </configuration>
            """);
    }

    [Theory]
    [InlineData("/src/settings.json")]
    [InlineData("/src/smtp.xml")]
    [InlineData("/src/appsettings.yaml")]
    public async Task FileThatIsNotAConfigurationFile_NoDiagnostic(string path)
    {
        await VerifyAsync(path, """
            { "Smtp": { "Host": "mail.contoso.com", "Password": "Tr0ub4dor&3xyz" } }
            """);
    }

    [Fact]
    public async Task DeeplyNestedJson_NoDiagnostic()
    {
        var content = new string('[', 10_000) + new string(']', 10_000);
        await VerifyAsync("/src/appsettings.json", content);
    }

    [Fact]
    public async Task EmptyFiles_NoDiagnostic()
    {
        var test = new Verify.Test { TestCode = ConfigFileTest.Code };
        test.TestState.AdditionalFiles.Add(("/src/appsettings.json", string.Empty));
        test.TestState.AdditionalFiles.Add(("/src/web.config", string.Empty));
        test.TestState.AdditionalFiles.Add(("/src/packages.config", "<packages><package id=\"MailKit\" version=\"4.18.2\" /></packages>"));
        await test.RunAsync();
    }
}
