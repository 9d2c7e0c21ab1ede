using System.Threading;
using Microsoft.CodeAnalysis.Operations;

namespace LegacyAuthAnalyzers.Credentials;

/// <summary>What a credential expression turned out to be.</summary>
internal readonly struct CredentialValue
{
    public CredentialValue(bool isDefault, bool isNetworkCredential, IOperation? creation, IOperation? user, IOperation? password)
    {
        IsDefault = isDefault;
        IsNetworkCredential = isNetworkCredential;
        Creation = creation;
        User = user;
        Password = password;
    }

    /// <summary>The process's own Windows credentials (<c>CredentialCache.Default…</c>): no password involved.</summary>
    public bool IsDefault { get; }

    public bool IsNetworkCredential { get; }

    public IOperation? Creation { get; }

    public IOperation? User { get; }

    public IOperation? Password { get; }
}

/// <summary>
/// Follows a credential expression to the <c>NetworkCredential</c> it holds: a creation in place, or one stored in a
/// local of the same member or a field of the same type, with later <c>.Password = …</c> writes on that local or field.
/// Serves LA1001, LA1002, LA1003, LA1004, LA1005, LA3001 and LA3002.
/// </summary>
internal static class NetworkCredentials
{
    public static CredentialValue Find(IOperation? credential, KnownTypes types, CancellationToken cancellationToken)
    {
        credential = OperationTree.SkipConversions(credential);
        switch (credential)
        {
            case null:
                return default;
            case IPropertyReferenceOperation property when types.Is(property.Property.ContainingType, KnownType.System_Net_CredentialCache):
                return new CredentialValue(isDefault: true, isNetworkCredential: true, null, null, null);
            case IObjectCreationOperation creation:
                return MethodCall.FromCreation(creation) is { } call ? FromCreation(call, types) : default;
            case IInvalidOperation invalid:
                // new NetworkCredential(settings.User, settings.Password) where the settings type does not resolve.
                return CallRecovery.Recover(invalid) is { Method.MethodKind: MethodKind.Constructor } recovered ? FromCreation(recovered, types) : Untraced(invalid.Type, types);
            case ILocalReferenceOperation local:
                return FromLocal(local, types);
            case IFieldReferenceOperation or IPropertyReferenceOperation or IParameterReferenceOperation:
                return FromMember(credential, types, cancellationToken);
            default:
                return Untraced(credential.Type, types);
        }
    }

    private static CredentialValue FromCreation(MethodCall creation, KnownTypes types)
    {
        if (!types.IsOrDerivesFrom(creation.Method.ContainingType, KnownType.System_Net_NetworkCredential))
        {
            return default;
        }

        IOperation? user = null;
        IOperation? password = null;
        foreach (var argument in creation.Arguments)
        {
            switch (argument.Parameter.Name)
            {
                case "userName":
                    user = argument.Value;
                    break;
                case "password":
                    password = argument.Value;
                    break;
            }
        }

        if (creation.Initializer is not null)
        {
            foreach (var initializer in creation.Initializer.Initializers)
            {
                if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment)
                {
                    if (property.Property.Name == "Password")
                    {
                        password = assignment.Value;
                    }
                    else if (property.Property.Name == "UserName")
                    {
                        user = assignment.Value;
                    }
                }
            }
        }

        return new CredentialValue(false, true, creation.Operation, user, password);
    }

    private static CredentialValue FromLocal(ILocalReferenceOperation reference, KnownTypes types)
    {
        var root = OperationTree.Root(reference);
        var values = new List<IOperation>();
        ConstantResolver.TryGetLocalAssignments(reference.Local, root, values);
        return WithPasswordWrites(Last(values, types, reference.Type), reference.Local, root, types);
    }

    private static CredentialValue FromMember(IOperation reference, KnownTypes types, CancellationToken cancellationToken)
    {
        var member = HostResolver.ReferencedSymbol(reference);
        if (member is null)
        {
            return Untraced(reference.Type, types);
        }

        var values = new List<IOperation>();
        var found = ConstantResolver.TryGetMemberValues(reference, member, values, cancellationToken)
            ? Last(values, types, reference.Type)
            : Untraced(reference.Type, types);
        return WithPasswordWrites(found, member, OperationTree.Root(reference), types);
    }

    /// <summary>
    /// A later <c>credential.Password = …</c> on the same local or field, in the member body that uses the credential,
    /// replaces the constructor's password.
    /// </summary>
    private static CredentialValue WithPasswordWrites(CredentialValue found, ISymbol owner, IOperation root, KnownTypes types)
    {
        if (found.IsDefault)
        {
            return found;
        }

        foreach (var operation in root.Descendants())
        {
            if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Password" } target } assignment
                && SymbolEqualityComparer.Default.Equals(HostResolver.ReferencedSymbol(target.Instance), owner)
                && types.IsOrDerivesFrom(target.Property.ContainingType, KnownType.System_Net_NetworkCredential))
            {
                found = new CredentialValue(false, true, found.Creation, found.User, assignment.Value);
            }
        }

        return found;
    }

    private static CredentialValue Last(List<IOperation> values, KnownTypes types, ITypeSymbol? declaredType)
    {
        for (var i = values.Count - 1; i >= 0; i--)
        {
            var found = Find(values[i], types, CancellationToken.None);
            if (found.IsDefault || found.Creation is not null)
            {
                return found;
            }
        }

        return Untraced(declaredType, types);
    }

    /// <summary>A credential whose creation cannot be followed: only its static type is known.</summary>
    private static CredentialValue Untraced(ITypeSymbol? type, KnownTypes types) =>
        new(false, types.Is(type, KnownType.System_Net_NetworkCredential), null, null, null);
}
