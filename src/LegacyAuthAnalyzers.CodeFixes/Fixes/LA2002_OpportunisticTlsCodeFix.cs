using System.Composition;
using System.Threading.Tasks;
using LegacyAuthAnalyzers.CodeFixes.Fixes.Transport;
using LegacyAuthAnalyzers.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LegacyAuthAnalyzers.CodeFixes.Fixes;

[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LA2002_OpportunisticTlsCodeFix)), Shared]
public sealed class LA2002_OpportunisticTlsCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = "LA2002.RequireTls";

    private const string Title = "Require TLS instead of opportunistic STARTTLS";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.OpportunisticTls);

    private static readonly FixAllProvider FixAll = new FirstActionFixAll(WellKnownFixAllProviders.BatchFixer);

    public override FixAllProvider GetFixAllProvider() => FixAll;

    public override Task RegisterCodeFixesAsync(CodeFixContext context) => TransportFixes.RegisterAsync(context, Title, EquivalenceKey);
}
