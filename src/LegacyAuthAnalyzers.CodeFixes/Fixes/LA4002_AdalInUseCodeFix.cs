using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using LegacyAuthAnalyzers.CodeFixes.Fixes.Adal;
using LegacyAuthAnalyzers.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace LegacyAuthAnalyzers.CodeFixes.Fixes;

/// <summary>
/// LA4002: ADAL's app-only token calls become an MSAL confidential client's <c>AcquireTokenForClient(resource + "/.default")</c>.
/// Two shapes: the daemon in one member (<c>new AuthenticationContext(authority)</c> and one
/// <c>AcquireTokenAsync(resource, ClientCredential | ClientAssertionCertificate)</c>, see <see cref="AdalDaemonShape"/>),
/// and a context kept in a private field or property and used from several members, which then holds the MSAL
/// application (see <see cref="AdalFieldShape"/>). A field that several methods each assign a context of their own
/// instead moves method by method: a method whose context makes only app-only calls builds its own MSAL application
/// (see <see cref="AdalRecreatedFieldShape"/>). A field whose every call signs a user in for one public client holds an
/// MSAL public client instead (see <see cref="AdalPublicClientShape"/>). Offered only when MSAL is referenced and every
/// use of the results has an MSAL equivalent.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LA4002_AdalInUseCodeFix)), Shared]
public sealed class LA4002_AdalInUseCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = "LA4002.UseMsalConfidentialClient";

    public const string PublicClientEquivalenceKey = "LA4002.UseMsalPublicClient";

    internal const string AdalNamespaceName = AdalTokenCall.AdalNamespaceName;
    private const string Title = "Use an MSAL confidential client (client credentials)";
    private const string MethodTitle = "Use an MSAL confidential client in this method (client credentials; user sign-ins stay on ADAL)";
    private const string PublicClientTitle = "Use an MSAL public client (signed-in user)";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.AdalInUse);

    public override FixAllProvider GetFixAllProvider() =>
        FixDocument.CreateFixAll(static _ => true, static d => d.Location.SourceSpan, ApplyAsync, FinishAsync);

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
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not BaseObjectCreationExpressionSyntax creation)
            {
                continue;
            }

            var (title, key) = AdalDaemonShape.Find(model, creation, context.CancellationToken) is not null ? (Title, EquivalenceKey)
                : AdalRecreatedFieldShape.Find(model, creation, context.CancellationToken) is not null ? (MethodTitle, EquivalenceKey)
                : AdalFieldShape.Find(model, creation, context.CancellationToken) is not null ? (Title, EquivalenceKey)
                : AdalPublicClientShape.Find(model, creation, context.CancellationToken) is not null ? (PublicClientTitle, PublicClientEquivalenceKey)
                : (null, null);
            if (title is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    title,
                    cancellationToken => FixDocument.FixAsync(document, ImmutableArray.Create(diagnostic), static d => d.Location.SourceSpan, ApplyAsync, FinishAsync, cancellationToken),
                    key),
                diagnostic);
        }
    }

    private static async Task<Document> ApplyAsync(Document document, SyntaxAnnotation target, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null
            || root.GetAnnotatedNodes(target).OfType<BaseObjectCreationExpressionSyntax>().FirstOrDefault() is not { } creation)
        {
            return document;
        }

        if (AdalDaemonShape.Find(model, creation, cancellationToken) is not { } shape)
        {
            if (AdalRecreatedFieldShape.Find(model, creation, cancellationToken) is { } method)
            {
                return await method.RewriteAsync(document, cancellationToken).ConfigureAwait(false);
            }

            if (AdalFieldShape.Find(model, creation, cancellationToken) is { } field)
            {
                return await field.RewriteAsync(document, cancellationToken).ConfigureAwait(false);
            }

            return AdalPublicClientShape.Find(model, creation, cancellationToken) is { } publicClient
                ? await publicClient.RewriteAsync(document, cancellationToken).ConfigureAwait(false)
                : document;
        }

        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        shape.Rewrite(editor, model, root);
        return editor.GetChangedDocument();
    }

    private static async Task<Document> FinishAsync(Document document, CancellationToken cancellationToken)
    {
        document = await UnusedImports.RemoveAsync(document, AdalNamespaceName, cancellationToken).ConfigureAwait(false);
        return await FixDocument.TidyAsync(document, cancellationToken).ConfigureAwait(false);
    }
}
