using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace LegacyAuthAnalyzers.CodeFixes.Infrastructure;

/// <summary>
/// Statement and member edits that keep comments and the blank lines around them, for blocks, types and top-level
/// programs alike: a removal leaves the code above and below separated as the author separated it, and no blank line
/// right after an opening brace.
/// </summary>
internal static class Statements
{
    /// <summary>The node that sits in the statement list: the statement, or its global statement in a top-level program.</summary>
    public static SyntaxNode Container(StatementSyntax statement) =>
        statement.Parent is GlobalStatementSyntax global ? global : statement;

    /// <summary>The new statement in the form the list of <paramref name="existing"/> holds.</summary>
    public static SyntaxNode Wrap(StatementSyntax existing, StatementSyntax statement) =>
        existing.Parent is GlobalStatementSyntax ? SyntaxFactory.GlobalStatement(statement) : statement;

    /// <summary>Removes a statement; comments written above it move to the statement that follows.</summary>
    public static void Remove(SyntaxEditor editor, StatementSyntax statement) =>
        RemoveRun(editor, new[] { Container(statement) });

    /// <summary>
    /// Removes statements, global statements and member declarations on lines of their own (anything else, such as one
    /// declarator of several, is removed as a node). <paramref name="nodes"/> are removed together: each run of
    /// adjacent ones goes as one block, so the blank-line logic looks past the ones that go and runs once per block.
    /// </summary>
    public static void RemoveAll(SyntaxEditor editor, IReadOnlyCollection<SyntaxNode> nodes)
    {
        var containers = nodes.Select(n => n is StatementSyntax statement ? Container(statement) : n).ToImmutableHashSet();
        foreach (var node in containers)
        {
            if (node is not (StatementSyntax or MemberDeclarationSyntax))
            {
                editor.RemoveNode(node, SyntaxRemoveOptions.KeepUnbalancedDirectives);
            }
            else if (FirstOfGroup(node, containers) == node)
            {
                RemoveRun(editor, Run(node, containers));
            }
        }
    }

    /// <summary>
    /// Removes adjacent siblings. Comments written above any of them move, in order, to the sibling that follows the
    /// run; the run's separation from the code above stays, and no blank line is left right after an opening brace.
    /// </summary>
    private static void RemoveRun(SyntaxEditor editor, IReadOnlyList<SyntaxNode> run)
    {
        var first = run[0];
        var next = NextSibling(run[run.Count - 1]);
        if (next is not null)
        {
            var moved = new List<SyntaxTrivia>();
            foreach (var node in run)
            {
                var leading = node.GetLeadingTrivia();
                if (leading.Any(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia)))
                {
                    // The comment stays with the code: it may explain more than the removed line.
                    moved.AddRange(leading.Reverse().SkipWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).Reverse());
                }
            }

            var afterOpeningBrace = first.GetFirstToken().GetPreviousToken().IsKind(SyntaxKind.OpenBraceToken);
            var gapAbove = StartsWithBlankLine(first.GetLeadingTrivia());
            editor.ReplaceNode(next, (current, _) =>
            {
                var trivia = moved.Concat(current.GetLeadingTrivia()).ToList();
                if (afterOpeningBrace)
                {
                    trivia = WithoutLeadingBlankLines(trivia);
                }
                else if (gapAbove && !StartsWithBlankLine(trivia))
                {
                    // The removed lines were the first of a group: the group keeps its separation from the code above.
                    trivia.Insert(0, SyntaxFactory.EndOfLine(FixDocument.NewLineOf(first.SyntaxTree.GetRoot())));
                }

                return current.WithLeadingTrivia(trivia);
            });
        }

        foreach (var node in run)
        {
            editor.RemoveNode(node, SyntaxRemoveOptions.KeepUnbalancedDirectives);
        }
    }

    /// <summary><paramref name="first"/> and the removed siblings right after it.</summary>
    private static List<SyntaxNode> Run(SyntaxNode first, ImmutableHashSet<SyntaxNode> removedTogether)
    {
        var run = new List<SyntaxNode>();
        var started = false;
        foreach (var sibling in Siblings(first))
        {
            if (sibling == first)
            {
                started = true;
            }
            else if (started && !removedTogether.Contains(sibling))
            {
                break;
            }

            if (started)
            {
                run.Add(sibling);
            }
        }

        return run;
    }

    /// <summary>The first node of the run of removed siblings that <paramref name="node"/> belongs to.</summary>
    private static SyntaxNode FirstOfGroup(SyntaxNode node, ImmutableHashSet<SyntaxNode> removedTogether)
    {
        var first = node;
        SyntaxNode? previous = null;
        foreach (var sibling in Siblings(node))
        {
            if (sibling == node)
            {
                return previous is not null && removedTogether.Contains(previous) ? FirstOfGroup(previous, removedTogether) : first;
            }

            previous = sibling;
        }

        return first;
    }

    private static SyntaxNode? NextSibling(SyntaxNode node) =>
        Siblings(node).SkipWhile(sibling => sibling != node).Skip(1).FirstOrDefault();

    private static IEnumerable<SyntaxNode> Siblings(SyntaxNode node) =>
        (node.Parent?.ChildNodes() ?? Enumerable.Empty<SyntaxNode>()).Where(s => s is StatementSyntax or MemberDeclarationSyntax);

    private static bool StartsWithBlankLine(IEnumerable<SyntaxTrivia> trivia) =>
        trivia.SkipWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).FirstOrDefault().IsKind(SyntaxKind.EndOfLineTrivia);

    private static List<SyntaxTrivia> WithoutLeadingBlankLines(List<SyntaxTrivia> trivia)
    {
        var lastBlank = -1;
        for (var i = 0; i < trivia.Count && (trivia[i].IsKind(SyntaxKind.WhitespaceTrivia) || trivia[i].IsKind(SyntaxKind.EndOfLineTrivia)); i++)
        {
            if (trivia[i].IsKind(SyntaxKind.EndOfLineTrivia))
            {
                lastBlank = i;
            }
        }

        return trivia.Skip(lastBlank + 1).ToList();
    }
}
