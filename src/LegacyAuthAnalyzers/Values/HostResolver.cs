using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis.Operations;

namespace LegacyAuthAnalyzers.Values;

/// <summary>A mail client found in the code: the host it talks to (when constant) and its protocol.</summary>
internal readonly struct MailEndpoint
{
    public MailEndpoint(string? host, MailProtocol protocol)
    {
        Host = host;
        Protocol = protocol;
    }

    public string? Host { get; }

    public MailProtocol Protocol { get; }
}

/// <summary>
/// Finds the host of a mail client from the same member body: the constructor's host argument, a <c>Host</c> or
/// <c>Url</c> assignment (object initializer or later), or the first argument of <c>Connect</c>/<c>ConnectAsync</c>.
/// Intra-procedural and bounded by the size of one member body.
/// Serves LA1001, LA1002, LA1003, LA1004, LA1005, LA2001, LA2002, LA2003, LA2004, LA2005, LA3001 and LA3002.
/// </summary>
internal static class HostResolver
{
    private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<ISymbol, string?>> HostsElsewhereInType = new();

    public static MailEndpoint ForClient(IOperation? client, KnownTypes types, CancellationToken cancellationToken)
    {
        try
        {
            client = OperationTree.SkipConversions(client);
            if (client is null)
            {
                return default;
            }

            var protocol = ProtocolOf(client.Type, types);
            if (client is IObjectCreationOperation creation)
            {
                return new MailEndpoint(HostOfCreation(creation, cancellationToken) ?? HostOfCreationTarget(creation, cancellationToken), protocol);
            }

            var symbol = ReferencedSymbol(client);
            if (symbol is null)
            {
                return new MailEndpoint(null, protocol);
            }

            var host = HostOfSymbol(symbol, OperationTree.Root(client), cancellationToken)
                ?? HostElsewhereInType(symbol, client, cancellationToken);
            return new MailEndpoint(host, protocol);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return default;
        }
    }

    /// <summary>
    /// A client configured in another member of the same type: a field set in the constructor or its initializer, or a
    /// local that holds what a private helper returns (<c>var client = CreateClient();</c>). One level deep.
    /// </summary>
    /// <remarks>
    /// Found once per compilation and client symbol: the answer depends on the symbol alone, while every credential
    /// and transport rule asks it for every sink on that client, and finding it reads the assignments of the whole type.
    /// </remarks>
    private static string? HostElsewhereInType(ISymbol symbol, IOperation reference, CancellationToken cancellationToken)
    {
        if (reference.SemanticModel?.Compilation is not { } compilation)
        {
            return FindHostElsewhereInType(symbol, reference, cancellationToken);
        }

        var hosts = HostsElsewhereInType.GetValue(compilation, static _ => new ConcurrentDictionary<ISymbol, string?>(SymbolEqualityComparer.Default));
        if (!hosts.TryGetValue(symbol, out var host))
        {
            // Rules asking at the same time may both find it; the answers are equal.
            host = FindHostElsewhereInType(symbol, reference, cancellationToken);
            hosts.TryAdd(symbol, host);
        }

        return host;
    }

    private static string? FindHostElsewhereInType(ISymbol symbol, IOperation reference, CancellationToken cancellationToken)
    {
        var values = new List<IOperation>();
        switch (symbol)
        {
            case IFieldSymbol or IPropertySymbol:
                if (!ConstantResolver.TryGetMemberValues(reference, symbol, values, cancellationToken))
                {
                    return null;
                }

                foreach (var value in values)
                {
                    if (OperationTree.SkipConversions(value) is IObjectCreationOperation creation && HostOfCreation(creation, cancellationToken) is { } fromCreation)
                    {
                        return fromCreation;
                    }

                    // Host written on the field in the member that assigns it (the constructor).
                    if (HostOfSymbol(symbol, OperationTree.Root(value), cancellationToken) is { } fromMember)
                    {
                        return fromMember;
                    }
                }

                return null;
            case ILocalSymbol local:
                ConstantResolver.TryGetLocalAssignments(local, OperationTree.Root(reference), values);
                foreach (var value in values)
                {
                    if (OperationTree.SkipConversions(value) is { } call and (IInvocationOperation or IInvalidOperation) && SameTypeHelpers.Target(call) is { } helper)
                    {
                        foreach (var (returned, _) in SameTypeHelpers.ReturnedValues(helper, call, cancellationToken))
                        {
                            if (HostOfReturned(returned, cancellationToken) is { } host)
                            {
                                return host;
                            }
                        }
                    }
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>The host of a client a helper returns: created in place, or held in a local of the helper.</summary>
    private static string? HostOfReturned(IOperation returned, CancellationToken cancellationToken)
    {
        var value = OperationTree.SkipConversions(returned);
        return value switch
        {
            IObjectCreationOperation creation => HostOfCreation(creation, cancellationToken) ?? HostOfCreationTarget(creation, cancellationToken),
            ILocalReferenceOperation local => HostOfSymbol(local.Local, OperationTree.Root(local), cancellationToken),
            _ => null,
        };
    }

    /// <summary>For an assignment inside an object initializer, the object being created.</summary>
    public static IObjectCreationOperation? InitializedObject(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IObjectOrCollectionInitializerOperation initializer)
            {
                return initializer.Parent as IObjectCreationOperation;
            }

            if (current is not ISimpleAssignmentOperation and not IMemberInitializerOperation)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>The receiver of an instance member access, with an object initializer's implicit receiver resolved.</summary>
    public static IOperation? ReceiverOf(IOperation? instance, IOperation site) =>
        instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver }
            ? InitializedObject(site)
            : instance;

    public static ISymbol? ReferencedSymbol(IOperation? operation) => OperationTree.SkipConversions(operation) switch
    {
        ILocalReferenceOperation local => local.Local,
        IFieldReferenceOperation field => field.Field,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IPropertyReferenceOperation { Arguments.IsEmpty: true } property => property.Property,
        _ => null,
    };

    public static MailProtocol ProtocolOf(ITypeSymbol? type, KnownTypes types)
    {
        if (type is null)
        {
            return MailProtocol.Unknown;
        }

        if (types.IsOrDerivesFrom(type, KnownType.MailKit_Net_Smtp_SmtpClient) || types.IsOrDerivesFrom(type, KnownType.System_Net_Mail_SmtpClient))
        {
            return MailProtocol.Smtp;
        }

        if (types.IsOrDerivesFrom(type, KnownType.MailKit_Net_Imap_ImapClient))
        {
            return MailProtocol.Imap;
        }

        if (types.IsOrDerivesFrom(type, KnownType.MailKit_Net_Pop3_Pop3Client))
        {
            return MailProtocol.Pop3;
        }

        if (types.IsOrDerivesFrom(type, KnownType.Microsoft_Exchange_WebServices_Data_ExchangeService))
        {
            return MailProtocol.Ews;
        }

        // Interfaces such as IImapClient: go by name, the interfaces carry no base class to compare.
        return type.Name switch
        {
            "ISmtpClient" => MailProtocol.Smtp,
            "IImapClient" => MailProtocol.Imap,
            "IPop3Client" => MailProtocol.Pop3,
            _ => MailProtocol.Unknown,
        };
    }

    /// <summary>A host given as a string or as a <c>Uri</c> built from a constant.</summary>
    public static string? HostOfValue(IOperation? value, CancellationToken cancellationToken)
    {
        return ConstantResolver.TryResolveString(UriValues.TextOperand(value), cancellationToken, out var text, out _) ? MailHosts.Normalize(text) : null;
    }

    private static string? HostOfCreation(IObjectCreationOperation creation, CancellationToken cancellationToken)
    {
        // System.Net.Mail's client is read by its one configuration model, the one its transport rules use.
        if (creation.SemanticModel is { } model
            && SmtpClientMembers.For(KnownTypes.For(model.Compilation)) is { } members
            && SymbolEqualityComparer.Default.Equals(creation.Type, members.Type))
        {
            return SmtpClientConfiguration.OfCreation(creation, members).Host(cancellationToken);
        }

        // Other clients: a host argument, else a Host or Url in the object initializer (ExchangeService).
        foreach (var argument in creation.Arguments)
        {
            if (argument.Parameter?.Name == "host")
            {
                return HostOfValue(argument.Value, cancellationToken);
            }
        }

        if (creation.Initializer is not null)
        {
            foreach (var initializer in creation.Initializer.Initializers)
            {
                if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment
                    && IsHostProperty(property.Property.Name))
                {
                    return HostOfValue(assignment.Value, cancellationToken);
                }
            }
        }

        return null;
    }

    /// <summary>A creation stored in a local or field: the host may be set later on that variable.</summary>
    private static string? HostOfCreationTarget(IObjectCreationOperation creation, CancellationToken cancellationToken)
    {
        var parent = OperationTree.Consumer(creation);

        ISymbol? target = parent switch
        {
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
            ISimpleAssignmentOperation assignment => ReferencedSymbol(assignment.Target),
            _ => null,
        };

        return target is null ? null : HostOfSymbol(target, OperationTree.Root(creation), cancellationToken);
    }

    private static string? HostOfSymbol(ISymbol symbol, IOperation root, CancellationToken cancellationToken)
    {
        foreach (var operation in root.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IInvocationOperation { TargetMethod.Name: "Connect" or "ConnectAsync" } connect
                    when IsSymbol(connect.Instance, symbol):
                    return HostOfValue(ConnectTarget(connect), cancellationToken);
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment
                    when IsHostProperty(property.Property.Name) && IsSymbol(property.Instance, symbol):
                    return HostOfValue(assignment.Value, cancellationToken);
                case IVariableDeclaratorOperation { Initializer.Value: { } value } declarator
                    when SymbolEqualityComparer.Default.Equals(declarator.Symbol, symbol) && OperationTree.SkipConversions(value) is IObjectCreationOperation created:
                    if (HostOfCreation(created, cancellationToken) is { } fromCreation)
                    {
                        return fromCreation;
                    }

                    break;
                case ISimpleAssignmentOperation assignment
                    when IsSymbol(assignment.Target, symbol) && OperationTree.SkipConversions(assignment.Value) is IObjectCreationOperation assigned:
                    if (HostOfCreation(assigned, cancellationToken) is { } fromAssigned)
                    {
                        return fromAssigned;
                    }

                    break;
            }
        }

        return null;
    }

    /// <summary>
    /// The host or URI argument of <c>Connect</c>: by parameter name, since the overloads that take a socket or a
    /// stream put the host second.
    /// </summary>
    private static IOperation? ConnectTarget(IInvocationOperation connect)
    {
        foreach (var argument in connect.Arguments)
        {
            if (argument.Parameter?.Name is "host" or "uri")
            {
                return argument.Value;
            }
        }

        return null;
    }

    private static bool IsHostProperty(string name) => name is "Host" or "Url";

    private static bool IsSymbol(IOperation? operation, ISymbol symbol) =>
        SymbolEqualityComparer.Default.Equals(ReferencedSymbol(operation), symbol);
}
