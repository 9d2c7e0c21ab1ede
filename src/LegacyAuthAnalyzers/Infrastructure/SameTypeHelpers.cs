using System.Threading;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LegacyAuthAnalyzers.Infrastructure;

/// <summary>
/// One level of private helpers: a method of the calling type whose returned values stand for the call
/// (<c>var client = CreateClient();</c>, <c>var mode = SecurityFor(settings.Encryption);</c>). Used by the transport
/// rules (LA2001, LA2002) for the TLS mode and by <see cref="HostResolver"/> (LA1002, LA1003 and the transport
/// messages) for the client a helper builds. Stays inside the type; never throws.
/// </summary>
internal static class SameTypeHelpers
{
    /// <summary>
    /// The method of the calling type, with a body in source that no override can replace, that the call invokes. A
    /// call whose argument does not bind (a settings enum of another project) still names its one candidate.
    /// </summary>
    public static IMethodSymbol? Target(IOperation call)
    {
        var method = call switch
        {
            IInvocationOperation invocation => invocation.TargetMethod,
            IInvalidOperation when call.Syntax is InvocationExpressionSyntax && call.SemanticModel?.GetSymbolInfo(call.Syntax).CandidateSymbols is { Length: 1 } candidates => candidates[0] as IMethodSymbol,
            _ => null,
        };

        if (method is null || method.IsVirtual || method.IsAbstract || method.IsOverride || method.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        var caller = call.SemanticModel?.GetEnclosingSymbol(call.Syntax.SpanStart)?.ContainingType;
        return caller is not null && SymbolEqualityComparer.Default.Equals(caller.OriginalDefinition, method.ContainingType.OriginalDefinition) ? method : null;
    }

    /// <summary>Each value the helper returns, with the root of the helper's body (for paths and local look-ups).</summary>
    public static IEnumerable<(IOperation Value, IOperation Root)> ReturnedValues(IMethodSymbol helper, IOperation call, CancellationToken cancellationToken)
    {
        var syntax = helper.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
        var body = syntax switch
        {
            MethodDeclarationSyntax method => (SyntaxNode?)method.Body ?? method.ExpressionBody?.Expression,
            LocalFunctionStatementSyntax local => (SyntaxNode?)local.Body ?? local.ExpressionBody?.Expression,
            _ => null,
        };

        if (body is null || call.SemanticModel is not { } callerModel)
        {
            yield break;
        }

        var model = OperationTree.ModelFor(callerModel, body.SyntaxTree);
        var root = model.GetOperation(body, cancellationToken);
        if (root is null)
        {
            yield break;
        }

        if (body is ExpressionSyntax)
        {
            yield return (root, root);
            yield break;
        }

        foreach (var operation in root.Descendants())
        {
            if (operation is IReturnOperation { ReturnedValue: { } returned } && !OperationTree.IsInsideLambdaOrLocalFunction(operation, root))
            {
                yield return (returned, root);
            }
        }
    }
}
