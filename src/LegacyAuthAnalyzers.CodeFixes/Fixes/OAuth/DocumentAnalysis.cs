using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LegacyAuthAnalyzers.CodeFixes.Fixes.OAuth;

/// <summary>
/// One document's semantic view for the fixes: the credential sites the analyzers see, recomputed with the analyzers'
/// own sink model so that a fix always agrees with the finding it fixes.
/// </summary>
internal sealed class DocumentAnalysis
{
    private List<CredentialSite>? sites;

    private DocumentAnalysis(Document document, SemanticModel model, SyntaxNode root, KnownTypes types, LegacyAuthOptions options)
    {
        Document = document;
        Model = model;
        Root = root;
        Types = types;
        Options = options;
    }

    public Document Document { get; }

    public SemanticModel Model { get; }

    public SyntaxNode Root { get; }

    public KnownTypes Types { get; }

    public LegacyAuthOptions Options { get; }

    public static async Task<DocumentAnalysis?> CreateAsync(Document document, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (model is null || root is null)
        {
            return null;
        }

        var options = LegacyAuthOptions.For(document.Project.AnalyzerOptions, root.SyntaxTree);
        return new DocumentAnalysis(document, model, root, KnownTypes.For(model.Compilation), options);
    }

    public FixTarget? Resolve(Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (diagnostic.Location.SourceTree != Root.SyntaxTree)
        {
            return null;
        }

        var span = diagnostic.Location.SourceSpan;
        var bySink = diagnostic.Id is DiagnosticIds.PasswordAuthentication or DiagnosticIds.Microsoft365BasicAuthentication;
        foreach (var site in Sites(cancellationToken))
        {
            if (bySink)
            {
                if (site.Sink.Syntax.Span == span)
                {
                    return new FixTarget(site, null);
                }

                continue;
            }

            if (HardCodedSecrets.TryFind(site, cancellationToken, out var secret) && secret.Expression.Syntax.Span == span)
            {
                return new FixTarget(site, secret.Expression.Syntax);
            }
        }

        return null;
    }

    private List<CredentialSite> Sites(CancellationToken cancellationToken)
    {
        if (sites is not null)
        {
            return sites;
        }

        sites = new List<CredentialSite>();
        foreach (var node in Root.DescendantNodes())
        {
            if (node is not (InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax or AssignmentExpressionSyntax))
            {
                continue;
            }

            var operation = Model.GetOperation(node, cancellationToken);
            if (operation is not null && CredentialSites.TryGet(operation, Types, Options, cancellationToken, out var site))
            {
                sites.Add(site);
            }
        }

        return sites;
    }

    /// <summary>The namespace that encloses <paramref name="node"/>, or null in the global namespace.</summary>
    public string? NamespaceOf(SyntaxNode node, CancellationToken cancellationToken)
    {
        var declaration = node.FirstAncestorOrSelf<BaseNamespaceDeclarationSyntax>();
        return declaration is null ? null : Model.GetDeclaredSymbol(declaration, cancellationToken)?.ToDisplayString();
    }

    public bool UsesFileScopedNamespace => Root is CompilationUnitSyntax { Members: var members } && members.OfType<FileScopedNamespaceDeclarationSyntax>().Any();

    public LanguageVersion LanguageVersion => (Root.SyntaxTree.Options as CSharpParseOptions)?.LanguageVersion ?? LanguageVersion.CSharp7_3;
}
