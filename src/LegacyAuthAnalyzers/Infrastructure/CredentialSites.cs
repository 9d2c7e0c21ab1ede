using System.Threading;
using Microsoft.CodeAnalysis.Operations;

namespace LegacyAuthAnalyzers.Infrastructure;

/// <summary>
/// The sink model of SPEC §3: recognizes the operations where a password reaches a mail server and finds the
/// password expression and the host. Cheap name and symbol checks come first, so most operations cost a comparison.
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
                IInvocationOperation invocation => FromInvocation(invocation, types, options, cancellationToken),
                IObjectCreationOperation creation => FromCreation(creation, types, options, cancellationToken),
                ISimpleAssignmentOperation assignment => FromAssignment(assignment, types, cancellationToken),
                _ => null,
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

    private static CredentialSite? FromInvocation(IInvocationOperation invocation, KnownTypes types, LegacyAuthOptions options, CancellationToken cancellationToken)
    {
        var method = invocation.TargetMethod;
        switch (method.Name)
        {
            case "Authenticate" or "AuthenticateAsync" when types.IsMailKitService(method.ContainingType):
                return FromAuthenticate(invocation, types, cancellationToken);
            case "Connect" or "ConnectAsync" when types.IsMailKitService(method.ContainingType):
                return FromConnectUri(invocation, types, cancellationToken);
        }

        return FromCustomSink(invocation, method, invocation.Arguments, invocation.Instance, types, options, cancellationToken);
    }

    private static CredentialSite? FromAuthenticate(IInvocationOperation invocation, KnownTypes types, CancellationToken cancellationToken)
    {
        // Authenticate(SaslMechanism) is not a password sink by itself: a password mechanism's creation is.
        if (!TryGetPassword(invocation.Arguments, types, cancellationToken, out var password))
        {
            return null;
        }

        var endpoint = HostResolver.ForClient(invocation.Instance, types, cancellationToken);
        return new CredentialSite(CredentialSinkKind.MailKitAuthenticate, invocation, Api(invocation.TargetMethod, invocation.Instance), "password", password, endpoint);
    }

    private static CredentialSite? FromConnectUri(IInvocationOperation invocation, KnownTypes types, CancellationToken cancellationToken)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Type.Name != "Uri")
            {
                continue;
            }

            // A URI built at run time still shows its scheme, whether it carries a password, and a constant host.
            var uri = ConnectionUris.Resolve(argument.Value, cancellationToken) ?? ConnectionUris.Template(argument.Value, cancellationToken);
            if (uri is null || !ConnectionUris.HasPassword(uri))
            {
                return null;
            }

            var endpoint = new MailEndpoint(ConnectionUris.Host(uri), HostResolver.ProtocolOf(invocation.Instance?.Type, types));
            return new CredentialSite(CredentialSinkKind.ConnectionUri, invocation, Api(invocation.TargetMethod, invocation.Instance), "uri", argument.Value, endpoint);
        }

        return null;
    }

    private static CredentialSite? FromCreation(IObjectCreationOperation creation, KnownTypes types, LegacyAuthOptions options, CancellationToken cancellationToken)
    {
        var constructor = creation.Constructor;
        var type = creation.Type as INamedTypeSymbol;
        if (constructor is null || type is null)
        {
            return null;
        }

        if (PasswordSaslMechanisms.Contains(type.Name) && types.IsOrDerivesFrom(type, KnownType.MailKit_Security_SaslMechanism))
        {
            return FromSaslMechanism(creation, types, cancellationToken);
        }

        if (types.Is(type, KnownType.Microsoft_Exchange_WebServices_Data_WebCredentials))
        {
            if (!TryGetPassword(creation.Arguments, types, cancellationToken, out var password))
            {
                return null;
            }

            var endpoint = EwsEndpoint(creation, types, cancellationToken);
            return new CredentialSite(CredentialSinkKind.EwsWebCredentials, creation, "new WebCredentials", "password", password, endpoint);
        }

        return FromCustomSink(creation, constructor, creation.Arguments, null, types, options, cancellationToken);
    }

    private static CredentialSite? FromSaslMechanism(IObjectCreationOperation creation, KnownTypes types, CancellationToken cancellationToken)
    {
        if (!TryGetPassword(creation.Arguments, types, cancellationToken, out var password))
        {
            return null;
        }

        var endpoint = HostResolver.ForClient(AuthenticatingClient(creation), types, cancellationToken);
        return new CredentialSite(CredentialSinkKind.SaslMechanism, creation, "new " + creation.Type!.Name, "password", password, endpoint);
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

        var value = ConstantResolver.Unwrap(assignment.Value);
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

    private static CredentialSite? FromCustomSink(
        IOperation operation, IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments, IOperation? instance, KnownTypes types, LegacyAuthOptions options, CancellationToken cancellationToken)
    {
        foreach (var sink in options.CredentialSinks)
        {
            if (!sink.Matches(method))
            {
                continue;
            }

            var password = Argument(arguments, sink.ParameterName);
            if (password is null)
            {
                continue;
            }

            var endpoint = instance is null ? default : HostResolver.ForClient(instance, types, cancellationToken);
            var api = method.MethodKind == MethodKind.Constructor ? "new " + method.ContainingType.Name : method.ContainingType.Name + "." + method.Name;
            return new CredentialSite(CredentialSinkKind.Custom, operation, api, sink.ParameterName, password, endpoint);
        }

        return null;
    }

    private static MailEndpoint EwsEndpoint(IObjectCreationOperation credentials, KnownTypes types, CancellationToken cancellationToken)
    {
        var parent = ConstantResolver.Consumer(credentials);

        if (parent is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Credentials" } target } assignment)
        {
            var service = HostResolver.ReceiverOf(target.Instance, assignment);
            return new MailEndpoint(HostResolver.ForClient(service, types, cancellationToken).Host, MailProtocol.Ews);
        }

        return new MailEndpoint(null, MailProtocol.Ews);
    }

    /// <summary>The client that authenticates with a SASL mechanism: passed straight in, or through a local.</summary>
    private static IOperation? AuthenticatingClient(IObjectCreationOperation mechanism)
    {
        var parent = ConstantResolver.Consumer(mechanism);

        if (parent is IArgumentOperation { Parent: IInvocationOperation direct })
        {
            return direct.Instance;
        }

        if (parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
        {
            foreach (var operation in ConstantResolver.Root(mechanism).Descendants())
            {
                if (operation is IInvocationOperation { TargetMethod.Name: "Authenticate" or "AuthenticateAsync" } invocation
                    && invocation.Arguments.Any(a => ConstantResolver.Unwrap(a.Value) is ILocalReferenceOperation local && SymbolEqualityComparer.Default.Equals(local.Local, declarator.Symbol)))
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
    private static bool TryGetPassword(ImmutableArray<IArgumentOperation> arguments, KnownTypes types, CancellationToken cancellationToken, out IOperation? password)
    {
        password = Argument(arguments, "password");
        if (password is not null)
        {
            return true;
        }

        var credentials = Argument(arguments, "credentials");
        if (credentials is null)
        {
            return false;
        }

        var credential = NetworkCredentials.Find(credentials, types, cancellationToken);
        password = credential.Password;
        return !credential.IsDefault;
    }

    private static IOperation? Argument(ImmutableArray<IArgumentOperation> arguments, string parameterName)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Name == parameterName)
            {
                return argument.Value;
            }
        }

        return null;
    }

    private static string Api(IMethodSymbol method, IOperation? instance)
    {
        var typeName = instance?.Type?.Name is { Length: > 0 } name ? name : method.ContainingType.Name;
        return typeName + "." + method.Name;
    }
}
