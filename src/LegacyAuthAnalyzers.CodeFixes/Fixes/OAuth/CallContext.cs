using System.Threading;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LegacyAuthAnalyzers.CodeFixes.Fixes.OAuth;

/// <summary>What the code at a fix site may do: await, and which cancellation token it has to pass on.</summary>
internal readonly struct CallContext
{
    public CallContext(bool canAwait, string? cancellationToken)
    {
        CanAwait = canAwait;
        CancellationToken = cancellationToken;
    }

    /// <summary>True inside an async method, lambda or local function, or top-level statements that already await.</summary>
    public bool CanAwait { get; }

    /// <summary>The name of the enclosing function's <c>CancellationToken</c> parameter, if it has one.</summary>
    public string? CancellationToken { get; }

    public ExpressionSyntax? CancellationTokenExpression =>
        CancellationToken is null ? null : SyntaxFactory.IdentifierName(CancellationToken);

    public static CallContext For(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        var canAwait = true;
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                // await is not allowed in a lock body or a query clause, whatever the function is.
                case LockStatementSyntax:
                case QueryExpressionSyntax:
                    canAwait = false;
                    break;
                case AnonymousFunctionExpressionSyntax lambda:
                    return new CallContext(canAwait && lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword), TokenParameter(model.GetSymbolInfo(lambda, cancellationToken).Symbol));
                case LocalFunctionStatementSyntax local:
                    return new CallContext(canAwait && local.Modifiers.Any(SyntaxKind.AsyncKeyword), TokenParameter(model.GetDeclaredSymbol(local, cancellationToken)));
                case MethodDeclarationSyntax method:
                    return new CallContext(canAwait && method.Modifiers.Any(SyntaxKind.AsyncKeyword), TokenParameter(model.GetDeclaredSymbol(method, cancellationToken)));
                case GlobalStatementSyntax:
                    return new CallContext(canAwait && TopLevelStatementsAwait(current.Parent), null);
                case MemberDeclarationSyntax:
                    // Constructors, accessors, operators and initializers cannot be async.
                    return new CallContext(false, TokenParameter(model.GetDeclaredSymbol(current, cancellationToken)));
            }
        }

        return new CallContext(false, null);
    }

    private static string? TokenParameter(ISymbol? symbol)
    {
        if (symbol is IMethodSymbol method)
        {
            foreach (var parameter in method.Parameters)
            {
                if (parameter.Type is { Name: "CancellationToken", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } })
                {
                    return parameter.Name;
                }
            }
        }

        return null;
    }

    /// <summary>Top-level statements become an async entry point as soon as one of them awaits.</summary>
    private static bool TopLevelStatementsAwait(SyntaxNode? compilationUnit)
    {
        if (compilationUnit is not CompilationUnitSyntax unit)
        {
            return false;
        }

        foreach (var member in unit.Members)
        {
            if (member is not GlobalStatementSyntax global)
            {
                continue;
            }

            var awaits = global.DescendantNodesAndSelf(descendIntoChildren: n => n is not AnonymousFunctionExpressionSyntax and not LocalFunctionStatementSyntax)
                .Any(n => n is AwaitExpressionSyntax
                    || n is ForEachStatementSyntax { AwaitKeyword.RawKind: (int)SyntaxKind.AwaitKeyword }
                    || n is UsingStatementSyntax { AwaitKeyword.RawKind: (int)SyntaxKind.AwaitKeyword }
                    || n is LocalDeclarationStatementSyntax { AwaitKeyword.RawKind: (int)SyntaxKind.AwaitKeyword });
            if (awaits)
            {
                return true;
            }
        }

        return false;
    }
}
