using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LegacyAuthAnalyzers.CodeFixes.Fixes;

[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LA2005_LegacyTlsVersionCodeFix)), Shared]
public sealed class LA2005_LegacyTlsVersionCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = "LA2005.RemoveSslProtocols";

    private const string Title = "Remove the SslProtocols setting and let the operating system choose";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.LegacyTlsVersion);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is not null && AssignmentRemoval.Find(root, diagnostic.Location.SourceSpan) is not null)
            {
                var document = context.Document;
                var span = diagnostic.Location.SourceSpan;
                context.RegisterCodeFix(CodeAction.Create(Title, token => AssignmentRemoval.RemoveAsync(document, span, token), EquivalenceKey), diagnostic);
            }
        }
    }
}
