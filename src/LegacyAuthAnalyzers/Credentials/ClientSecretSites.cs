using Microsoft.CodeAnalysis.Operations;

namespace LegacyAuthAnalyzers.Credentials;

/// <summary>A place where an app's OAuth client secret goes into an identity library.</summary>
internal readonly struct ClientSecretSite
{
    public ClientSecretSite(IOperation sink, string api, IOperation secret)
    {
        Sink = sink;
        Api = api;
        Secret = secret;
    }

    /// <summary>The call or creation that takes the secret.</summary>
    public IOperation Sink { get; }

    /// <summary>The API as the message names it, for example <c>ConfidentialClientApplicationBuilder.WithClientSecret</c>.</summary>
    public string Api { get; }

    /// <summary>The argument that supplies the secret.</summary>
    public IOperation Secret { get; }
}

/// <summary>
/// The client secret sinks of the identity libraries a mail app signs in with (LA1005): MSAL
/// <c>ConfidentialClientApplicationBuilder.WithClientSecret</c> and <c>ConfidentialClientApplicationOptions.ClientSecret</c>,
/// Azure.Identity <c>new ClientSecretCredential(…)</c> and ADAL <c>new ClientCredential(clientId, secret)</c>. Resolved once per compilation; a compilation that references
/// none of the three libraries has no sink, and the rule registers nothing there.
/// Serves LA1005.
/// </summary>
internal sealed class ClientSecretSites
{
    private const string SecretParameter = "clientSecret";
    private const string WithClientSecret = "WithClientSecret";
    private const string ClientSecretProperty = "ClientSecret";

    private readonly INamedTypeSymbol? msalBuilder;
    private readonly INamedTypeSymbol? msalOptions;
    private readonly INamedTypeSymbol? azureCredential;
    private readonly INamedTypeSymbol? adalCredential;

    public ClientSecretSites(KnownTypes types)
    {
        msalBuilder = types.Get(KnownType.Microsoft_Identity_Client_ConfidentialClientApplicationBuilder);
        msalOptions = types.Get(KnownType.Microsoft_Identity_Client_ConfidentialClientApplicationOptions);
        azureCredential = types.Get(KnownType.Azure_Identity_ClientSecretCredential);
        adalCredential = types.Get(KnownType.Microsoft_IdentityModel_Clients_ActiveDirectory_ClientCredential);
    }

    public bool HasInvocations => msalBuilder is not null;

    public bool HasCreations => azureCredential is not null || adalCredential is not null;

    /// <summary>Options objects, set in an initializer or by assignment, as configuration binding would set them.</summary>
    public bool HasAssignments => msalOptions is not null;

    /// <summary>The site of a call or creation that takes a client secret; one name or symbol comparison rejects the rest.</summary>
    public bool TryGet(IOperation operation, out ClientSecretSite site)
    {
        site = default;
        switch (operation)
        {
            case IInvocationOperation invocation
                when invocation.TargetMethod.Name == WithClientSecret
                    && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType?.OriginalDefinition, msalBuilder):
                return TryCreate(invocation, invocation.Arguments, "ConfidentialClientApplicationBuilder." + WithClientSecret, out site);
            case IObjectCreationOperation creation
                when creation.Type is { } type
                    && (SymbolEqualityComparer.Default.Equals(type, azureCredential) || SymbolEqualityComparer.Default.Equals(type, adalCredential)):
                return TryCreate(creation, creation.Arguments, "new " + type.Name, out site);
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: ClientSecretProperty } property } assignment
                when SymbolEqualityComparer.Default.Equals(property.Property.ContainingType, msalOptions):
                site = new ClientSecretSite(assignment, msalOptions!.Name + "." + ClientSecretProperty, assignment.Value);
                return true;
            default:
                return false;
        }
    }

    private static bool TryCreate(IOperation sink, ImmutableArray<IArgumentOperation> arguments, string api, out ClientSecretSite site)
    {
        foreach (var argument in arguments)
        {
            // ADAL's ClientCredential also takes a certificate or an ISecureClientSecret; only the string is a secret.
            if (argument.Parameter is { Name: SecretParameter, Type.SpecialType: SpecialType.System_String })
            {
                site = new ClientSecretSite(sink, api, argument.Value);
                return true;
            }
        }

        site = default;
        return false;
    }
}
