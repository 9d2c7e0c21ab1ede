using LegacyAuthAnalyzers.Infrastructure;
using LegacyAuthAnalyzers.Infrastructure.Config;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LegacyAuthAnalyzers.Rules.Config;

/// <summary>
/// LA2002 in configuration files: <c>"SecureSocketOptions": "Auto"</c> or <c>"StartTlsWhenAvailable"</c> where the
/// port beside it is not the implicit-TLS port (the same <see cref="TransportPolicy"/> as code), and
/// <c>"UseSsl": false</c> or <c>"EnableSsl": false</c> in a project where MailKit alone reads them, since MailKit's
/// <c>useSsl: false</c> is STARTTLS when the server offers it. Each to a known host that is not a local test server.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LA2002_OpportunisticTlsConfigAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LA2002_OpportunisticTls);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        ConfigFileAnalysis.Register(context, TestProjectFinding.ServerConnection, AnalyzeSection);
    }

    private static void AnalyzeSection(ConfigSectionContext context)
    {
        var section = context.Section;
        if (section.Kind == MailConfigSectionKind.SystemNetMail)
        {
            // System.Net.Mail has no opportunistic mode: enableSsl requires STARTTLS.
            return;
        }

        foreach (var options in section.All(ConfigRole.SecureSocketOptions))
        {
            if (context.AssessMode(options).Issue == TransportIssue.OpportunisticTls)
            {
                context.ReportForRemoteHost(Descriptors.LA2002_OpportunisticTls, options, section.Describe(options), MailPorts.Name(TlsMode.StartTls));
            }
        }

        if (context.Reader != SettingReader.MailKit)
        {
            return;
        }

        foreach (var tls in section.All(ConfigRole.TlsSwitch))
        {
            var port = section.Pick(ConfigRole.Port, tls.Prefix)?.AsInt32;
            if (tls.AsBoolean == false && section.Pick(ConfigRole.SecureSocketOptions, tls.Prefix) is null
                && TransportPolicy.Assess(section.Protocol(tls), section.HostFor(tls), port, TlsMode.StartTlsWhenAvailable).Issue == TransportIssue.OpportunisticTls)
            {
                context.ReportForRemoteHost(Descriptors.LA2002_OpportunisticTls, tls, section.Describe(tls) + " (MailKit's useSsl: false)", MailPorts.Name(TlsMode.StartTls));
            }
        }
    }
}
