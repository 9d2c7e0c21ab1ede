using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LegacyAuthAnalyzers.CodeFixes.Infrastructure;

/// <summary>Removes a namespace's using directives once nothing in the document binds to that namespace.</summary>
internal static class UnusedImports
{
    public static async Task<Document> RemoveAsync(Document document, string namespaceName, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var directives = root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax)
            .OfType<UsingDirectiveSyntax>()
            .Where(u => u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None) && u.GlobalKeyword.IsKind(SyntaxKind.None) && u.Name?.ToString() == namespaceName)
            .ToList();
        if (directives.Count == 0 || model.GetSymbolInfo(directives[0].Name!, cancellationToken).Symbol is not INamespaceSymbol namespaceSymbol)
        {
            return document;
        }

        // Only names that can bind into the namespace are looked up: its types and its extension methods.
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in namespaceSymbol.GetTypeMembers())
        {
            names.Add(type.Name);
            if (type.MightContainExtensionMethods)
            {
                foreach (var member in type.GetMembers())
                {
                    if (member is IMethodSymbol { IsExtensionMethod: true })
                    {
                        names.Add(member.Name);
                    }
                }
            }
        }

        foreach (var name in root.DescendantNodes().OfType<SimpleNameSyntax>())
        {
            if (!names.Contains(name.Identifier.ValueText) || name.FirstAncestorOrSelf<UsingDirectiveSyntax>() is not null)
            {
                continue;
            }

            var info = model.GetSymbolInfo(name, cancellationToken);
            var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
            if (symbol is IMethodSymbol { ReducedFrom: { } extension })
            {
                symbol = extension;
            }

            // By name: a type's namespace is its assembly's part of the namespace, the directive's the compilation's merge
            // of every part (System.Net spans several assemblies), and the two symbols do not compare equal.
            var containing = symbol is INamedTypeSymbol type ? type.ContainingNamespace : symbol?.ContainingType?.ContainingNamespace;
            if (containing is not null && containing.ToDisplayString() == namespaceName)
            {
                return document;
            }
        }

        var newRoot = root.RemoveNodes(directives, SyntaxRemoveOptions.KeepLeadingTrivia | SyntaxRemoveOptions.KeepUnbalancedDirectives);
        return newRoot is null ? document : document.WithSyntaxRoot(newRoot);
    }
}
