using System.Threading.Tasks;
using LegacyAuthAnalyzers.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LegacyAuthAnalyzers.CodeFixes.Fixes.OAuth;

/// <summary>
/// Fix All for the credential fixes. The batch fixer merges independent per-diagnostic solutions, which would add the
/// token provider once per finding and miss the constants that only become unused once every site is fixed; this
/// provider collects the findings of the scope and applies them in one pass instead.
/// </summary>
internal sealed class CredentialFixAllProvider : FixAllProvider
{
    private readonly CredentialFixKeys keys;

    public CredentialFixAllProvider(CredentialFixKeys keys)
    {
        this.keys = keys;
    }

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() =>
        new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

    public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
        // No key: the caller picked no action, as dotnet format does when the first finding it looks at has no fix (a
        // known third-party server); every finding then gets its own first action instead of none getting any.
        var key = fixAllContext.CodeActionEquivalenceKey;
        var kind = keys.Kind(key);
        if (kind is null && key is not null)
        {
            return null;
        }

        var work = new List<(DocumentId, ImmutableArray<Diagnostic>)>();
        foreach (var document in FirstActionFixAll.Documents(fixAllContext))
        {
            var diagnostics = await fixAllContext.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);
            if (!diagnostics.IsEmpty)
            {
                work.Add((document.Id, diagnostics));
            }
        }

        if (work.Count == 0)
        {
            return null;
        }

        // Worked out now rather than when applied: in bulk a site whose host is not known to be Microsoft's gets no OAuth
        // action, and a Fix All that would change nothing is not offered at all.
        var solution = fixAllContext.Solution;
        var fixedSolution = await CredentialFixes.FixAsync(solution, work, keys, kind, bulk: true, fixAllContext.CancellationToken).ConfigureAwait(false);
        if (fixedSolution == solution)
        {
            return null;
        }

        return CodeAction.Create(
            "Fix all: " + kind switch
            {
                CredentialFixKind.ReadFromEnvironment => "read the passwords from environment variables",
                null => "apply the first fix of each finding",
                _ => "move to OAuth 2.0 with MSAL",
            },
            _ => Task.FromResult(fixedSolution),
            key);
    }
}
