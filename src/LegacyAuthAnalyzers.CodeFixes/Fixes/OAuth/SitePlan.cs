using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace LegacyAuthAnalyzers.CodeFixes.Fixes.OAuth;

/// <summary>Everything a plan needs to write its code.</summary>
internal sealed class PlanContext
{
    public PlanContext(TokenSource? tokens, CredentialFixKind kind, MailAudience audience, HashSet<SyntaxNode> securedConnections)
    {
        Tokens = tokens;
        Kind = kind;
        Audience = audience;
        SecuredConnections = securedConnections;
    }

    public TokenSource? Tokens { get; }

    public CredentialFixKind Kind { get; }

    public MailAudience Audience { get; }

    /// <summary>The connect calls of the document whose TLS mode a plan already made strict: each is rewritten once.</summary>
    public HashSet<SyntaxNode> SecuredConnections { get; }

    public TokenFlow Flow => Kind != CredentialFixKind.OAuthSignedInUser ? TokenFlow.AppOnly
        : Audience == MailAudience.PersonalAccount ? TokenFlow.PersonalAccount
        : TokenFlow.SignedInUser;
}

/// <summary>
/// One site's rewrite, worked out on the original tree before anything changes, so that many plans can share one
/// <see cref="DocumentEditor"/> (Fix All) and the secrets they leave unused can be found across the solution.
/// </summary>
internal abstract class SitePlan
{
    protected SitePlan(SyntaxNode anchor, MailProtocol protocol)
    {
        Anchor = anchor;
        Protocol = protocol;
    }

    /// <summary>The node the plan is about; two plans with the same anchor are the same fix.</summary>
    public SyntaxNode Anchor { get; }

    public MailProtocol Protocol { get; }

    /// <summary>Original nodes that the fix removes or replaces: references inside them no longer count.</summary>
    public List<SyntaxNode> Removed { get; } = new();

    /// <summary>Original nodes that reappear in the fixed code: the symbols they reference stay in use.</summary>
    public List<SyntaxNode> Copied { get; } = new();

    /// <summary>False when app-only cannot work for this shape (EWS without a service to impersonate on).</summary>
    public virtual bool SupportsAppOnly => true;

    public virtual bool UsesToken => true;

    public abstract void Apply(DocumentEditor editor, PlanContext context);

    /// <summary>A node the plan copies as it is (a credential read back for its user name), when there is one.</summary>
    public void AddCopied(SyntaxNode? copied)
    {
        if (copied is not null)
        {
            Copied.Add(copied);
        }
    }

    /// <summary>The expression is copied as it is, and what it references stays.</summary>
    protected ExpressionSyntax Copy(ExpressionSyntax expression)
    {
        Copied.Add(expression);
        return expression.WithoutTrivia();
    }

    protected static SyntaxTrivia EndOfLine(SyntaxNode node)
    {
        foreach (var trivia in node.GetTrailingTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return trivia;
            }
        }

        foreach (var trivia in node.SyntaxTree.GetRoot().DescendantTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return trivia;
            }
        }

        return SyntaxFactory.EndOfLine("\n");
    }

    protected static SyntaxTriviaList Indentation(SyntaxNode statement)
    {
        var leading = statement.GetLeadingTrivia();
        var whitespace = leading.Reverse().TakeWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).Reverse();
        return SyntaxFactory.TriviaList(whitespace);
    }

    /// <summary>
    /// Replaces <paramref name="statement"/> by <paramref name="replacement"/> statements, in its block, switch section or
    /// top-level program; an embedded statement (the body of an <c>if</c> without braces) becomes a block.
    /// </summary>
    protected static void ReplaceStatement(DocumentEditor editor, StatementSyntax statement, IReadOnlyList<StatementSyntax> replacement)
    {
        var indentation = Indentation(statement);
        var newLine = EndOfLine(statement);
        var first = replacement[0].WithLeadingTrivia(statement.GetLeadingTrivia()).WithTrailingTrivia(newLine);
        var rest = replacement.Skip(1).Select(s => SyntaxTemplates.WithIndentation(s, indentation, newLine)).ToList();
        if (rest.Count > 0)
        {
            rest[rest.Count - 1] = rest[rest.Count - 1].WithTrailingTrivia(statement.GetTrailingTrivia());
        }
        else
        {
            first = first.WithTrailingTrivia(statement.GetTrailingTrivia());
        }

        if (statement.Parent is GlobalStatementSyntax global)
        {
            // Siblings first: the replaced node would no longer be found to insert after.
            if (rest.Count > 0)
            {
                editor.InsertAfter(global, rest.Select(s => (SyntaxNode)SyntaxFactory.GlobalStatement(s)));
            }

            editor.ReplaceNode(global, SyntaxFactory.GlobalStatement(first));
            return;
        }

        if (statement.Parent is BlockSyntax or SwitchSectionSyntax)
        {
            if (rest.Count > 0)
            {
                editor.InsertAfter(statement, rest);
            }

            editor.ReplaceNode(statement, first);
            return;
        }

        // An embedded statement: wrap the sequence in braces at the statement's own indentation.
        var outer = Indentation(statement.Parent!);
        var inner = outer.Add(SyntaxFactory.Whitespace("    "));
        var statements = new[] { first.WithLeadingTrivia(inner) }.Concat(rest.Select(s => s.WithLeadingTrivia(inner))).ToList();
        statements[statements.Count - 1] = statements[statements.Count - 1].WithTrailingTrivia(newLine);
        var block = SyntaxFactory.Block(
            SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithLeadingTrivia(outer).WithTrailingTrivia(newLine),
            SyntaxFactory.List(statements),
            SyntaxFactory.Token(SyntaxKind.CloseBraceToken).WithLeadingTrivia(outer).WithTrailingTrivia(statement.GetTrailingTrivia()));
        editor.ReplaceNode(statement, block);
    }
}
