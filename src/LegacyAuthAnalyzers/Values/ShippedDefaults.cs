using System.Threading;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LegacyAuthAnalyzers.Values;

/// <summary>
/// The value a settable field or property ships with: its initializer, the initializer of the field its getter
/// returns, or the type's default when it has none. Real code keeps secrets (LA1001, LA3001) and transport switches
/// (LA2001: <c>EnableSsl</c> of a settings class that is false unless configured) there.
/// Serves LA1001, LA1005, LA2001, LA2002, LA2003 and LA3001.
/// </summary>
internal static class ShippedDefaults
{
    /// <summary>
    /// True when the member read by <paramref name="reference"/> is a source field or property of type bool whose shipped
    /// value is false: no initializer, or a constant false one.
    /// </summary>
    public static bool IsFalseByDefault(IOperation? reference, CancellationToken cancellationToken)
    {
        var member = MemberOf(reference);
        var type = member switch
        {
            IFieldSymbol field => field.Type,
            IPropertySymbol property => property.Type,
            _ => null,
        };

        if (member is null || type?.SpecialType != SpecialType.System_Boolean || member.DeclaringSyntaxReferences.Length != 1)
        {
            return false;
        }

        var syntax = member.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
        if (syntax is PropertyDeclarationSyntax { Initializer: null } declaration
            && (declaration.ExpressionBody is not null || declaration.AccessorList?.Accessors.Any(a => a.Body is not null || a.ExpressionBody is not null) == true))
        {
            // A computed property: its value is not a default.
            return false;
        }

        if (Initializer(member, reference!, cancellationToken) is { } initializer)
        {
            return ConstantResolver.TryResolve(initializer.Initializer, cancellationToken, out var resolved) && resolved.Value is false;
        }

        return syntax is VariableDeclaratorSyntax { Initializer: null } or PropertyDeclarationSyntax { Initializer: null };
    }

    /// <summary>
    /// The constant the field or property read by <paramref name="reference"/> ships with, the initializer that gives it
    /// and the member that declares that initializer; null when it ships no constant.
    /// </summary>
    public static (ResolvedConstant Value, IOperation Initializer, ISymbol Owner)? Resolve(IOperation? reference, CancellationToken cancellationToken)
    {
        return MemberOf(reference) is { } member
            && Initializer(member, reference!, cancellationToken) is { } shipped
            && ConstantResolver.TryResolve(shipped.Initializer, cancellationToken, out var value)
                ? (value, shipped.Initializer, shipped.Owner)
                : null;
    }

    private static ISymbol? MemberOf(IOperation? reference) => OperationTree.SkipConversions(reference) switch
    {
        IFieldReferenceOperation field => field.Field,
        IPropertyReferenceOperation { Arguments.IsEmpty: true } property => property.Property,
        _ => null,
    };

    /// <summary>The initializer of a field or auto-property, or of the field a property's getter returns.</summary>
    public static (IOperation Initializer, ISymbol Owner)? Initializer(ISymbol member, IOperation reference, CancellationToken cancellationToken)
    {
        if (member.DeclaringSyntaxReferences.Length != 1 || reference.SemanticModel is not { } model)
        {
            return null;
        }

        var syntax = member.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
        var initializer = syntax switch
        {
            VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
            PropertyDeclarationSyntax property => property.Initializer?.Value ?? BackingFieldRead(property),
            _ => null,
        };

        if (initializer is null)
        {
            return null;
        }

        var initializerModel = OperationTree.ModelFor(model, initializer.SyntaxTree);
        if (initializerModel.GetOperation(initializer, cancellationToken) is not { } operation)
        {
            return null;
        }

        if (syntax is PropertyDeclarationSyntax { Initializer: null }
            && OperationTree.SkipConversions(operation) is IFieldReferenceOperation backing
            && SymbolEqualityComparer.Default.Equals(backing.Field.ContainingType, member.ContainingType))
        {
            // get => mailPass: the field's own initializer is the default.
            return Initializer(backing.Field, backing, cancellationToken);
        }

        return (operation, member);
    }

    /// <summary>The expression a property getter returns when it only reads a field: <c>get => field;</c> or <c>get { return field; }</c>.</summary>
    private static ExpressionSyntax? BackingFieldRead(PropertyDeclarationSyntax property)
    {
        if (property.ExpressionBody is { } body)
        {
            return body.Expression as IdentifierNameSyntax;
        }

        var getter = property.AccessorList?.Accessors.FirstOrDefault(a => a.Keyword.ValueText == "get");
        var returned = getter?.ExpressionBody?.Expression
            ?? (getter?.Body?.Statements is { Count: 1 } statements && statements[0] is ReturnStatementSyntax { Expression: { } value } ? value : null);
        return returned is IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax }
            ? returned
            : null;
    }
}
