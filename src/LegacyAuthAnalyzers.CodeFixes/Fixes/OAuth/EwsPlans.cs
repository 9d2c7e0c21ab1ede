using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace LegacyAuthAnalyzers.CodeFixes.Fixes.OAuth;

/// <summary>
/// EWS <c>new WebCredentials(user, password)</c> or a <c>NetworkCredential</c> assigned to
/// <c>ExchangeService.Credentials</c> becomes <c>new OAuthCredentials(accessToken)</c>. App-only tokens carry no user,
/// so the app-only fix also impersonates the mailbox and sets the <c>X-AnchorMailbox</c> header that routes the
/// request to it.
/// </summary>
internal sealed class EwsCredentialsPlan : SitePlan
{
    private const string Data = "global::Microsoft.Exchange.WebServices.Data.";

    private readonly ExpressionSyntax credentials;
    private readonly ExpressionSyntax? mailbox;
    private readonly AssignmentExpressionSyntax? assignment;
    private readonly CallContext call;
    private readonly bool impersonates;

    /// <param name="credentials">The expression that becomes the OAuthCredentials creation.</param>
    /// <param name="mailbox">The user name, also the mailbox to impersonate; null when it cannot be repeated safely.</param>
    /// <param name="assignment">The <c>Credentials = …</c> assignment, in a statement or an object initializer.</param>
    /// <param name="impersonates">The code already sets ImpersonatedUserId on the service.</param>
    public EwsCredentialsPlan(ExpressionSyntax credentials, ExpressionSyntax? mailbox, AssignmentExpressionSyntax? assignment, CallContext call, bool impersonates)
        : base(credentials, MailProtocol.Ews)
    {
        this.credentials = credentials;
        this.mailbox = mailbox is null ? null : Copy(mailbox);
        this.assignment = assignment;
        this.call = call;
        this.impersonates = impersonates;
        Removed.Add(credentials);
    }

    public override bool SupportsAppOnly =>
        impersonates
        || mailbox is not null
            && (assignment?.Parent is InitializerExpressionSyntax
                || assignment is { Parent: ExpressionStatementSyntax, Left: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax or MemberAccessExpressionSyntax or ThisExpressionSyntax } });

    public override void Apply(DocumentEditor editor, PlanContext context)
    {
        var token = context.Tokens!.Token(context.Flow, Protocol, call, null);
        var oauth = SyntaxTemplates.Expression("new " + Data + "OAuthCredentials(TOKEN)", ("TOKEN", token)).WithTriviaFrom(credentials);
        if (context.Flow != TokenFlow.AppOnly || impersonates || assignment is null || mailbox is null)
        {
            editor.ReplaceNode(credentials, oauth);
            return;
        }

        var impersonation = "new " + Data + "ImpersonatedUserId(" + Data + "ConnectingIdType.SmtpAddress, MAILBOX)";
        if (assignment.Parent is InitializerExpressionSyntax initializer)
        {
            var leading = assignment.GetLeadingTrivia();
            var impersonate = SyntaxTemplates.Expression("ImpersonatedUserId = " + impersonation, ("MAILBOX", mailbox)).WithLeadingTrivia(leading);
            var headers = ((ObjectCreationExpressionSyntax)SyntaxTemplates.Expression(
                "new Service { HttpHeaders = { [\"X-AnchorMailbox\"] = MAILBOX } }", ("MAILBOX", mailbox))).Initializer!.Expressions[0].WithoutTrivia().WithLeadingTrivia(leading);

            var index = initializer.Expressions.IndexOf(assignment);
            var expressions = initializer.Expressions.ToList();
            // What followed the credentials (a line break before the closing brace) now follows the last new member.
            expressions[index] = assignment.WithRight(oauth.WithoutTrailingTrivia()).WithoutTrailingTrivia();
            expressions.Insert(index + 1, impersonate);
            expressions.Insert(index + 2, headers.WithTrailingTrivia(assignment.GetTrailingTrivia()));

            var separators = initializer.Expressions.GetSeparators().ToList();
            var separatorTrivia = separators.Count > 0 ? separators[0].TrailingTrivia : SyntaxFactory.TriviaList(SyntaxFactory.Space);
            var newSeparators = new List<SyntaxToken>();
            for (var i = 0; i < expressions.Count - 1; i++)
            {
                newSeparators.Add(
                    i < index ? separators[i]
                    : i <= index + 1 ? SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(separatorTrivia)
                    : separators[i - 2]);
            }

            // A trailing comma after the last member stays last.
            if (separators.Count == initializer.Expressions.Count)
            {
                newSeparators.Add(separators[separators.Count - 1]);
            }

            editor.ReplaceNode(initializer, initializer.WithExpressions(SyntaxFactory.SeparatedList(expressions, newSeparators)));
            return;
        }

        var statement = (ExpressionStatementSyntax)assignment.Parent!;
        var service = ((MemberAccessExpressionSyntax)assignment.Left).Expression.WithoutTrivia();
        var statements = new List<StatementSyntax>
        {
            statement.WithExpression(assignment.WithRight(oauth)),
            SyntaxTemplates.Statement("SERVICE.ImpersonatedUserId = " + impersonation + ";", ("SERVICE", service), ("MAILBOX", mailbox)),
            SyntaxTemplates.Statement("SERVICE.HttpHeaders[\"X-AnchorMailbox\"] = MAILBOX;", ("SERVICE", service), ("MAILBOX", mailbox)),
        };
        ReplaceStatement(editor, statement, statements);
    }
}
