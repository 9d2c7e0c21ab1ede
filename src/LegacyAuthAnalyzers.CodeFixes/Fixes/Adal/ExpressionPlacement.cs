using System.Threading;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LegacyAuthAnalyzers.CodeFixes.Fixes.Adal;

/// <summary>
/// For the LA4002 field fix: where the MSAL application is built (or an ADAL context recreated) and what an expression
/// written elsewhere in the type means there: the same members, with <c>this.</c> or the type's name where a local or parameter hides one.
/// An expression that reads a local or parameter, or a member whose value may not be set yet or may change later,
/// cannot move.
/// </summary>
internal sealed class ExpressionPlacement
{
    private readonly SemanticModel model;
    private readonly int position;
    private readonly SyntaxNode? anchor;
    private readonly TypeDeclarationSyntax type;
    private readonly bool isStatic;
    private readonly bool isInitializer;

    public ExpressionPlacement(SemanticModel model, int position, SyntaxNode? anchor, TypeDeclarationSyntax type, bool isStatic, bool isInitializer)
    {
        this.model = model;
        this.position = position;
        this.anchor = anchor;
        this.type = type;
        this.isStatic = isStatic;
        this.isInitializer = isInitializer;
    }

    public string? Relocate(ExpressionSyntax expression, CancellationToken cancellationToken)
    {
        var sourceModel = OperationTree.ModelFor(model, expression.SyntaxTree);
        var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
        foreach (var name in expression.DescendantNodesAndSelf().OfType<SimpleNameSyntax>())
        {
            var symbol = sourceModel.GetSymbolInfo(name, cancellationToken).Symbol;
            if (name.Parent is MemberAccessExpressionSyntax access && access.Name == name
                || name.Parent is QualifiedNameSyntax qualified && qualified.Right == name)
            {
                // Reached through something checked already; a member's value must still be the same there.
                if (symbol is IFieldSymbol or IPropertySymbol && !IsSettled(symbol, cancellationToken))
                {
                    return null;
                }

                continue;
            }

            switch (symbol)
            {
                case null or ILocalSymbol or IParameterSymbol or IRangeVariableSymbol:
                    return null;
                case INamespaceOrTypeSymbol:
                    if (!BindsHere(name, symbol))
                    {
                        return null;
                    }

                    break;
                case IFieldSymbol or IPropertySymbol or IMethodSymbol or IEventSymbol:
                    if (!IsSettled(symbol, cancellationToken) || !symbol.IsStatic && (isStatic || isInitializer))
                    {
                        return null;
                    }

                    if (!BindsHere(name, symbol))
                    {
                        var qualifier = symbol.IsStatic ? symbol.ContainingType.ToMinimalDisplayString(model, position) : "this";
                        replacements[name] = SyntaxFactory.ParseExpression(qualifier + "." + name.WithoutTrivia()).WithTriviaFrom(name);
                    }

                    break;
                default:
                    return null;
            }
        }

        foreach (var thisReference in expression.DescendantNodesAndSelf().OfType<ThisExpressionSyntax>())
        {
            if (isStatic || isInitializer)
            {
                return null;
            }
        }

        return AdalTokenCall.Text(expression.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]));
    }

    private bool BindsHere(SimpleNameSyntax name, ISymbol symbol)
    {
        var found = model.LookupSymbols(position, name: name.Identifier.ValueText);
        return found.Length > 0 && found.All(s => SymbolEqualityComparer.Default.Equals(s.OriginalDefinition, symbol.OriginalDefinition) || symbol is IMethodSymbol && s is IMethodSymbol);
    }

    /// <summary>
    /// Whether the member's value is the same at the new place as where ADAL read it: a constant, a read-only
    /// field or get-only property of another type, or a member of this type written only before this point (in
    /// the constructor that builds the application, before it, or in initializers).
    /// </summary>
    private bool IsSettled(ISymbol symbol, CancellationToken cancellationToken)
    {
        switch (symbol)
        {
            case IMethodSymbol:
                return true;
            case IFieldSymbol { IsConst: true }:
                return true;
            case IFieldSymbol or IPropertySymbol when !SymbolEqualityComparer.Default.Equals(symbol.ContainingType, model.GetDeclaredSymbol(type, cancellationToken)):
                return symbol is IFieldSymbol { IsReadOnly: true } or IPropertySymbol { SetMethod: null };
            case IFieldSymbol or IPropertySymbol:
                if (symbol is IPropertySymbol { SetMethod: null } && symbol.DeclaringSyntaxReferences.All(r => IsComputed(r.GetSyntax(cancellationToken))))
                {
                    // Computed on every read: the new place reads it too.
                    return true;
                }

                if (isInitializer && symbol.IsStatic && symbol.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == type.SyntaxTree && r.Span.Start > position))
                {
                    // A static initializer declared below is not run yet.
                    return false;
                }

                return WritesAreBefore(symbol, cancellationToken);
            default:
                return false;
        }
    }

    private bool WritesAreBefore(ISymbol symbol, CancellationToken cancellationToken)
    {
        var constructor = anchor?.FirstAncestorOrSelf<ConstructorDeclarationSyntax>();
        foreach (var name in type.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (name.Identifier.ValueText != symbol.Name || !IsWritten(name)
                || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol?.OriginalDefinition, symbol.OriginalDefinition))
            {
                continue;
            }

            var writer = name.FirstAncestorOrSelf<ConstructorDeclarationSyntax>();
            if (writer is null || constructor is null && anchor is not null && anchor.FirstAncestorOrSelf<MemberDeclarationSyntax>() is FieldDeclarationSyntax or PropertyDeclarationSyntax)
            {
                // Written outside a constructor, or after the initializer that would read it.
                return false;
            }

            if (constructor is not null && (writer != constructor || name.SpanStart > position))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsComputed(SyntaxNode declaration) =>
        declaration is PropertyDeclarationSyntax property
        && (property.ExpressionBody is not null || property.AccessorList?.Accessors.Any(a => a.Body is not null || a.ExpressionBody is not null) == true);

    private static bool IsWritten(IdentifierNameSyntax name)
    {
        SyntaxNode node = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
        return node.Parent switch
        {
            AssignmentExpressionSyntax assignment => assignment.Left == node,
            PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax => true,
            ArgumentSyntax argument => !argument.RefKindKeyword.IsKind(SyntaxKind.None),
            _ => false,
        };
    }
}
