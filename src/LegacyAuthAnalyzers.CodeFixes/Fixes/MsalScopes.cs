using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LegacyAuthAnalyzers.CodeFixes.Fixes;

/// <summary>
/// The MSAL scope that stands for a whole v1 resource (<c>{resource}/.default</c>), as the ADAL (LA4002) and
/// username/password (LA4003) fixes write it.
/// </summary>
internal static class MsalScopes
{
    private const string DefaultSuffix = "/.default";

    /// <summary>The scope of a known resource, as a C# string literal.</summary>
    public static string DefaultScopeLiteral(string resource) => SyntaxFactory.Literal(resource + DefaultSuffix).Text;

    /// <summary>The scope of a resource expression: a literal is folded, anything else concatenated.</summary>
    public static string DefaultScopeOf(ExpressionSyntax resource)
    {
        if (resource is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
        {
            return DefaultScopeLiteral(literal.Token.ValueText);
        }

        var text = resource.WithoutTrivia().ToFullString();
        var needsParentheses = resource is not (IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax
            or ElementAccessExpressionSyntax or ParenthesizedExpressionSyntax or InterpolatedStringExpressionSyntax or LiteralExpressionSyntax)
            && !(resource is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AddExpression));
        return (needsParentheses ? "(" + text + ")" : text) + " + \"" + DefaultSuffix + "\"";
    }
}
