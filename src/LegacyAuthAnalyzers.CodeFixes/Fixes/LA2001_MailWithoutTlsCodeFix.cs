using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LegacyAuthAnalyzers.CodeFixes.Fixes;

[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LA2001_MailWithoutTlsCodeFix)), Shared]
public sealed class LA2001_MailWithoutTlsCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = "LA2001.RequireTls";

    private const string Title = "Require TLS";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.MailWithoutTls);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override Task RegisterCodeFixesAsync(CodeFixContext context) => TransportFixes.RegisterAsync(context, Title, EquivalenceKey);
}
