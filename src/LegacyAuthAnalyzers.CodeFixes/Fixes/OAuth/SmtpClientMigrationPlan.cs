using System.Threading;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;

namespace LegacyAuthAnalyzers.CodeFixes.Fixes.OAuth;

/// <summary>
/// A System.Net.Mail <c>SmtpClient</c> that is created, configured and used to send one message in one method becomes
/// a MailKit <c>SmtpClient</c>: System.Net.Mail has no XOAUTH2 and never will, MailKit does. The settings that
/// System.Net.Mail needed (host, port, SSL, credentials, delivery method) move into <c>Connect</c> and
/// <c>Authenticate</c>; the message is converted with MimeKit; disposal stays as it was written.
/// </summary>
internal sealed class SmtpClientMigrationPlan : SitePlan
{
    private const string MailKitSmtpClient = "global::MailKit.Net.Smtp.SmtpClient";

    private static readonly HashSet<string> SmtpSettings = new(StringComparer.Ordinal)
    {
        "Host", "Port", "EnableSsl", "Credentials", "UseDefaultCredentials", "DeliveryMethod", "Timeout",
    };

    private readonly VariableDeclarationSyntax declaration;
    private readonly ExpressionSyntax creation;
    private readonly ExpressionSyntax? timeout;
    private readonly IReadOnlyList<StatementSyntax> settingStatements;
    private readonly StatementSyntax sendStatement;
    private readonly string client;
    private readonly ExpressionSyntax host;
    private readonly ExpressionSyntax? port;
    private readonly ExpressionSyntax user;
    private readonly ExpressionSyntax message;
    private readonly ArgumentSyntax? cancellation;
    private readonly bool isAsync;
    private readonly bool configureAwaitFalse;
    private readonly CallContext call;

    public SmtpClientMigrationPlan(
        VariableDeclarationSyntax declaration,
        ExpressionSyntax creation,
        ExpressionSyntax? timeout,
        IReadOnlyList<StatementSyntax> settingStatements,
        StatementSyntax sendStatement,
        ExpressionSyntax sendReceiver,
        string client,
        ExpressionSyntax host,
        ExpressionSyntax? port,
        ExpressionSyntax user,
        ExpressionSyntax message,
        ArgumentSyntax? cancellation,
        bool isAsync,
        bool configureAwaitFalse,
        CallContext call)
        : base(creation, MailProtocol.Smtp)
    {
        this.declaration = declaration;
        this.creation = creation;
        this.timeout = timeout is null ? null : Copy(timeout);
        this.settingStatements = settingStatements;
        this.sendStatement = sendStatement;
        this.client = client;

        // The client lives on as the MailKit client: its declaration must not be taken for a leftover.
        Copied.Add(sendReceiver);
        this.host = Copy(host);
        this.port = port is null ? null : Copy(port);
        this.user = Copy(user);
        this.message = Copy(message);
        this.cancellation = cancellation;
        if (cancellation is not null)
        {
            Copied.Add(cancellation);
        }

        this.isAsync = isAsync;
        this.configureAwaitFalse = configureAwaitFalse;
        this.call = call;
        Removed.Add(creation);
        Removed.AddRange(settingStatements);
        Removed.Add(sendStatement);
    }

    public override void Apply(DocumentEditor editor, PlanContext context)
    {
        var newCreation = (ObjectCreationExpressionSyntax)SyntaxTemplates.Expression(timeout is null ? "new TYPE()" : "new TYPE { Timeout = TIMEOUT }", ("TIMEOUT", timeout ?? creation));
        newCreation = newCreation.WithType(SyntaxTemplates.QualifiedTypeWithoutImport(MailKitSmtpClient)).WithTriviaFrom(creation);
        editor.ReplaceNode(creation, newCreation);
        if (!declaration.Type.IsVar)
        {
            editor.ReplaceNode(declaration.Type, SyntaxTemplates.QualifiedTypeWithoutImport(MailKitSmtpClient).WithTriviaFrom(declaration.Type));
        }

        foreach (var statement in settingStatements)
        {
            // Settings sit on lines of their own: the line goes with them, with no elastic gap left to format.
            editor.RemoveNode(statement.Parent is GlobalStatementSyntax global ? global : statement, SyntaxRemoveOptions.KeepNoTrivia);
        }

        var cancellationExpression = cancellation?.Expression ?? call.CancellationTokenExpression;
        var token = context.Tokens!.Token(context.Flow, Protocol, call, cancellationExpression is IdentifierNameSyntax or MemberAccessExpressionSyntax ? cancellationExpression : null);
        var portExpression = port ?? SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(587));
        var holes = new (string, SyntaxNode)[]
        {
            ("CLIENT", SyntaxFactory.IdentifierName(client)),
            ("HOST", host),
            ("PORT", portExpression),
            ("USER", user),
            ("TOKEN", token),
            ("MESSAGE", message),
            ("CT", cancellationExpression ?? SyntaxFactory.IdentifierName("CT")),
        };

        string[] lines;
        if (isAsync)
        {
            var ct = cancellationExpression is null ? string.Empty : ", CT";
            var configure = configureAwaitFalse ? ".ConfigureAwait(false)" : string.Empty;
            lines = new[]
            {
                "await CLIENT.ConnectAsync(HOST, PORT, global::MailKit.Security.SecureSocketOptions.StartTls" + ct + ")" + configure + ";",
                "await CLIENT.AuthenticateAsync(new global::MailKit.Security.SaslMechanismOAuth2(USER, TOKEN)" + ct + ")" + configure + ";",
                "await CLIENT.SendAsync(global::MimeKit.MimeMessage.CreateFromMailMessage(MESSAGE)" + ct + ")" + configure + ";",
                "await CLIENT.DisconnectAsync(true" + ct + ")" + configure + ";",
            };
        }
        else
        {
            lines = new[]
            {
                "CLIENT.Connect(HOST, PORT, global::MailKit.Security.SecureSocketOptions.StartTls);",
                "CLIENT.Authenticate(new global::MailKit.Security.SaslMechanismOAuth2(USER, TOKEN));",
                "CLIENT.Send(global::MimeKit.MimeMessage.CreateFromMailMessage(MESSAGE));",
                "CLIENT.Disconnect(true);",
            };
        }

        ReplaceStatement(editor, sendStatement, lines.Select(line => SyntaxTemplates.Statement(line, holes)).ToList());
    }

    /// <summary>
    /// The plan for a <c>Credentials</c> assignment of a System.Net.Mail client that is a local created right there and
    /// used to send once; null for any other shape.
    /// </summary>
    public static SmtpClientMigrationPlan? Create(CredentialSite site, DocumentAnalysis analysis, CancellationToken cancellationToken)
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

        // The constructor and initializer as System.Net.Mail's configuration model reads them; a setting the migration
        // cannot carry over (a pickup directory, a client certificate) keeps the client as it is.
        if (SmtpClientMembers.For(types) is not { } members)
        {
            return null;
        }

        var configuration = SmtpClientConfiguration.OfCreation(creation, members);
        if (configuration.InitializerSetsOtherMembers || configuration.DeliveryMethodWrites.Any(write => !IsSupportedSetting("DeliveryMethod", write.Value)))
        {
            return null;
        }

        var host = configuration.HostValue;
        var port = configuration.PortValue;
        var timeout = configuration.TimeoutWrites.LastOrDefault()?.Value.Syntax as ExpressionSyntax;

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

        var user = SiteExpressions.UserOfCredential(credentials.Value, (SyntaxNode?)SettingStatementOf(credentials) ?? creationSyntax, analysis, cancellationToken);
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
        plan.AddCopied(user.Value.Copied);
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
}
