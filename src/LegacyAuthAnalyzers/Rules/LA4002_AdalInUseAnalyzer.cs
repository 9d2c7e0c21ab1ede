using LegacyAuthAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LegacyAuthAnalyzers.Rules;

/// <summary>LA4002: ADAL's <c>AuthenticationContext</c> is created; ADAL has been out of support since June 2023.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LA4002_AdalInUseAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LA4002_AdalInUse);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();

        // A token helper in generated code is still an unsupported library at run time.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(static start =>
        {
            if (!TestProjects.Reports(start.Compilation, start.Options, TestProjectFinding.Migration))
            {
                return;
            }

            var authenticationContext = KnownTypes.For(start.Compilation).Get(KnownType.Microsoft_IdentityModel_Clients_ActiveDirectory_AuthenticationContext);
            if (authenticationContext is null)
            {
                return;
            }

            start.RegisterOperationAction(
                context =>
                {
                    if (SymbolEqualityComparer.Default.Equals(((IObjectCreationOperation)context.Operation).Type, authenticationContext))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(Descriptors.LA4002_AdalInUse, context.Operation.Syntax.GetLocation()));
                    }
                },
                OperationKind.ObjectCreation);
        });
    }
}
