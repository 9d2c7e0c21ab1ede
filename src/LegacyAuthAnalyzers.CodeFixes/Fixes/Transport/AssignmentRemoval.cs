using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Text;

namespace LegacyAuthAnalyzers.CodeFixes.Fixes.Transport;

/// <summary>
/// Removes a setting's assignment so the library default applies (LA2004, LA2005): the statement, the object
/// initializer member, or the <c>if</c> that guards nothing else once the statement is gone.
/// </summary>
internal static class AssignmentRemoval
{
    /// <summary>Registers the removal for every diagnostic of the context whose statement can be removed.</summary>
    public static async Task RegisterAsync(CodeFixContext context, string title, string equivalenceKey)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root is not null && Find(root, diagnostic.Location.SourceSpan) is not null)
            {
                var document = context.Document;
                var span = diagnostic.Location.SourceSpan;
                context.RegisterCodeFix(CodeAction.Create(title, token => RemoveAsync(document, span, token), equivalenceKey), diagnostic);
            }
        }
    }

    /// <summary>The assignment that contains the diagnostic's span, when removing it leaves valid code.</summary>
    public static AssignmentExpressionSyntax? Find(SyntaxNode root, TextSpan span)
    {
        var assignment = root.FindNode(span, getInnermostNodeForTie: true).AncestorsAndSelf().OfType<AssignmentExpressionSyntax>().FirstOrDefault();
        return assignment?.Parent switch
        {
            ExpressionStatementSyntax or InitializerExpressionSyntax => assignment,
            _ => null,
        };
    }

    public static async Task<Document> RemoveAsync(Document document, TextSpan span, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var assignment = Find(editor.OriginalRoot, span);
        switch (assignment?.Parent)
        {
            case InitializerExpressionSyntax initializer:
                RemoveMember(editor, initializer, assignment);
                return editor.GetChangedDocument();
            case ExpressionStatementSyntax statement when RemovableStatement(statement) is { } removable:
                var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
                return document.WithText(text.WithChanges(new TextChange(LinesOf(removable), string.Empty)));
            case ExpressionStatementSyntax embedded:
                // An embedded statement cannot simply disappear.
                editor.ReplaceNode(embedded, SyntaxFactory.Block().WithTriviaFrom(embedded));
                return editor.GetChangedDocument();
            default:
                return document;
        }
    }

    /// <summary>The statement to remove: the assignment's own, or the <c>if</c> that guarded nothing else.</summary>
    private static SyntaxNode? RemovableStatement(StatementSyntax statement)
    {
        var removable = statement.Parent switch
        {
            BlockSyntax { Statements.Count: 1, Parent: IfStatementSyntax { Else: null } guard } => guard,
            IfStatementSyntax { Else: null } guard when guard.Statement == statement => guard,
            BlockSyntax or GlobalStatementSyntax or SwitchSectionSyntax => statement,
            _ => null,
        };

        return removable?.Parent switch
        {
            GlobalStatementSyntax global => global,
            BlockSyntax or SwitchSectionSyntax => removable,
            _ => null,
        };
    }

    /// <summary>
    /// The lines the statement occupies, with the comments right above it (they describe it) and its trailing comment
    /// and line break; blank lines and directives above it stay. One blank line between neighbours survives: after a
    /// blank line or an opening brace, the blank lines that follow go too. Each removal stays clear of its neighbours'
    /// own lines, so Fix All can merge them.
    /// </summary>
    private static TextSpan LinesOf(SyntaxNode statement)
    {
        var leading = statement.GetLeadingTrivia();
        var previous = statement.GetFirstToken().GetPreviousToken();
        if (!leading.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) && previous != default
            && !previous.TrailingTrivia.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia)))
        {
            // Shares its line with code before it: remove the statement and keep the line break.
            var keep = statement.GetTrailingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            return TextSpan.FromBounds(statement.FullSpan.Start, keep == default ? statement.FullSpan.End : keep.FullSpan.Start);
        }

        var start = statement.FullSpan.Start;
        var blankBefore = false;
        var lineHasText = false;
        foreach (var trivia in leading)
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                if (!lineHasText)
                {
                    blankBefore = true;
                    start = trivia.FullSpan.End;
                }

                lineHasText = false;
            }
            else if (trivia.IsDirective || trivia.IsKind(SyntaxKind.DisabledTextTrivia))
            {
                // Directives own their line break; never remove one.
                start = trivia.FullSpan.End;
                lineHasText = false;
            }
            else if (!trivia.IsKind(SyntaxKind.WhitespaceTrivia))
            {
                lineHasText = true;
            }
        }

        var end = statement.FullSpan.End;
        var next = statement.GetLastToken().GetNextToken();
        if ((blankBefore || previous.IsKind(SyntaxKind.OpenBraceToken)) && !next.IsKind(SyntaxKind.CloseBraceToken))
        {
            end += BlankLinesLength(next.LeadingTrivia);
        }

        return TextSpan.FromBounds(start, end);
    }

    private static int BlankLinesLength(SyntaxTriviaList leading)
    {
        var length = 0;
        var pending = 0;
        foreach (var trivia in leading)
        {
            if (trivia.IsKind(SyntaxKind.WhitespaceTrivia))
            {
                pending += trivia.FullSpan.Length;
            }
            else if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                length += pending + trivia.FullSpan.Length;
                pending = 0;
            }
            else
            {
                break;
            }
        }

        return length;
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
}
