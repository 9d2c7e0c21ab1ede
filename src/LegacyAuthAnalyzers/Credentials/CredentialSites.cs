using System.Threading;
using Microsoft.CodeAnalysis.Operations;

namespace LegacyAuthAnalyzers.Credentials;

/// <summary>
/// The sink model of SPEC §3: recognizes the operations where a password reaches a mail server and finds the
/// password expression and the host. Cheap name and symbol checks come first, so most operations cost a comparison.
/// Serves LA1001, LA1002, LA1003, LA3001 and LA3002.
/// </summary>
internal static class CredentialSites
{
    private static readonly ImmutableHashSet<string> PasswordSaslMechanisms = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "SaslMechanismPlain",
        "SaslMechanismLogin",
        "SaslMechanismCramMd5",
        "SaslMechanismDigestMd5",
        "SaslMechanismNtlm",
        "SaslMechanismScramSha1",
        "SaslMechanismScramSha256",
        "SaslMechanismScramSha512");

    /// <summary>The operation kinds worth registering for this compilation; empty when no sink can exist.</summary>
    public static ImmutableArray<OperationKind> OperationKinds(KnownTypes types, bool hasCustomSinks)
    {
        var kinds = ImmutableArray.CreateBuilder<OperationKind>(3);
        if (types.HasSystemNetMail || types.HasEws)
        {
            kinds.Add(OperationKind.SimpleAssignment);
        }

        if (types.HasMailKit || hasCustomSinks)
        {
            kinds.Add(OperationKind.Invocation);
        }

        if (types.HasMailKit || types.HasEws || hasCustomSinks)
        {
            kinds.Add(OperationKind.ObjectCreation);
        }

        if (types.HasMailKit || types.HasEws)
        {
            // Calls and creations that do not bind (unresolved argument types) are read through CallRecovery.
            kinds.Add(OperationKind.Invalid);
        }

        return kinds.ToImmutable();
    }

    /// <summary>
    /// The first test every operation of the registered kinds gets, before options are read or anything allocates: one
    /// name or symbol comparison that rejects nearly all of them. True means "may be a site", for <see cref="TryGet"/>.
    /// </summary>
    public static bool IsCandidate(IOperation operation, KnownTypes types, bool hasCustomSinks)
    {
        switch (operation.Kind)
        {
            case OperationKind.Invocation:
                // A declared sink can be any method; otherwise only MailKit's Authenticate and Connect take a password.
                return hasCustomSinks
                    || ((IInvocationOperation)operation).TargetMethod.Name is "Authenticate" or "AuthenticateAsync" or "Connect" or "ConnectAsync";
            case OperationKind.ObjectCreation:
                return hasCustomSinks
                    || ((IObjectCreationOperation)operation).Type is { } type
                        && (type.Name.StartsWith("SaslMechanism", StringComparison.Ordinal) || types.Is(type, KnownType.Microsoft_Exchange_WebServices_Data_WebCredentials));
            case OperationKind.SimpleAssignment:
                return ((ISimpleAssignmentOperation)operation).Target is IPropertyReferenceOperation { Property.Name: "Credentials" };
            case OperationKind.Invalid:
                // Only the syntax is read here: the candidate overloads are looked up once the name fits.
                return CallRecovery.InvokedName(operation.Syntax) is "Authenticate" or "AuthenticateAsync" or "Connect" or "ConnectAsync"
                    || CallRecovery.CreatedTypeName(operation.Syntax) is { } created
                        && (created.StartsWith("SaslMechanism", StringComparison.Ordinal) || created == "WebCredentials");
            default:
                return false;
        }
    }

    public static bool TryGet(IOperation operation, KnownTypes types, LegacyAuthOptions options, CancellationToken cancellationToken, out CredentialSite site)
    {
        CredentialSite? found = null;
        try
        {
            found = operation switch
            {
                ISimpleAssignmentOperation assignment => FromAssignment(assignment, types, cancellationToken),
                _ => MethodCall.From(operation) is { } call
                    ? call.Method.MethodKind == MethodKind.Constructor
                        ? FromCreation(call, types, options, cancellationToken)
                        : FromInvocation(call, types, options, cancellationToken)
                    : null,
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // An analyzer must never throw: an unexpected shape is simply not a site.
            found = null;
        }

        site = found!;
        return found is not null;
    }

    private static CredentialSite? FromInvocation(MethodCall call, KnownTypes types, LegacyAuthOptions options, CancellationToken cancellationToken)
    {
        var method = call.Method;
        switch (method.Name)
        {
            case "Authenticate" or "AuthenticateAsync" when types.IsMailKitService(method.ContainingType):
                return FromAuthenticate(call, types, cancellationToken);
            case "Connect" or "ConnectAsync" when types.IsMailKitService(method.ContainingType):
                return FromConnectUri(call, types, cancellationToken);
        }

        // A declared sink is matched on bound calls only: its parameters are the user's own, not a library's.
        return call.IsRecovered ? null : FromCustomSink(call, types, options, cancellationToken);
    }

    private static CredentialSite? FromAuthenticate(MethodCall call, KnownTypes types, CancellationToken cancellationToken)
    {
        // Authenticate(SaslMechanism) is not a password sink by itself: a password mechanism's creation is.
        if (!TryGetPassword(call, types, cancellationToken, out var password))
        {
            return null;
        }

        var endpoint = HostResolver.ForClient(call.Instance, types, cancellationToken);
        return new CredentialSite(CredentialSinkKind.MailKitAuthenticate, call.Operation, Api(call.Method, call.Instance), "password", password, endpoint);
    }

    private static CredentialSite? FromConnectUri(MethodCall call, KnownTypes types, CancellationToken cancellationToken)
    {
        foreach (var argument in call.Arguments)
        {
            if (!types.Is(argument.Parameter.Type, KnownType.System_Uri))
            {
                continue;
            }

            // A URI built at run time still shows its scheme, whether it carries a password, and a constant host.
            var uri = ConnectionUris.Resolve(argument.Value, cancellationToken) ?? ConnectionUris.Template(argument.Value, cancellationToken);
            if (uri is null || !ConnectionUris.HasPassword(uri))
            {
                return null;
            }

            var endpoint = new MailEndpoint(ConnectionUris.Host(uri), HostResolver.ProtocolOf(call.Instance?.Type, types));
            return new CredentialSite(CredentialSinkKind.ConnectionUri, call.Operation, Api(call.Method, call.Instance), "uri", argument.Value, endpoint);
        }

        return null;
    }

    private static CredentialSite? FromCreation(MethodCall call, KnownTypes types, LegacyAuthOptions options, CancellationToken cancellationToken)
    {
        var type = call.Method.ContainingType;
        if (PasswordSaslMechanisms.Contains(type.Name) && types.IsOrDerivesFrom(type, KnownType.MailKit_Security_SaslMechanism))
        {
            return FromSaslMechanism(call, types, cancellationToken);
        }

        if (types.Is(type, KnownType.Microsoft_Exchange_WebServices_Data_WebCredentials))
        {
            if (!TryGetPassword(call, types, cancellationToken, out var password))
            {
                return null;
            }

            var endpoint = EwsEndpoint(call.Operation, types, cancellationToken);
            return new CredentialSite(CredentialSinkKind.EwsWebCredentials, call.Operation, "new WebCredentials", "password", password, endpoint);
        }

        return call.IsRecovered ? null : FromCustomSink(call, types, options, cancellationToken);
    }

    private static CredentialSite? FromSaslMechanism(MethodCall call, KnownTypes types, CancellationToken cancellationToken)
    {
        if (!TryGetPassword(call, types, cancellationToken, out var password))
        {
            return null;
        }

        var endpoint = HostResolver.ForClient(AuthenticatingClient(call.Operation), types, cancellationToken);
        return new CredentialSite(CredentialSinkKind.SaslMechanism, call.Operation, "new " + call.Method.ContainingType.Name, "password", password, endpoint);
    }

    private static CredentialSite? FromAssignment(ISimpleAssignmentOperation assignment, KnownTypes types, CancellationToken cancellationToken)
    {
        if (assignment.Target is not IPropertyReferenceOperation { Property.Name: "Credentials" } target)
        {
            return null;
        }

        // Credentials is declared on ExchangeServiceBase; the receiver's type tells which client it is.
        var receiverType = target.Instance?.Type ?? target.Property.ContainingType;
        var isSmtpClient = types.IsOrDerivesFrom(receiverType, KnownType.System_Net_Mail_SmtpClient);
        var isExchange = !isSmtpClient && types.IsOrDerivesFrom(receiverType, KnownType.Microsoft_Exchange_WebServices_Data_ExchangeService);
        if (!isSmtpClient && !isExchange)
        {
            return null;
        }

        var value = OperationTree.SkipConversions(assignment.Value);
        if (value is null || !types.Is(value.Type, KnownType.System_Net_NetworkCredential) && value is not IObjectCreationOperation)
        {
            return null;
        }

        var credential = NetworkCredentials.Find(value, types, cancellationToken);
        if (credential.IsDefault || !credential.IsNetworkCredential)
        {
            return null;
        }

        var client = HostResolver.ReceiverOf(target.Instance, assignment);
        var endpoint = HostResolver.ForClient(client, types, cancellationToken);
        return isSmtpClient
            ? new CredentialSite(CredentialSinkKind.SmtpClientCredentials, assignment, "SmtpClient.Credentials", "password", credential.Password, endpoint)
            : new CredentialSite(CredentialSinkKind.EwsCredentials, assignment, "ExchangeService.Credentials", "password", credential.Password, new MailEndpoint(endpoint.Host, MailProtocol.Ews));
    }

    private static CredentialSite? FromCustomSink(MethodCall call, KnownTypes types, LegacyAuthOptions options, CancellationToken cancellationToken)
    {
        var method = call.Method;
        foreach (var sink in options.CredentialSinks)
        {
            if (!sink.Matches(method))
            {
                continue;
            }

            var password = call.ValueOf(sink.ParameterName);
            if (password is null)
            {
                continue;
            }

            var endpoint = call.Instance is null ? default : HostResolver.ForClient(call.Instance, types, cancellationToken);
            var api = method.MethodKind == MethodKind.Constructor ? "new " + method.ContainingType.Name : method.ContainingType.Name + "." + method.Name;
            return new CredentialSite(CredentialSinkKind.Custom, call.Operation, api, sink.ParameterName, password, endpoint);
        }

        return null;
    }

    private static MailEndpoint EwsEndpoint(IOperation credentials, KnownTypes types, CancellationToken cancellationToken)
    {
        var parent = OperationTree.Consumer(credentials);

        if (parent is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Credentials" } target } assignment)
        {
            var service = HostResolver.ReceiverOf(target.Instance, assignment);
            return new MailEndpoint(HostResolver.ForClient(service, types, cancellationToken).Host, MailProtocol.Ews);
        }

        return new MailEndpoint(null, MailProtocol.Ews);
    }

    /// <summary>The client that authenticates with a SASL mechanism: passed straight in, or through a local.</summary>
    private static IOperation? AuthenticatingClient(IOperation mechanism)
    {
        var parent = OperationTree.Consumer(mechanism);

        if (parent is IArgumentOperation { Parent: IInvocationOperation direct })
        {
            return direct.Instance;
        }

        if (parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
        {
            foreach (var operation in OperationTree.Root(mechanism).Descendants())
            {
                if (operation is IInvocationOperation { TargetMethod.Name: "Authenticate" or "AuthenticateAsync" } invocation
                    && invocation.Arguments.Any(a => OperationTree.SkipConversions(a.Value) is ILocalReferenceOperation local && SymbolEqualityComparer.Default.Equals(local.Local, declarator.Symbol)))
                {
                    return invocation.Instance;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The password of a sink that takes a password or credentials (<c>NetworkCredential</c>, <c>ICredentials</c>):
    /// null when the credentials cannot be followed. False when the call takes neither, or the process's own Windows
    /// credentials, which involve no password.
    /// </summary>
    private static bool TryGetPassword(MethodCall call, KnownTypes types, CancellationToken cancellationToken, out IOperation? password)
    {
        password = call.ValueOf("password");
        if (password is not null)
        {
            return true;
        }

        var credentials = call.ValueOf("credentials");
        if (credentials is null)
        {
            return false;
        }

        var credential = NetworkCredentials.Find(credentials, types, cancellationToken);
        password = credential.Password;
        return !credential.IsDefault;
    }

    private static string Api(IMethodSymbol method, IOperation? instance)
    {
        var typeName = OperationTree.ReceiverTypeName(instance, method);
        return typeName + "." + method.Name;
    }
}
