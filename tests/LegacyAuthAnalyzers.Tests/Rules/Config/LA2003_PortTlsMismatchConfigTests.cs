using LegacyAuthAnalyzers.Rules.Config;
using Xunit;
using Verify = LegacyAuthAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<LegacyAuthAnalyzers.Rules.Config.LA2003_PortTlsMismatchConfigAnalyzer>;

namespace LegacyAuthAnalyzers.Tests.Rules.Config;

public sealed class LA2003_PortTlsMismatchConfigTests
{
    // The same consequences as for code: one transport policy.
    private const string ImplicitOnStartTlsPort = "the TLS handshake fails because the server greets in plaintext and expects STARTTLS";
    private const string StartTlsOnImplicitPort = "the client waits for a plaintext greeting that never comes and hangs until the timeout";

    private static Task VerifyAsync(string path, string content, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected)
        => ConfigFileTest.VerifyAsync<LA2003_PortTlsMismatchConfigAnalyzer>(path, content, expected);

    [Fact]
    public async Task SystemNetMailOnPort465_ReportsDiagnostic()
    {
        await VerifyAsync("/src/web.config", """
            <configuration>
              <system.net>
                <mailSettings>
                  <smtp deliveryMethod="Network">
                    <network host="smtp.gmail.com" port="{|#0:465|}" userName="reports" password="${SMTP_PASSWORD}" enableSsl="true" />
                  </smtp>
                </mailSettings>
              </system.net>
            </configuration>
            """,
            Verify.Diagnostic().WithLocation(0).WithArguments(
                "The <network> element in web.config",
                "System.Net.Mail",
                465,
                "it cannot do implicit TLS, so it waits for a plaintext greeting that never comes and hangs until the timeout",
                "port 587 with enableSsl=\"true\""));
    }

    [Fact]
    public async Task SslOnConnectOnSubmissionPort_ReportsDiagnostic()
    {
        await VerifyAsync("/src/appsettings.json", """
            { "Smtp": { "Host": "mail.contoso.com", "Port": {|#0:587|}, "SecureSocketOptions": "SslOnConnect" } }
            """,
            Verify.Diagnostic().WithLocation(0).WithArguments(
                "The mail setting 'Smtp:Port' in appsettings.json", "SecureSocketOptions.SslOnConnect", 587, ImplicitOnStartTlsPort, "SecureSocketOptions.StartTls"));
    }

    [Theory]
    [InlineData("StartTls", 993)]
    [InlineData("StartTlsWhenAvailable", 995)]
    [InlineData("None", 465)]
    public async Task StartTlsOrPlaintextOnImplicitPort_ReportsDiagnostic(string mode, int port)
    {
        await VerifyAsync("/src/appsettings.json", $$"""
            { "Mail": { "Host": "mail.contoso.com", "Port": "{|#0:{{port}}|}", "SecureSocketOptions": "{{mode}}" } }
            """,
            Verify.Diagnostic().WithLocation(0).WithArguments(
                "The mail setting 'Mail:Port' in appsettings.json", "SecureSocketOptions." + mode, port, StartTlsOnImplicitPort, "SecureSocketOptions.SslOnConnect"));
    }

    [Fact]
    public async Task FlatKeysInAppSettingsElement_ReportsDiagnostic()
    {
        await VerifyAsync("/src/App.config", """
            <configuration>
              <appSettings>
                <add key="ImapHost" value="imap.contoso.com" />
                <add key="ImapPort" value="{|#0:143|}" />
                <add key="ImapSecureSocketOptions" value="2" />
              </appSettings>
            </configuration>
            """,
            Verify.Diagnostic().WithLocation(0).WithArguments(
                "The mail setting 'ImapPort' in App.config", "SecureSocketOptions.SslOnConnect", 143, ImplicitOnStartTlsPort, "SecureSocketOptions.StartTls"));
    }

    [Fact]
    public async Task Office365OnPort465_ReportsDiagnostic()
    {
        await VerifyAsync("/src/appsettings.json", """
            { "Smtp": { "Host": "smtp.office365.com", "Port": {|#0:465|}, "UseSsl": true } }
            """,
            Verify.Diagnostic().WithLocation(0).WithArguments(
                "The mail setting 'Smtp:Port' in appsettings.json", "'smtp.office365.com'", 465, "Microsoft 365 and Outlook.com do not offer SMTP there, so the connection fails", "port 587 with STARTTLS"));
    }

    [Fact]
    public async Task MatchingPairs_NoDiagnostic()
    {
        await VerifyAsync("/src/appsettings.json", """
            {
              "Smtp": { "Host": "smtp.gmail.com", "Port": 465, "SecureSocketOptions": "SslOnConnect" },
              "Submission": { "SmtpHost": "mail.contoso.com", "SmtpPort": 587, "SmtpSecureSocketOptions": "StartTls" },
              "Imap": { "Host": "imap.contoso.com", "Port": 993, "SecureSocketOptions": "Auto" },
              "Pop3": { "Host": "pop.contoso.com", "Port": 110 },
              "Office365": { "Host": "smtp.office365.com", "Port": 587, "SecureSocketOptions": "StartTls" }
            }
            """);
    }

    [Fact]
    public async Task BooleanSwitchWithPort_NoDiagnostic()
    {
        // Whether UseSsl/EnableSsl means implicit TLS or STARTTLS depends on the library the app feeds it to.
        await VerifyAsync("/src/appsettings.json", """
            { "Smtp": { "Host": "mail.contoso.com", "Port": 587, "UseSsl": true }, "Imap": { "Host": "imap.contoso.com", "Port": 993, "EnableSsl": false } }
            """);
    }

    [Fact]
    public async Task SystemNetMailOnSubmissionPort_NoDiagnostic()
    {
        await VerifyAsync("/src/web.config", """
            <configuration><system.net><mailSettings><smtp>
              <network host="smtp.office365.com" port="587" enableSsl="true" />
            </smtp></mailSettings></system.net></configuration>
            """);
    }

    [Fact]
    public async Task LocalHostOrPickupDirectory_NoDiagnostic()
    {
        await VerifyAsync("/src/web.config", """
            <configuration><system.net><mailSettings><smtp><network host="localhost" port="465" /></smtp></mailSettings></system.net></configuration>
            """);
        await VerifyAsync("/src/Web.Debug.config", """
            <configuration><system.net><mailSettings><smtp deliveryMethod="PickupDirectoryFromIis"><network host="mail.contoso.com" port="465" /></smtp></mailSettings></system.net></configuration>
            """);
        await VerifyAsync("/src/appsettings.Development.json", """
            { "Smtp": { "Host": "mailhog", "Port": 1025, "SecureSocketOptions": "SslOnConnect" }, "Imap": { "Host": "127.0.0.1", "Port": 993, "SecureSocketOptions": "None" } }
            """);
    }
}
