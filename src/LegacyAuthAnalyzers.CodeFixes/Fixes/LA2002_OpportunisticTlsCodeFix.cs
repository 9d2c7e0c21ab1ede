using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LegacyAuthAnalyzers.CodeFixes.Fixes;

[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LA2002_OpportunisticTlsCodeFix)), Shared]
public sealed class LA2002_OpportunisticTlsCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = "LA2002.RequireTls";

    private const string Title = "Require TLS instead of opportunistic STARTTLS";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.OpportunisticTls);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            var plan = await TransportFixes.PlanAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false);
            if (plan is not null)
            {
                context.RegisterCodeFix(CodeAction.Create(Title, plan, EquivalenceKey), diagnostic);
            }
        }
    }
}
