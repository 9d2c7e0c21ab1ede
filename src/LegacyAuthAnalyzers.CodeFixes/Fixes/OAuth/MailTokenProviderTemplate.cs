using System.Text;

namespace LegacyAuthAnalyzers.CodeFixes.Fixes.OAuth;

/// <summary>How the generated provider signs a user in when MSAL has no cached token for them.</summary>
internal enum UserSignIn
{
    /// <summary>A browser window (desktop apps).</summary>
    Interactive,

    /// <summary>A code the user enters on another device (console apps, no UI).</summary>
    DeviceCode,
}

/// <summary>
/// The source of the token provider class the OAuth fixes add to a project once. Its names are a contract with the
/// fixes (they call its members) and with the documentation (the environment variable names).
/// </summary>
internal static class MailTokenProviderTemplate
{
    public const string TypeName = "MailTokenProvider";
    public const string FileName = TypeName + ".cs";

    public const string GetAppOnlyTokenAsync = "GetAppOnlyTokenAsync";
    public const string GetAppOnlyToken = "GetAppOnlyToken";
    public const string GetUserTokenAsync = "GetUserTokenAsync";
    public const string GetUserToken = "GetUserToken";
    public const string GetPersonalAccountTokenAsync = "GetPersonalAccountTokenAsync";
    public const string GetPersonalAccountToken = "GetPersonalAccountToken";

    /// <summary>The authority of personal Microsoft accounts (Outlook.com, Hotmail, Live), DOMAIN §3.</summary>
    public const string ConsumersTenant = "consumers";

    public const string TenantIdVariable = "MAIL_OAUTH_TENANT_ID";
    public const string ClientIdVariable = "MAIL_OAUTH_CLIENT_ID";
    public const string ClientSecretVariable = "MAIL_OAUTH_CLIENT_SECRET";
    public const string CertificateThumbprintVariable = "MAIL_OAUTH_CERTIFICATE_THUMBPRINT";

    /// <summary>The scope constants the provider declares, by the protocol they serve (DOMAIN §3).</summary>
    public const string AppOnlyScopeName = "AppOnlyScope";
    public const string SmtpScopeName = "SmtpScope";
    public const string ImapScopeName = "ImapScope";
    public const string PopScopeName = "PopScope";
    public const string EwsScopeName = "EwsScope";

    public const string AppOnlyScope = "https://outlook.office365.com/.default";
    public const string SmtpScope = "https://outlook.office.com/SMTP.Send";
    public const string ImapScope = "https://outlook.office.com/IMAP.AccessAsUser.All";
    public const string PopScope = "https://outlook.office.com/POP.AccessAsUser.All";
    public const string EwsScope = "https://outlook.office365.com/EWS.AccessAsUser.All";

    /// <param name="namespaceName">The namespace to declare the class in; null or empty for the global namespace.</param>
    /// <param name="fileScopedNamespace">C# 10 or later: a file-scoped namespace declaration.</param>
    /// <param name="nullableAnnotations">C# 8 or later: <c>#nullable enable</c> and annotated nullable types.</param>
    /// <param name="signIn">The fallback when a signed-in user's token is not in MSAL's cache.</param>
    public static string Generate(string? namespaceName, bool fileScopedNamespace, bool nullableAnnotations, UserSignIn signIn, string newLine = "\n")
    {
        var body = GenerateClass(qualifiedNames: false, nullableAnnotations, signIn);
        var text = new StringBuilder();
        text.Append("// Added by the LegacyAuthAnalyzers OAuth 2.0 migration fix. Configuration: see the remarks below.\n");
        if (nullableAnnotations)
        {
            text.Append("#nullable enable\n\n");
        }
        else
        {
            text.Append('\n');
        }

        text.Append("""
using System;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Identity.Client;


""");
        if (string.IsNullOrEmpty(namespaceName))
        {
            text.Append(body).Append('\n');
        }
        else if (fileScopedNamespace)
        {
            text.Append("namespace ").Append(namespaceName).Append(";\n\n").Append(body).Append('\n');
        }
        else
        {
            text.Append("namespace ").Append(namespaceName).Append("\n{\n");
            foreach (var line in body.ToString().Split('\n'))
            {
                text.Append(line.Length == 0 ? string.Empty : "    " + line).Append('\n');
            }

            text.Append("}\n");
        }

        return newLine == "\n" ? text.ToString() : text.ToString().Replace("\n", newLine);
    }

    /// <summary>
    /// The class declaration alone. With <paramref name="qualifiedNames"/> every type is written <c>global::</c>-qualified,
    /// so that it can be placed in an existing file without adding using directives to it.
    /// </summary>
    public static string GenerateClass(bool qualifiedNames, bool nullableAnnotations, UserSignIn signIn)
    {
        var q = nullableAnnotations ? "?" : string.Empty;
        var sys = qualifiedNames ? "global::System." : string.Empty;
        var threading = qualifiedNames ? "global::System.Threading." : string.Empty;
        var tasks = qualifiedNames ? "global::System.Threading.Tasks." : string.Empty;
        var msal = qualifiedNames ? "global::Microsoft.Identity.Client." : string.Empty;
        var crypto = qualifiedNames ? "global::System.Security.Cryptography." : string.Empty;
        var x509 = qualifiedNames ? "global::System.Security.Cryptography.X509Certificates." : string.Empty;
        var firstAccount = qualifiedNames ? "global::System.Linq.Enumerable.FirstOrDefault(accounts)" : "accounts.FirstOrDefault()";
        var body = new StringBuilder();
        body.Append($$"""
/// <summary>
/// OAuth 2.0 access tokens for Exchange Online mail (SMTP AUTH, IMAP, POP and EWS) from Microsoft Entra ID, through MSAL.
/// Each MSAL application is built once and kept, so that its token cache serves repeated calls.
/// </summary>
/// <remarks>
/// Configuration comes from environment variables, never from code:
/// <list type="bullet">
/// <item><description>{{TenantIdVariable}}: the directory (tenant) ID; for signed-in users also "organizations", "common"
/// or "{{ConsumersTenant}}" (personal Outlook.com accounts).</description></item>
/// <item><description>{{ClientIdVariable}}: the application (client) ID of the app registration.</description></item>
/// <item><description>{{ClientSecretVariable}} or {{CertificateThumbprintVariable}}: the app's credential, for the app-only
/// (client credentials) flow. The certificate is looked up by thumbprint in the CurrentUser, then the LocalMachine, "My" store.</description></item>
/// </list>
/// The app-only flow needs the Exchange application permission (SMTP.SendAsApp, IMAP.AccessAsApp, POP.AccessAsApp or
/// full_access_as_app) with admin consent, the service principal registered in Exchange Online and access to the mailbox.
/// Personal Outlook.com, Hotmail and Live accounts have no app-only flow: they sign in through the "{{ConsumersTenant}}"
/// authority, with an app registration that allows personal accounts and no tenant ID.
/// </remarks>
internal static class {{TypeName}}
{
    /// <summary>App-only (client credentials) scope for SMTP, IMAP, POP and EWS.</summary>
    public const string {{AppOnlyScopeName}} = "{{AppOnlyScope}}";

    /// <summary>Delegated scope for SMTP AUTH.</summary>
    public const string {{SmtpScopeName}} = "{{SmtpScope}}";

    /// <summary>Delegated scope for IMAP.</summary>
    public const string {{ImapScopeName}} = "{{ImapScope}}";

    /// <summary>Delegated scope for POP.</summary>
    public const string {{PopScopeName}} = "{{PopScope}}";

    /// <summary>Delegated scope for EWS.</summary>
    public const string {{EwsScopeName}} = "{{EwsScope}}";

    public const string TenantIdVariable = "{{TenantIdVariable}}";
    public const string ClientIdVariable = "{{ClientIdVariable}}";
    public const string ClientSecretVariable = "{{ClientSecretVariable}}";
    public const string CertificateThumbprintVariable = "{{CertificateThumbprintVariable}}";

    // PublicationOnly: a missing setting is not cached as a permanent failure, and should two threads race, only one
    // application (and so one token cache) is kept.
    private static readonly {{sys}}Lazy<{{msal}}IConfidentialClientApplication> AppOnlyApplication =
        new {{sys}}Lazy<{{msal}}IConfidentialClientApplication>(CreateAppOnlyApplication, {{threading}}LazyThreadSafetyMode.PublicationOnly);

    private static readonly {{sys}}Lazy<{{msal}}IPublicClientApplication> UserApplication =
        new {{sys}}Lazy<{{msal}}IPublicClientApplication>(() => CreateUserApplication(Required(TenantIdVariable)), {{threading}}LazyThreadSafetyMode.PublicationOnly);

    private static readonly {{sys}}Lazy<{{msal}}IPublicClientApplication> PersonalAccountApplication =
        new {{sys}}Lazy<{{msal}}IPublicClientApplication>(() => CreateUserApplication("{{ConsumersTenant}}"), {{threading}}LazyThreadSafetyMode.PublicationOnly);

    /// <summary>
    /// Test seam: when set before the first token request, MSAL sends its HTTP requests through this factory
    /// (for example to a fake token endpoint). Leave it null in production.
    /// </summary>
    internal static {{msal}}IMsalHttpClientFactory{{q}} HttpClientFactory { get; set; }

    /// <summary>An app-only access token for Exchange Online (client credentials flow).</summary>
    public static async {{tasks}}Task<string> {{GetAppOnlyTokenAsync}}({{threading}}CancellationToken cancellationToken = default)
    {
        var result = await AppOnlyApplication.Value
            .AcquireTokenForClient(new[] { {{AppOnlyScopeName}} })
            .ExecuteAsync(cancellationToken)
            .ConfigureAwait(false);
        return result.AccessToken;
    }

    /// <summary>An app-only access token for Exchange Online; blocks until MSAL returns.</summary>
    public static string {{GetAppOnlyToken}}({{threading}}CancellationToken cancellationToken = default) =>
        {{GetAppOnlyTokenAsync}}(cancellationToken).GetAwaiter().GetResult();

    /// <summary>
    /// A signed-in user's access token for <paramref name="scope"/>: from MSAL's cache when it can, otherwise the user signs in.
    /// </summary>
    public static {{tasks}}Task<string> {{GetUserTokenAsync}}(string scope, {{threading}}CancellationToken cancellationToken = default) =>
        SignedInUserTokenAsync(UserApplication.Value, scope, cancellationToken);

    /// <summary>A signed-in user's access token for <paramref name="scope"/>; blocks until MSAL returns.</summary>
    public static string {{GetUserToken}}(string scope, {{threading}}CancellationToken cancellationToken = default) =>
        {{GetUserTokenAsync}}(scope, cancellationToken).GetAwaiter().GetResult();

    /// <summary>
    /// A personal Outlook.com, Hotmail or Live account's access token for <paramref name="scope"/>, through the
    /// "{{ConsumersTenant}}" authority: from MSAL's cache when it can, otherwise the user signs in.
    /// </summary>
    public static {{tasks}}Task<string> {{GetPersonalAccountTokenAsync}}(string scope, {{threading}}CancellationToken cancellationToken = default) =>
        SignedInUserTokenAsync(PersonalAccountApplication.Value, scope, cancellationToken);

    /// <summary>A personal account's access token for <paramref name="scope"/>; blocks until MSAL returns.</summary>
    public static string {{GetPersonalAccountToken}}(string scope, {{threading}}CancellationToken cancellationToken = default) =>
        {{GetPersonalAccountTokenAsync}}(scope, cancellationToken).GetAwaiter().GetResult();

    private static async {{tasks}}Task<string> SignedInUserTokenAsync({{msal}}IPublicClientApplication application, string scope, {{threading}}CancellationToken cancellationToken)
    {
        var scopes = new[] { scope };
        var accounts = await application.GetAccountsAsync().ConfigureAwait(false);
        try
        {
            var cached = await application
                .AcquireTokenSilent(scopes, {{firstAccount}})
                .ExecuteAsync(cancellationToken)
                .ConfigureAwait(false);
            return cached.AccessToken;
        }
        catch ({{msal}}MsalUiRequiredException)
        {
            // Nobody has signed in yet, or the cached sign-in has expired: ask the user.
        }


""");
        if (signIn == UserSignIn.DeviceCode)
        {
            body.Append($$"""
        var result = await application
            .AcquireTokenWithDeviceCode(scopes, deviceCode =>
            {
                // The message tells the user where to go and which code to enter.
                {{sys}}Console.Error.WriteLine(deviceCode.Message);
                return {{tasks}}Task.CompletedTask;
            })
            .ExecuteAsync(cancellationToken)
            .ConfigureAwait(false);
        return result.AccessToken;
    }

""");
        }
        else
        {
            body.Append($$"""
        var result = await application
            .AcquireTokenInteractive(scopes)
            .ExecuteAsync(cancellationToken)
            .ConfigureAwait(false);
        return result.AccessToken;
    }

""");
        }

        body.Append($$"""

    private static {{msal}}IConfidentialClientApplication CreateAppOnlyApplication()
    {
        var builder = {{msal}}ConfidentialClientApplicationBuilder
            .Create(Required(ClientIdVariable))
            .WithTenantId(Required(TenantIdVariable));

        var thumbprint = {{sys}}Environment.GetEnvironmentVariable(CertificateThumbprintVariable);
        var secret = {{sys}}Environment.GetEnvironmentVariable(ClientSecretVariable);
        if (!string.IsNullOrWhiteSpace(thumbprint))
        {
            builder = builder.WithCertificate(FindCertificate(thumbprint{{(nullableAnnotations ? "!" : string.Empty)}}));
        }
        else if (!string.IsNullOrWhiteSpace(secret))
        {
            builder = builder.WithClientSecret(secret);
        }
        else
        {
            throw new {{sys}}InvalidOperationException(
                "Set the " + ClientSecretVariable + " or " + CertificateThumbprintVariable
                + " environment variable to the credential of the app registration that sends mail with OAuth 2.0.");
        }

        var httpClientFactory = HttpClientFactory;
        if (httpClientFactory != null)
        {
            builder = builder.WithHttpClientFactory(httpClientFactory);
        }

        return builder.Build();
    }

    /// <param name="tenant">A tenant ID or domain, or "organizations", "common" or "{{ConsumersTenant}}".</param>
    private static {{msal}}IPublicClientApplication CreateUserApplication(string tenant)
    {
        var builder = {{msal}}PublicClientApplicationBuilder
            .Create(Required(ClientIdVariable))
            .WithAuthority({{msal}}AzureCloudInstance.AzurePublic, tenant)
            .WithRedirectUri("http://localhost");

        var httpClientFactory = HttpClientFactory;
        if (httpClientFactory != null)
        {
            builder = builder.WithHttpClientFactory(httpClientFactory);
        }

        return builder.Build();
    }

    private static string Required(string variable)
    {
        var value = {{sys}}Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new {{sys}}InvalidOperationException(
                "Set the " + variable + " environment variable: mail OAuth 2.0 needs the tenant ID and the client ID of the app registration.");
        }

        return value{{(nullableAnnotations ? "!" : string.Empty)}};
    }

    private static {{x509}}X509Certificate2 FindCertificate(string thumbprint)
    {
        foreach (var location in new[] { {{x509}}StoreLocation.CurrentUser, {{x509}}StoreLocation.LocalMachine })
        {
            try
            {
                using (var store = new {{x509}}X509Store({{x509}}StoreName.My, location))
                {
                    store.Open({{x509}}OpenFlags.ReadOnly);
                    var found = store.Certificates.Find({{x509}}X509FindType.FindByThumbprint, thumbprint, validOnly: false);
                    if (found.Count > 0)
                    {
                        return found[0];
                    }
                }
            }
            catch ({{crypto}}CryptographicException)
            {
                // This store does not exist on this platform (LocalMachine\My on Linux and macOS): try the next.
            }
        }

        throw new {{sys}}InvalidOperationException(
            "No certificate with the thumbprint in " + CertificateThumbprintVariable + " is in the CurrentUser or LocalMachine My store.");
    }
}
""");
        return body.ToString();
    }
}
