using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace LegacyAuthAnalyzers.CodeFixes.Infrastructure;

/// <summary>Statement edits that keep comments and work for blocks and top-level programs alike.</summary>
internal static class Statements
{
    /// <summary>The node that sits in the statement list: the statement, or its global statement in a top-level program.</summary>
    public static SyntaxNode Container(StatementSyntax statement) =>
        statement.Parent is GlobalStatementSyntax global ? global : statement;

    /// <summary>The new statement in the form the list of <paramref name="existing"/> holds.</summary>
    public static SyntaxNode Wrap(StatementSyntax existing, StatementSyntax statement) =>
        existing.Parent is GlobalStatementSyntax ? SyntaxFactory.GlobalStatement(statement) : statement;

    /// <summary>Removes a statement; comments written above it move to the statement that follows.</summary>
    public static void Remove(SyntaxEditor editor, StatementSyntax statement)
    {
        var container = Container(statement);
        var leading = container.GetLeadingTrivia();
        var hasComments = leading.Any(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia));
        var next = NextSibling(container);
        if (hasComments && next is not null)
        {
            var kept = leading.Reverse().SkipWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).Reverse();
            editor.ReplaceNode(next, (current, _) => current.WithLeadingTrivia(kept.Concat(current.GetLeadingTrivia())));
        }

        editor.RemoveNode(container, SyntaxRemoveOptions.KeepUnbalancedDirectives);
    }

    private static SyntaxNode? NextSibling(SyntaxNode node)
    {
        var found = false;
        foreach (var sibling in node.Parent?.ChildNodes() ?? Enumerable.Empty<SyntaxNode>())
        {
            if (found && sibling is StatementSyntax or GlobalStatementSyntax)
            {
                return sibling;
            }

            found |= sibling == node;
        }

        return null;
    }
}
