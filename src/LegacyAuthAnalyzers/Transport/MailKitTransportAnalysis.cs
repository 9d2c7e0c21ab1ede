using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LegacyAuthAnalyzers.Transport;

/// <summary>
/// The registration LA2001-LA2003 share for MailKit: one invocation action that drops every call not named
/// <c>Connect</c>/<c>ConnectAsync</c> before any other work, then assesses the connection (once for the three rules,
/// <see cref="MailKitConnectionCache"/>) and hands the rule's own concern to it. Local test servers get no transport
/// findings.
/// Serves LA2001, LA2002 and LA2003.
/// </summary>
internal static class MailKitTransportAnalysis
{
    public static void Register(
        CompilationStartAnalysisContext start,
        KnownTypes types,
        TransportIssue issue,
        Action<OperationAnalysisContext, MailKitConnection, TransportAssessment> report)
    {
        var connections = MailKitConnectionCache.For(start.Compilation, types);
        start.RegisterOperationAction(
            context =>
            {
                var operation = context.Operation;
                var name = operation is IInvocationOperation invocation ? invocation.TargetMethod.Name : CallRecovery.InvokedName(operation.Syntax);
                if (name is null || !MailKitConnection.IsConnectName(name)
                    || !connections.TryGet(operation, context.CancellationToken, out var connection, out var assessment)
                    || assessment.Issue != issue)
                {
                    return;
                }

                var options = LegacyAuthOptions.For(context.Options, operation.Syntax.SyntaxTree);
                if (MailHosts.IsLocal(connection.Host, options) || HasPlaceholderHost(connection.Call, context.CancellationToken))
                {
                    return;
                }

                report(context, connection, assessment);
            },
            OperationKind.Invocation,
            OperationKind.Invalid);
    }

    /// <summary>
    /// <c>Connect(null, …)</c>, <c>Connect(string.Empty, …)</c> or <c>Connect("host", …)</c>: argument-validation tests
    /// and placeholders, not a connection that can send anything.
    /// </summary>
    private static bool HasPlaceholderHost(MethodCall call, System.Threading.CancellationToken cancellationToken)
    {
        foreach (var argument in call.Arguments)
        {
            if (argument.Parameter.Name != "host" || argument.Value is null)
            {
                continue;
            }

            if (argument.Value.ConstantValue is { HasValue: true, Value: null }
                || OperationTree.SkipConversions(argument.Value) is IFieldReferenceOperation { Field: { Name: "Empty", ContainingType.SpecialType: SpecialType.System_String } })
            {
                return true;
            }

            return ConstantResolver.TryResolveString(argument.Value, cancellationToken, out var host, out _) && MailHosts.IsPlaceholder(host);
        }

        return false;
    }
}
