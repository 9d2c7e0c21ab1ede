using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LegacyAuthAnalyzers.Rules;

/// <summary>
/// LA4001: an EWS Managed API <c>ExchangeService</c> whose <c>Url</c> is an Exchange Online endpoint. EWS is being
/// switched off there; the migration target is Microsoft Graph, which no local rewrite can reach, so there is no fix.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
[NoCodeFix("moving from EWS to Microsoft Graph is a redesign; see the page")]
public sealed class LA4001_EwsToExchangeOnlineAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LA4001_EwsToExchangeOnline);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();

        // Generated proxies and settings classes talk to EWS just the same.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(static start =>
        {
            if (!TestProjects.Reports(start.Compilation, start.Options, TestProjectFinding.Migration))
            {
                return;
            }

            var types = KnownTypes.For(start.Compilation);
            var exchangeService = types.Get(KnownType.Microsoft_Exchange_WebServices_Data_ExchangeService);
            if (exchangeService is null)
            {
                return;
            }

            start.RegisterOperationAction(context => AnalyzeAssignment(context, exchangeService), OperationKind.SimpleAssignment);
        });
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, INamedTypeSymbol exchangeService)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property.Name: "Url" } target
            || !SymbolEqualityComparer.Default.Equals(target.Property.ContainingType?.OriginalDefinition, exchangeService))
        {
            return;
        }

        var host = MailHosts.Normalize(ConstantUrls.Resolve(assignment.Value, context.CancellationToken));
        if (host is null || !MailHosts.IsMicrosoft365(host, LegacyAuthOptions.For(context.Options, assignment.Syntax.SyntaxTree)))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.LA4001_EwsToExchangeOnline, assignment.Syntax.GetLocation(), host));
    }
}
