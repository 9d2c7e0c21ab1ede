using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace LegacyAuthAnalyzers.CodeFixes.Fixes.OAuth;

/// <summary>
/// A System.Net.Mail <c>SmtpClient</c> that is created, configured and used to send one message in one method, or kept
/// in a private field that one constructor creates and one method sends with (LA1001, LA1002, LA1003, LA3001), becomes
/// a MailKit <c>SmtpClient</c>: System.Net.Mail has no XOAUTH2 and never will, MailKit does. The settings that
/// System.Net.Mail needed (host, port, SSL, credentials, delivery method) move into <c>Connect</c> and
/// <c>Authenticate</c>; the message is converted with MimeKit; disposal stays as it was written.
/// </summary>
internal sealed class SmtpClientMigrationPlan : SitePlan
{
    private const string MailKitSmtpClient = "global::MailKit.Net.Smtp.SmtpClient";

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
    private readonly bool disconnectAlways;

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
        CallContext call,
        bool disconnectAlways = false)
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
        this.disconnectAlways = disconnectAlways;
        Removed.Add(creation);
        Removed.AddRange(settingStatements);
        Removed.Add(sendStatement);
    }

    public override void Apply(DocumentEditor editor, PlanContext context)
    {
        var newCreation = (ObjectCreationExpressionSyntax)SyntaxTemplates.Expression(timeout is null ? "new TYPE()" : "new TYPE { Timeout = TIMEOUT }", ("TIMEOUT", timeout ?? creation));
        newCreation = newCreation.WithType(SyntaxTemplates.QualifiedTypeWithoutImport(MailKitSmtpClient).WithTrailingTrivia(newCreation.Type.GetTrailingTrivia())).WithTriviaFrom(creation);
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

        if (disconnectAlways)
        {
            // A client kept in a field outlives the call: whatever happens, it is disconnected again, or the next
            // Connect would find it still connected and throw.
            var indentation = Indentation(sendStatement).ToFullString();
            var newLine = EndOfLine(sendStatement).ToFullString();
            var inner = indentation + "    ";
            var block = "try" + newLine + indentation + "{" + newLine
                + string.Concat(lines.Take(3).Select(line => inner + line + newLine))
                + indentation + "}" + newLine + indentation + "finally" + newLine + indentation + "{" + newLine
                + inner + lines[3] + newLine
                + indentation + "}";
            ReplaceStatement(editor, sendStatement, new[] { SyntaxTemplates.Statement(block, holes) });
            return;
        }

        ReplaceStatement(editor, sendStatement, lines.Select(line => SyntaxTemplates.Statement(line, holes)).ToList());
    }
}
