using System.Composition;
using System.Threading.Tasks;
using LegacyAuthAnalyzers.CodeFixes.Fixes.Ropc;
using LegacyAuthAnalyzers.CodeFixes.Infrastructure;
using LegacyAuthAnalyzers.Rules;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace LegacyAuthAnalyzers.CodeFixes.Fixes;

/// <summary>
/// LA4003: an MSAL public client's <c>AcquireTokenByUsernamePassword(…).ExecuteAsync()</c> becomes a sign-in that tries
/// MSAL's token cache first and falls back to the device code flow (its instructions through an <c>ILogger</c> in scope,
/// else on the console), with the application kept for the life of the process; where the token serves Exchange Online
/// or Microsoft Graph it can instead become the service's own app-only token, offered first when the project has no user
/// to ask. Hard-coded user names and passwords left unused go. Also offered on XOAUTH2 fed by such a call.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LA4003_UsernamePasswordTokenFlowCodeFix)), Shared]
public sealed class LA4003_UsernamePasswordTokenFlowCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = "LA4003.UseDeviceCode";
    public const string AppOnlyKey = "LA4003.UseAppOnly";

    private const string SignedInUserTitle = "Sign the user in with MSAL's token cache, then the device code flow";
    private const string AppOnlyTitle = "Use the service's app-only token (MSAL client credentials)";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UsernamePasswordTokenFlow);

    public override FixAllProvider GetFixAllProvider() => KeyedFixAll.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.Document;
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!CanFix(diagnostic)
                || !root.FullSpan.Contains(TargetSpan(diagnostic))
                || root.FindNode(TargetSpan(diagnostic), getInnermostNodeForTie: true) is not InvocationExpressionSyntax invocation
                || RopcSite.Find(model, invocation, context.CancellationToken) is not { } site)
            {
                continue;
            }

            foreach (var kind in RopcRewrite.Available(site, model.Compilation))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        kind == RopcFixKind.AppOnly ? AppOnlyTitle : SignedInUserTitle,
                        cancellationToken => FixDocument.FixAsync(document, ImmutableArray.Create(diagnostic), TargetSpan, Apply(kind), FixDocument.TidyAsync, cancellationToken),
                        kind == RopcFixKind.AppOnly ? AppOnlyKey : EquivalenceKey),
                    diagnostic);
            }
        }
    }

    private static FixDocument.ApplyOne Apply(RopcFixKind? kind) => (document, target, cancellationToken) => RopcRewrite.ApplyAsync(document, target, kind, cancellationToken);

    private static bool CanFix(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(DiagnosticProperties.Kind, out var kind)
        && kind == DiagnosticProperties.MsalPublicClientKind;

    /// <summary>The username/password call, where the finding is; the token's consumers are its additional locations.</summary>
    private static TextSpan TargetSpan(Diagnostic diagnostic) => diagnostic.Location.SourceSpan;

    /// <summary>
    /// Fix All by action; with no action picked (<c>dotnet format</c> when the first finding has no fix) each finding
    /// gets its own first action.
    /// </summary>
    private sealed class KeyedFixAll : FixAllProvider
    {
        public static readonly KeyedFixAll Instance = new();

        private static readonly FixAllProvider SignedInUser = FixDocument.CreateDocumentFixAll(CanFix, TargetSpan, Apply(RopcFixKind.SignedInUser), FixDocument.TidyAsync);
        private static readonly FixAllProvider AppOnly = FixDocument.CreateDocumentFixAll(CanFix, TargetSpan, Apply(RopcFixKind.AppOnly), FixDocument.TidyAsync);
        private static readonly FixAllProvider FirstOfEach = FixDocument.CreateDocumentFixAll(CanFix, TargetSpan, Apply(null), FixDocument.TidyAsync);

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

        public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext) => fixAllContext.CodeActionEquivalenceKey switch
        {
            EquivalenceKey => SignedInUser.GetFixAsync(fixAllContext),
            AppOnlyKey => AppOnly.GetFixAsync(fixAllContext),
            null => FirstOfEach.GetFixAsync(fixAllContext),
            _ => Task.FromResult<CodeAction?>(null),
        };
    }
}
