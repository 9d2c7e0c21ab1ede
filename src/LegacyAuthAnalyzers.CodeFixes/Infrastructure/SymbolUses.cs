using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Text;

namespace LegacyAuthAnalyzers.CodeFixes.Infrastructure;

/// <summary>
/// The one check every fixer makes before it deletes a declaration (a local, field, constant, property or parameter):
/// is the symbol used anywhere the fix does not rewrite? A local is looked up in its whole file, because top-level
/// statements share their locals with every local function and lambda of the program; any other symbol across the
/// solution, so that partial types in other files and other types reading an internal constant count too. When the
/// answer cannot be known, the symbol counts as used: keeping a declaration costs a warning, deleting a used one breaks
/// the build.
/// </summary>
internal static class SymbolUses
{
    /// <summary>
    /// True when every use of <paramref name="symbol"/> lies inside a span for which <paramref name="isRewritten"/> is
    /// true (the fix removes or replaces it), so that deleting the declaration leaves nothing unresolved.
    /// </summary>
    public static async Task<bool> OnlyWithinAsync(ISymbol symbol, Solution solution, Func<SyntaxTree, TextSpan, bool> isRewritten, CancellationToken cancellationToken)
    {
        var uses = await FindAsync(symbol, solution, cancellationToken).ConfigureAwait(false);
        return uses is not null && uses.All(use => isRewritten(use.Tree, use.Span));
    }

    /// <summary>Every use of the symbol, its declarations aside; null when they cannot all be found.</summary>
    public static async Task<IReadOnlyList<(SyntaxTree Tree, TextSpan Span)>?> FindAsync(ISymbol symbol, Solution solution, CancellationToken cancellationToken)
    {
        symbol = symbol.OriginalDefinition;
        if (symbol.DeclaringSyntaxReferences.Length == 0)
        {
            return null;
        }

        if (symbol is ILocalSymbol or IRangeVariableSymbol)
        {
            return await FindInFileAsync(symbol, solution, cancellationToken).ConfigureAwait(false);
        }

        var uses = new List<(SyntaxTree, TextSpan)>();
        var references = await SymbolFinder.FindReferencesAsync(symbol, solution, cancellationToken).ConfigureAwait(false);
        foreach (var reference in references)
        {
            foreach (var location in reference.Locations)
            {
                if (location.Location.SourceTree is not { } tree)
                {
                    return null;
                }

                uses.Add((tree, location.Location.SourceSpan));
            }
        }

        return uses;
    }

    private static async Task<IReadOnlyList<(SyntaxTree, TextSpan)>?> FindInFileAsync(ISymbol symbol, Solution solution, CancellationToken cancellationToken)
    {
        var tree = symbol.DeclaringSyntaxReferences[0].SyntaxTree;
        var document = solution.GetDocument(tree);
        var model = document is null ? null : await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model is null)
        {
            return null;
        }

        var root = await tree.GetRootAsync(cancellationToken).ConfigureAwait(false);
        var uses = new List<(SyntaxTree, TextSpan)>();
        foreach (var name in root.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (name.Identifier.ValueText != symbol.Name)
            {
                continue;
            }

            var info = model.GetSymbolInfo(name, cancellationToken);
            if (SymbolEqualityComparer.Default.Equals(info.Symbol?.OriginalDefinition, symbol)
                || info.CandidateSymbols.Any(c => SymbolEqualityComparer.Default.Equals(c.OriginalDefinition, symbol)))
            {
                uses.Add((tree, name.Span));
            }
        }

        return uses;
    }
}
