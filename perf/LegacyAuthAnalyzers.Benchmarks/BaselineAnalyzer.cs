using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LegacyAuthAnalyzers.Benchmarks;

/// <summary>
/// The floor for comparison (<c>--baseline</c>): registers on the operation kinds the credential rules use and does
/// nothing, so its time is what the driver charges for invoking a callback at all.
/// </summary>
#pragma warning disable RS1001 // Not exported: the benchmark creates it directly.
internal sealed class BaselineAnalyzer : DiagnosticAnalyzer
#pragma warning restore RS1001
{
#pragma warning disable RS2008 // Never reported, so never released.
    private static readonly DiagnosticDescriptor Rule = new("BASELINE", "Baseline", "Baseline", "Performance", DiagnosticSeverity.Hidden, isEnabledByDefault: true);
#pragma warning restore RS2008

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(static start => start.RegisterOperationAction(
            static _ => { },
            OperationKind.Invocation,
            OperationKind.ObjectCreation,
            OperationKind.SimpleAssignment));
    }
}
