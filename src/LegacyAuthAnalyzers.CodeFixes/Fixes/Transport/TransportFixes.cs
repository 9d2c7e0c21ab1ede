using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;

namespace LegacyAuthAnalyzers.CodeFixes.Fixes.Transport;

/// <summary>
/// The rewrites behind the LA2001-LA2003 fixes: give a mail connection the TLS mode that works with its port
/// (MailKit), or turn on STARTTLS and leave port 465 (System.Net.Mail). Every rewrite is local to the call,
/// creation or assignment the diagnostic points at, plus the writes of the same client in the same body.
/// </summary>
internal static class TransportFixes
{
    /// <summary>The rewrite for a diagnostic, or null when none is safe; decided before the fix is offered.</summary>
    /// <summary>Registers the transport fix for every diagnostic of the context that has a plan.</summary>
    public static async Task RegisterAsync(CodeFixContext context, string title, string equivalenceKey)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            var plan = await PlanAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false);
            if (plan is not null)
            {
                context.RegisterCodeFix(CodeAction.Create(title, plan, equivalenceKey), diagnostic);
            }
        }
    }

    public static async Task<Func<CancellationToken, Task<Document>>?> PlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        try
        {
            return await TryPlanAsync(document, diagnostic, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A fixer must never throw: an unexpected shape gets no fix.
            return null;
        }
    }

    private static async Task<Func<CancellationToken, Task<Document>>?> TryPlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.FixMode, out var modeText)
            || !Enum.TryParse<TlsMode>(modeText, out var mode)
            || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root
            || await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model)
        {
            return null;
        }

        int? port = diagnostic.Properties.TryGetValue(DiagnosticProperties.FixPort, out var portText)
            && int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var types = KnownTypes.For(model.Compilation);
        switch (model.GetOperation(node, cancellationToken))
        {
            case IInvocationOperation invocation when invocation.Syntax is InvocationExpressionSyntax syntax
                && MailKitConnection.TryGet(invocation, types, cancellationToken, out var connection)
                && CanSecure(connection):
                return token => SecureMailKitAsync(document, syntax, mode, port, token);
            case IObjectCreationOperation or ISimpleAssignmentOperation when SmtpClientMembers.For(types) is not null:
                return token => SecureSmtpClientAsync(document, diagnostic.Location.SourceSpan, port, token);
            default:
                return null;
        }
    }

    /// <summary>
    /// A constant setting on a constant port only: a mode chosen by a condition, or a port from configuration, may be
    /// right for another server the same code talks to, so the fix would trade one finding for a broken connection.
    /// </summary>
    private static bool CanSecure(MailKitConnection connection) => connection.Condition is null && connection.HasConstantPort && connection.Shape switch
    {
        ConnectShape.Uri => UriLiteral(connection.ModeArgument?.Value) is not null,
        _ => connection.ModeArgument is not null,
    };

    /// <summary>The string literal written in the call: <c>"smtp://…"</c> or <c>new Uri("smtp://…")</c>.</summary>
    private static LiteralExpressionSyntax? UriLiteral(IOperation? value)
    {
        value = OperationTree.SkipConversions(UriValues.TextOperand(value));
        return value is ILiteralOperation { Syntax: LiteralExpressionSyntax literal } && literal.IsKind(SyntaxKind.StringLiteralExpression) ? literal : null;
    }

    private static async Task<Document> SecureMailKitAsync(Document document, InvocationExpressionSyntax syntax, TlsMode mode, int? port, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var model = editor.SemanticModel;
        if (model.GetOperation(syntax, cancellationToken) is not IInvocationOperation invocation
            || !MailKitConnection.TryGet(invocation, KnownTypes.For(model.Compilation), cancellationToken, out var connection))
        {
            return document;
        }

        SecureConnect(editor, model, syntax, connection, mode, port);
        return editor.GetChangedDocument();
    }

    /// <summary>
    /// Gives a MailKit connect call the TLS mode <paramref name="mode"/> (and the port <paramref name="port"/> when it
    /// changes), in its options argument or its URI literal; false when the call has no place to say it.
    /// </summary>
    public static bool SecureConnect(DocumentEditor editor, SemanticModel model, InvocationExpressionSyntax syntax, MailKitConnection connection, TlsMode mode, int? port)
    {
        if (connection.ModeArgument is not { } modeArgument)
        {
            return false;
        }

        if (connection.Shape == ConnectShape.Uri)
        {
            if (UriLiteral(modeArgument.Value) is not { } literal)
            {
                return false;
            }

            var text = SecureUri(literal.Token.ValueText, mode, connection.UriScheme, port);
            editor.ReplaceNode(literal, SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text)).WithTriviaFrom(literal));
            return true;
        }

        var optionsType = KnownTypes.For(model.Compilation).Get(KnownType.MailKit_Security_SecureSocketOptions);
        if (optionsType is null)
        {
            return false;
        }

        var options = SyntaxFactory.ParseExpression(OptionsTypeName(model, syntax.SpanStart, optionsType) + "." + mode);
        if (modeArgument.ArgumentKind == ArgumentKind.DefaultValue)
        {
            AddOptionsArgument(editor, syntax, modeArgument.Parameter!.Ordinal, options);
        }
        else if (modeArgument.Syntax is ArgumentSyntax argument)
        {
            var replacement = argument.WithExpression(options.WithTriviaFrom(argument.Expression));
            if (argument.NameColon is { } nameColon && nameColon.Name.Identifier.ValueText != "options")
            {
                replacement = replacement.WithNameColon(nameColon.WithName(SyntaxFactory.IdentifierName("options").WithTriviaFrom(nameColon.Name)));
            }

            editor.ReplaceNode(argument, replacement);
        }

        if (port is { } newPort && connection.PortArgument is { ArgumentKind: ArgumentKind.Explicit, Syntax: ArgumentSyntax portArgument })
        {
            editor.ReplaceNode(portArgument.Expression, NumberLiteral(newPort).WithTriviaFrom(portArgument.Expression));
        }

        return true;
    }

    /// <summary>
    /// <c>SecureSocketOptions</c> when that name already means MailKit's enum here, else the qualified name: adding
    /// <c>using MailKit.Security;</c> could make other names of the file ambiguous (its <c>AuthenticationException</c>).
    /// </summary>
    private static string OptionsTypeName(SemanticModel model, int position, INamedTypeSymbol optionsType)
    {
        var inScope = model.LookupNamespacesAndTypes(position, name: optionsType.Name);
        return inScope.Length == 1 && SymbolEqualityComparer.Default.Equals(inScope[0], optionsType)
            ? optionsType.Name
            : optionsType.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
    }

    /// <summary>Adds the options argument that was left to its default: positional right after the port, else named.</summary>
    private static void AddOptionsArgument(DocumentEditor editor, InvocationExpressionSyntax syntax, int ordinal, ExpressionSyntax options)
    {
        var arguments = syntax.ArgumentList.Arguments;
        var positional = arguments.Count == ordinal && arguments.All(a => a.NameColon is null);
        var argument = positional
            ? SyntaxFactory.Argument(options)
            : SyntaxFactory.Argument(SyntaxFactory.NameColon("options"), default, options);
        var list = arguments.Count == 0
            ? arguments.Add(argument)
            : SyntaxFactory.SeparatedList(
                arguments.Append(argument),
                arguments.GetSeparators().Append(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space)));
        editor.ReplaceNode(syntax.ArgumentList, syntax.ArgumentList.WithArguments(list));
    }

    /// <summary>
    /// The URI with the mode that works: the secure scheme for implicit TLS, <c>starttls=always</c> for STARTTLS; and
    /// the new port when the port changes.
    /// </summary>
    internal static string SecureUri(string uri, TlsMode mode, string? scheme, int? port)
    {
        var schemeEnd = uri.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            return uri;
        }

        var rest = uri.Substring(schemeEnd + 3);
        var queryStart = rest.IndexOf('?');
        var fragmentStart = rest.IndexOf('#');
        var fragment = fragmentStart >= 0 ? rest.Substring(fragmentStart) : string.Empty;
        if (fragmentStart >= 0)
        {
            rest = rest.Substring(0, fragmentStart);
        }

        var query = queryStart >= 0 && (fragmentStart < 0 || queryStart < fragmentStart) ? rest.Substring(queryStart + 1) : string.Empty;
        var path = queryStart >= 0 && (fragmentStart < 0 || queryStart < fragmentStart) ? rest.Substring(0, queryStart) : rest;
        if (port is { } newPort)
        {
            path = ReplacePort(path, newPort);
        }

        var pairs = query.Length == 0
            ? new List<string>()
            : query.Split('&').Where(p => !p.StartsWith("starttls=", StringComparison.OrdinalIgnoreCase) && !string.Equals(p, "starttls", StringComparison.OrdinalIgnoreCase)).ToList();
        var written = uri.Substring(0, schemeEnd);
        string newScheme;
        if (mode == TlsMode.SslOnConnect)
        {
            newScheme = MailKitConnection.SecureScheme(scheme ?? written.ToLowerInvariant());
        }
        else
        {
            newScheme = PlainScheme(written);
            pairs.Add("starttls=always");
        }

        return newScheme + "://" + path + (pairs.Count > 0 ? "?" + string.Join("&", pairs) : string.Empty) + fragment;
    }

    private static string PlainScheme(string scheme) => scheme.ToLowerInvariant() switch
    {
        "smtps" or "imaps" or "pops" or "pop3s" => scheme.Substring(0, scheme.Length - 1),
        _ => scheme,
    };

    private static string ReplacePort(string authorityAndPath, int port)
    {
        var slash = authorityAndPath.IndexOf('/');
        var authority = slash >= 0 ? authorityAndPath.Substring(0, slash) : authorityAndPath;
        var path = slash >= 0 ? authorityAndPath.Substring(slash) : string.Empty;
        var colon = authority.LastIndexOf(':');
        var host = colon > authority.LastIndexOf(']') && colon > authority.LastIndexOf('@') ? authority.Substring(0, colon) : authority;
        return host + ":" + port.ToString(CultureInfo.InvariantCulture) + path;
    }

    private static async Task<Document> SecureSmtpClientAsync(Document document, Microsoft.CodeAnalysis.Text.TextSpan span, int? port, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var model = editor.SemanticModel;
        var node = editor.OriginalRoot.FindNode(span, getInnermostNodeForTie: true);
        if (SmtpClientMembers.For(KnownTypes.For(model.Compilation)) is not { } members)
        {
            return document;
        }

        var operation = model.GetOperation(node, cancellationToken);
        SmtpClientConfiguration? configuration;
        ISimpleAssignmentOperation? portWrite = null;
        switch (operation)
        {
            case IObjectCreationOperation creation:
                configuration = SmtpClientConfiguration.ForCreation(creation, members, cancellationToken);
                if (port is { } newPort && configuration?.PortArgument is { Syntax: ArgumentSyntax portArgument })
                {
                    editor.ReplaceNode(portArgument.Expression, NumberLiteral(newPort).WithTriviaFrom(portArgument.Expression));
                }

                break;
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment:
                configuration = SmtpClientConfiguration.ForReceiver(target.Instance, assignment, members, cancellationToken);
                if (port is { } assignedPort && SmtpClientMembers.Is(target.Property, members.Port) && assignment.Syntax is AssignmentExpressionSyntax portSyntax)
                {
                    editor.ReplaceNode(portSyntax.Right, NumberLiteral(assignedPort).WithTriviaFrom(portSyntax.Right));
                    portWrite = assignment;
                }

                break;
            default:
                return document;
        }

        if (configuration is null)
        {
            return document;
        }

        foreach (var write in configuration.EnableSslWrites)
        {
            if (SmtpClientConfiguration.IsConstant(write.Value, false, cancellationToken) && write.Syntax is AssignmentExpressionSyntax enableSsl
                && enableSsl.SyntaxTree == editor.OriginalRoot.SyntaxTree)
            {
                editor.ReplaceNode(enableSsl.Right, SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression).WithTriviaFrom(enableSsl.Right));
            }
        }

        if (configuration.EnableSslWrites.Count == 0)
        {
            AddEnableSsl(editor, configuration, portWrite);
        }

        return editor.GetChangedDocument();
    }

    /// <summary><c>EnableSsl = true</c> in the creation's object initializer, or after the <c>Port</c> write of a client made elsewhere.</summary>
    private static void AddEnableSsl(DocumentEditor editor, SmtpClientConfiguration configuration, ISimpleAssignmentOperation? portWrite)
    {
        var member = SyntaxFactory.AssignmentExpression(
            SyntaxKind.SimpleAssignmentExpression,
            SyntaxFactory.IdentifierName("EnableSsl"),
            SyntaxFactory.Token(SyntaxKind.EqualsToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space),
            SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression));

        switch (configuration.Creation?.Syntax)
        {
            case BaseObjectCreationExpressionSyntax creation when creation.SyntaxTree == editor.OriginalRoot.SyntaxTree:
                editor.ReplaceNode(creation, (current, _) => WithInitializerMember((BaseObjectCreationExpressionSyntax)current, member));
                return;
        }

        if (portWrite?.Syntax.Parent is ExpressionStatementSyntax statement && portWrite.Syntax is AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax access })
        {
            var enable = SyntaxFactory.ExpressionStatement(member.WithLeft(access.WithName(SyntaxFactory.IdentifierName("EnableSsl"))))
                .WithLeadingTrivia(Indentation(statement.GetLeadingTrivia()))
                .WithTrailingTrivia(statement.GetTrailingTrivia());
            editor.InsertAfter(statement, enable);
        }
    }

    /// <summary>The statement's own indentation, without the comments and blank lines above it.</summary>
    private static SyntaxTriviaList Indentation(SyntaxTriviaList leading)
    {
        var lastLineBreak = -1;
        for (var i = 0; i < leading.Count; i++)
        {
            if (leading[i].IsKind(SyntaxKind.EndOfLineTrivia))
            {
                lastLineBreak = i;
            }
        }

        return SyntaxFactory.TriviaList(leading.Skip(lastLineBreak + 1).Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)));
    }

    private static BaseObjectCreationExpressionSyntax WithInitializerMember(BaseObjectCreationExpressionSyntax creation, AssignmentExpressionSyntax member)
    {
        if (creation.Initializer is not { } initializer)
        {
            var trailing = creation.GetTrailingTrivia();
            var created = creation.WithoutTrailingTrivia();
            var withSpace = created switch
            {
                ObjectCreationExpressionSyntax { ArgumentList: null } explicitCreation => explicitCreation.WithType(explicitCreation.Type.WithTrailingTrivia(SyntaxFactory.Space)),
                _ => created.WithTrailingTrivia(SyntaxFactory.Space),
            };

            var newInitializer = SyntaxFactory.InitializerExpression(
                SyntaxKind.ObjectInitializerExpression,
                SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithTrailingTrivia(SyntaxFactory.Space),
                SyntaxFactory.SingletonSeparatedList<ExpressionSyntax>(member),
                SyntaxFactory.Token(SyntaxKind.CloseBraceToken).WithTrailingTrivia(trailing));
            return withSpace.WithInitializer(newInitializer);
        }

        var expressions = initializer.Expressions;
        if (expressions.Count == 0)
        {
            return creation.WithInitializer(initializer.WithExpressions(SyntaxFactory.SingletonSeparatedList<ExpressionSyntax>(member.WithTrailingTrivia(SyntaxFactory.Space))));
        }

        var last = expressions[expressions.Count - 1];
        var separators = expressions.GetSeparators().ToList();
        // Multi-line when the members are already on lines of their own; the new one follows with the file's line ending.
        var multiLine = initializer.OpenBraceToken.TrailingTrivia.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia))
            || separators.Any(s => s.TrailingTrivia.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia)));
        var lineBreak = SyntaxFactory.TriviaList(initializer.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)));
        var nodes = expressions.ToList();
        ExpressionSyntax added = member.WithLeadingTrivia(last.GetLeadingTrivia());
        if (expressions.SeparatorCount == expressions.Count)
        {
            // A trailing comma: keep the style, the new member gets one too.
            var trailingComma = separators[separators.Count - 1];
            nodes.Add(added);
            separators.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(trailingComma.TrailingTrivia));
        }
        else
        {
            nodes[nodes.Count - 1] = last.WithoutTrailingTrivia();
            nodes.Add(added.WithTrailingTrivia(last.GetTrailingTrivia()));
            separators.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(multiLine ? lineBreak : SyntaxFactory.TriviaList(SyntaxFactory.Space)));
        }

        return creation.WithInitializer(initializer.WithExpressions(SyntaxFactory.SeparatedList(nodes, separators)));
    }

    private static LiteralExpressionSyntax NumberLiteral(int value) =>
        SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(value));
}
