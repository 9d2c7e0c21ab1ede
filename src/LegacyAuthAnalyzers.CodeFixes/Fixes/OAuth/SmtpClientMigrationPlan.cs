using System.Threading;
using LegacyAuthAnalyzers.CodeFixes.Infrastructure;
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

    private readonly VariableDeclarationSyntax? declaration;
    private readonly IReadOnlyList<SyntaxNode>? fieldRemovals;
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

    /// <param name="declaration">The local that holds the client; null when the client is a field.</param>
    /// <param name="fieldRemovals">For a field: its declaration and the constructor statement that creates it.</param>
    private SmtpClientMigrationPlan(
        VariableDeclarationSyntax? declaration,
        IReadOnlyList<SyntaxNode>? fieldRemovals,
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
        this.fieldRemovals = fieldRemovals;
        this.creation = creation;
        this.timeout = timeout is null ? null : Copy(timeout);
        this.settingStatements = settingStatements;
        this.sendStatement = sendStatement;
        this.client = client;

        // A local client lives on as the MailKit client: its declaration must not be taken for a leftover. A field
        // gives way to a local of the sending member.
        if (fieldRemovals is null)
        {
            Copied.Add(sendReceiver);
        }
        else
        {
            Removed.AddRange(fieldRemovals);
        }

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
        newCreation = newCreation.WithType(SyntaxTemplates.QualifiedTypeWithoutImport(MailKitSmtpClient).WithTrailingTrivia(newCreation.Type.GetTrailingTrivia()));
        if (declaration is not null)
        {
            editor.ReplaceNode(creation, newCreation.WithTriviaFrom(creation));
            if (!declaration.Type.IsVar)
            {
                editor.ReplaceNode(declaration.Type, SyntaxTemplates.QualifiedTypeWithoutImport(MailKitSmtpClient).WithTriviaFrom(declaration.Type));
            }
        }

        // Settings and a migrated field sit on lines of their own: the lines go, comments above them stay with the code.
        Statements.RemoveAll(editor, (fieldRemovals ?? Array.Empty<SyntaxNode>()).Concat(settingStatements).ToList());

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

        var statements = lines.Select(line => SyntaxTemplates.Statement(line, holes)).ToList();
        if (declaration is null)
        {
            // The field's client becomes a local of the sending member, disposed at its end.
            statements.Insert(0, SyntaxTemplates.Statement("using var " + client + " = NEW;", ("NEW", newCreation)));
        }

        ReplaceStatement(editor, sendStatement, statements);
    }

    /// <summary>
    /// The plan for a <c>Credentials</c> assignment of a System.Net.Mail client that is a local created right there, or
    /// a private field created in the constructor, and used to send once by this member alone; null for any other shape.
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

        // The client is a local created right there, or a private field created in the constructor and used by this
        // member alone, of System.Net.Mail's SmtpClient.
        var client = HostResolver.ReceiverOf(target.Instance, credentials);
        ISymbol? holder = client switch
        {
            ILocalReferenceOperation reference => reference.Local,
            IObjectCreationOperation created when OperationTree.Consumer(created) is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
            IFieldReferenceOperation { Field: { DeclaredAccessibility: Accessibility.Private } field, Instance: null or IInstanceReferenceOperation } => field,
            _ => null,
        };
        var holderType = holder switch
        {
            ILocalSymbol local => local.Type,
            IFieldSymbol field => field.Type,
            _ => null,
        };
        if (holder is null || !types.Is(holderType, KnownType.System_Net_Mail_SmtpClient))
        {
            return null;
        }

        var root = OperationTree.Root(credentials);
        VariableDeclarationSyntax? declaration = null;
        IObjectCreationOperation? creation;
        List<SyntaxNode>? fieldRemovals = null;
        if (holder is ILocalSymbol)
        {
            var declaratorOperation = root.DescendantsAndSelf().OfType<IVariableDeclaratorOperation>().FirstOrDefault(d => SymbolEqualityComparer.Default.Equals(d.Symbol, holder));
            creation = OperationTree.SkipConversions(declaratorOperation?.Initializer?.Value) as IObjectCreationOperation;
            declaration = declaratorOperation?.Syntax is VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1 } declared } ? declared : null;
            if (declaration is null)
            {
                return null;
            }
        }
        else
        {
            creation = FieldCreation((IFieldSymbol)holder, root, analysis, cancellationToken, out fieldRemovals);
        }

        if (creation is null || !types.Is(creation.Type, KnownType.System_Net_Mail_SmtpClient) || creation.Syntax is not ExpressionSyntax creationSyntax)
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
        if (configuration.InitializerSetsOtherMembers || configuration.DeliveryMethodWrites.Any(write => !IsNetworkDelivery(write.Value)))
        {
            return null;
        }

        var timeoutValue = configuration.TimeoutWrites.LastOrDefault()?.Value;
        var timeout = timeoutValue?.Syntax as ExpressionSyntax;

        // From the constructor to the sending member, only constants mean the same thing.
        if (fieldRemovals is not null && new[] { configuration.HostValue, configuration.PortValue, timeoutValue }.Any(value => value is not null && !value.ConstantValue.HasValue))
        {
            return null;
        }

        // The settings this member writes after the creation, read by the same model: they move into Connect.
        if (SmtpClientConfiguration.ForReceiver(client, credentials, members, cancellationToken) is not { } written
            || written.DeliveryMethodWrites.Any(write => !IsNetworkDelivery(write.Value)))
        {
            return null;
        }

        var host = written.HostWrites.Count > 0 ? written.HostValue : configuration.HostValue;
        var port = written.PortWrites.Count > 0 ? written.PortValue : configuration.PortValue;

        var settingStatements = new List<StatementSyntax>();
        IInvocationOperation? send = null;
        StatementSyntax? sendStatement = null;
        var configureAwaitFalse = false;
        foreach (var reference in root.Descendants())
        {
            if (reference is not (ILocalReferenceOperation or IFieldReferenceOperation) || !SymbolEqualityComparer.Default.Equals(HostResolver.ReferencedSymbol(reference), holder))
            {
                continue;
            }

            switch (reference.Parent)
            {
                case IPropertyReferenceOperation { Parent: ISimpleAssignmentOperation setting } property
                    when setting.Target == property
                        && written.Reads(setting)
                        && setting.Parent is IExpressionStatementOperation { Syntax: StatementSyntax settingStatement }:
                    if (!written.TimeoutWrites.Contains(setting))
                    {
                        // MailKit's SmtpClient has the same Timeout in milliseconds: that statement stays.
                        settingStatements.Add(settingStatement);
                    }

                    break;
                case IInvocationOperation { TargetMethod.Name: "Dispose", Arguments.Length: 0 }:
                    break;
                case IInvocationOperation { TargetMethod.Name: "Send" or "SendMailAsync" } invocation when send is null:
                    send = invocation;
                    sendStatement = SiteExpressions.CallStatement(invocation, invocation.TargetMethod.Name == "SendMailAsync", out configureAwaitFalse);
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
        var clientName = holder is ILocalSymbol ? holder.Name : NewLocalName(sendStatement, analysis, cancellationToken);
        if (message is null || clientName is null)
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
            fieldRemovals,
            creationSyntax,
            timeout,
            settingStatements,
            sendStatement,
            sendReceiver,
            clientName,
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

    /// <summary>
    /// The creation of a private field that one constructor statement assigns (<c>_client = new SmtpClient(…);</c>)
    /// and that nothing but <paramref name="root"/> reads, in a type declared in this one file; with the field
    /// declaration and that statement, which the migration removes. Null for any other shape.
    /// </summary>
    private static IObjectCreationOperation? FieldCreation(IFieldSymbol field, IOperation root, DocumentAnalysis analysis, CancellationToken cancellationToken, out List<SyntaxNode>? removals)
    {
        removals = null;
        if (field.DeclaringSyntaxReferences.Length != 1 || field.ContainingType.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        var fieldReference = field.DeclaringSyntaxReferences[0];
        var typeReference = field.ContainingType.DeclaringSyntaxReferences[0];
        if (fieldReference.SyntaxTree != analysis.Root.SyntaxTree
            || typeReference.SyntaxTree != analysis.Root.SyntaxTree
            || fieldReference.GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer: null, Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: FieldDeclarationSyntax fieldDeclaration } }
            || analysis.LanguageVersion < LanguageVersion.CSharp8)
        {
            return null;
        }

        IObjectCreationOperation? creation = null;
        ExpressionStatementSyntax? creationStatement = null;
        foreach (var name in typeReference.GetSyntax(cancellationToken).DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (name.Identifier.ValueText != field.Name
                || !SymbolEqualityComparer.Default.Equals(analysis.Model.GetSymbolInfo(name, cancellationToken).Symbol, field)
                || root.Syntax.Span.Contains(name.Span))
            {
                continue;
            }

            var written = name.Parent is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } access && access.Name == name ? (ExpressionSyntax)access : name;
            if (creation is not null
                || written.Parent is not AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax { Parent: BlockSyntax { Parent: ConstructorDeclarationSyntax } } statement } assignment
                || assignment.Left != written
                || analysis.Model.GetOperation(assignment, cancellationToken) is not ISimpleAssignmentOperation { Value: var value }
                || OperationTree.SkipConversions(value) is not IObjectCreationOperation created)
            {
                return null;
            }

            creation = created;
            creationStatement = statement;
        }

        if (creation is null || creationStatement is null)
        {
            return null;
        }

        removals = new List<SyntaxNode> { fieldDeclaration, creationStatement };
        return creation;
    }

    /// <summary>A name for the MailKit client that nothing in scope or in the member already uses.</summary>
    private static string? NewLocalName(StatementSyntax statement, DocumentAnalysis analysis, CancellationToken cancellationToken)
    {
        var member = statement.FirstAncestorOrSelf<MemberDeclarationSyntax>();
        foreach (var name in new[] { "client", "smtpClient", "mailKitClient" })
        {
            if (analysis.Model.LookupSymbols(statement.SpanStart, name: name).IsEmpty
                && member?.DescendantTokens().Any(t => t.IsKind(SyntaxKind.IdentifierToken) && t.ValueText == name) != true)
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>Only network delivery has an SMTP server to move to MailKit; pickup directories stay as they are.</summary>
    private static bool IsNetworkDelivery(IOperation value) => value.ConstantValue is { HasValue: true, Value: 0 };

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
