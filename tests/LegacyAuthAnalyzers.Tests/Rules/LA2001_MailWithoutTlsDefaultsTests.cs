using LegacyAuthAnalyzers.Tests.Infrastructure;
using Xunit;
using Verify = LegacyAuthAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<LegacyAuthAnalyzers.Rules.LA2001_MailWithoutTlsAnalyzer>;

namespace LegacyAuthAnalyzers.Tests.Rules;

/// <summary>System.Net.Mail's <c>EnableSsl</c> read from a settings class: plaintext when that class ships false.</summary>
public sealed class LA2001_MailWithoutTlsDefaultsTests
{
    [Fact]
    public async Task EnableSslFromSettingThatShipsFalse_ReportsDiagnostic()
    {
        const string source = """
            using System.Net.Mail;

            public sealed class BlogSettings
            {
                public string SmtpServer { get; set; } = "";
                public bool EnableSsl { get; set; }
                public bool UseTls { get; set; } = false;
            }

            public static class Mailer
            {
                public static void Send(BlogSettings settings, MailMessage message)
                {
                    using var smtp = new SmtpClient(settings.SmtpServer);
                    {|#0:smtp.EnableSsl = settings.EnableSsl|};
                    smtp.Send(message);

                    using var other = new SmtpClient(settings.SmtpServer) { {|#1:EnableSsl = settings.UseTls|} };
                    other.Send(message);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic(DiagnosticIds.MailWithoutTls).WithLocation(0).WithArguments("System.Net.Mail.SmtpClient (EnableSsl from 'EnableSsl', false unless configured)", "a mail server"),
            Verify.Diagnostic(DiagnosticIds.MailWithoutTls).WithLocation(1).WithArguments("System.Net.Mail.SmtpClient (EnableSsl from 'UseTls', false unless configured)", "a mail server"));
    }

    [Fact]
    public async Task EnableSslFromSettingThatShipsTrueOrFromAParameter_NoDiagnostic()
    {
        const string source = """
            using System.Net.Mail;

            public sealed class MailOptions
            {
                public string Host { get; set; } = "";
                public bool EnableSsl { get; set; } = true;
                public bool Computed => Host.Length > 0;
            }

            public static class Mailer
            {
                public static void Send(MailOptions options, bool enableSsl, MailMessage message)
                {
                    using var a = new SmtpClient(options.Host) { EnableSsl = options.EnableSsl };
                    using var b = new SmtpClient(options.Host) { EnableSsl = enableSsl };
                    using var c = new SmtpClient(options.Host) { EnableSsl = options.Computed };
                    using var d = new SmtpClient("localhost") { EnableSsl = false };
                    a.Send(message);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }
}
