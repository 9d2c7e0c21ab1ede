using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using LegacyAuthAnalyzers.CodeFixes.Fixes.OAuth;
using LegacyAuthAnalyzers.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace LegacyAuthAnalyzers.CodeFixes.Fixes;

/// <summary>
/// LA1005: the hard-coded client secret becomes a read of <c>MAIL_OAUTH_CLIENT_SECRET</c>, the environment variable the
/// token provider of the OAuth fixes reads, so one app registration is configured one way however the code gets its
/// token. A missing variable fails loudly instead of sending an empty secret, and the constant that held the secret is
/// removed when nothing else uses it. Configuration-file findings have no fix: the value belongs in a secret store.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LA1005_HardCodedClientSecretCodeFix)), Shared]
public sealed class LA1005_HardCodedClientSecretCodeFix : CodeFixProvider
{
    public const string ReadFromEnvironmentKey = "LA1005.ReadFromEnvironment";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.HardCodedClientSecret);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        try
        {
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (model is null || root is null || (root.SyntaxTree.Options as CSharpParseOptions)?.LanguageVersion < LanguageVersion.CSharp7)
            {
                // The read ends in a throw expression, which needs C# 7.
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (diagnostic.Location.SourceTree == root.SyntaxTree
                    && FindSecret(root, model, diagnostic, context.CancellationToken) is { } secret)
                {
                    var document = context.Document;
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            "Read the client secret from the " + MailTokenProviderTemplate.ClientSecretVariable + " environment variable",
                            cancellationToken => FixAsync(document, secret, cancellationToken),
                            ReadFromEnvironmentKey),
                        diagnostic);
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A fixer that throws takes the light bulb down with it: offer nothing instead.
        }
    }

    /// <summary>The expression the diagnostic is on, when the analyzers' own sink model still sees a client secret there.</summary>
    private static ExpressionSyntax? FindSecret(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax expression
            || expression.Span != diagnostic.Location.SourceSpan
            || SinkOf(expression) is not { } sinkSyntax
            || model.GetOperation(sinkSyntax, cancellationToken) is not { } sink)
        {
            return null;
        }

        var sites = new ClientSecretSites(KnownTypes.For(model.Compilation));
        return sites.TryGet(sink, out var site) && site.Secret.Syntax == expression ? expression : null;
    }

    /// <summary>The call or creation the expression is an argument of, or the assignment it is the value of.</summary>
    private static SyntaxNode? SinkOf(ExpressionSyntax expression) => expression.Parent switch
    {
        ArgumentSyntax { Parent.Parent: { } call } => call,
        AssignmentExpressionSyntax assignment when assignment.Right == expression => assignment,
        _ => null,
    };

    private static async Task<Solution> FixAsync(Document document, ExpressionSyntax secret, CancellationToken cancellationToken)
    {
        var solution = document.Project.Solution;
        try
        {
            var analysis = await DocumentAnalysis.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            if (analysis is null)
            {
                return solution;
            }

            var plan = new ClientSecretFromEnvironmentPlan(secret);
            var removals = await SecretRemoval.FindAsync(solution, plan.Removed, plan.Copied, cancellationToken).ConfigureAwait(false);

            var newSolution = solution;
            foreach (var documentId in removals.Keys.Append(document.Id).Distinct())
            {
                var editor = await DocumentEditor.CreateAsync(solution.GetDocument(documentId)!, cancellationToken).ConfigureAwait(false);
                if (documentId == document.Id)
                {
                    plan.Apply(editor, new PlanContext(null, CredentialFixKind.ReadFromEnvironment, MailAudience.ThirdParty, new HashSet<SyntaxNode>()));
                }

                SecretRemoval.Apply(editor, removals, documentId);

                var changed = newSolution.GetDocument(documentId)!.WithSyntaxRoot(editor.GetChangedRoot());
                changed = await ImportAdder.AddImportsAsync(changed, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
                newSolution = changed.Project.Solution;
            }

            return newSolution;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A fixer must never throw (SPEC §8): an unexpected shape leaves the code as it was.
            return solution;
        }
    }

    /// <summary>The secret at the sink becomes the environment read; what held it is left to <see cref="SecretRemoval"/>.</summary>
    private sealed class ClientSecretFromEnvironmentPlan : SitePlan
    {
        private readonly ExpressionSyntax secret;

        public ClientSecretFromEnvironmentPlan(ExpressionSyntax secret)
            : base(secret, MailProtocol.Unknown)
        {
            this.secret = secret;
            Removed.Add(secret);
        }

        public override bool UsesToken => false;

        public override void Apply(DocumentEditor editor, PlanContext context)
        {
            var variable = MailTokenProviderTemplate.ClientSecretVariable;
            var read = SyntaxTemplates.Expression(
                "global::System.Environment.GetEnvironmentVariable(\"" + variable + "\") ?? throw new global::System.InvalidOperationException(\"Set the "
                + variable + " environment variable to the app's client secret.\")");
            editor.ReplaceNode(secret, read.WithTriviaFrom(secret));
        }
    }
}
