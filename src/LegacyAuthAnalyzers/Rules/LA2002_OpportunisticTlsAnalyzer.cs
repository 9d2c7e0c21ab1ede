using Microsoft.CodeAnalysis.Diagnostics;

namespace LegacyAuthAnalyzers.Rules;

/// <summary>
/// LA2002: MailKit connections that fall back to plaintext when STARTTLS is not offered: <c>StartTlsWhenAvailable</c>,
/// <c>Auto</c> (given or by default) on a constant port that is not an implicit-TLS port, <c>useSsl: false</c>, and
/// <c>smtp://</c>/<c>imap://</c>/<c>pop://</c> URIs without <c>starttls=always</c>. System.Net.Mail has no
/// opportunistic mode: its <c>EnableSsl</c> requires STARTTLS.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LA2002_OpportunisticTlsAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LA2002_OpportunisticTls);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();

        // Generated clients and scaffolded mail senders can be downgraded just the same.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            if (!TestProjects.Reports(start.Compilation, start.Options, TestProjectFinding.ServerConnection))
            {
                return;
            }

            var types = KnownTypes.For(start.Compilation);
            if (types.HasMailKit)
            {
                MailKitTransportAnalysis.Register(start, types, TransportIssue.OpportunisticTls, Report);
            }
        });
    }

    private static void Report(OperationAnalysisContext context, MailKitConnection connection, TransportAssessment assessment) =>
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.LA2002_OpportunisticTls,
            connection.Operation.Syntax.GetLocation(),
            connection.SettingLocations,
            TransportProperties.For(assessment),
            connection.Api + " with " + connection.SettingDisplay,
            connection.HostDisplay,
            connection.RemedyDisplay(assessment.FixMode)));
}
