using System.Threading;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LegacyAuthAnalyzers.CodeFixes.Fixes.OAuth;

/// <summary>What the plans read from the code they rewrite: expressions safe to move, and the user behind a credential.</summary>
internal static class SiteExpressions
{
    /// <summary>
    /// The user name behind a credential expression: copied from the <c>NetworkCredential</c> creation when it is inside
    /// <paramref name="replaced"/> or simple enough to repeat, else read back as <c>credential.UserName</c>.
    /// </summary>
    public static (ExpressionSyntax Expression, SyntaxNode? Copied)? UserOfCredential(IOperation credential, SyntaxNode replaced, DocumentAnalysis analysis, CancellationToken cancellationToken)
    {
        var value = NetworkCredentials.Find(credential, analysis.Types, cancellationToken);
        if (value.User?.Syntax is ExpressionSyntax user
            && (user.SyntaxTree == replaced.SyntaxTree && replaced.Span.Contains(user.Span) || IsSimple(user)))
        {
            return (user, null);
        }

        var unwrapped = OperationTree.SkipConversions(credential);
        if (unwrapped is not null && analysis.Types.Is(unwrapped.Type, KnownType.System_Net_NetworkCredential)
            && unwrapped.Syntax is ExpressionSyntax expression && IsSimple(expression))
        {
            return (SyntaxTemplates.Expression("CREDENTIAL.UserName", ("CREDENTIAL", expression)), expression);
        }

        return null;
    }

    /// <summary>Side-effect-free expressions that can be repeated or moved: names, member chains, literals.</summary>
    public static bool IsSimple(ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax or IdentifierNameSyntax or ThisExpressionSyntax or BaseExpressionSyntax or PredefinedTypeSyntax => true,
        MemberAccessExpressionSyntax access => IsSimple(access.Expression),
        AliasQualifiedNameSyntax or QualifiedNameSyntax => true,
        ParenthesizedExpressionSyntax parenthesized => IsSimple(parenthesized.Expression),
        ElementAccessExpressionSyntax element => IsSimple(element.Expression) && element.ArgumentList.Arguments.All(a => a.Expression is LiteralExpressionSyntax),
        BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } binary => IsSimple(binary.Left) && IsSimple(binary.Right),
        InterpolatedStringExpressionSyntax interpolated => interpolated.Contents.OfType<InterpolationSyntax>().All(i => IsSimple(i.Expression)),
        _ => false,
    };

    /// <summary>
    /// The statement a call is: <c>client.Send(m);</c>, or for an async call <c>await client.SendMailAsync(m)[.ConfigureAwait(x)];</c>
    /// with a constant <c>x</c>. Null when the call is part of a larger expression: a fix could not add statements around it.
    /// </summary>
    public static ExpressionStatementSyntax? CallStatement(IInvocationOperation call, bool isAsync, out bool configureAwaitFalse)
    {
        configureAwaitFalse = false;
        var parent = call.Parent;
        if (isAsync)
        {
            if (parent is IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Arguments.Length: 1 } configure)
            {
                if (configure.Arguments[0].Value.ConstantValue is not { HasValue: true, Value: bool continueOnCapturedContext })
                {
                    return null;
                }

                configureAwaitFalse = !continueOnCapturedContext;
                parent = configure.Parent;
            }

            if (parent is not IAwaitOperation awaited)
            {
                return null;
            }

            parent = awaited.Parent;
        }

        return parent is IExpressionStatementOperation { Syntax: ExpressionStatementSyntax statement } ? statement : null;
    }
}
