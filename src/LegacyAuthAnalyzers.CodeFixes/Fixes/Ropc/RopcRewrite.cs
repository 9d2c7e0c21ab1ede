using System.Threading;
using System.Threading.Tasks;
using LegacyAuthAnalyzers.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;

namespace LegacyAuthAnalyzers.CodeFixes.Fixes.Ropc;

/// <summary>The LA4003 actions, in the order a finding offers them when the code has a user to ask.</summary>
internal enum RopcFixKind
{
    /// <summary>The signed-in user: MSAL's token cache first (<c>AcquireTokenSilent</c>), then the device code flow.</summary>
    SignedInUser,

    /// <summary>The service's own identity: client credentials with the resource's <c>/.default</c> scope.</summary>
    AppOnly,
}

/// <summary>
/// Rewrites a username/password token call (LA4003) into a call of the same type, <c>Task&lt;AuthenticationResult&gt;</c>,
/// so that every use of its result compiles unchanged. The MSAL application lives as long as the process (a static
/// field, or the caller's own application), so its token cache serves every later call.
/// </summary>
internal static class RopcRewrite
{
    public const string SilentOrDeviceCodeMethod = "AcquireTokenSilentOrDeviceCodeAsync";
    public const string ServiceApplicationField = "ServiceApplication";

    private const string LoggingNamespace = "Microsoft.Extensions.Logging";

    // The names the new code needs in most files anyway; the rest stay global::-qualified rather than add usings.
    private static readonly string[] ImportedNamespaces = { "System", "System.Threading.Tasks", "Microsoft.Identity.Client" };

    /// <summary>
    /// The actions for a site: app-only first where the project has no user to ask (no console input, no UI framework),
    /// since an unattended service waiting for a device code sign-in would wait forever.
    /// </summary>
    public static IReadOnlyList<RopcFixKind> Available(RopcSite site, Compilation compilation)
    {
        if (site.AppOnlyResource is null)
        {
            return site.Options.IsEmpty ? new[] { RopcFixKind.SignedInUser } : Array.Empty<RopcFixKind>();
        }

        if (!site.Options.IsEmpty)
        {
            // The signed-in user's helper has no request builder for the options to go on.
            return new[] { RopcFixKind.AppOnly };
        }

        return HasUserInteraction(compilation)
            ? new[] { RopcFixKind.SignedInUser, RopcFixKind.AppOnly }
            : new[] { RopcFixKind.AppOnly, RopcFixKind.SignedInUser };
    }

    /// <summary>Rewrites the site marked with <paramref name="target"/>; with no kind, its first action.</summary>
    public static async Task<Document> ApplyAsync(Document document, SyntaxAnnotation target, RopcFixKind? kind, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null
            || root.GetAnnotatedNodes(target).OfType<InvocationExpressionSyntax>().FirstOrDefault() is not { } invocation
            || RopcSite.Find(model, invocation, cancellationToken) is not { } site)
        {
            return document;
        }

        var available = Available(site, model.Compilation);
        if (available.Count == 0)
        {
            return document;
        }

        var chosen = kind ?? available[0];
        if (!available.Contains(chosen))
        {
            return document;
        }

        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var newLine = FixDocument.NewLineOf(root);
        var removed = new List<SyntaxNode>(site.DroppedArguments);
        var copied = new List<SyntaxNode> { site.Application };
        if (site.Cancellation is not null)
        {
            copied.Add(site.Cancellation);
        }

        var needsLoggingImport = false;
        if (chosen == RopcFixKind.AppOnly)
        {
            removed.Add(site.Scopes);
            removed.Add(site.Application);
            var call = SyntaxFactory.ParseExpression(
                ServiceApplicationField + ".Value.AcquireTokenForClient(new[] { " + MsalScopes.DefaultScopeLiteral(site.AppOnlyResource!) + " })"
                + OptionsText(site) + ".ExecuteAsync(" + (site.Cancellation?.ToString() ?? string.Empty) + ")");
            editor.ReplaceNode(site.Execute, call.WithTriviaFrom(site.Execute));
            if (!HasMember(model, site.Container, ServiceApplicationField, cancellationToken))
            {
                editor.InsertMembers(site.Container, 0, new[] { PrepareFirst(ServiceApplicationText(), newLine) });
            }

            if (site.ApplicationBuiltPerCall is { Parent.Parent: LocalDeclarationStatementSyntax statement } declarator
                && model.GetDeclaredSymbol(declarator, cancellationToken) is { } local
                && await SymbolUses.OnlyWithinAsync(local, document.Project.Solution, (tree, span) => tree == root.SyntaxTree && site.Execute.Span.Contains(span), cancellationToken).ConfigureAwait(false))
            {
                // The public client served only the replaced call.
                Statements.Remove(editor, statement);
            }
        }
        else
        {
            copied.Add(site.Scopes);
            var body = FixDocument.MemberBody(site.Execute) ?? root;
            var parameter = FixDocument.UniqueName(model, site.Execute.SpanStart, body, "deviceCode");
            var indentation = FixDocument.LineIndentation(text, site.Execute.SpanStart);
            var show = site.Logger is null
                ? "System.Console.WriteLine(" + parameter + ".Message);"
                : site.Logger.Name + ".LogInformation(\"{DeviceCodeMessage}\", " + parameter + ".Message);";
            var callback = parameter + " =>" + newLine
                + indentation + "{" + newLine
                + indentation + "    " + show + newLine
                + indentation + "    return System.Threading.Tasks.Task.CompletedTask;" + newLine
                + indentation + "}";
            var call = SyntaxFactory.ParseExpression(
                SilentOrDeviceCodeMethod + "(" + site.Application.WithoutTrivia() + ", " + site.Scopes.WithoutTrivia() + ", " + callback
                + (site.Cancellation is null ? string.Empty : ", " + site.Cancellation.WithoutTrivia()) + ")");
            editor.ReplaceNode(site.Execute, Mark(call).WithTriviaFrom(site.Execute));
            needsLoggingImport = site.Logger is not null && !site.HasLoggingExtensions;

            if (!HasMember(model, site.Container, SilentOrDeviceCodeMethod, cancellationToken))
            {
                AddSilentOrDeviceCode(editor, site, newLine);
            }

            if (site.ApplicationBuiltPerCall is { Initializer.Value: var built })
            {
                // Built once and kept: a new application per call would start with an empty token cache every time.
                var field = FixDocument.UniqueName(model, site.Execute.SpanStart, site.Container, "signInApplication");
                editor.ReplaceNode(built, SyntaxFactory.ParseExpression(field + " ??= " + built.WithoutTrivia()).WithTriviaFrom(built));
                var declaration = "private static Microsoft.Identity.Client.IPublicClientApplication" + (site.NullableAnnotations ? "?" : string.Empty) + " " + field + ";";
                editor.InsertMembers(site.Container, 0, new[] { PrepareFirst(declaration, newLine) });
            }
        }

        var removals = await SecretRemoval.FindAsync(document.Project.Solution, removed, copied, cancellationToken).ConfigureAwait(false);
        SecretRemoval.Apply(editor, removals, document.Id);

        var changed = editor.GetChangedDocument();
        return needsLoggingImport ? await FixDocument.AddImportAsync(changed, LoggingNamespace, cancellationToken).ConfigureAwait(false) : changed;
    }

    /// <summary>The request options as written, each with the line break and indentation it had before it.</summary>
    private static string OptionsText(RopcSite site)
    {
        var text = new System.Text.StringBuilder();
        foreach (var option in site.Options)
        {
            if (option.Expression is MemberAccessExpressionSyntax access)
            {
                text.Append(access.Expression.GetTrailingTrivia().ToFullString()).Append(access.OperatorToken.LeadingTrivia.ToFullString()).Append('.').Append(access.Name.ToFullString()).Append(option.ArgumentList.ToString());
            }
        }

        // The ExecuteAsync that follows keeps its own line when it had one.
        if (site.Execute.Expression is MemberAccessExpressionSyntax execute)
        {
            text.Append(execute.Expression.GetTrailingTrivia().ToFullString()).Append(execute.OperatorToken.LeadingTrivia.ToFullString());
        }

        return text.ToString();
    }

    private static void AddSilentOrDeviceCode(DocumentEditor editor, RopcSite site, string newLine)
    {
        if (site.Container is ClassDeclarationSyntax or StructDeclarationSyntax or RecordDeclarationSyntax)
        {
            editor.AddMember(site.Container, Prepare("private static " + SilentOrDeviceCodeText(), newLine));
            return;
        }

        // A top-level program: a local function after its last statement, where every statement can call it.
        var last = ((CompilationUnitSyntax)site.Container).Members.OfType<GlobalStatementSyntax>().Last();
        var function = (LocalFunctionStatementSyntax)SyntaxFactory.ParseStatement(SilentOrDeviceCodeText());
        var separator = last.GetTrailingTrivia().Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia))
            ? SyntaxFactory.TriviaList(SyntaxFactory.EndOfLine(newLine))
            : SyntaxFactory.TriviaList(SyntaxFactory.EndOfLine(newLine), SyntaxFactory.EndOfLine(newLine));
        editor.InsertAfter(last, SyntaxFactory.GlobalStatement(Mark(function))
            .WithLeadingTrivia(separator)
            .WithTrailingTrivia(SyntaxFactory.EndOfLine(newLine))
            .WithAdditionalAnnotations(Formatter.Annotation));
    }

    /// <summary>A member for the top of the type: a blank line after it separates it from the members that follow.</summary>
    private static MemberDeclarationSyntax PrepareFirst(string text, string newLine) =>
        Mark(SyntaxFactory.ParseMemberDeclaration(text)!)
            .WithTrailingTrivia(SyntaxFactory.EndOfLine(newLine), SyntaxFactory.EndOfLine(newLine))
            .WithAdditionalAnnotations(Formatter.Annotation);

    /// <summary>A member for the end of the type, after a blank line.</summary>
    private static MemberDeclarationSyntax Prepare(string text, string newLine) =>
        Mark(SyntaxFactory.ParseMemberDeclaration(text)!)
            .WithLeadingTrivia(SyntaxFactory.EndOfLine(newLine))
            .WithTrailingTrivia(SyntaxFactory.EndOfLine(newLine))
            .WithAdditionalAnnotations(Formatter.Annotation);

    private static TNode Mark<TNode>(TNode node)
        where TNode : SyntaxNode
    {
        foreach (var namespaceName in ImportedNamespaces)
        {
            node = FixDocument.MarkForImport(node, namespaceName);
        }

        return node;
    }

    private static bool HasMember(SemanticModel model, SyntaxNode container, string name, CancellationToken cancellationToken) =>
        container is CompilationUnitSyntax unit
            ? unit.Members.OfType<GlobalStatementSyntax>().Any(g => g.Statement is LocalFunctionStatementSyntax function && function.Identifier.ValueText == name)
            : model.GetDeclaredSymbol(container, cancellationToken) is INamedTypeSymbol type && type.GetMembers(name).Length > 0;

    private static string SilentOrDeviceCodeText() => """
        async System.Threading.Tasks.Task<Microsoft.Identity.Client.AuthenticationResult> AcquireTokenSilentOrDeviceCodeAsync(
            Microsoft.Identity.Client.IPublicClientApplication application,
            global::System.Collections.Generic.IEnumerable<string> scopes,
            System.Func<Microsoft.Identity.Client.DeviceCodeResult, System.Threading.Tasks.Task> deviceCodeCallback,
            global::System.Threading.CancellationToken cancellationToken = default)
        {
            // The account that signed in before gets its token from MSAL's cache, refreshed without asking again.
            var accounts = await application.GetAccountsAsync().ConfigureAwait(false);
            var account = global::System.Linq.Enumerable.FirstOrDefault(accounts);
            if (account != null)
            {
                try
                {
                    return await application.AcquireTokenSilent(scopes, account).ExecuteAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Microsoft.Identity.Client.MsalUiRequiredException)
                {
                    // The cached sign-in expired or needs consent again: the user signs in with a device code.
                }
            }

            return await application.AcquireTokenWithDeviceCode(scopes, deviceCodeCallback).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }
        """;

    private static string ServiceApplicationText() => """
        // The service's own identity (client credentials), built once: MSAL serves repeated calls from its token cache.
        // The app registration needs the application permission for the mailbox or API and admin consent.
        private static readonly System.Lazy<Microsoft.Identity.Client.IConfidentialClientApplication> ServiceApplication =
            new System.Lazy<Microsoft.Identity.Client.IConfidentialClientApplication>(() => Microsoft.Identity.Client.ConfidentialClientApplicationBuilder
                .Create(System.Environment.GetEnvironmentVariable("MAIL_OAUTH_CLIENT_ID") ?? throw new System.InvalidOperationException("Set MAIL_OAUTH_CLIENT_ID to the application (client) ID."))
                .WithTenantId(System.Environment.GetEnvironmentVariable("MAIL_OAUTH_TENANT_ID") ?? throw new System.InvalidOperationException("Set MAIL_OAUTH_TENANT_ID to the directory (tenant) ID."))
                .WithClientSecret(System.Environment.GetEnvironmentVariable("MAIL_OAUTH_CLIENT_SECRET") ?? throw new System.InvalidOperationException("Set MAIL_OAUTH_CLIENT_SECRET to the app's client secret."))
                .Build());
        """;

    /// <summary>Whether the project asks a person for anything: console input or a desktop or mobile UI framework.</summary>
    private static bool HasUserInteraction(Compilation compilation)
    {
        foreach (var assembly in compilation.ReferencedAssemblyNames)
        {
            if (assembly.Name is "System.Windows.Forms" or "PresentationFramework" or "Microsoft.Maui" or "Microsoft.Maui.Controls" or "Microsoft.WinUI" or "Avalonia")
            {
                return true;
            }
        }

        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.TryGetText(out var text) ? text.ToString().Contains("Console.Read") : tree.GetText().ToString().Contains("Console.Read"))
            {
                return true;
            }
        }

        return false;
    }
}
