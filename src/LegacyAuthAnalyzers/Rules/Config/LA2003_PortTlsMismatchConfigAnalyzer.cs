using LegacyAuthAnalyzers.Infrastructure;
using LegacyAuthAnalyzers.Infrastructure.Config;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LegacyAuthAnalyzers.Rules.Config;

/// <summary>
/// LA2003 in configuration files: <c>port="465"</c> for System.Net.Mail (it cannot do implicit TLS), a
/// <c>SecureSocketOptions</c> that does not fit the port beside it, and port 465 to Microsoft 365's SMTP host.
/// Boolean switches (<c>UseSsl</c>, <c>EnableSsl</c>) are left alone in appsettings: whether they mean implicit TLS
/// or STARTTLS depends on the library the app feeds them to.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LA2003_PortTlsMismatchConfigAnalyzer : DiagnosticAnalyzer
{
    private const int ImplicitSmtpPort = 465;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LA2003_PortTlsMismatch);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        ConfigFileAnalysis.Register(context, TestProjectFinding.ServerConnection, AnalyzeSection);
    }

    private static void AnalyzeSection(ConfigSectionContext context)
    {
        var section = context.Section;
        foreach (var port in section.All(ConfigRole.Port))
        {
            if (port.AsInt32 is not { } number || context.IsLocalHost(port) || section.HostFor(port) is { } host && MailHosts.IsPlaceholder(host))
            {
                continue;
            }

            if (section.Kind == MailConfigSectionKind.SystemNetMail)
            {
                if (number == ImplicitSmtpPort && section.DeliversOverNetwork)
                {
                    context.Report(
                        Descriptors.LA2003_PortTlsMismatch,
                        port.Span,
                        section.Describe(null),
                        "System.Net.Mail",
                        number,
                        "it only speaks STARTTLS and never implicit TLS, so the connection hangs until it times out",
                        "port 587 with enableSsl=\"true\"");
                }

                continue;
            }

            AnalyzeModeAndPort(context, section, port, number);
        }
    }

    private static void AnalyzeModeAndPort(ConfigSectionContext context, MailConfigSection section, ConfigSetting port, int number)
    {
        var mode = section.Pick(ConfigRole.SecureSocketOptions, port.Prefix)?.AsSecureSocketOptions;
        var isImplicitPort = number is 465 or 993 or 995;
        var isStartTlsPort = number is 25 or 587 or 143 or 110;
        if (mode == "SslOnConnect" && isStartTlsPort)
        {
            Report(context, port, number, "SecureSocketOptions.SslOnConnect", "implicit TLS on a STARTTLS port fails the TLS handshake", "SecureSocketOptions.StartTls");
        }
        else if (mode is "StartTls" or "StartTlsWhenAvailable" or "None" && isImplicitPort)
        {
            Report(context, port, number, "SecureSocketOptions." + mode, "the client waits for a plaintext greeting that an implicit-TLS port never sends", "SecureSocketOptions.SslOnConnect");
        }
        else if (number == ImplicitSmtpPort && section.HostFor(port) is { } host
            && host.StartsWith("smtp", StringComparison.Ordinal) && MailHosts.IsMicrosoft365(host, context.Options))
        {
            Report(context, port, number, "'" + host + "'", "Microsoft 365 does not accept SMTP there", "port 587 with STARTTLS");
        }
    }

    private static void Report(ConfigSectionContext context, ConfigSetting port, int number, string mode, string problem, string remedy) =>
        context.Report(Descriptors.LA2003_PortTlsMismatch, port.Span, context.Section.Describe(port), mode, number, problem, remedy);
}
