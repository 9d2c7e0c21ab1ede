using System.Threading;
using System.Threading.Tasks;
using LegacyAuthAnalyzers.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

namespace LegacyAuthAnalyzers.CodeFixes.Fixes.OAuth;

/// <summary>
/// The credential fixes shared by LA1001, LA1002, LA1003 and LA3001: which actions a finding gets, and applying one
/// kind of action to any number of findings across a solution in one pass, which is also what Fix All does. One pass
/// lets the token provider be added once per project and the secrets left unused be found after every site is fixed.
/// </summary>
internal static class CredentialFixes
{
    public static async Task RegisterAsync(CodeFixContext context, CredentialFixKeys keys)
    {
        try
        {
            var analysis = await DocumentAnalysis.CreateAsync(context.Document, context.CancellationToken).ConfigureAwait(false);
            if (analysis is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                var target = analysis.Resolve(diagnostic, context.CancellationToken);
                if (target is null)
                {
                    continue;
                }

                foreach (var (kind, plan, audience) in Available(target, analysis, keys, bulk: false, context.CancellationToken))
                {
                    var document = context.Document;
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            Title(kind, plan, audience),
                            cancellationToken => FixAsync(document.Project.Solution, new[] { (document.Id, ImmutableArray.Create(diagnostic)) }, keys, kind, bulk: false, cancellationToken),
                            keys.Key(kind)),
                        diagnostic);
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A fixer that throws takes the light bulb down with it: offer nothing instead.
        }
    }

    public static string Title(CredentialFixKind kind, SitePlan plan, MailAudience audience)
    {
        var title = (kind, plan, audience) switch
        {
            (CredentialFixKind.OAuthSignedInUser, SmtpClientMigrationPlan, MailAudience.PersonalAccount) =>
                "Move to MailKit with OAuth 2.0 and the Outlook.com user's token (MSAL, consumers authority)",
            (CredentialFixKind.OAuthSignedInUser, _, MailAudience.PersonalAccount) => "Use OAuth 2.0 with the Outlook.com user's token (MSAL, consumers authority)",
            (CredentialFixKind.OAuthAppOnly, SmtpClientMigrationPlan, _) => "Move to MailKit with OAuth 2.0 and an app-only token (MSAL client credentials)",
            (CredentialFixKind.OAuthSignedInUser, SmtpClientMigrationPlan, _) => "Move to MailKit with OAuth 2.0 and the signed-in user's token (MSAL)",
            (CredentialFixKind.OAuthAppOnly, _, _) => "Use OAuth 2.0 with an app-only token (MSAL client credentials)",
            (CredentialFixKind.OAuthSignedInUser, _, _) => "Use OAuth 2.0 with the signed-in user's token (MSAL)",
            (_, ReadFromEnvironmentPlan read, _) => "Read the password from the " + read.Variable + " environment variable",
            _ => "Read the password from an environment variable",
        };

        return kind != CredentialFixKind.ReadFromEnvironment && audience == MailAudience.Unknown
            ? title + ", assuming the server is Microsoft 365"
            : title;
    }

    /// <summary>
    /// The actions a finding gets, app-only first so that <c>dotnet format</c> (which takes the first) applies it. In
    /// <paramref name="bulk"/> (Fix All, <c>dotnet format</c>) an OAuth action is only applied where the host is known
    /// to be Microsoft's: nobody reviews each site there, and a token sent to another server is a failed login at best.
    /// </summary>
    public static IEnumerable<(CredentialFixKind Kind, SitePlan Plan, MailAudience Audience)> Available(
        FixTarget target, DocumentAnalysis analysis, CredentialFixKeys keys, bool bulk, CancellationToken cancellationToken)
    {
        var results = new List<(CredentialFixKind, SitePlan, MailAudience)>();
        var audience = MailAudiences.Of(target, analysis, keys.RuleId, cancellationToken);
        var oauth = audience is MailAudience.Organization or MailAudience.PersonalAccount || audience == MailAudience.Unknown && !bulk;
        if (oauth
            && CredentialFixPlanner.OAuthPlan(target, analysis, cancellationToken) is { } plan
            && TokenSourceFor(analysis, target.Site.Sink.Syntax, null, cancellationToken) is { } tokens)
        {
            // Personal accounts have no app-only flow: there is no tenant to consent for them.
            if (plan.SupportsAppOnly && audience != MailAudience.PersonalAccount)
            {
                results.Add((CredentialFixKind.OAuthAppOnly, plan, audience));
            }

            var flow = audience == MailAudience.PersonalAccount ? TokenFlow.PersonalAccount : TokenFlow.SignedInUser;
            if (tokens.Supports(flow, plan.Protocol))
            {
                results.Add((CredentialFixKind.OAuthSignedInUser, plan, audience));
            }
        }

        if (keys.ReadFromEnvironment is not null && CredentialFixPlanner.ReadFromEnvironmentPlan(target, analysis) is { } read)
        {
            results.Add((CredentialFixKind.ReadFromEnvironment, read, audience));
        }

        return results;
    }

    /// <summary>
    /// Whether an action of <paramref name="available"/> kind carries out a Fix All of <paramref name="requested"/> kind.
    /// A personal Outlook.com account has no app-only flow: app-only OAuth in bulk (what <c>dotnet format</c> applies when
    /// a Microsoft 365 finding comes first) gives it the one OAuth flow it has, rather than leaving its password in place.
    /// </summary>
    private static bool Serves(CredentialFixKind? requested, CredentialFixKind available, MailAudience audience) =>
        requested is null
        || available == requested
        || requested == CredentialFixKind.OAuthAppOnly && available == CredentialFixKind.OAuthSignedInUser && audience == MailAudience.PersonalAccount;

    /// <summary>
    /// Applies <paramref name="kind"/> to every finding of <paramref name="work"/> that offers it; with no kind, each
    /// finding gets its own first action, which is what a caller that picked no action (dotnet format) asks for.
    /// </summary>
    public static async Task<Solution> FixAsync(
        Solution solution, IEnumerable<(DocumentId DocumentId, ImmutableArray<Diagnostic> Diagnostics)> work, CredentialFixKeys keys, CredentialFixKind? kind, bool bulk, CancellationToken cancellationToken)
    {
        try
        {
            return await ApplyAsync(solution, work, keys, kind, bulk, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A fixer must never throw (SPEC §8): an unexpected shape leaves the code as it was.
            return solution;
        }
    }

    private static async Task<Solution> ApplyAsync(
        Solution solution, IEnumerable<(DocumentId DocumentId, ImmutableArray<Diagnostic> Diagnostics)> work, CredentialFixKeys keys, CredentialFixKind? kind, bool bulk, CancellationToken cancellationToken)
    {
        var plans = new Dictionary<DocumentId, (DocumentAnalysis Analysis, List<(SitePlan Plan, CredentialFixKind Kind, MailAudience Audience)> Plans, TokenSource? Tokens)>();
        var providers = new Dictionary<ProjectId, ProviderRequest>();

        // MSBuildWorkspace (dotnet format) writes an explicit Compile item for every added file, which SDK-style projects
        // then reject as a duplicate of their default globs: there the provider goes into a file the fix edits anyway.
        var inline = solution.Workspace.Kind == WorkspaceKind.MSBuild;

        foreach (var (documentId, diagnostics) in work)
        {
            var document = solution.GetDocument(documentId);
            var analysis = document is null ? null : await DocumentAnalysis.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            if (analysis is null)
            {
                continue;
            }

            var documentPlans = new List<(SitePlan Plan, CredentialFixKind Kind, MailAudience Audience)>();
            TokenSource? tokens = null;
            foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
            {
                var target = analysis.Resolve(diagnostic, cancellationToken);
                if (target is null)
                {
                    continue;
                }

                var (availableKind, available, audience) = Available(target, analysis, keys, bulk, cancellationToken).FirstOrDefault(a => Serves(kind, a.Kind, a.Audience));
                if (available is null || documentPlans.Any(p => p.Plan.Anchor.Span.IntersectsWith(available.Anchor.Span)))
                {
                    continue;
                }

                if (available.UsesToken && tokens is null)
                {
                    var providerNamespace = providers.TryGetValue(document!.Project.Id, out var request)
                        ? request.Namespace
                        : ProviderNamespace(analysis, available.Anchor, inline, cancellationToken);
                    tokens = TokenSourceFor(analysis, available.Anchor, providerNamespace, cancellationToken);
                    if (tokens is null)
                    {
                        continue;
                    }

                    if (tokens.AddsProvider && request is null)
                    {
                        providers[document.Project.Id] = new ProviderRequest(providerNamespace, analysis, available.Anchor, inline);
                    }
                }

                documentPlans.Add((available, availableKind, audience));
            }

            if (documentPlans.Count > 0)
            {
                plans[documentId] = (analysis, documentPlans, tokens);
            }
        }

        if (plans.Count == 0)
        {
            return solution;
        }

        var applied = plans.Values.SelectMany(p => p.Plans).Select(p => p.Plan).ToList();
        var removals = await SecretRemoval.FindAsync(
            solution, applied.SelectMany(p => p.Removed).ToList(), applied.SelectMany(p => p.Copied).ToList(), cancellationToken).ConfigureAwait(false);

        var newSolution = solution;
        foreach (var pair in providers.Where(p => !p.Value.Inline))
        {
            newSolution = AddProvider(newSolution, pair.Key, pair.Value);
        }

        var changedDocuments = plans.Keys.Concat(removals.Keys).Distinct().ToList();
        foreach (var documentId in changedDocuments)
        {
            var document = solution.GetDocument(documentId)!;
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);

            // Before the plans: a plan may replace the last member, after which nothing could be inserted after it.
            var inlineProvider = providers.Values.FirstOrDefault(p => p.Inline && p.Analysis.Document.Id == documentId);
            if (inlineProvider is not null)
            {
                AppendProvider(editor, inlineProvider);
            }

            if (plans.TryGetValue(documentId, out var entry))
            {
                var secured = new HashSet<SyntaxNode>();
                foreach (var (plan, planKind, audience) in entry.Plans)
                {
                    plan.Apply(editor, new PlanContext(entry.Tokens, planKind, audience, secured));
                }
            }

            SecretRemoval.Apply(editor, removals, documentId);

            newSolution = newSolution.WithDocumentSyntaxRoot(documentId, editor.GetChangedRoot());
        }

        // Code actions reduce the global::-qualified names they insert; the using directives those names need are
        // added here, once every document (and the provider) is in place, and none that would make a name ambiguous.
        foreach (var documentId in changedDocuments)
        {
            var changed = newSolution.GetDocument(documentId)!;
            changed = await ImportAdder.AddImportsAsync(changed, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            changed = await RemoveImportsMadeUnusedAsync(solution.GetDocument(documentId)!, changed, cancellationToken).ConfigureAwait(false);
            newSolution = changed.Project.Solution;
        }

        return newSolution;
    }

    /// <summary>
    /// The using directives of the namespaces the credential code came from (<c>NetworkCredential</c>, <c>SmtpClient</c>,
    /// <c>WebCredentials</c>) go when the fix took their last use; one that was already unused is not the fix's business.
    /// </summary>
    private static async Task<Document> RemoveImportsMadeUnusedAsync(Document original, Document changed, CancellationToken cancellationToken)
    {
        foreach (var namespaceName in new[] { "System.Net", "System.Net.Mail" })
        {
            var wasUnused = await UnusedImports.RemoveAsync(original, namespaceName, cancellationToken).ConfigureAwait(false) != original;
            if (!wasUnused)
            {
                changed = await UnusedImports.RemoveAsync(changed, namespaceName, cancellationToken).ConfigureAwait(false);
            }

        }

        return changed;
    }

    /// <summary>The project's default namespace, else the namespace of the first fixed site; inline, always the latter.</summary>
    private static string? ProviderNamespace(DocumentAnalysis analysis, SyntaxNode anchor, bool inline, CancellationToken cancellationToken) =>
        !inline && analysis.Document.Project.DefaultNamespace is { Length: > 0 } defaultNamespace ? defaultNamespace : analysis.NamespaceOf(anchor, cancellationToken);

    private static TokenSource? TokenSourceFor(DocumentAnalysis analysis, SyntaxNode anchor, string? providerNamespace, CancellationToken cancellationToken)
    {
        var project = analysis.Document.Project;
        providerNamespace ??= ProviderNamespace(analysis, anchor, inline: false, cancellationToken);
        var tokens = TokenSource.For(analysis.Model.Compilation, project.AnalyzerOptions, analysis.Root.SyntaxTree, providerNamespace);

        // The generated provider is C# 7.3: default literals and throw expressions.
        return tokens is { AddsProvider: true } && analysis.LanguageVersion < LanguageVersion.CSharp7_3 ? null : tokens;
    }

    private static Solution AddProvider(Solution solution, ProjectId projectId, ProviderRequest request)
    {
        var project = solution.GetProject(projectId);
        if (project is null)
        {
            return solution;
        }

        var analysis = request.Analysis;
        var signIn = Sign(analysis);
        var newLine = analysis.Root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)).ToString() is { Length: > 0 } eol ? eol : "\n";
        var text = MailTokenProviderTemplate.Generate(
            request.Namespace,
            fileScopedNamespace: analysis.LanguageVersion >= LanguageVersion.CSharp10 && (analysis.UsesFileScopedNamespace || !HasBlockNamespace(analysis.Root)),
            nullableAnnotations: analysis.LanguageVersion >= LanguageVersion.CSharp8,
            signIn,
            newLine);

        var name = MailTokenProviderTemplate.FileName;
        var folder = project.FilePath is { Length: > 0 } projectPath ? System.IO.Path.GetDirectoryName(projectPath) : System.IO.Path.GetDirectoryName(analysis.Document.FilePath);
        var filePath = folder is null ? null : System.IO.Path.Combine(folder, name);
        return solution.AddDocument(DocumentId.CreateNewId(projectId), name, SourceText.From(text), folders: null, filePath: filePath);
    }

    private static bool HasBlockNamespace(SyntaxNode root) => root.DescendantNodes(n => n is CompilationUnitSyntax or NamespaceDeclarationSyntax).OfType<NamespaceDeclarationSyntax>().Any();

    /// <summary>
    /// The provider class at the end of the namespace that holds the first fixed site (or of the file), written with
    /// qualified names so that the file needs no new using directive; they are reduced where the file's own allow.
    /// </summary>
    private static void AppendProvider(DocumentEditor editor, ProviderRequest request)
    {
        var analysis = request.Analysis;
        var nullable = analysis.LanguageVersion >= LanguageVersion.CSharp8;
        var container = (SyntaxNode?)request.Anchor.FirstAncestorOrSelf<BaseNamespaceDeclarationSyntax>() ?? analysis.Root;
        var members = container switch
        {
            BaseNamespaceDeclarationSyntax declaration => declaration.Members,
            CompilationUnitSyntax compilationUnit => compilationUnit.Members,
            _ => default,
        };
        if (members.Count == 0)
        {
            return;
        }

        var last = members[members.Count - 1];
        var indentation = container is NamespaceDeclarationSyntax ? new string(' ', last.GetLeadingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).Span.Length) : string.Empty;
        var newLine = analysis.Root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)).ToString() is { Length: > 0 } eol ? eol : "\n";
        var lines = MailTokenProviderTemplate.GenerateClass(qualifiedNames: true, nullable, Sign(analysis)).Split('\n');
        // A blank line between the last member and the provider, whether or not the file ended with a line break.
        var text = new System.Text.StringBuilder(last.GetTrailingTrivia().Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) ? newLine : newLine + newLine);
        if (nullable)
        {
            text.Append("#nullable enable").Append(newLine);
        }

        foreach (var line in lines)
        {
            text.Append(line.Length == 0 ? string.Empty : indentation + line).Append(newLine);
        }

        if (nullable)
        {
            text.Append("#nullable restore").Append(newLine);
        }

        var unit = SyntaxFactory.ParseCompilationUnit(text.ToString(), options: analysis.Root.SyntaxTree.Options as CSharpParseOptions);
        var provider = unit.Members[0];
        provider = provider
            .WithTrailingTrivia(provider.GetTrailingTrivia().AddRange(unit.EndOfFileToken.LeadingTrivia))
            .WithAdditionalAnnotations(Simplifier.Annotation);
        editor.InsertAfter(last, provider);
    }

    private static UserSignIn Sign(DocumentAnalysis analysis) =>
        analysis.Model.Compilation.Options.OutputKind == OutputKind.ConsoleApplication ? UserSignIn.DeviceCode : UserSignIn.Interactive;

    private sealed class ProviderRequest
    {
        public ProviderRequest(string? @namespace, DocumentAnalysis analysis, SyntaxNode anchor, bool inline)
        {
            Namespace = @namespace;
            Analysis = analysis;
            Anchor = anchor;
            Inline = inline;
        }

        public string? Namespace { get; }

        public DocumentAnalysis Analysis { get; }

        public SyntaxNode Anchor { get; }

        /// <summary>The class goes into the document of <see cref="Analysis"/> rather than a file of its own.</summary>
        public bool Inline { get; }
    }
}
