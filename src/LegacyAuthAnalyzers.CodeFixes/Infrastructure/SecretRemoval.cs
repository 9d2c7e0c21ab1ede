using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Text;

namespace LegacyAuthAnalyzers.CodeFixes.Infrastructure;

/// <summary>
/// Finds the locals, fields and constants that held the secret (or the credential built from it) and that nothing
/// uses once the fixes are applied, so that they are deleted rather than left behind or moved. Works to a fixed
/// point: deleting a credential local can leave the password constant it was built from unused in turn.
/// </summary>
internal static class SecretRemoval
{
    /// <summary>
    /// The declarations to delete, by document: those read only inside <paramref name="removed"/> (original nodes the
    /// fixes delete or replace) and not inside <paramref name="copied"/> (original nodes that reappear in the fixed code).
    /// </summary>
    public static async Task<Dictionary<DocumentId, List<SyntaxNode>>> FindAsync(
        Solution solution, IReadOnlyCollection<SyntaxNode> removed, IReadOnlyCollection<SyntaxNode> copied, CancellationToken cancellationToken)
    {
        var result = new Dictionary<DocumentId, List<SyntaxNode>>();
        var removedSpans = new Dictionary<SyntaxTree, List<TextSpan>>();
        var kept = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var pending = new Queue<ISymbol>();
        var seen = new HashSet<ISymbol>(SymbolEqualityComparer.Default);

        foreach (var node in removed)
        {
            AddSpan(removedSpans, node);
        }

        foreach (var node in copied)
        {
            foreach (var symbol in await ReferencedSymbolsAsync(node, solution, cancellationToken).ConfigureAwait(false))
            {
                kept.Add(symbol);
            }
        }

        foreach (var node in removed)
        {
            foreach (var symbol in await ReferencedSymbolsAsync(node, solution, cancellationToken).ConfigureAwait(false))
            {
                if (seen.Add(symbol))
                {
                    pending.Enqueue(symbol);
                }
            }
        }

        while (pending.Count > 0)
        {
            var symbol = pending.Dequeue();
            if (kept.Contains(symbol) || Declaration(symbol, cancellationToken) is not { } declaration
                || IsRemoved(removedSpans, declaration.Removal.SyntaxTree, declaration.Removal.Span)
                || await ConstructorWritesAsync(symbol, solution, removedSpans, cancellationToken).ConfigureAwait(false) is not { } writes
                || solution.GetDocument(declaration.Removal.SyntaxTree) is null)
            {
                continue;
            }

            // The declaration goes with the constructor statements that only stored a value in it.
            foreach (var removal in writes.Cast<SyntaxNode>().Prepend(declaration.Removal))
            {
                if (solution.GetDocument(removal.SyntaxTree) is not { } document)
                {
                    continue;
                }

                if (!result.TryGetValue(document.Id, out var list))
                {
                    result[document.Id] = list = new List<SyntaxNode>();
                }

                list.Add(removal);
                AddSpan(removedSpans, removal);
            }

            foreach (var value in writes.Select(w => (SyntaxNode)((AssignmentExpressionSyntax)w.Expression).Right).Prepend(declaration.Value))
            {
                if (value is null)
                {
                    continue;
                }

                foreach (var referenced in await ReferencedSymbolsAsync(value, solution, cancellationToken).ConfigureAwait(false))
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

    /// <summary>
    /// When every use of <paramref name="symbol"/> outside the removed code is a constructor statement of a private
    /// field's own type that stores a side-effect-free value in it (<c>_password = password;</c>), those statements;
    /// an empty list when all uses are removed; null when anything else still uses it.
    /// </summary>
    private static async Task<List<ExpressionStatementSyntax>?> ConstructorWritesAsync(
        ISymbol symbol, Solution solution, Dictionary<SyntaxTree, List<TextSpan>> removedSpans, CancellationToken cancellationToken)
    {
        var uses = await SymbolUses.FindAsync(symbol, solution, cancellationToken).ConfigureAwait(false);
        if (uses is null)
        {
            return null;
        }

        var writes = new List<ExpressionStatementSyntax>();
        foreach (var (tree, span) in uses)
        {
            if (IsRemoved(removedSpans, tree, span))
            {
                continue;
            }

            if (symbol is not IFieldSymbol { DeclaredAccessibility: Accessibility.Private }
                || ConstructorWrite((await tree.GetRootAsync(cancellationToken).ConfigureAwait(false)).FindNode(span, getInnermostNodeForTie: true)) is not { } statement)
            {
                return null;
            }

            writes.Add(statement);
        }

        return writes;
    }

    /// <summary>The statement <c>name = value;</c> or <c>this.name = value;</c> of a constructor body, with a side-effect-free value.</summary>
    private static ExpressionStatementSyntax? ConstructorWrite(SyntaxNode name)
    {
        var written = name.Parent is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } access && access.Name == name ? access : name;
        return written.Parent is AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } assignment
            && assignment.Left == written
            && IsPure(assignment.Right)
            && assignment.Parent is ExpressionStatementSyntax { Parent: BlockSyntax { Parent: ConstructorDeclarationSyntax } } statement
                ? statement
                : null;
    }

    /// <summary>Deletes the declarations <see cref="FindAsync"/> found in the document <paramref name="editor"/> edits.</summary>
    public static void Apply(SyntaxEditor editor, Dictionary<DocumentId, List<SyntaxNode>> removals, DocumentId documentId)
    {
        if (removals.TryGetValue(documentId, out var declarations))
        {
            Remove(editor, declarations);
        }
    }

    /// <summary>
    /// Deletes the declarations <see cref="FindAsync"/> found in the editor's document; comments above a statement stay,
    /// and the blank lines around them keep the code above and below separated as it was.
    /// </summary>
    public static void Remove(SyntaxEditor editor, IEnumerable<SyntaxNode> declarations)
    {
        Statements.RemoveAll(editor, declarations.ToList());
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

    /// <summary>Source locals, fields and properties referenced in <paramref name="node"/>.</summary>
    private static async Task<IReadOnlyList<ISymbol>> ReferencedSymbolsAsync(SyntaxNode node, Solution solution, CancellationToken cancellationToken)
    {
        var symbols = new List<ISymbol>();
        var document = solution.GetDocument(node.SyntaxTree);
        var model = document is null ? null : await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model is null)
        {
            return symbols;
        }

        foreach (var identifier in node.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
        {
            var symbol = model.GetSymbolInfo(identifier, cancellationToken).Symbol;
            if (symbol is ILocalSymbol or IFieldSymbol or IPropertySymbol && symbol.Locations.Any(l => l.IsInSource))
            {
                symbols.Add(symbol.OriginalDefinition);
            }
        }

        return symbols;
    }

    private sealed class DeclarationToRemove
    {
        public DeclarationToRemove(SyntaxNode node, SyntaxNode removal, SyntaxNode? value)
        {
            Node = node;
            Removal = removal;
            Value = value;
        }

        /// <summary>The declarator or property.</summary>
        public SyntaxNode Node { get; }

        /// <summary>What to delete: the whole statement or member when it declares nothing else.</summary>
        public SyntaxNode Removal { get; }

        public SyntaxNode? Value { get; }
    }

    /// <summary>
    /// A declaration worth deleting: a local or field whose value is a constant or a side-effect-free expression (or a
    /// private field without one, which its constructors may fill with such values), or a
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
                        new DeclarationToRemove(declarator, single ? StatementOrGlobal(statement) : declarator, value),
                    FieldDeclarationSyntax field when symbol is IFieldSymbol =>
                        new DeclarationToRemove(declarator, single ? field : declarator, value),
                    _ => null,
                };
            case VariableDeclaratorSyntax { Initializer: null, Parent: VariableDeclarationSyntax { Parent: FieldDeclarationSyntax field } declaration } declarator
                when symbol is IFieldSymbol { DeclaredAccessibility: Accessibility.Private }:
                // A field the constructor fills: its writes are found with its uses.
                return new DeclarationToRemove(declarator, declaration.Variables.Count == 1 ? field : declarator, null);
            case PropertyDeclarationSyntax property when symbol is IPropertySymbol { SetMethod: null }:
                var returned = property.ExpressionBody?.Expression ?? property.Initializer?.Value;
                return returned is not null && IsPure(returned) && property.AccessorList?.Accessors.All(a => a.Body is null && a.ExpressionBody is null) != false
                    ? new DeclarationToRemove(property, property, returned)
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
}
