using System.Composition;
using System.Threading.Tasks;
using LegacyAuthAnalyzers.CodeFixes.Fixes.Transport;
using LegacyAuthAnalyzers.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LegacyAuthAnalyzers.CodeFixes.Fixes;

[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LA2003_PortTlsMismatchCodeFix)), Shared]
public sealed class LA2003_PortTlsMismatchCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = "LA2003.MatchPortAndTls";

    private const string Title = "Use the port and TLS mode that work together";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.PortTlsMismatch);

    private static readonly FixAllProvider FixAll = new FirstActionFixAll(WellKnownFixAllProviders.BatchFixer);

    public override FixAllProvider GetFixAllProvider() => FixAll;

    public override Task RegisterCodeFixesAsync(CodeFixContext context) => TransportFixes.RegisterAsync(context, Title, EquivalenceKey);
}
