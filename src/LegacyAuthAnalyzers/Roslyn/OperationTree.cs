using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LegacyAuthAnalyzers.Roslyn;

/// <summary>
/// Navigation in the operation tree that every rule shares: down through conversions and parentheses to the value
/// (<see cref="SkipConversions"/>), up past them to the operation that uses a value (<see cref="Consumer"/>), and to the
/// member body (<see cref="Root"/>); and the names of things as messages may show them, built from identifiers only so
/// that no literal, and so no secret, ever reaches a message.
/// </summary>
internal static class OperationTree
{
    /// <summary>Down: the value under conversions and parentheses; explicit casts are kept when asked, since a cast of a setting is not the setting's constant.</summary>
    public static IOperation? SkipConversions(IOperation? operation, bool keepExplicit = false)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion when !(keepExplicit && !conversion.IsImplicit && conversion.OperatorMethod is null && !conversion.Operand.ConstantValue.HasValue):
                    operation = conversion.Operand;
                    break;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    break;
                default:
                    return operation;
            }
        }
    }

    /// <summary>Up: the operation that uses <paramref name="operation"/>'s value, past any conversions it goes through.</summary>
    public static IOperation? Consumer(IOperation operation)
    {
        var parent = operation.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation)
        {
            parent = parent.Parent;
        }

        return parent;
    }

    /// <summary>The outermost operation of the member body that contains <paramref name="operation"/>.</summary>
    public static IOperation Root(IOperation operation)
    {
        var current = operation;
        while (current.Parent is not null)
        {
            current = current.Parent;
        }

        return current;
    }

    /// <summary>True when a lambda or local function lies between <paramref name="operation"/> and <paramref name="root"/>.</summary>
    public static bool IsInsideLambdaOrLocalFunction(IOperation operation, IOperation root)
    {
        for (var current = operation.Parent; current is not null && !ReferenceEquals(current, root); current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The type name messages give a member: the receiver's own type as the code declares it (<c>ImapClient</c>,
    /// <c>IPublicClientApplication</c>), else the member's containing type (LA1002-LA1003, LA2001-LA2005, LA3001, LA4003).
    /// </summary>
    public static string ReceiverTypeName(IOperation? receiver, ISymbol member) =>
        receiver?.Type is { TypeKind: not TypeKind.Error, Name.Length: > 0 } type ? type.Name : member.ContainingType.Name;

    /// <summary>The semantic model for <paramref name="tree"/>: the current one when it is the same tree.</summary>
    public static SemanticModel ModelFor(SemanticModel current, SyntaxTree tree)
    {
        if (current.SyntaxTree == tree)
        {
            return current;
        }

#pragma warning disable RS1030 // Only for a declaration in another file of the same type or value chain: rare and bounded.
        return current.Compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
    }

    /// <summary>
    /// The value a field or property is initialized with where it is declared (one declaration), as an operation of the
    /// model for its file; null when it has no initializer.
    /// </summary>
    public static IOperation? InitializerOf(ISymbol member, SemanticModel current, System.Threading.CancellationToken cancellationToken)
    {
        var declaration = member.DeclaringSyntaxReferences.Length == 1 ? member.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) : null;
        var initializer = (declaration as VariableDeclaratorSyntax)?.Initializer?.Value ?? (declaration as PropertyDeclarationSyntax)?.Initializer?.Value;
        return initializer is null ? null : ModelFor(current, initializer.SyntaxTree).GetOperation(initializer, cancellationToken);
    }

    /// <summary>
    /// The quoted name of a setting as written: <c>settings.EnableSsl</c> → <c>'EnableSsl'</c>. Null for anything but a
    /// name or member access, so literals never appear.
    /// </summary>
    public static string? DisplayName(IOperation? operation)
    {
        var syntax = SkipConversions(operation)?.Syntax;
        var name = syntax switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            ConditionalAccessExpressionSyntax { WhenNotNull: MemberBindingExpressionSyntax binding } => binding.Name.Identifier.ValueText,
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax call, ArgumentList.Arguments.Count: 0 } => call.Name.Identifier.ValueText + "()",
            _ => null,
        };

        return name is null ? null : "'" + name + "'";
    }

    /// <summary>
    /// A constant as the code names it, for messages: an enum member or named constant (<c>SmtpEncryption.None</c>),
    /// a number or a boolean. Null for strings and anything else.
    /// </summary>
    public static string? ConstantName(IOperation? operation)
    {
        var value = SkipConversions(operation);
        switch (value?.Syntax)
        {
            case MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax type } access:
                return type.Identifier.ValueText + "." + access.Name.Identifier.ValueText;
            case IdentifierNameSyntax identifier:
                return identifier.Identifier.ValueText;
            case LiteralExpressionSyntax when value.ConstantValue.Value is bool or int or long:
                return ConstantResolver.ToText(value.ConstantValue.Value).ToLowerInvariant();
            default:
                return null;
        }
    }
}
