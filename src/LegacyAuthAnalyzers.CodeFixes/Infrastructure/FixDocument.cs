using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

namespace LegacyAuthAnalyzers.CodeFixes.Infrastructure;

/// <summary>Edits one fix at a time on a document, then tidies the document once: imports, simplification, formatting.</summary>
internal static class FixDocument
{
    /// <summary>Rewrites one target node, found by its annotation; returns the document unchanged when the shape is gone.</summary>
    public delegate Task<Document> ApplyOne(Document document, SyntaxAnnotation target, CancellationToken cancellationToken);

    /// <summary>
    /// A Fix All that applies the fixes of a document one after the other on fresh semantic models and tidies the
    /// document once at the end. The fixes add and remove using directives and members outside the diagnostic's
    /// span, which the batch fixer's merge of independent text changes would drop or duplicate.
    /// </summary>
    public static FixAllProvider CreateFixAll(Func<Diagnostic, bool> canFix, Func<Diagnostic, TextSpan> targetSpan, ApplyOne apply, Func<Document, CancellationToken, Task<Document>> finish) =>
        new FirstActionFixAll(CreateDocumentFixAll(canFix, targetSpan, apply, finish));

    /// <summary>The same, for a fixer that decides itself what a Fix All without an equivalence key does.</summary>
    public static FixAllProvider CreateDocumentFixAll(Func<Diagnostic, bool> canFix, Func<Diagnostic, TextSpan> targetSpan, ApplyOne apply, Func<Document, CancellationToken, Task<Document>> finish) =>
        FixAllProvider.Create(async (context, document, diagnostics) =>
        {
            var fixable = diagnostics.Where(canFix).ToImmutableArray();
            if (fixable.IsEmpty)
            {
                return document;
            }

            return await FixAsync(document, fixable, targetSpan, apply, finish, context.CancellationToken).ConfigureAwait(false);
        });

    public static async Task<Document> FixAsync(
        Document document, ImmutableArray<Diagnostic> diagnostics, Func<Diagnostic, TextSpan> targetSpan, ApplyOne apply, Func<Document, CancellationToken, Task<Document>> finish, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var targets = new Dictionary<SyntaxNode, SyntaxAnnotation>();
        foreach (var diagnostic in diagnostics)
        {
            var span = targetSpan(diagnostic);
            if (!root.FullSpan.Contains(span))
            {
                continue;
            }

            var node = root.FindNode(span, getInnermostNodeForTie: true);
            if (!targets.ContainsKey(node))
            {
                targets.Add(node, new SyntaxAnnotation());
            }
        }

        if (targets.Count == 0)
        {
            return document;
        }

        var current = document.WithSyntaxRoot(root.ReplaceNodes(targets.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(targets[original])));
        foreach (var annotation in targets.Values)
        {
            current = await apply(current, annotation, cancellationToken).ConfigureAwait(false);
        }

        return await finish(current, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Adds the imports the annotated qualified names need, shortens them where that is unambiguous, and formats. When
    /// a new import would make a name elsewhere in the document ambiguous (ADAL and MSAL share type names such as
    /// <c>TokenCache</c>), the import is left out and the new names stay qualified.
    /// </summary>
    public static async Task<Document> TidyAsync(Document document, CancellationToken cancellationToken)
    {
        var errorsBefore = await ErrorCountAsync(document, cancellationToken).ConfigureAwait(false);
        var imported = await ImportAdder.AddImportsAsync(document, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (await ErrorCountAsync(imported, cancellationToken).ConfigureAwait(false) <= errorsBefore)
        {
            document = imported;
        }

        document = await Simplifier.ReduceAsync(document, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await Formatter.FormatAsync(document, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> ErrorCountAsync(Document document, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        return model?.GetDiagnostics(cancellationToken: cancellationToken).Count(d => d.Severity == DiagnosticSeverity.Error) ?? 0;
    }

    /// <summary>
    /// Adds <c>using <paramref name="namespaceName"/>;</c> among the file's usings, System ones first, in order: for
    /// extension methods, which no qualified name can bring into scope.
    /// </summary>
    public static async Task<Document> AddImportAsync(Document document, string namespaceName, CancellationToken cancellationToken)
    {
        if (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not CompilationUnitSyntax unit
            || unit.Usings.Any(u => u.Name?.ToString() == namespaceName))
        {
            return document;
        }

        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(namespaceName)).WithTrailingTrivia(SyntaxFactory.EndOfLine(NewLineOf(unit)));
        var index = 0;
        while (index < unit.Usings.Count && CompareUsings(unit.Usings[index].Name?.ToString() ?? string.Empty, namespaceName) < 0)
        {
            index++;
        }

        return document.WithSyntaxRoot(unit.WithUsings(unit.Usings.Insert(index, directive)));
    }

    private static int CompareUsings(string left, string right)
    {
        var bySystem = IsSystem(left).CompareTo(IsSystem(right));
        return bySystem != 0 ? -bySystem : string.CompareOrdinal(left, right);
    }

    private static bool IsSystem(string name) => name == "System" || name.StartsWith("System.", StringComparison.Ordinal);

    /// <summary>
    /// Marks every <c>Namespace.Type</c> written under <paramref name="namespaceName"/> in <paramref name="node"/> so
    /// that <see cref="TidyAsync"/> imports the namespace and shortens the name, or keeps it qualified where the short
    /// name would be ambiguous (for example next to ADAL's types of the same name).
    /// </summary>
    public static TNode MarkForImport<TNode>(TNode node, string namespaceName)
        where TNode : SyntaxNode
    {
        var qualified = node.DescendantNodesAndSelf()
            .Where(n => n is MemberAccessExpressionSyntax access && access.Expression.ToString() == namespaceName
                || n is QualifiedNameSyntax name && name.Left.ToString() == namespaceName)
            .ToList();
        return node.ReplaceNodes(qualified, (_, rewritten) => rewritten.WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation));
    }

    /// <summary>The whitespace that indents the line <paramref name="node"/> starts on.</summary>
    public static string IndentationOf(SyntaxNode node)
    {
        var leading = node.GetLeadingTrivia();
        for (var i = leading.Count - 1; i >= 0; i--)
        {
            if (leading[i].IsKind(SyntaxKind.WhitespaceTrivia))
            {
                return i == 0 || leading[i - 1].IsKind(SyntaxKind.EndOfLineTrivia) ? leading[i].ToString() : string.Empty;
            }

            if (leading[i].IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return string.Empty;
            }
        }

        return string.Empty;
    }

    /// <summary>The whitespace that indents the line <paramref name="position"/> is on, wherever on the line it is.</summary>
    public static string LineIndentation(SourceText text, int position)
    {
        var line = text.Lines.GetLineFromPosition(position);
        var end = line.Start;
        while (end < line.End && text[end] is ' ' or '\t')
        {
            end++;
        }

        return text.ToString(TextSpan.FromBounds(line.Start, end));
    }

    /// <summary>The end-of-line sequence the document already uses.</summary>
    public static string NewLineOf(SyntaxNode root)
    {
        foreach (var trivia in root.DescendantTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return trivia.ToString();
            }
        }

        // A document without a line break has no convention to follow.
        return "\n";
    }

    /// <summary>
    /// <paramref name="baseName"/>, or it with the first free number appended, so the new local clashes with no name in
    /// scope at <paramref name="position"/> nor with any local or parameter declared in <paramref name="body"/>.
    /// </summary>
    public static string UniqueName(SemanticModel model, int position, SyntaxNode body, string baseName)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var symbol in model.LookupSymbols(position))
        {
            taken.Add(symbol.Name);
        }

        foreach (var node in body.DescendantNodesAndSelf())
        {
            switch (node)
            {
                case VariableDeclaratorSyntax declarator:
                    taken.Add(declarator.Identifier.ValueText);
                    break;
                case ParameterSyntax parameter:
                    taken.Add(parameter.Identifier.ValueText);
                    break;
                case SingleVariableDesignationSyntax designation:
                    taken.Add(designation.Identifier.ValueText);
                    break;
                case ForEachStatementSyntax forEach:
                    taken.Add(forEach.Identifier.ValueText);
                    break;
                case LocalFunctionStatementSyntax function:
                    taken.Add(function.Identifier.ValueText);
                    break;
            }
        }

        if (!taken.Contains(baseName))
        {
            return baseName;
        }

        for (var i = 2; ; i++)
        {
            var candidate = baseName + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }
    }

    /// <summary>
    /// The member that contains <paramref name="node"/> (method, constructor, accessor, property), or the compilation
    /// unit for top-level statements: the outermost scope whose names a new local must not repeat.
    /// </summary>
    public static SyntaxNode? MemberBody(SyntaxNode node)
    {
        foreach (var ancestor in node.AncestorsAndSelf())
        {
            switch (ancestor)
            {
                case BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or BasePropertyDeclarationSyntax:
                    return ancestor;
                case CompilationUnitSyntax unit:
                    return unit;
            }
        }

        return null;
    }
}
