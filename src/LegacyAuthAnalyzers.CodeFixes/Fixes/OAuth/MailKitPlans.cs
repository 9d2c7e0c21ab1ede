using LegacyAuthAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace LegacyAuthAnalyzers.CodeFixes.Fixes.OAuth;

/// <summary>
/// MailKit <c>Authenticate(user, password)</c>, <c>Authenticate(credentials)</c> and their <c>Encoding</c> and async
/// forms become <c>Authenticate(new SaslMechanismOAuth2(user, accessToken))</c>; inside an async function a sync call
/// statement becomes an awaited <c>AuthenticateAsync</c> that passes the function's cancellation token.
/// </summary>
internal sealed class MailKitAuthenticatePlan : SitePlan
{
    private readonly InvocationExpressionSyntax invocation;
    private readonly ExpressionSyntax user;
    private readonly ArgumentSyntax? cancellation;
    private readonly CallContext call;
    private readonly bool convertToAwait;
    private readonly bool isAsync;
    private readonly StrictConnection? connection;

    public MailKitAuthenticatePlan(
        InvocationExpressionSyntax invocation, ExpressionSyntax user, ArgumentSyntax? cancellation, CallContext call, bool isAsync, MailProtocol protocol, StrictConnection? connection)
        : base(invocation, protocol)
    {
        this.connection = connection;
        this.invocation = invocation;
        this.user = Copy(user);
        this.cancellation = cancellation;
        if (cancellation is not null)
        {
            Copied.Add(cancellation);
        }

        this.call = call;
        this.isAsync = isAsync;

        // Only a call statement can take an await in front of it without changing what the expression means.
        convertToAwait = !isAsync && call.CanAwait && invocation.Parent is ExpressionStatementSyntax;
        Removed.Add(invocation.ArgumentList);
    }

    public override void Apply(DocumentEditor editor, PlanContext context)
    {
        connection?.Apply(editor, context);
        var callsAsync = isAsync || convertToAwait;
        var tokenCancellation = cancellation?.Expression is IdentifierNameSyntax or MemberAccessExpressionSyntax ? cancellation.Expression : null;
        var token = context.Tokens!.Token(context.Flow, Protocol, call, tokenCancellation);
        var mechanism = SyntaxTemplates.Expression("new global::MailKit.Security.SaslMechanismOAuth2(USER, TOKEN)", ("USER", user), ("TOKEN", token));

        var arguments = new List<ArgumentSyntax> { SyntaxFactory.Argument(mechanism) };
        if (cancellation is not null)
        {
            arguments.Add(cancellation.WithoutTrivia());
        }
        else if (callsAsync && call.CancellationTokenExpression is { } functionToken)
        {
            arguments.Add(SyntaxFactory.Argument(functionToken));
        }

        var argumentList = invocation.ArgumentList.WithArguments(SyntaxFactory.SeparatedList(
            arguments,
            Enumerable.Repeat(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space), arguments.Count - 1)));

        if (!convertToAwait)
        {
            editor.ReplaceNode(invocation.ArgumentList, argumentList);
            return;
        }

        var renamed = invocation.Expression switch
        {
            MemberAccessExpressionSyntax access => (ExpressionSyntax)access.WithName(SyntaxFactory.IdentifierName("AuthenticateAsync").WithTriviaFrom(access.Name)),
            IdentifierNameSyntax name => SyntaxFactory.IdentifierName("AuthenticateAsync").WithTriviaFrom(name),
            _ => invocation.Expression,
        };

        var awaited = SyntaxFactory.AwaitExpression(
            SyntaxFactory.Token(SyntaxKind.AwaitKeyword).WithTrailingTrivia(SyntaxFactory.Space),
            invocation.WithExpression(renamed.WithoutLeadingTrivia()).WithArgumentList(argumentList).WithoutLeadingTrivia())
            .WithLeadingTrivia(invocation.GetLeadingTrivia());
        editor.ReplaceNode(invocation, awaited);
    }
}

/// <summary>A password SASL mechanism (<c>new SaslMechanismPlain(user, password)</c>, …) becomes XOAUTH2.</summary>
internal sealed class SaslMechanismPlan : SitePlan
{
    private readonly ExpressionSyntax creation;
    private readonly ExpressionSyntax user;
    private readonly CallContext call;
    private readonly StrictConnection? connection;

    public SaslMechanismPlan(ExpressionSyntax creation, ExpressionSyntax user, CallContext call, MailProtocol protocol, StrictConnection? connection)
        : base(creation, protocol)
    {
        this.connection = connection;
        this.creation = creation;
        this.user = Copy(user);
        this.call = call;
        Removed.Add(creation);
    }

    public override void Apply(DocumentEditor editor, PlanContext context)
    {
        connection?.Apply(editor, context);
        var token = context.Tokens!.Token(context.Flow, Protocol, call, null);
        var mechanism = SyntaxTemplates.Expression("new global::MailKit.Security.SaslMechanismOAuth2(USER, TOKEN)", ("USER", user), ("TOKEN", token));
        editor.ReplaceNode(creation, mechanism.WithTriviaFrom(creation));
    }
}
