using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace LegacyAuthAnalyzers.CodeFixes.Fixes.OAuth;

/// <summary>
/// Builds the code the fixes insert from C# text with named holes, so that the generated code reads like the text
/// and the user's own expressions go in untouched. Type names are written <c>global::</c>-qualified and reduced
/// (with a using directive where one is safe to add) when the code action is applied.
/// </summary>
internal static class SyntaxTemplates
{
    /// <summary>An expression from <paramref name="text"/>, where each identifier named as a hole is replaced by its node.</summary>
    public static ExpressionSyntax Expression(string text, params (string Name, SyntaxNode Node)[] holes) =>
        Fill(SyntaxFactory.ParseExpression(text), holes);

    public static StatementSyntax Statement(string text, params (string Name, SyntaxNode Node)[] holes) =>
        Fill(SyntaxFactory.ParseStatement(text), holes);

    /// <summary>A type or namespace name that is simplified on apply but never imported (it would be ambiguous).</summary>
    public static TypeSyntax QualifiedTypeWithoutImport(string globalName) =>
        SyntaxFactory.ParseTypeName(globalName).WithAdditionalAnnotations(Simplifier.Annotation);

    public static T WithIndentation<T>(T node, SyntaxTriviaList indentation, SyntaxTrivia newLine)
        where T : SyntaxNode =>
        node.WithLeadingTrivia(indentation).WithTrailingTrivia(newLine);

    private static T Fill<T>(T template, (string Name, SyntaxNode Node)[] holes)
        where T : SyntaxNode
    {
        var annotated = template.ReplaceNodes(
            template.DescendantNodesAndSelf().OfType<AliasQualifiedNameSyntax>().Select(TopmostName),
            static (_, rewritten) => rewritten.WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation));
        if (holes.Length == 0)
        {
            return annotated;
        }

        return annotated.ReplaceNodes(
            annotated.DescendantNodes().Where(n => n is IdentifierNameSyntax identifier && holes.Any(h => h.Name == identifier.Identifier.ValueText)),
            (original, _) =>
            {
                var hole = holes.First(h => h.Name == ((IdentifierNameSyntax)original).Identifier.ValueText);
                return hole.Node.WithoutTrivia().WithTriviaFrom(original);
            });
    }

    private static SyntaxNode TopmostName(AliasQualifiedNameSyntax name)
    {
        SyntaxNode current = name;
        while (current.Parent is QualifiedNameSyntax qualified && qualified.Left == current)
        {
            current = qualified;
        }

        // global::A.B.C in expression position parses as member accesses on an alias-qualified name.
        while (current.Parent is MemberAccessExpressionSyntax access && access.Expression == current && IsTypeLike(access))
        {
            current = access;
        }

        return current;
    }

    // Member accesses whose last name starts upper-case and that are not invoked: namespace and type names.
    private static bool IsTypeLike(MemberAccessExpressionSyntax access) =>
        access.Parent is MemberAccessExpressionSyntax or ObjectCreationExpressionSyntax or QualifiedNameSyntax
        && access.Name.Identifier.ValueText.Length > 0 && char.IsUpper(access.Name.Identifier.ValueText[0])
        && access.Parent is not InvocationExpressionSyntax;
}
