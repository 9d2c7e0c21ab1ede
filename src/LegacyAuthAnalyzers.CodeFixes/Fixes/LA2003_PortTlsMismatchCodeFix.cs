using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LegacyAuthAnalyzers.CodeFixes.Fixes;

[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LA2003_PortTlsMismatchCodeFix)), Shared]
public sealed class LA2003_PortTlsMismatchCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = "LA2003.MatchPortAndTls";

    private const string Title = "Use the port and TLS mode that work together";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.PortTlsMismatch);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override Task RegisterCodeFixesAsync(CodeFixContext context) => TransportFixes.RegisterAsync(context, Title, EquivalenceKey);
}
