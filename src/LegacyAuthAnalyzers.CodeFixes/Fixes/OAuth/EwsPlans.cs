using System.Threading;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;

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

    /// <summary>The plan for <c>new WebCredentials(user, password, …)</c>.</summary>
    public static EwsCredentialsPlan? ForWebCredentials(CredentialSite site, DocumentAnalysis analysis, CancellationToken cancellationToken)
    {
        // Bound, or recovered when the types of its arguments are missing: the plan replaces the whole creation.
        if (MethodCall.From(site.Sink) is not { } creation
            || site.Sink.Syntax is not ExpressionSyntax syntax
            || analysis.Types.Get(KnownType.Microsoft_Exchange_WebServices_Data_OAuthCredentials) is null)
        {
            return null;
        }

        var user = (creation.ValueOf("username") ?? creation.ValueOf("userName"))?.Syntax as ExpressionSyntax;
        if (user is null)
        {
            return null;
        }

        var assignment = CredentialsAssignment(syntax);
        return new EwsCredentialsPlan(
            syntax,
            SiteExpressions.IsSimple(user) ? user : null,
            assignment,
            CallContext.For(syntax, analysis.Model, cancellationToken),
            Impersonates(syntax));
    }

    /// <summary>The plan for <c>service.Credentials = credential</c> with a <c>NetworkCredential</c>.</summary>
    public static EwsCredentialsPlan? ForCredentialsAssignment(CredentialSite site, DocumentAnalysis analysis, CancellationToken cancellationToken)
    {
        if (site.Sink is not ISimpleAssignmentOperation assignment
            || assignment.Syntax is not AssignmentExpressionSyntax syntax
            || analysis.Types.Get(KnownType.Microsoft_Exchange_WebServices_Data_OAuthCredentials) is null)
        {
            return null;
        }

        var user = SiteExpressions.UserOfCredential(assignment.Value, syntax.Right, analysis, cancellationToken);
        var mailbox = user is { } found && SiteExpressions.IsSimple(found.Expression) ? found.Expression : null;
        var plan = new EwsCredentialsPlan(syntax.Right, mailbox, syntax, CallContext.For(syntax, analysis.Model, cancellationToken), Impersonates(syntax));
        plan.AddCopied(user?.Copied);
        return plan;
    }

    /// <summary>The <c>Credentials = …</c> assignment that the EWS credential creation is the value of.</summary>
    private static AssignmentExpressionSyntax? CredentialsAssignment(ExpressionSyntax creation)
    {
        var node = creation.Parent;
        while (node is ParenthesizedExpressionSyntax or CastExpressionSyntax)
        {
            node = node.Parent;
        }

        return node is AssignmentExpressionSyntax assignment
            && assignment.Left is IdentifierNameSyntax { Identifier.ValueText: "Credentials" } or MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Credentials" }
            ? assignment
            : null;
    }

    /// <summary>Whether the member already impersonates a mailbox: then the fix does not do it a second time.</summary>
    private static bool Impersonates(SyntaxNode node)
    {
        var member = (SyntaxNode?)node.FirstAncestorOrSelf<MemberDeclarationSyntax>(m => m is not GlobalStatementSyntax) ?? node.SyntaxTree.GetRoot();
        return member.DescendantNodes().OfType<AssignmentExpressionSyntax>().Any(a =>
            a.Left is IdentifierNameSyntax { Identifier.ValueText: "ImpersonatedUserId" } or MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ImpersonatedUserId" });
    }
}
