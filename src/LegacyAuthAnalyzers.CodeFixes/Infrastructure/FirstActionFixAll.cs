using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LegacyAuthAnalyzers.CodeFixes.Infrastructure;

/// <summary>
/// A Fix All that also works when the caller picked no action. <c>dotnet format analyzers</c> asks only the first
/// finding of a rule for its actions and passes that action's equivalence key to Fix All, so a first finding without
/// a fix gives no key, and the standard providers then fix nothing at all. Here a missing key becomes the key of the
/// first action any finding of the scope offers: for fixers with one action per finding (LA2001-LA2005, LA4002) that
/// is every finding's own fix.
/// </summary>
internal sealed class FirstActionFixAll : FixAllProvider
{
    private readonly FixAllProvider inner;

    public FirstActionFixAll(FixAllProvider inner)
    {
        this.inner = inner;
    }

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => inner.GetSupportedFixAllScopes();

    public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
        if (fixAllContext.CodeActionEquivalenceKey is not null)
        {
            return await inner.GetFixAsync(fixAllContext).ConfigureAwait(false);
        }

        var key = await FirstOfferedKeyAsync(fixAllContext).ConfigureAwait(false);
        if (key is null)
        {
            return null;
        }

        var provider = new Forwarding(fixAllContext);
        var keyed = fixAllContext.Document is { } document
            ? new FixAllContext(document, fixAllContext.CodeFixProvider, fixAllContext.Scope, key, fixAllContext.DiagnosticIds, provider, fixAllContext.CancellationToken)
            : new FixAllContext(fixAllContext.Project, fixAllContext.CodeFixProvider, fixAllContext.Scope, key, fixAllContext.DiagnosticIds, provider, fixAllContext.CancellationToken);
        return await inner.GetFixAsync(keyed).ConfigureAwait(false);
    }

    /// <summary>The equivalence key of the first action that a finding of the scope offers, in document order.</summary>
    public static async Task<string?> FirstOfferedKeyAsync(FixAllContext context)
    {
        foreach (var document in Documents(context))
        {
            var diagnostics = await context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);
            foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
            {
                string? key = null;
                var offered = false;
                await context.CodeFixProvider.RegisterCodeFixesAsync(new CodeFixContext(
                    document,
                    diagnostic,
                    (action, _) =>
                    {
                        if (!offered)
                        {
                            offered = true;
                            key = action.EquivalenceKey;
                        }
                    },
                    context.CancellationToken)).ConfigureAwait(false);
                if (key is not null)
                {
                    return key;
                }
            }
        }

        return null;
    }

    /// <summary>The documents of the Fix All scope.</summary>
    public static IEnumerable<Document> Documents(FixAllContext context) => context.Scope switch
    {
        FixAllScope.Document when context.Document is not null => new[] { context.Document },
        FixAllScope.Project => context.Project.Documents,
        FixAllScope.Solution => context.Solution.Projects.SelectMany(p => p.Documents),
        _ => Array.Empty<Document>(),
    };

    /// <summary>The findings of the original context, unchanged.</summary>
    private sealed class Forwarding : FixAllContext.DiagnosticProvider
    {
        private readonly FixAllContext context;

        public Forwarding(FixAllContext context)
        {
            this.context = context;
        }

        public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            await context.GetAllDiagnosticsAsync(project).ConfigureAwait(false);

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            await context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);

        public override async Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            await context.GetProjectDiagnosticsAsync(project).ConfigureAwait(false);
    }
}
