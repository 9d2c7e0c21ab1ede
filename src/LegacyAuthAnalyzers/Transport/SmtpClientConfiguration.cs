using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace LegacyAuthAnalyzers.Transport;

/// <summary>
/// The System.Net.Mail <c>SmtpClient</c> members the transport rules (LA2001, LA2003) and the OAuth migration fix
/// (LA1001-LA1003) read, resolved once per compilation.
/// </summary>
internal sealed class SmtpClientMembers
{
    private static readonly ConditionalWeakTable<INamedTypeSymbol, SmtpClientMembers> PerType = new();

    private SmtpClientMembers(INamedTypeSymbol type)
    {
        Type = type;
        Host = Property(type, "Host");
        Port = Property(type, "Port");
        EnableSsl = Property(type, "EnableSsl");
        DeliveryMethod = Property(type, "DeliveryMethod");
        Timeout = Property(type, "Timeout");
        Credentials = Property(type, "Credentials");
        UseDefaultCredentials = Property(type, "UseDefaultCredentials");
    }

    public INamedTypeSymbol Type { get; }

    public IPropertySymbol? Host { get; }

    public IPropertySymbol? Port { get; }

    public IPropertySymbol? EnableSsl { get; }

    public IPropertySymbol? DeliveryMethod { get; }

    public IPropertySymbol? Timeout { get; }

    public IPropertySymbol? Credentials { get; }

    public IPropertySymbol? UseDefaultCredentials { get; }

    /// <summary>
    /// The members of the compilation's <c>SmtpClient</c>, looked up once per compilation: hosts are read through them for
    /// every System.Net.Mail creation a credential or transport rule meets.
    /// </summary>
    public static SmtpClientMembers? For(KnownTypes types) =>
        types.Get(KnownType.System_Net_Mail_SmtpClient) is { } type ? PerType.GetValue(type, static t => new SmtpClientMembers(t)) : null;

    public static bool Is(IPropertySymbol property, IPropertySymbol? member) =>
        member is not null && SymbolEqualityComparer.Default.Equals(property.OriginalDefinition, member);

    private static IPropertySymbol? Property(INamedTypeSymbol type, string name) =>
        type.GetMembers(name).OfType<IPropertySymbol>().FirstOrDefault();
}

/// <summary>
/// How one System.Net.Mail <c>SmtpClient</c> is configured inside one member body: the constructor's host and port,
/// then <c>Host</c>, <c>Port</c>, <c>EnableSsl</c>, <c>DeliveryMethod</c>, <c>Timeout</c>, <c>Credentials</c> and
/// <c>UseDefaultCredentials</c> written in the object initializer or later through the same local, field or parameter.
/// Intra-procedural and bounded by the size of the body. Read by the transport rules (LA2001, LA2003), the hosts of the
/// credential rules and the OAuth migration fix. Serves LA1001, LA1002, LA1003, LA2001 and LA2003.
/// </summary>
internal sealed class SmtpClientConfiguration
{
    private SmtpClientConfiguration(IObjectCreationOperation? creation, ISymbol? variable)
    {
        Creation = creation;
        Variable = variable;
    }

    public IObjectCreationOperation? Creation { get; private set; }

    /// <summary>The local, field, property or parameter that holds the client, when there is one.</summary>
    public ISymbol? Variable { get; }

    public IArgumentOperation? HostArgument { get; private set; }

    public IArgumentOperation? PortArgument { get; private set; }

    public List<ISimpleAssignmentOperation> HostWrites { get; } = new();

    public List<ISimpleAssignmentOperation> PortWrites { get; } = new();

    public List<ISimpleAssignmentOperation> EnableSslWrites { get; } = new();

    public List<ISimpleAssignmentOperation> DeliveryMethodWrites { get; } = new();

    public List<ISimpleAssignmentOperation> TimeoutWrites { get; } = new();

    public List<ISimpleAssignmentOperation> CredentialsWrites { get; } = new();

    public List<ISimpleAssignmentOperation> UseDefaultCredentialsWrites { get; } = new();

    /// <summary>The object initializer sets something else too (a pickup directory, a client certificate, …).</summary>
    public bool InitializerSetsOtherMembers { get; private set; }

    /// <summary>
    /// The client is stored in a field, passed on or returned, so code elsewhere may configure it: "never set" cannot
    /// be told from this body alone.
    /// </summary>
    public bool MayBeConfiguredElsewhere { get; private set; }

    /// <summary>The host is written in code (constructor or <c>Host</c>); otherwise it comes from the config file.</summary>
    public bool HostIsSet => HostArgument is not null || HostWrites.Count > 0;

    /// <summary>The constructor and object initializer of <paramref name="creation"/> alone, without later writes.</summary>
    public static SmtpClientConfiguration OfCreation(IObjectCreationOperation creation, SmtpClientMembers members)
    {
        var configuration = new SmtpClientConfiguration(creation, null);
        configuration.ReadCreation(creation, members);
        return configuration;
    }

    /// <summary>The value the client's host ends up with from the writes read: the last <c>Host</c>, else the constructor's.</summary>
    public IOperation? HostValue => HostWrites.Count > 0 ? HostWrites[HostWrites.Count - 1].Value : HostArgument?.Value;

    /// <summary>The value the client's port ends up with from the writes read: the last <c>Port</c>, else the constructor's.</summary>
    public IOperation? PortValue => PortWrites.Count > 0 ? PortWrites[PortWrites.Count - 1].Value : PortArgument?.Value;

    public static SmtpClientConfiguration? ForCreation(IObjectCreationOperation creation, SmtpClientMembers members, CancellationToken cancellationToken)
    {
        try
        {
            var (variable, elsewhere) = Holder(creation);
            var configuration = new SmtpClientConfiguration(creation, variable) { MayBeConfiguredElsewhere = elsewhere };
            configuration.Collect(OperationTree.Root(creation), members, cancellationToken);
            return configuration;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>The configuration of the client that <paramref name="receiver"/> (of a write at <paramref name="site"/>) refers to.</summary>
    public static SmtpClientConfiguration? ForReceiver(IOperation? receiver, IOperation site, SmtpClientMembers members, CancellationToken cancellationToken)
    {
        try
        {
            receiver = OperationTree.SkipConversions(HostResolver.ReceiverOf(receiver, site));
            if (receiver is IObjectCreationOperation creation)
            {
                return ForCreation(creation, members, cancellationToken);
            }

            var symbol = HostResolver.ReferencedSymbol(receiver);
            if (symbol is null)
            {
                return null;
            }

            var configuration = new SmtpClientConfiguration(null, symbol) { MayBeConfiguredElsewhere = symbol is not ILocalSymbol };
            configuration.Collect(OperationTree.Root(site), members, cancellationToken);
            return configuration;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Whether <paramref name="write"/> is one of the writes this model read (a setting it knows, of this client).</summary>
    public bool Reads(ISimpleAssignmentOperation write) =>
        HostWrites.Contains(write) || PortWrites.Contains(write) || EnableSslWrites.Contains(write) || DeliveryMethodWrites.Contains(write)
        || TimeoutWrites.Contains(write) || CredentialsWrites.Contains(write) || UseDefaultCredentialsWrites.Contains(write);

    /// <summary>The constant host, normalized; null when absent or not constant.</summary>
    public string? Host(CancellationToken cancellationToken) =>
        HostValue is { } value ? HostResolver.HostOfValue(value, cancellationToken) : null;

    /// <summary>A <c>DeliveryMethod</c> other than <c>Network</c> (a pickup directory): nothing goes over the network.</summary>
    public bool DeliversWithoutNetwork(CancellationToken cancellationToken)
    {
        foreach (var write in DeliveryMethodWrites)
        {
            if (ConstantResolver.TryResolveInt32(write.Value, cancellationToken, out var method) && method != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether any constant port of the client is <paramref name="port"/>.</summary>
    public bool UsesPort(int port, CancellationToken cancellationToken)
    {
        if (PortArgument is not null && ConstantResolver.TryResolveInt32(PortArgument.Value, cancellationToken, out var fromConstructor) && fromConstructor == port)
        {
            return true;
        }

        foreach (var write in PortWrites)
        {
            if (ConstantResolver.TryResolveInt32(write.Value, cancellationToken, out var written) && written == port)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the client is for a local test server: a constant local host.</summary>
    public bool IsLocal(LegacyAuthOptions options, CancellationToken cancellationToken) =>
        MailHosts.IsLocal(Host(cancellationToken), options);

    public static bool IsConstant(IOperation value, bool expected, CancellationToken cancellationToken) =>
        ConstantResolver.TryResolve(value, cancellationToken, out var resolved) && resolved.Value is bool flag && flag == expected;

    /// <summary>The squiggle for a creation: <c>new SmtpClient(…)</c> without its object initializer.</summary>
    public static Location CreationLocation(IObjectCreationOperation creation)
    {
        var syntax = creation.Syntax;
        var end = syntax switch
        {
            ObjectCreationExpressionSyntax explicitCreation => explicitCreation.ArgumentList?.Span.End ?? explicitCreation.Type.Span.End,
            ImplicitObjectCreationExpressionSyntax implicitCreation => implicitCreation.ArgumentList.Span.End,
            _ => syntax.Span.End,
        };

        return Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(syntax.SpanStart, end));
    }

    /// <summary>Where the new client goes: a local or member, and whether it leaves this body's control.</summary>
    private static (ISymbol? Variable, bool Elsewhere) Holder(IObjectCreationOperation creation)
    {
        var parent = OperationTree.Consumer(creation);

        switch (parent)
        {
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                return (declarator.Symbol, false);
            case IVariableInitializerOperation:
                // A field or property initializer: the rest of the type may configure it.
                return (null, true);
            case ISimpleAssignmentOperation assignment when HostResolver.ReferencedSymbol(assignment.Target) is { } target:
                return (target, target is not ILocalSymbol);
            case IInvocationOperation or IPropertyReferenceOperation or IExpressionStatementOperation or IUsingOperation:
                return (null, false);
            default:
                return (null, true);
        }
    }

    private void Collect(IOperation root, SmtpClientMembers members, CancellationToken cancellationToken)
    {
        if (Creation is not null)
        {
            ReadCreation(Creation, members);
        }

        if (Variable is null)
        {
            return;
        }

        foreach (var operation in root.Descendants())
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (operation)
            {
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment
                    when IsVariable(property.Instance):
                    Record(assignment, members);
                    break;
                case IVariableDeclaratorOperation { Initializer.Value: { } value } declarator
                    when Creation is null && SymbolEqualityComparer.Default.Equals(declarator.Symbol, Variable)
                        && OperationTree.SkipConversions(value) is IObjectCreationOperation created:
                    AdoptCreation(created, members);
                    break;
                case ISimpleAssignmentOperation assignment
                    when Creation is null && IsVariable(assignment.Target) && OperationTree.SkipConversions(assignment.Value) is IObjectCreationOperation assigned:
                    AdoptCreation(assigned, members);
                    break;
                case ILocalReferenceOperation reference when Variable is ILocalSymbol && IsVariable(reference) && Escapes(reference):
                    MayBeConfiguredElsewhere = true;
                    break;
            }
        }
    }

    private void AdoptCreation(IObjectCreationOperation creation, SmtpClientMembers members)
    {
        if (!SymbolEqualityComparer.Default.Equals(creation.Type, members.Type))
        {
            return;
        }

        Creation = creation;
        ReadCreation(creation, members);
    }

    /// <summary>The host and port arguments of the constructor and the members set in its object initializer.</summary>
    private void ReadCreation(IObjectCreationOperation creation, SmtpClientMembers members)
    {
        foreach (var argument in creation.Arguments)
        {
            switch (argument.Parameter?.Name)
            {
                case "host":
                    HostArgument = argument;
                    break;
                case "port":
                    PortArgument = argument;
                    break;
            }
        }

        if (creation.Initializer is not null)
        {
            foreach (var initializer in creation.Initializer.Initializers)
            {
                if (initializer is not ISimpleAssignmentOperation assignment || !Record(assignment, members))
                {
                    InitializerSetsOtherMembers = true;
                }
            }
        }
    }

    /// <summary>Records a write of a member this model reads; false for any other member.</summary>
    private bool Record(ISimpleAssignmentOperation assignment, SmtpClientMembers members)
    {
        if (assignment.Target is not IPropertyReferenceOperation { Property: var property })
        {
            return false;
        }

        var list = SmtpClientMembers.Is(property, members.EnableSsl) ? EnableSslWrites
            : SmtpClientMembers.Is(property, members.Port) ? PortWrites
            : SmtpClientMembers.Is(property, members.Host) ? HostWrites
            : SmtpClientMembers.Is(property, members.DeliveryMethod) ? DeliveryMethodWrites
            : SmtpClientMembers.Is(property, members.Timeout) ? TimeoutWrites
            : SmtpClientMembers.Is(property, members.Credentials) ? CredentialsWrites
            : SmtpClientMembers.Is(property, members.UseDefaultCredentials) ? UseDefaultCredentialsWrites
            : null;
        if (list is not null && !list.Contains(assignment))
        {
            list.Add(assignment);
        }

        return list is not null;
    }

    private bool IsVariable(IOperation? operation) =>
        operation is not null && SymbolEqualityComparer.Default.Equals(HostResolver.ReferencedSymbol(operation), Variable);

    /// <summary>A use of the local other than calling it or reading and writing its members hands it to other code.</summary>
    private static bool Escapes(ILocalReferenceOperation reference)
    {
        var parent = reference.Parent;
        return parent switch
        {
            IPropertyReferenceOperation property => !ReferenceEquals(property.Instance, reference),
            IInvocationOperation invocation => !ReferenceEquals(invocation.Instance, reference),
            IEventReferenceOperation eventReference => !ReferenceEquals(eventReference.Instance, reference),
            IMethodReferenceOperation method => !ReferenceEquals(method.Instance, reference),
            ISimpleAssignmentOperation assignment => !ReferenceEquals(assignment.Target, reference),
            IUsingOperation or IUsingDeclarationOperation => false,
            _ => true,
        };
    }
}
