using System.Threading;
using LegacyAuthAnalyzers.CodeFixes.Fixes.Transport;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;

namespace LegacyAuthAnalyzers.CodeFixes.Fixes.OAuth;

/// <summary>
/// The MailKit connect call of the client an OAuth fix authenticates, when its TLS mode would let the bearer token
/// travel without TLS (<c>None</c>, <c>StartTlsWhenAvailable</c>, <c>Auto</c> or <c>useSsl: false</c> on a STARTTLS
/// port). The fix makes it strict: <c>StartTls</c> on 587, 25, 143 and 110, <c>SslOnConnect</c> on 465, 993 and 995.
/// </summary>
internal sealed class StrictConnection
{
    private readonly InvocationExpressionSyntax syntax;
    private readonly MailKitConnection connection;
    private readonly SemanticModel model;
    private readonly TlsMode mode;

    private StrictConnection(InvocationExpressionSyntax syntax, MailKitConnection connection, SemanticModel model, TlsMode mode)
    {
        this.syntax = syntax;
        this.connection = connection;
        this.model = model;
        this.mode = mode;
    }

    /// <summary>
    /// The one connect call of the same client in the same member body (top-level program, local functions and lambdas
    /// included), when it needs a stricter mode; null when there is none, several, or the port is not constant.
    /// </summary>
    public static StrictConnection? Find(IOperation sink, DocumentAnalysis analysis, CancellationToken cancellationToken)
    {
        var authenticate = sink as IInvocationOperation;
        for (var current = sink.Parent; authenticate is null && current is IConversionOperation or IArgumentOperation or IInvocationOperation; current = current.Parent)
        {
            authenticate = current as IInvocationOperation;
        }

        if (authenticate is null || HostResolver.ReferencedSymbol(authenticate.Instance) is not { } client)
        {
            return null;
        }

        MailKitConnection? found = null;
        foreach (var invocation in OperationTree.Root(authenticate).Descendants().OfType<IInvocationOperation>())
        {
            if (!MailKitConnection.IsConnectName(invocation.TargetMethod.Name)
                || !SymbolEqualityComparer.Default.Equals(HostResolver.ReferencedSymbol(invocation.Instance), client)
                || !MailKitConnection.TryGet(invocation, analysis.Types, cancellationToken, out var connection))
            {
                continue;
            }

            if (found is not null)
            {
                return null;
            }

            found = connection;
        }

        return found?.Invocation?.Syntax is InvocationExpressionSyntax connect
            && found.Shape != ConnectShape.Uri
            && StrictMode(found) is { } strict
                ? new StrictConnection(connect, found, analysis.Model, strict)
                : null;
    }

    public void Apply(DocumentEditor editor, PlanContext context)
    {
        if (context.SecuredConnections.Add(syntax))
        {
            TransportFixes.SecureConnect(editor, model, syntax, connection, mode, port: null);
        }
    }

    private static TlsMode? StrictMode(MailKitConnection connection)
    {
        if (connection.Mode is TlsMode.Unknown or TlsMode.SslOnConnect or TlsMode.StartTls || !connection.HasConstantPort)
        {
            return null;
        }

        if (connection.Port != 0 && MailPorts.IsImplicitTls(connection.Port, connection.Protocol))
        {
            // Auto already means SslOnConnect on an implicit-TLS port.
            return connection.Mode == TlsMode.Auto ? null : TlsMode.SslOnConnect;
        }

        return connection.Port == 0 || MailPorts.IsStartTls(connection.Port, connection.Protocol) ? TlsMode.StartTls : null;
    }
}
