using LegacyAuthAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyNoTls = LegacyAuthAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<LegacyAuthAnalyzers.Rules.LA2001_MailWithoutTlsAnalyzer>;
using VerifyOpportunistic = LegacyAuthAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<LegacyAuthAnalyzers.Rules.LA2002_OpportunisticTlsAnalyzer>;

namespace LegacyAuthAnalyzers.Tests.Rules;

/// <summary>
/// Transport settings that differ by branch (LA2001, LA2002): the weakest constant branch decides, and the message
/// names the condition; a flag from configuration stands for both of its values.
/// </summary>
public sealed class LA2002_OpportunisticTlsBranchTests
{
    private const string StartTls = "SecureSocketOptions.StartTls";

    private const string Settings = """
        public sealed class MailSettings
        {
            public string Host { get; set; } = "";
            public int Port { get; set; }
            public bool EnableSsl { get; set; }
            public bool DisableTls { get; set; }
            public bool Ssl { get; set; }
            public Encryption Encryption { get; set; }
            public int Mode { get; set; }
        }

        public enum Encryption { None, StartTls, Ssl, Preferred }
        """;

    [Fact]
    public async Task UseSslFromConfiguration_ReportsWhenFalse()
    {
        var source = Settings + """

            public static class Sender
            {
                public static void Send(MailKit.Net.Smtp.SmtpClient client, MailSettings settings)
                {
                    {|#0:client.Connect(settings.Host, settings.Port, settings.EnableSsl)|};
                    {|#1:client.Connect(settings.Host, 587, !settings.DisableTls)|};

                    // On the implicit-TLS port both values are named by LA2003 if at all: never plaintext.
                    client.Connect(settings.Host, 465, settings.EnableSsl);
                }
            }
            """;

        await VerifyOpportunistic.VerifyAnalyzerAsync(
            source,
            VerifyOpportunistic.Diagnostic(DiagnosticIds.OpportunisticTls).WithLocation(0).WithArguments("SmtpClient.Connect with useSsl: false when 'EnableSsl' is false", "a mail server", StartTls),
            VerifyOpportunistic.Diagnostic(DiagnosticIds.OpportunisticTls).WithLocation(1).WithArguments("SmtpClient.Connect with useSsl: false when 'DisableTls' is true", "a mail server", StartTls));
    }

    [Fact]
    public async Task ConditionalOptions_WeakestBranchDecides()
    {
        var source = "using MailKit.Security;\n" + Settings + """


            public static class Sender
            {
                public static void Send(MailKit.Net.Smtp.SmtpClient client, MailSettings settings)
                {
                    {|#0:client.Connect(settings.Host, settings.Port, settings.Ssl ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.Auto)|};
                    {|#1:client.Connect(settings.Host, settings.Port, settings.DisableTls ? SecureSocketOptions.None : SecureSocketOptions.StartTls)|};

                    // Every branch strict, or a cast of a configuration value: nothing to report.
                    client.Connect(settings.Host, settings.Port, settings.Ssl ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls);
                    client.Connect(settings.Host, settings.Port, (SecureSocketOptions)settings.Mode);
                    client.Connect(settings.Host, 465, settings.Ssl ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.Auto);
                }
            }
            """;

        await VerifyOpportunistic.VerifyAnalyzerAsync(
            source,
            VerifyOpportunistic.Diagnostic(DiagnosticIds.OpportunisticTls).WithLocation(0).WithArguments("SmtpClient.Connect with SecureSocketOptions.Auto when 'Ssl' is false", "a mail server", StartTls));
        await VerifyNoTls.VerifyAnalyzerAsync(
            source,
            VerifyNoTls.Diagnostic(DiagnosticIds.MailWithoutTls).WithLocation(1).WithArguments("SmtpClient.Connect with SecureSocketOptions.None when 'DisableTls' is true", "a mail server"));
    }

    [Fact]
    public async Task SwitchExpressionAndLocalBranches_ReportWeakest()
    {
        var source = "using MailKit.Security;\n" + Settings + """


            public static class Sender
            {
                public static void Send(MailKit.Net.Smtp.SmtpClient client, MailSettings settings)
                {
                    var options = settings.Encryption switch
                    {
                        Encryption.StartTls => SecureSocketOptions.StartTls,
                        Encryption.Ssl => SecureSocketOptions.SslOnConnect,
                        Encryption.None => {|#2:SecureSocketOptions.None|},
                        _ => SecureSocketOptions.Auto,
                    };
                    {|#0:client.Connect(settings.Host, settings.Port, options)|};

                    var mode = SecureSocketOptions.StartTls;
                    if (settings.Encryption == Encryption.Preferred)
                    {
                        mode = {|#3:SecureSocketOptions.StartTlsWhenAvailable|};
                    }

                    {|#1:client.Connect(settings.Host, settings.Port, mode)|};
                }
            }
            """;

        await VerifyNoTls.VerifyAnalyzerAsync(
            source,
            VerifyNoTls.Diagnostic(DiagnosticIds.MailWithoutTls).WithLocation(0).WithLocation(2).WithArguments("SmtpClient.Connect with SecureSocketOptions.None when 'Encryption' is Encryption.None", "a mail server"));
        await VerifyOpportunistic.VerifyAnalyzerAsync(
            source,
            VerifyOpportunistic.Diagnostic(DiagnosticIds.OpportunisticTls).WithLocation(1).WithLocation(3).WithArguments("SmtpClient.Connect with SecureSocketOptions.StartTlsWhenAvailable when 'Encryption' is Encryption.Preferred", "a mail server", StartTls));
    }

    [Fact]
    public async Task HelperOfSameTypeReturningModes_ReportsDefaultBranch()
    {
        var source = "using System.Threading.Tasks;\n" + "using MailKit.Security;\n" + Settings + """


            public sealed class Sender
            {
                private readonly MailSettings settings = new();

                public async Task SendAsync(MailKit.Net.Smtp.SmtpClient client)
                {
                    var security = SecurityFor(settings.Encryption);
                    await {|#0:client.ConnectAsync(settings.Host, settings.Port, security)|};
                }

                private static SecureSocketOptions SecurityFor(Encryption encryption)
                {
                    switch (encryption)
                    {
                        case Encryption.StartTls:
                            return SecureSocketOptions.StartTls;
                        case Encryption.Ssl:
                            return SecureSocketOptions.SslOnConnect;
                        default:
                            return {|#1:SecureSocketOptions.Auto|};
                    }
                }
            }
            """;

        await VerifyOpportunistic.VerifyAnalyzerAsync(
            source,
            VerifyOpportunistic.Diagnostic(DiagnosticIds.OpportunisticTls).WithLocation(0).WithLocation(1).WithArguments("SmtpClient.ConnectAsync with SecureSocketOptions.Auto when 'encryption' has any other value", "a mail server", StartTls));
    }

    [Fact]
    public async Task SettingsDefaultOfALibrary_ReportsWithTheDefaultAsAdditionalLocation()
    {
        const string source = """
            using MailKit.Security;

            public sealed class SinkOptions
            {
                public string Host { get; set; } = "";
                public int Port { get; set; } = 25;
                public SecureSocketOptions ConnectionSecurity { get; set; } = {|#1:SecureSocketOptions.Auto|};
                public bool UseSsl { get; set; } = {|#3:false|};
                public SecureSocketOptions Strict { get; set; } = SecureSocketOptions.StartTls;
            }

            public sealed class Transport(SinkOptions options)
            {
                public void Open(MailKit.Net.Smtp.SmtpClient client)
                {
                    {|#0:client.Connect(options.Host, options.Port, options.ConnectionSecurity)|};
                    {|#2:client.Connect(options.Host, options.Port, options.UseSsl)|};
                    client.Connect(options.Host, options.Port, options.Strict);
                }
            }
            """;

        await VerifyOpportunistic.VerifyAnalyzerAsync(
            source,
            VerifyOpportunistic.Diagnostic(DiagnosticIds.OpportunisticTls).WithLocation(0).WithLocation(1).WithArguments("SmtpClient.Connect with SecureSocketOptions.Auto when 'ConnectionSecurity' keeps its default", "a mail server", StartTls),
            VerifyOpportunistic.Diagnostic(DiagnosticIds.OpportunisticTls).WithLocation(2).WithLocation(3).WithArguments("SmtpClient.Connect with useSsl: false when 'UseSsl' keeps its default", "a mail server", StartTls));
    }

    [Fact]
    public async Task HelperOfAnotherType_NoDiagnostic()
    {
        // Only helpers of the calling type are followed: another type's method may be replaced or configured elsewhere.
        var source = "using MailKit.Security;\n" + Settings + """

            public static class Security
            {
                public static SecureSocketOptions For(MailSettings settings) => settings.Ssl ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.None;
            }

            public static class Sender
            {
                public static void Send(MailKit.Net.Smtp.SmtpClient client, MailSettings settings)
                {
                    client.Connect(settings.Host, 465, Security.For(settings));
                }
            }
            """;

        await VerifyOpportunistic.VerifyAnalyzerAsync(source);
        await VerifyNoTls.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task PortFromConfigurationWithStrictMode_NoDiagnostic()
    {
        var source = "using MailKit.Security;\n" + Settings + """


            public static class Sender
            {
                public static void Send(MailKit.Net.Smtp.SmtpClient client, MailSettings settings)
                {
                    client.Connect(settings.Host, settings.Port, SecureSocketOptions.SslOnConnect);
                    client.Connect(settings.Host, settings.Port, SecureSocketOptions.StartTls);
                    client.Connect(settings.Host, settings.Port, true);
                }
            }
            """;

        await VerifyOpportunistic.VerifyAnalyzerAsync(source);
        await VerifyNoTls.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task RuntimeUriWithConstantScheme_ReportsOpportunistic()
    {
        var source = "using System;\n" + Settings + """


            public static class Sender
            {
                public static void Send(MailKit.Net.Smtp.SmtpClient smtp, MailKit.Net.Imap.ImapClient imap, MailSettings settings)
                {
                    {|#0:smtp.Connect(new Uri("smtp://" + settings.Host))|};
                    {|#1:imap.Connect(new Uri($"imap://{settings.Host}:{settings.Port}"))|};
                    smtp.Connect(new Uri($"smtp://{settings.Host}:{settings.Port}/?starttls=always"));
                    imap.Connect(new Uri("imaps://" + settings.Host));
                }
            }
            """;

        await VerifyOpportunistic.VerifyAnalyzerAsync(
            source,
            VerifyOpportunistic.Diagnostic(DiagnosticIds.OpportunisticTls).WithLocation(0).WithArguments("SmtpClient.Connect with 'smtp://'", "a mail server", "'?starttls=always'"),
            VerifyOpportunistic.Diagnostic(DiagnosticIds.OpportunisticTls).WithLocation(1).WithArguments("ImapClient.Connect with 'imap://'", "a mail server", "'?starttls=always'"));
    }
}
