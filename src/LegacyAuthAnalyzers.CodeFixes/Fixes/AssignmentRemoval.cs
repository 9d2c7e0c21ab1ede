using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace LegacyAuthAnalyzers.CodeFixes.Fixes;

/// <summary>
/// Removes a setting's assignment so the library default applies (LA2004, LA2005): the statement, the object
/// initializer member, or the <c>if</c> that guards nothing else once the statement is gone.
/// </summary>
internal static class AssignmentRemoval
{
    /// <summary>The assignment that contains the diagnostic's span, when removing it leaves valid code.</summary>
    public static AssignmentExpressionSyntax? Find(SyntaxNode root, Microsoft.CodeAnalysis.Text.TextSpan span)
    {
        var assignment = root.FindNode(span, getInnermostNodeForTie: true).AncestorsAndSelf().OfType<AssignmentExpressionSyntax>().FirstOrDefault();
        return assignment?.Parent switch
        {
            ExpressionStatementSyntax or InitializerExpressionSyntax => assignment,
            _ => null,
        };
    }

    public static async Task<Document> RemoveAsync(Document document, Microsoft.CodeAnalysis.Text.TextSpan span, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var assignment = Find(editor.OriginalRoot, span);
        switch (assignment?.Parent)
        {
            case InitializerExpressionSyntax initializer:
                RemoveMember(editor, initializer, assignment);
                break;
            case ExpressionStatementSyntax statement:
                RemoveStatement(editor, statement);
                break;
            default:
                return document;
        }

        return editor.GetChangedDocument();
    }

    /// <summary>
    /// Removes an object initializer member with its comma; the last member of a list without a trailing comma hands
    /// its trailing trivia (the space before <c>}</c>, or the line break) to the member before it.
    /// </summary>
    private static void RemoveMember(DocumentEditor editor, InitializerExpressionSyntax initializer, ExpressionSyntax member)
    {
        var expressions = initializer.Expressions;
        var index = expressions.IndexOf(member);
        var isLastWithoutComma = index == expressions.Count - 1 && expressions.SeparatorCount < expressions.Count;
        if (!isLastWithoutComma || index == 0)
        {
            editor.RemoveNode(member, SyntaxRemoveOptions.KeepUnbalancedDirectives);
            return;
        }

        var nodes = expressions.Take(index).ToList();
        nodes[index - 1] = nodes[index - 1].WithTrailingTrivia(member.GetTrailingTrivia());
        var separators = expressions.GetSeparators().Take(index - 1);
        editor.ReplaceNode(initializer, initializer.WithExpressions(SyntaxFactory.SeparatedList(nodes, separators)));
    }

    private static void RemoveStatement(DocumentEditor editor, StatementSyntax statement)
    {
        switch (statement.Parent)
        {
            case BlockSyntax { Statements.Count: 1, Parent: IfStatementSyntax { Else: null } guard } when guard.Parent is BlockSyntax or GlobalStatementSyntax or SwitchSectionSyntax:
                // The if only guarded the removed setting: drop it with its condition.
                Remove(editor, guard);
                break;
            case IfStatementSyntax { Else: null } guard when guard.Statement == statement && guard.Parent is BlockSyntax or GlobalStatementSyntax or SwitchSectionSyntax:
                Remove(editor, guard);
                break;
            case IfStatementSyntax or ElseClauseSyntax or WhileStatementSyntax or ForStatementSyntax or ForEachStatementSyntax or UsingStatementSyntax or LockStatementSyntax or LabeledStatementSyntax:
                // An embedded statement cannot simply disappear.
                editor.ReplaceNode(statement, SyntaxFactory.Block().WithTriviaFrom(statement));
                break;
            case GlobalStatementSyntax global:
                editor.RemoveNode(global, SyntaxRemoveOptions.KeepUnbalancedDirectives);
                break;
            default:
                editor.RemoveNode(statement, SyntaxRemoveOptions.KeepUnbalancedDirectives);
                break;
        }
    }

    private static void Remove(DocumentEditor editor, StatementSyntax statement)
    {
        if (statement.Parent is GlobalStatementSyntax global)
        {
            editor.RemoveNode(global, SyntaxRemoveOptions.KeepUnbalancedDirectives);
        }
        else
        {
            editor.RemoveNode(statement, SyntaxRemoveOptions.KeepUnbalancedDirectives);
        }
    }
}
