using System.Runtime.CompilerServices;
using System.Threading;

namespace LegacyAuthAnalyzers.Roslyn;

/// <summary>Metadata names of every type the rules look for, kept sorted by library.</summary>
internal enum KnownType
{
    // Azure.Identity
    Azure_Identity_ClientSecretCredential,
    Azure_Identity_UsernamePasswordCredential,

    // MailKit
    MailKit_IMailService,
    MailKit_MailService,
    MailKit_Net_Imap_ImapClient,
    MailKit_Net_Pop3_Pop3Client,
    MailKit_Net_Smtp_SmtpClient,
    MailKit_Security_SaslMechanism,
    MailKit_Security_SaslMechanismOAuth2,
    MailKit_Security_SecureSocketOptions,

    // EWS Managed API
    Microsoft_Exchange_WebServices_Data_ExchangeService,
    Microsoft_Exchange_WebServices_Data_OAuthCredentials,
    Microsoft_Exchange_WebServices_Data_WebCredentials,

    // Microsoft.Extensions.Logging
    Microsoft_Extensions_Logging_ILogger,

    // MSAL
    Microsoft_Identity_Client_ConfidentialClientApplicationBuilder,
    Microsoft_Identity_Client_ConfidentialClientApplicationOptions,
    Microsoft_Identity_Client_IPublicClientApplication,
    Microsoft_Identity_Client_PublicClientApplicationBuilder,

    // ADAL
    Microsoft_IdentityModel_Clients_ActiveDirectory_AuthenticationContext,
    Microsoft_IdentityModel_Clients_ActiveDirectory_ClientAssertionCertificate,
    Microsoft_IdentityModel_Clients_ActiveDirectory_ClientCredential,
    Microsoft_IdentityModel_Clients_ActiveDirectory_TokenCache,
    Microsoft_IdentityModel_Clients_ActiveDirectory_UserPasswordCredential,

    // MimeKit
    MimeKit_MimeMessage,

    // Base class library
    System_Net_CredentialCache,
    System_Net_Http_FormUrlEncodedContent,
    System_Net_Http_Headers_AuthenticationHeaderValue,
    System_Net_Http_HttpClientHandler,
    System_Net_Http_SocketsHttpHandler,
    System_Net_Http_StringContent,
    System_Net_HttpRequestHeader,
    System_Net_Mail_SmtpClient,
    System_Net_NetworkCredential,
    System_Net_ServicePointManager,
    System_Net_WebClient,
    System_Net_WebRequest,
    System_Uri,

    Count,
}

/// <summary>
/// The library types the rules need, resolved lazily and at most once per compilation and shared by every analyzer
/// of the package, so that no analyzer looks a type up by name on a hot path.
/// </summary>
internal sealed class KnownTypes
{
    private static readonly ConditionalWeakTable<Compilation, KnownTypes> Cache = new();
    private static readonly object Unresolved = new();

    private readonly Compilation compilation;
    private readonly object?[] symbols = new object?[(int)KnownType.Count];

    private KnownTypes(Compilation compilation)
    {
        this.compilation = compilation;
        for (var i = 0; i < symbols.Length; i++)
        {
            symbols[i] = Unresolved;
        }
    }

    public static KnownTypes For(Compilation compilation) => Cache.GetValue(compilation, static c => new KnownTypes(c));

    public INamedTypeSymbol? Get(KnownType type)
    {
        var index = (int)type;
        var cached = Volatile.Read(ref symbols[index]);
        if (!ReferenceEquals(cached, Unresolved))
        {
            return (INamedTypeSymbol?)cached;
        }

#pragma warning disable RS0030 // KnownTypes is the one place that resolves types by metadata name.
        var resolved = compilation.GetTypeByMetadataName(MetadataName(type));
#pragma warning restore RS0030
        Volatile.Write(ref symbols[index], resolved);
        return resolved;
    }

    /// <summary>True when any mail or identity library other than the base class library is referenced.</summary>
    public bool HasMailLibrary =>
        Get(KnownType.MailKit_MailService) is not null
        || Get(KnownType.Microsoft_Exchange_WebServices_Data_ExchangeService) is not null
        || Get(KnownType.Microsoft_IdentityModel_Clients_ActiveDirectory_AuthenticationContext) is not null
        || Get(KnownType.Microsoft_Identity_Client_PublicClientApplicationBuilder) is not null
        || Get(KnownType.Azure_Identity_UsernamePasswordCredential) is not null;

    /// <summary>Any mail API at all: a mail or identity library, or System.Net.Mail (which every .NET reference set has).</summary>
    public bool HasMailApi => HasMailLibrary || HasSystemNetMail;

    public bool HasMailKit => Get(KnownType.MailKit_MailService) is not null;

    public bool HasEws => Get(KnownType.Microsoft_Exchange_WebServices_Data_ExchangeService) is not null;

    public bool HasSystemNetMail => Get(KnownType.System_Net_Mail_SmtpClient) is not null;

    /// <summary>True when <paramref name="type"/> is or derives from the known type (classes only).</summary>
    public bool IsOrDerivesFrom(ITypeSymbol? type, KnownType baseType)
    {
        var target = Get(baseType);
        if (target is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, target))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A MailKit client: derives from <c>MailService</c>, or is or implements <c>IMailService</c> (IImapClient, …).</summary>
    public bool IsMailKitService(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        if (IsOrDerivesFrom(type, KnownType.MailKit_MailService))
        {
            return true;
        }

        var service = Get(KnownType.MailKit_IMailService);
        return service is not null
            && (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, service) || type.AllInterfaces.Contains(service, SymbolEqualityComparer.Default));
    }

    public bool Is(ITypeSymbol? type, KnownType knownType) =>
        type is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, Get(knownType));

    // Enum member names spell the metadata name with '_' for '.', and no type name here contains '_'.
    internal static string MetadataName(KnownType type) => type.ToString().Replace('_', '.');
}
