using System.Threading;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LegacyAuthAnalyzers.CodeFixes.Fixes.OAuth;

/// <summary>Works out the OAuth rewrite of a credential site, or none when the shape cannot be rewritten safely.</summary>
internal static class CredentialFixPlanner
{
    private static readonly HashSet<string> SmtpSettings = new(StringComparer.Ordinal)
    {
        "Host", "Port", "EnableSsl", "Credentials", "UseDefaultCredentials", "DeliveryMethod", "Timeout",
    };

    public static SitePlan? OAuthPlan(FixTarget target, DocumentAnalysis analysis, CancellationToken cancellationToken)
    {
        try
        {
            var site = target.Site;
            return site.Kind switch
            {
                CredentialSinkKind.MailKitAuthenticate => MailKitAuthenticate(site, analysis, cancellationToken),
                CredentialSinkKind.SaslMechanism => SaslMechanism(site, analysis, cancellationToken),
                CredentialSinkKind.EwsWebCredentials => EwsWebCredentials(site, analysis, cancellationToken),
                CredentialSinkKind.EwsCredentials => EwsCredentials(site, analysis, cancellationToken),
                CredentialSinkKind.SmtpClientCredentials => SmtpClientMigration(site, analysis, cancellationToken),
                CredentialSinkKind.ConnectionUri => ConnectionUriPlan.Create(site, analysis, cancellationToken),
                _ => null,
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A fixer must never throw: an unexpected shape gets no fix.
            return null;
        }
    }

    public static SitePlan? ReadFromEnvironmentPlan(FixTarget target, DocumentAnalysis analysis)
    {
        // A connection URI holds the password inside a larger literal; a throw expression needs C# 7.
        if (target.HardCodedPassword is not ExpressionSyntax password
            || target.Site.Kind == CredentialSinkKind.ConnectionUri
            || analysis.LanguageVersion < LanguageVersion.CSharp7)
        {
            return null;
        }

        return new ReadFromEnvironmentPlan(password, target.Site.Endpoint.Protocol, target.Site.ParameterName);
    }

    private static MailKitAuthenticatePlan? MailKitAuthenticate(CredentialSite site, DocumentAnalysis analysis, CancellationToken cancellationToken)
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
                    user = UserOfCredential(credentials, syntax, analysis, cancellationToken);
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
        AddCopied(plan, user.Value.Copied);
        return plan;
    }

    private static SaslMechanismPlan? SaslMechanism(CredentialSite site, DocumentAnalysis analysis, CancellationToken cancellationToken)
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
                user = UserOfCredential(argument.Value, syntax, analysis, cancellationToken);
            }
        }

        if (user is null || analysis.Types.Get(KnownType.MailKit_Security_SaslMechanismOAuth2) is null)
        {
            return null;
        }

        var plan = new SaslMechanismPlan(
            syntax, user.Value.Expression, CallContext.For(syntax, analysis.Model, cancellationToken), site.Endpoint.Protocol, StrictConnection.Find(creation, analysis, cancellationToken));
        AddCopied(plan, user.Value.Copied);
        return plan;
    }

    private static EwsCredentialsPlan? EwsWebCredentials(CredentialSite site, DocumentAnalysis analysis, CancellationToken cancellationToken)
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
            IsSimple(user) ? user : null,
            assignment,
            CallContext.For(syntax, analysis.Model, cancellationToken),
            Impersonates(syntax));
    }

    private static EwsCredentialsPlan? EwsCredentials(CredentialSite site, DocumentAnalysis analysis, CancellationToken cancellationToken)
    {
        if (site.Sink is not ISimpleAssignmentOperation assignment
            || assignment.Syntax is not AssignmentExpressionSyntax syntax
            || analysis.Types.Get(KnownType.Microsoft_Exchange_WebServices_Data_OAuthCredentials) is null)
        {
            return null;
        }

        var user = UserOfCredential(assignment.Value, syntax.Right, analysis, cancellationToken);
        var mailbox = user is { } found && IsSimple(found.Expression) ? found.Expression : null;
        var plan = new EwsCredentialsPlan(syntax.Right, mailbox, syntax, CallContext.For(syntax, analysis.Model, cancellationToken), Impersonates(syntax));
        AddCopied(plan, user?.Copied);
        return plan;
    }

    private static SmtpClientMigrationPlan? SmtpClientMigration(CredentialSite site, DocumentAnalysis analysis, CancellationToken cancellationToken)
    {
        var types = analysis.Types;
        if (site.Sink is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } credentials
            || types.Get(KnownType.MailKit_Net_Smtp_SmtpClient) is null
            || types.Get(KnownType.MimeKit_MimeMessage) is null
            || types.Get(KnownType.MailKit_Security_SaslMechanismOAuth2) is null)
        {
            return null;
        }

        // The client must be a local created right there from System.Net.Mail's SmtpClient.
        var client = HostResolver.ReceiverOf(target.Instance, credentials);
        ILocalSymbol? local = client switch
        {
            ILocalReferenceOperation reference => reference.Local,
            IObjectCreationOperation created when OperationTree.Consumer(created) is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
            _ => null,
        };
        if (local is null || !types.Is(local.Type, KnownType.System_Net_Mail_SmtpClient))
        {
            return null;
        }

        var root = OperationTree.Root(credentials);
        var declaratorOperation = root.DescendantsAndSelf().OfType<IVariableDeclaratorOperation>().FirstOrDefault(d => SymbolEqualityComparer.Default.Equals(d.Symbol, local));
        if (declaratorOperation?.Initializer?.Value is not { } initial
            || OperationTree.SkipConversions(initial) is not IObjectCreationOperation creation
            || !types.Is(creation.Type, KnownType.System_Net_Mail_SmtpClient)
            || creation.Syntax is not ExpressionSyntax creationSyntax
            || declaratorOperation.Syntax is not VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1 } declaration })
        {
            return null;
        }

        IOperation? host = null;
        IOperation? port = null;
        ExpressionSyntax? timeout = null;
        foreach (var argument in creation.Arguments)
        {
            if (argument.Parameter?.Name == "host")
            {
                host = argument.Value;
            }
            else if (argument.Parameter?.Name == "port")
            {
                port = argument.Value;
            }
        }

        if (creation.Initializer is not null)
        {
            foreach (var member in creation.Initializer.Initializers)
            {
                if (member is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } setting
                    || !SmtpSettings.Contains(property.Property.Name)
                    || !IsSupportedSetting(property.Property.Name, setting.Value))
                {
                    return null;
                }

                switch (property.Property.Name)
                {
                    case "Host":
                        host = setting.Value;
                        break;
                    case "Port":
                        port = setting.Value;
                        break;
                    case "Timeout":
                        timeout = setting.Value.Syntax as ExpressionSyntax;
                        break;
                }
            }
        }

        var settingStatements = new List<StatementSyntax>();
        IInvocationOperation? send = null;
        StatementSyntax? sendStatement = null;
        var configureAwaitFalse = false;
        foreach (var reference in root.Descendants().OfType<ILocalReferenceOperation>())
        {
            if (!SymbolEqualityComparer.Default.Equals(reference.Local, local))
            {
                continue;
            }

            switch (reference.Parent)
            {
                case IPropertyReferenceOperation property
                    when SmtpSettings.Contains(property.Property.Name)
                        && property.Parent is ISimpleAssignmentOperation setting
                        && setting.Target == property
                        && setting.Parent is IExpressionStatementOperation { Syntax: StatementSyntax settingStatement }
                        && IsSupportedSetting(property.Property.Name, setting.Value):
                    if (property.Property.Name == "Timeout")
                    {
                        // MailKit's SmtpClient has the same Timeout in milliseconds: the statement stays.
                        break;
                    }

                    if (property.Property.Name == "Host")
                    {
                        host = setting.Value;
                    }
                    else if (property.Property.Name == "Port")
                    {
                        port = setting.Value;
                    }

                    settingStatements.Add(settingStatement);
                    break;
                case IInvocationOperation { TargetMethod.Name: "Dispose", Arguments.Length: 0 }:
                    break;
                case IInvocationOperation { TargetMethod.Name: "Send" or "SendMailAsync" } invocation when send is null:
                    send = invocation;
                    sendStatement = SendStatement(invocation, out configureAwaitFalse);
                    if (sendStatement is null)
                    {
                        return null;
                    }

                    break;
                default:
                    // Anything else (a second send, SendAsync, events, passing or returning the client) keeps it.
                    return null;
            }
        }

        if (send is null || sendStatement is null || send.Instance?.Syntax is not ExpressionSyntax sendReceiver || host?.Syntax is not ExpressionSyntax hostSyntax)
        {
            return null;
        }

        var message = SendMessage(send, out var messageParts, out var sendCancellation);
        if (message is null)
        {
            return null;
        }

        var user = UserOfCredential(credentials.Value, (SyntaxNode?)SettingStatementOf(credentials) ?? creationSyntax, analysis, cancellationToken);
        if (user is null)
        {
            return null;
        }

        ExpressionSyntax? portSyntax = null;
        if (port is not null && (!ConstantResolver.TryResolveInt32(port, cancellationToken, out var constantPort)
            || constantPort is 587 or 25 && port.Syntax is not LiteralExpressionSyntax))
        {
            // A configured port is the team's decision, and a named STARTTLS port stays named; any other constant port
            // becomes the submission port, which takes STARTTLS.
            portSyntax = port.Syntax as ExpressionSyntax;
        }

        var plan = new SmtpClientMigrationPlan(
            declaration,
            creationSyntax,
            timeout,
            settingStatements,
            sendStatement,
            sendReceiver,
            local.Name,
            hostSyntax,
            portSyntax,
            user.Value.Expression,
            message,
            sendCancellation,
            send.TargetMethod.Name == "SendMailAsync",
            configureAwaitFalse,
            CallContext.For(sendStatement, analysis.Model, cancellationToken));
        AddCopied(plan, user.Value.Copied);
        plan.Copied.AddRange(messageParts);
        return plan;
    }

    private static bool IsSupportedSetting(string name, IOperation value) => name switch
    {
        // Only network delivery has an SMTP server to move to MailKit; pickup directories stay as they are.
        "DeliveryMethod" => value.ConstantValue is { HasValue: true, Value: 0 },
        _ => true,
    };

    /// <summary><c>client.Send(m);</c> or <c>await client.SendMailAsync(m[, ct])[.ConfigureAwait(false)];</c>.</summary>
    private static StatementSyntax? SendStatement(IInvocationOperation send, out bool configureAwaitFalse)
    {
        configureAwaitFalse = false;
        if (send.TargetMethod.Name == "Send")
        {
            return send.Parent is IExpressionStatementOperation { Syntax: StatementSyntax statement } ? statement : null;
        }

        var parent = send.Parent;
        if (parent is IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Arguments.Length: 1 } configure)
        {
            if (configure.Arguments[0].Value.ConstantValue is not { HasValue: true, Value: bool continueOnCapturedContext })
            {
                return null;
            }

            configureAwaitFalse = !continueOnCapturedContext;
            parent = configure.Parent;
        }

        return parent is IAwaitOperation { Parent: IExpressionStatementOperation { Syntax: StatementSyntax awaited } } ? awaited : null;
    }

    /// <summary>The MailMessage that is sent; the four-string overloads get one built from their arguments.</summary>
    private static ExpressionSyntax? SendMessage(IInvocationOperation send, out List<SyntaxNode> copied, out ArgumentSyntax? cancellation)
    {
        copied = new List<SyntaxNode>();
        cancellation = null;
        var strings = new List<ExpressionSyntax>();
        ExpressionSyntax? message = null;
        foreach (var argument in send.Arguments)
        {
            if (argument.Value.Syntax is not ExpressionSyntax value)
            {
                return null;
            }

            if (argument.Parameter?.Type.Name == "CancellationToken")
            {
                if (argument.ArgumentKind == ArgumentKind.Explicit && argument.Syntax is ArgumentSyntax explicitToken)
                {
                    cancellation = explicitToken;
                }

                continue;
            }

            if (argument.Parameter?.Type.Name == "MailMessage")
            {
                message = value;
            }
            else
            {
                strings.Add(value);
            }
        }

        if (message is not null)
        {
            copied.Add(message);
            return message;
        }

        if (strings.Count != 4)
        {
            return null;
        }

        copied.AddRange(strings);
        return SyntaxTemplates.Expression(
            "new global::System.Net.Mail.MailMessage(FROM, TO, SUBJECT, BODY)",
            ("FROM", strings[0]),
            ("TO", strings[1]),
            ("SUBJECT", strings[2]),
            ("BODY", strings[3]));
    }

    private static StatementSyntax? SettingStatementOf(IOperation assignment) =>
        assignment.Parent is IExpressionStatementOperation { Syntax: StatementSyntax statement } ? statement : null;

    /// <summary>
    /// The user name behind a credential expression: copied from the <c>NetworkCredential</c> creation when it is inside
    /// <paramref name="replaced"/> or simple enough to repeat, else read back as <c>credential.UserName</c>.
    /// </summary>
    private static (ExpressionSyntax Expression, SyntaxNode? Copied)? UserOfCredential(IOperation credential, SyntaxNode replaced, DocumentAnalysis analysis, CancellationToken cancellationToken)
    {
        var value = NetworkCredentials.Find(credential, analysis.Types, cancellationToken);
        if (value.User?.Syntax is ExpressionSyntax user
            && (user.SyntaxTree == replaced.SyntaxTree && replaced.Span.Contains(user.Span) || IsSimple(user)))
        {
            return (user, null);
        }

        var unwrapped = OperationTree.SkipConversions(credential);
        if (unwrapped is not null && analysis.Types.Is(unwrapped.Type, KnownType.System_Net_NetworkCredential)
            && unwrapped.Syntax is ExpressionSyntax expression && IsSimple(expression))
        {
            return (SyntaxTemplates.Expression("CREDENTIAL.UserName", ("CREDENTIAL", expression)), expression);
        }

        return null;
    }

    private static void AddCopied(SitePlan plan, SyntaxNode? copied)
    {
        if (copied is not null)
        {
            plan.Copied.Add(copied);
        }
    }

    /// <summary>Side-effect-free expressions that can be repeated or moved: names, member chains, literals.</summary>
    internal static bool IsSimple(ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax or IdentifierNameSyntax or ThisExpressionSyntax or BaseExpressionSyntax or PredefinedTypeSyntax => true,
        MemberAccessExpressionSyntax access => IsSimple(access.Expression),
        AliasQualifiedNameSyntax or QualifiedNameSyntax => true,
        ParenthesizedExpressionSyntax parenthesized => IsSimple(parenthesized.Expression),
        ElementAccessExpressionSyntax element => IsSimple(element.Expression) && element.ArgumentList.Arguments.All(a => a.Expression is LiteralExpressionSyntax),
        BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } binary => IsSimple(binary.Left) && IsSimple(binary.Right),
        InterpolatedStringExpressionSyntax interpolated => interpolated.Contents.OfType<InterpolationSyntax>().All(i => IsSimple(i.Expression)),
        _ => false,
    };

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
