using LegacyAuthAnalyzers.Infrastructure;
using LegacyAuthAnalyzers.Infrastructure.Config;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LegacyAuthAnalyzers.Rules.Config;

/// <summary>
/// LA2003 in configuration files: <c>port="465"</c> for System.Net.Mail (it cannot do implicit TLS), a
/// <c>SecureSocketOptions</c> that does not fit the port beside it, and port 465 to Microsoft's SMTP hosts, decided by
/// <see cref="TransportPolicy"/> exactly as for code. Boolean switches (<c>UseSsl</c>, <c>EnableSsl</c>) are left
/// alone here: whether they mean implicit TLS or STARTTLS depends on the library the app feeds them to.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LA2003_PortTlsMismatchConfigAnalyzer : DiagnosticAnalyzer
{
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
                var smtp = TransportPolicy.AssessSystemNetMail(section.HostFor(port), number, enableSsl: null);
                if (smtp.Issue == TransportIssue.PortMismatch && section.DeliversOverNetwork)
                {
                    context.Report(Descriptors.LA2003_PortTlsMismatch, port.Span, section.Describe(null), "System.Net.Mail", number, smtp.Consequence, "port 587 with enableSsl=\"true\"");
                }

                continue;
            }

            // The same policy as MailKit code: the mode beside the port, or none when only the port is written.
            var mode = section.Pick(ConfigRole.SecureSocketOptions, port.Prefix)?.AsTlsMode ?? TlsMode.Unknown;
            var assessment = context.Assess(port, mode);
            if (assessment.Issue != TransportIssue.PortMismatch)
            {
                continue;
            }

            var written = assessment.FixPort is not null ? "'" + section.HostFor(port) + "'" : MailPorts.Name(mode);
            var remedy = assessment.FixPort is { } fixPort
                ? "port " + fixPort.ToString(System.Globalization.CultureInfo.InvariantCulture) + " with STARTTLS"
                : MailPorts.Name(assessment.FixMode);
            context.Report(Descriptors.LA2003_PortTlsMismatch, port.Span, section.Describe(port), written, number, assessment.Consequence, remedy);
        }
    }
}
