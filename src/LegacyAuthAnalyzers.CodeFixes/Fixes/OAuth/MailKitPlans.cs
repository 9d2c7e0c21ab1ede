using System.Threading;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;

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

    /// <summary>The plan for an <c>Authenticate</c> call with a user name and password or a credential; null without a user name.</summary>
    public static MailKitAuthenticatePlan? Create(CredentialSite site, DocumentAnalysis analysis, CancellationToken cancellationToken)
    {
        // A call the compiler could not bind (the settings type is missing) is read through its recovered overload: the
        // rewrite replaces the whole argument list, so it needs no bound argument.
        if (MethodCall.From(site.Sink) is not { } call || site.Sink.Syntax is not InvocationExpressionSyntax syntax)
        {
            return null;
        }

        (ExpressionSyntax Expression, SyntaxNode? Copied)? user = null;
        ArgumentSyntax? cancellation = null;
        foreach (var argument in call.Arguments)
        {
            switch (argument.Parameter.Name)
            {
                case "userName" when argument.Value?.Syntax is ExpressionSyntax name:
                    user = (name, null);
                    break;
                case "credentials" when argument.Value is { } credentials:
                    user = SiteExpressions.UserOfCredential(credentials, syntax, analysis, cancellationToken);
                    break;
                case "cancellationToken" when argument.Value?.Syntax.Parent is ArgumentSyntax explicitToken:
                    cancellation = explicitToken;
                    break;
            }
        }

        if (user is null)
        {
            return null;
        }

        var plan = new MailKitAuthenticatePlan(
            syntax,
            user.Value.Expression,
            cancellation,
            CallContext.For(syntax, analysis.Model, cancellationToken),
            call.Method.Name == "AuthenticateAsync",
            site.Endpoint.Protocol,
            StrictConnection.Find(site.Sink, analysis, cancellationToken));
        plan.AddCopied(user.Value.Copied);
        return plan;
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

    /// <summary>The plan for a password mechanism's creation where an XOAUTH2 mechanism fits in its place.</summary>
    public static SaslMechanismPlan? Create(CredentialSite site, DocumentAnalysis analysis, CancellationToken cancellationToken)
    {
        if (site.Sink is not IObjectCreationOperation creation || creation.Syntax is not ExpressionSyntax syntax)
        {
            return null;
        }

        // The XOAUTH2 mechanism must fit where the password mechanism went: an argument, a var or a SaslMechanism.
        var parent = creation.Parent;
        if (parent is IConversionOperation conversion)
        {
            if (!analysis.Types.Is(conversion.Type, KnownType.MailKit_Security_SaslMechanism))
            {
                return null;
            }
        }
        else if (parent is IVariableInitializerOperation && syntax.Parent?.Parent?.Parent is VariableDeclarationSyntax { Type.IsVar: false })
        {
            return null;
        }

        (ExpressionSyntax Expression, SyntaxNode? Copied)? user = null;
        foreach (var argument in creation.Arguments)
        {
            if (argument.Parameter?.Name == "userName" && argument.Value.Syntax is ExpressionSyntax name)
            {
                user = (name, null);
            }
            else if (argument.Parameter?.Name == "credentials")
            {
                user = SiteExpressions.UserOfCredential(argument.Value, syntax, analysis, cancellationToken);
            }
        }

        if (user is null || analysis.Types.Get(KnownType.MailKit_Security_SaslMechanismOAuth2) is null)
        {
            return null;
        }

        var plan = new SaslMechanismPlan(
            syntax, user.Value.Expression, CallContext.For(syntax, analysis.Model, cancellationToken), site.Endpoint.Protocol, StrictConnection.Find(creation, analysis, cancellationToken));
        plan.AddCopied(user.Value.Copied);
        return plan;
    }
}

/// <summary>
/// <c>Connect(new Uri("imaps://user:password@host:993"))</c> and its async form: the user-info leaves the URI (scheme,
/// host, port and query stay, with a TLS mode a bearer token may travel under) and the client authenticates with
/// XOAUTH2 right after it connects, as the authenticate fix writes it, for the user name the URI held.
/// </summary>
internal sealed class ConnectionUriPlan : SitePlan
{
    private readonly ExpressionStatementSyntax statement;
    private readonly ConnectionUriText uri;
    private readonly ExpressionSyntax receiver;
    private readonly ExpressionSyntax user;
    private readonly ExpressionSyntax? cancellation;
    private readonly CallContext call;
    private readonly bool awaited;
    private readonly bool configureAwaitFalse;

    private ConnectionUriPlan(
        InvocationExpressionSyntax connect, ExpressionStatementSyntax statement, ConnectionUriText uri, ExpressionSyntax receiver, ExpressionSyntax? cancellation, CallContext call, bool awaited, bool configureAwaitFalse, MailProtocol protocol)
        : base(connect, protocol)
    {
        this.statement = statement;
        this.uri = uri;
        this.receiver = Copy(receiver);
        user = uri.UserIsExpression ? Copy(uri.User) : uri.User;
        this.cancellation = cancellation is null ? null : Copy(cancellation);
        this.call = call;
        this.awaited = awaited;
        this.configureAwaitFalse = configureAwaitFalse;
        Removed.Add(uri.Written);
        Copied.AddRange(uri.KeptExpressions);
    }

    /// <summary>
    /// The plan for a connect call statement (awaited or not) whose URI is written in the call or in a local that only
    /// this call reads; null for a URI from a constant or a field (other code may read it), or any other shape.
    /// </summary>
    public static ConnectionUriPlan? Create(CredentialSite site, DocumentAnalysis analysis, CancellationToken cancellationToken)
    {
        if (site.Sink is not IInvocationOperation { Instance: { IsImplicit: false, Syntax: ExpressionSyntax receiver } } connect
            || connect.Syntax is not InvocationExpressionSyntax syntax
            || !SiteExpressions.IsSimple(receiver)
            || analysis.Types.Get(KnownType.MailKit_Security_SaslMechanismOAuth2) is null)
        {
            return null;
        }

        IOperation? text = null;
        ExpressionSyntax? cancellation = null;
        foreach (var argument in connect.Arguments)
        {
            if (analysis.Types.Is(argument.Parameter?.Type, KnownType.System_Uri))
            {
                text = UriText(argument.Value, syntax, analysis, cancellationToken);
            }
            else if (argument.Parameter?.Name == "cancellationToken" && argument.ArgumentKind == ArgumentKind.Explicit)
            {
                cancellation = argument.Value.Syntax as ExpressionSyntax;
                if (cancellation is null || !SiteExpressions.IsSimple(cancellation))
                {
                    return null;
                }
            }
        }

        var awaited = connect.TargetMethod.Name == "ConnectAsync";
        if (text is null || ConnectionUriText.Read(text) is not { } uri || SiteExpressions.CallStatement(connect, awaited, out var configureAwaitFalse) is not { } statement)
        {
            return null;
        }

        return new ConnectionUriPlan(
            syntax, statement, uri, receiver, cancellation, CallContext.For(syntax, analysis.Model, cancellationToken), awaited, configureAwaitFalse, site.Endpoint.Protocol);
    }

    public override void Apply(DocumentEditor editor, PlanContext context)
    {
        var callsAsync = awaited || call.CanAwait;
        var token = context.Tokens!.Token(context.Flow, Protocol, call, cancellation);
        var mechanism = SyntaxTemplates.Expression("new global::MailKit.Security.SaslMechanismOAuth2(USER, TOKEN)", ("USER", user), ("TOKEN", token));
        var passedToken = cancellation ?? (callsAsync ? call.CancellationTokenExpression : null);
        var arguments = passedToken is null ? "MECHANISM" : "MECHANISM, CANCELLATION";
        var text = callsAsync
            ? "await RECEIVER.AuthenticateAsync(" + arguments + ")" + (configureAwaitFalse ? ".ConfigureAwait(false);" : ";")
            : "RECEIVER.Authenticate(" + arguments + ");";
        var holes = new List<(string, SyntaxNode)> { ("RECEIVER", receiver), ("MECHANISM", mechanism) };
        if (passedToken is not null)
        {
            holes.Add(("CANCELLATION", passedToken));
        }

        var authenticate = SyntaxTemplates.Statement(text, holes.ToArray());

        // The URI may be the initializer of a local declared before the connect statement: it is rewritten where it is.
        var rewritten = uri.Rewritten(Protocol).WithTriviaFrom(uri.Written);
        if (statement.Span.Contains(uri.Written.Span))
        {
            ReplaceStatement(editor, statement, new[] { statement.ReplaceNode(uri.Written, rewritten), authenticate });
            return;
        }

        editor.ReplaceNode(uri.Written, rewritten);
        ReplaceStatement(editor, statement, new[] { statement, authenticate });
    }

    /// <summary>The text of the URI argument, or the initializer text of a local that only this call reads.</summary>
    private static IOperation? UriText(IOperation value, SyntaxNode connect, DocumentAnalysis analysis, CancellationToken cancellationToken)
    {
        value = OperationTree.SkipConversions(value)!;
        if (value is ILocalReferenceOperation { Local: var local })
        {
            var values = new List<IOperation>();
            if (!ConstantResolver.TryGetLocalAssignments(local, OperationTree.Root(value), values) || values.Count != 1 || !ReadOnlyBy(local, connect, analysis, cancellationToken))
            {
                return null;
            }

            value = OperationTree.SkipConversions(values[0])!;
        }

        return UriValues.IsUriCreation(value, out var text) ? OperationTree.SkipConversions(text) : null;
    }

    /// <summary>Whether the local's one reference in the file (top-level locals reach local functions) is inside <paramref name="connect"/>.</summary>
    private static bool ReadOnlyBy(ILocalSymbol local, SyntaxNode connect, DocumentAnalysis analysis, CancellationToken cancellationToken)
    {
        var references = 0;
        foreach (var name in analysis.Root.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (name.Identifier.ValueText == local.Name
                && SymbolEqualityComparer.Default.Equals(analysis.Model.GetSymbolInfo(name, cancellationToken).Symbol, local)
                && (++references > 1 || !connect.Span.Contains(name.Span)))
            {
                return false;
            }
        }

        return references == 1;
    }
}
