using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Text;

namespace LegacyAuthAnalyzers.CodeFixes.Fixes.OAuth;

/// <summary>
/// Finds the locals, fields and constants that held the secret (or the credential built from it) and that nothing
/// uses once the fixes are applied, so that they are deleted rather than left behind or moved. Works to a fixed
/// point: deleting a credential local can leave the password constant it was built from unused in turn.
/// </summary>
internal static class SecretRemoval
{
    public static async Task<Dictionary<DocumentId, List<SyntaxNode>>> FindAsync(
        Solution solution, IReadOnlyList<(DocumentAnalysis Analysis, IReadOnlyList<SitePlan> Plans)> work, CancellationToken cancellationToken)
    {
        var result = new Dictionary<DocumentId, List<SyntaxNode>>();
        if (work.Count == 0)
        {
            return result;
        }

        var compilation = work[0].Analysis.Model.Compilation;
        var removedSpans = new Dictionary<SyntaxTree, List<TextSpan>>();
        var kept = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var pending = new Queue<ISymbol>();
        var seen = new HashSet<ISymbol>(SymbolEqualityComparer.Default);

        foreach (var (analysis, plans) in work)
        {
            foreach (var plan in plans)
            {
                foreach (var node in plan.Removed)
                {
                    AddSpan(removedSpans, node);
                }
            }
        }

        foreach (var (analysis, plans) in work)
        {
            foreach (var plan in plans)
            {
                foreach (var node in plan.Copied)
                {
                    foreach (var symbol in ReferencedSymbols(node, analysis.Model.Compilation, cancellationToken))
                    {
                        kept.Add(symbol);
                    }
                }

                foreach (var node in plan.Removed)
                {
                    foreach (var symbol in ReferencedSymbols(node, analysis.Model.Compilation, cancellationToken))
                    {
                        if (seen.Add(symbol))
                        {
                            pending.Enqueue(symbol);
                        }
                    }
                }
            }
        }

        while (pending.Count > 0)
        {
            var symbol = pending.Dequeue();
            if (kept.Contains(symbol) || Declaration(symbol, cancellationToken) is not { } declaration)
            {
                continue;
            }

            if (!await AllReferencesRemovedAsync(symbol, declaration, solution, compilation, removedSpans, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            var document = solution.GetDocument(declaration.Node.SyntaxTree);
            if (document is null)
            {
                continue;
            }

            if (!result.TryGetValue(document.Id, out var list))
            {
                result[document.Id] = list = new List<SyntaxNode>();
            }

            list.Add(declaration.Removal);
            AddSpan(removedSpans, declaration.Removal);
            if (declaration.Value is not null)
            {
                var model = compilation.ContainsSyntaxTree(declaration.Value.SyntaxTree) ? compilation : null;
                foreach (var referenced in model is null ? Enumerable.Empty<ISymbol>() : ReferencedSymbols(declaration.Value, model, cancellationToken))
                {
                    if (seen.Add(referenced))
                    {
                        pending.Enqueue(referenced);
                    }
                }
            }
        }

        return result;
    }

    private static void AddSpan(Dictionary<SyntaxTree, List<TextSpan>> spans, SyntaxNode node)
    {
        if (!spans.TryGetValue(node.SyntaxTree, out var list))
        {
            spans[node.SyntaxTree] = list = new List<TextSpan>();
        }

        list.Add(node.FullSpan);
    }

    private static bool IsRemoved(Dictionary<SyntaxTree, List<TextSpan>> spans, SyntaxTree tree, TextSpan span) =>
        spans.TryGetValue(tree, out var list) && list.Any(s => s.Contains(span));

    /// <summary>Source locals, fields and properties referenced in <paramref name="node"/> (when it is a node of the compilation).</summary>
    private static IEnumerable<ISymbol> ReferencedSymbols(SyntaxNode node, Compilation compilation, CancellationToken cancellationToken)
    {
        if (!compilation.ContainsSyntaxTree(node.SyntaxTree))
        {
            yield break;
        }

        var model = compilation.GetSemanticModel(node.SyntaxTree);
        foreach (var identifier in node.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
        {
            var symbol = model.GetSymbolInfo(identifier, cancellationToken).Symbol;
            if (symbol is ILocalSymbol or IFieldSymbol or IPropertySymbol && symbol.Locations.Any(l => l.IsInSource))
            {
                yield return symbol.OriginalDefinition;
            }
        }
    }

    private sealed class DeclarationToRemove
    {
        public DeclarationToRemove(SyntaxNode node, SyntaxNode removal, SyntaxNode? value, SyntaxNode scope)
        {
            Node = node;
            Removal = removal;
            Value = value;
            Scope = scope;
        }

        /// <summary>The declarator or property.</summary>
        public SyntaxNode Node { get; }

        /// <summary>What to delete: the whole statement or member when it declares nothing else.</summary>
        public SyntaxNode Removal { get; }

        public SyntaxNode? Value { get; }

        /// <summary>Where references to a local can be.</summary>
        public SyntaxNode Scope { get; }
    }

    /// <summary>
    /// A declaration worth deleting: a local or field whose value is a constant or a side-effect-free expression, or a
    /// get-only property returning one. Settable properties stay: configuration binding may set them by reflection.
    /// </summary>
    private static DeclarationToRemove? Declaration(ISymbol symbol, CancellationToken cancellationToken)
    {
        if (symbol.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        var node = symbol.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
        switch (node)
        {
            case VariableDeclaratorSyntax { Initializer.Value: var value, Parent: VariableDeclarationSyntax declaration } declarator when IsPure(value):
                var single = declaration.Variables.Count == 1;
                return declaration.Parent switch
                {
                    LocalDeclarationStatementSyntax { UsingKeyword.RawKind: 0 } statement when symbol is ILocalSymbol =>
                        new DeclarationToRemove(declarator, single ? StatementOrGlobal(statement) : declarator, value, statement.Parent ?? statement),
                    FieldDeclarationSyntax field when symbol is IFieldSymbol =>
                        new DeclarationToRemove(declarator, single ? field : declarator, value, field),
                    _ => null,
                };
            case PropertyDeclarationSyntax property when symbol is IPropertySymbol { SetMethod: null }:
                var returned = property.ExpressionBody?.Expression ?? property.Initializer?.Value;
                return returned is not null && IsPure(returned) && property.AccessorList?.Accessors.All(a => a.Body is null && a.ExpressionBody is null) != false
                    ? new DeclarationToRemove(property, property, returned, property)
                    : null;
            default:
                return null;
        }
    }

    private static SyntaxNode StatementOrGlobal(StatementSyntax statement) => statement.Parent is GlobalStatementSyntax global ? global : statement;

    private static bool IsPure(ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax or IdentifierNameSyntax or ThisExpressionSyntax or PredefinedTypeSyntax => true,
        MemberAccessExpressionSyntax access => IsPure(access.Expression),
        ParenthesizedExpressionSyntax parenthesized => IsPure(parenthesized.Expression),
        CastExpressionSyntax cast => IsPure(cast.Expression),
        BinaryExpressionSyntax binary => IsPure(binary.Left) && IsPure(binary.Right),
        InterpolatedStringExpressionSyntax interpolated => interpolated.Contents.OfType<InterpolationSyntax>().All(i => IsPure(i.Expression)),
        ElementAccessExpressionSyntax element => IsPure(element.Expression) && element.ArgumentList.Arguments.All(a => IsPure(a.Expression)),
        BaseObjectCreationExpressionSyntax creation =>
            (creation.ArgumentList?.Arguments.All(a => IsPure(a.Expression)) ?? true)
            && (creation.Initializer?.Expressions.All(e => e is AssignmentExpressionSyntax assignment ? IsPure(assignment.Right) : IsPure(e)) ?? true),
        InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } } => true,
        _ => false,
    };

    private static async Task<bool> AllReferencesRemovedAsync(
        ISymbol symbol, DeclarationToRemove declaration, Solution solution, Compilation compilation, Dictionary<SyntaxTree, List<TextSpan>> removedSpans, CancellationToken cancellationToken)
    {
        if (symbol is ILocalSymbol)
        {
            var model = compilation.GetSemanticModel(declaration.Scope.SyntaxTree);
            foreach (var identifier in declaration.Scope.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (identifier.Identifier.ValueText == symbol.Name
                    && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, symbol)
                    && !IsRemoved(removedSpans, identifier.SyntaxTree, identifier.Span))
                {
                    return false;
                }
            }

            return true;
        }

        var references = await SymbolFinder.FindReferencesAsync(symbol, solution, cancellationToken).ConfigureAwait(false);
        foreach (var reference in references)
        {
            foreach (var location in reference.Locations)
            {
                var tree = location.Location.SourceTree;
                if (tree is null || !IsRemoved(removedSpans, tree, location.Location.SourceSpan))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
