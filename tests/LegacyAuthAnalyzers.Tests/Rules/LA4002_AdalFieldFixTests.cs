using LegacyAuthAnalyzers.CodeFixes.Fixes;
using LegacyAuthAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyFix = LegacyAuthAnalyzers.Tests.Infrastructure.CSharpCodeFixVerifier<LegacyAuthAnalyzers.Rules.LA4002_AdalInUseAnalyzer, LegacyAuthAnalyzers.CodeFixes.Fixes.LA4002_AdalInUseCodeFix>;

namespace LegacyAuthAnalyzers.Tests.Rules;

/// <summary>
/// LA4002's fix for an <c>AuthenticationContext</c> kept in a field or property and used from several methods: the
/// field holds an MSAL application built once instead.
/// </summary>
public sealed class LA4002_AdalFieldFixTests
{
    [Fact]
    public async Task InstanceFieldWithTokenCacheUsedFromTwoMethods_HoldsConfidentialClient()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.IdentityModel.Clients.ActiveDirectory;

            namespace Fabrikam.Sites;

            public sealed class SiteTokenService
            {
                private const string GraphResource = "https://graph.microsoft.com";
                private static readonly TokenCache Cache = new TokenCache();
                private readonly AuthenticationContext authContext;
                private readonly string clientId;
                private readonly string clientSecret;

                public SiteTokenService(string authority, string clientId, string clientSecret)
                {
                    this.clientId = clientId;
                    this.clientSecret = clientSecret;
                    authContext = {|#0:new AuthenticationContext(authority, Cache)|};
                }

                public async Task<string> GetSiteTokenAsync(string siteUrl)
                {
                    var result = await {|CS0618:authContext.AcquireTokenAsync(siteUrl, new ClientCredential(clientId, clientSecret))|};
                    return result.AccessToken;
                }

                public async Task<string> GetGraphHeaderAsync()
                {
                    // A token this service already holds, from ADAL's cache.
                    var result = await {|CS0618:authContext.AcquireTokenSilentAsync(GraphResource, new ClientCredential(clientId, clientSecret), UserIdentifier.AnyUser)|}.ConfigureAwait(false);
                    return result.CreateAuthorizationHeader();
                }
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using Microsoft.Identity.Client;

            namespace Fabrikam.Sites;

            public sealed class SiteTokenService
            {
                private const string GraphResource = "https://graph.microsoft.com";
                private readonly IConfidentialClientApplication authContext;
                private readonly string clientId;
                private readonly string clientSecret;

                public SiteTokenService(string authority, string clientId, string clientSecret)
                {
                    this.clientId = clientId;
                    this.clientSecret = clientSecret;
                    authContext = ConfidentialClientApplicationBuilder.Create(this.clientId)
                        .WithAuthority(authority)
                        .WithClientSecret(this.clientSecret)
                        .WithCacheOptions(CacheOptions.EnableSharedCacheOptions)
                        .Build();
                }

                public async Task<string> GetSiteTokenAsync(string siteUrl)
                {
                    var result = await authContext.AcquireTokenForClient(new[] { siteUrl + "/.default" }).ExecuteAsync();
                    return result.AccessToken;
                }

                public async Task<string> GetGraphHeaderAsync()
                {
                    // A token this service already holds, from ADAL's cache.
                    var result = await authContext.AcquireTokenForClient(new[] { GraphResource + "/.default" }).ExecuteAsync().ConfigureAwait(false);
                    return result.CreateAuthorizationHeader();
                }
            }
            """;

        await LA4002_AdalInUseTests.VerifyFixWithoutNewWarnings(source, fixedSource, VerifyFix.Diagnostic(DiagnosticIds.AdalInUse).WithLocation(0));
    }

    [Fact]
    public async Task StaticCertificateFieldWithAuthorityFromConfiguration_HoldsConfidentialClient()
    {
        const string source = """
            using System;
            using System.Security.Cryptography.X509Certificates;
            using System.Threading.Tasks;
            using Microsoft.IdentityModel.Clients.ActiveDirectory;

            namespace Fabrikam.Sites;

            public static class TenantSettings
            {
                public static string Authority => Environment.GetEnvironmentVariable("FABRIKAM_AUTHORITY") ?? "https://login.microsoftonline.com/fabrikam.onmicrosoft.com";
                public static string ClientId => Environment.GetEnvironmentVariable("FABRIKAM_CLIENT_ID") ?? string.Empty;
                public static X509Certificate2 Certificate { get; } = Load(Environment.GetEnvironmentVariable("FABRIKAM_THUMBPRINT") ?? string.Empty);

                private static X509Certificate2 Load(string thumbprint)
                {
                    using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
                    store.Open(OpenFlags.ReadOnly);
                    return store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false)[0];
                }
            }

            public sealed class SiteConnector
            {
                private static AuthenticationContext Context { get; } = {|#0:new AuthenticationContext(TenantSettings.Authority, false, TokenCache.DefaultShared)|};

                public async Task<string> ForSiteAsync(Uri site)
                {
                    var resource = site.GetLeftPart(UriPartial.Authority);
                    var result = await {|CS0618:Context.AcquireTokenAsync(resource, new ClientAssertionCertificate(TenantSettings.ClientId, TenantSettings.Certificate))|};
                    return result.AccessToken;
                }

                public string ForMail()
                {
                    var result = {|CS0618:Context.AcquireTokenAsync("https://outlook.office365.com", new ClientAssertionCertificate(TenantSettings.ClientId, TenantSettings.Certificate))|}.Result;
                    return result.AccessToken;
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Security.Cryptography.X509Certificates;
            using System.Threading.Tasks;
            using Microsoft.Identity.Client;

            namespace Fabrikam.Sites;

            public static class TenantSettings
            {
                public static string Authority => Environment.GetEnvironmentVariable("FABRIKAM_AUTHORITY") ?? "https://login.microsoftonline.com/fabrikam.onmicrosoft.com";
                public static string ClientId => Environment.GetEnvironmentVariable("FABRIKAM_CLIENT_ID") ?? string.Empty;
                public static X509Certificate2 Certificate { get; } = Load(Environment.GetEnvironmentVariable("FABRIKAM_THUMBPRINT") ?? string.Empty);

                private static X509Certificate2 Load(string thumbprint)
                {
                    using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
                    store.Open(OpenFlags.ReadOnly);
                    return store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false)[0];
                }
            }

            public sealed class SiteConnector
            {
                private static IConfidentialClientApplication Context { get; } = ConfidentialClientApplicationBuilder.Create(TenantSettings.ClientId)
                    .WithAuthority(TenantSettings.Authority, false)
                    .WithCertificate(TenantSettings.Certificate)
                    .WithCacheOptions(CacheOptions.EnableSharedCacheOptions)
                    .Build();

                public async Task<string> ForSiteAsync(Uri site)
                {
                    var resource = site.GetLeftPart(UriPartial.Authority);
                    var result = await Context.AcquireTokenForClient(new[] { resource + "/.default" }).ExecuteAsync();
                    return result.AccessToken;
                }

                public string ForMail()
                {
                    var result = Context.AcquireTokenForClient(new[] { "https://outlook.office365.com/.default" }).ExecuteAsync().Result;
                    return result.AccessToken;
                }
            }
            """;

        await LA4002_AdalInUseTests.VerifyFixWithoutNewWarnings(source, fixedSource, VerifyFix.Diagnostic(DiagnosticIds.AdalInUse).WithLocation(0));
    }

    [Fact]
    public async Task UserPasswordAndPromptCallsOnTheField_StayOnAdalWithTodo()
    {
        // ADAL's .NET Framework build: the only one with UserPasswordCredential and prompting PlatformParameters. The
        // MSAL names stay qualified: next to ADAL's, short names such as TokenCache would be ambiguous.
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.IdentityModel.Clients.ActiveDirectory;

            public sealed class OfficeSession
            {
                private const string Authority = "https://login.microsoftonline.com/fabrikam.onmicrosoft.com";
                private const string AppId = "3f1c2a9e-7b4d-4e6a-9c1f-2d8e5b7a0c43";
                private static readonly TokenCache SharedCache = new TokenCache();
                private readonly AuthenticationContext context;
                private readonly string appSecret;

                public OfficeSession(string appSecret)
                {
                    this.appSecret = appSecret;
                    context = {|#0:new AuthenticationContext(Authority, SharedCache)|};
                }

                public async Task<string> AppTokenAsync(string resource)
                {
                    var result = await {|CS0618:context.AcquireTokenAsync(resource, new ClientCredential(AppId, appSecret))|};
                    return result.AccessToken;
                }

                public async Task<string> UserTokenAsync(string resource, string user, string password)
                {
                    var result = await context.AcquireTokenAsync(resource, AppId, new UserPasswordCredential(user, password));
                    return result.AccessToken;
                }

                public async Task<string> PromptedTokenAsync(string resource)
                {
                    var result = await {|CS0618:context.AcquireTokenAsync(resource, AppId, new Uri("urn:ietf:wg:oauth:2.0:oob"), new PlatformParameters(PromptBehavior.Always))|};
                    return result.AccessToken;
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.IdentityModel.Clients.ActiveDirectory;

            public sealed class OfficeSession
            {
                private const string Authority = "https://login.microsoftonline.com/fabrikam.onmicrosoft.com";
                private const string AppId = "3f1c2a9e-7b4d-4e6a-9c1f-2d8e5b7a0c43";
                private static readonly TokenCache SharedCache = new TokenCache();
                private readonly Microsoft.Identity.Client.IConfidentialClientApplication context;
                private readonly string appSecret;

                public OfficeSession(string appSecret)
                {
                    this.appSecret = appSecret;
                    context = Microsoft.Identity.Client.ConfidentialClientApplicationBuilder.Create(AppId)
                        .WithAuthority(Authority)
                        .WithClientSecret(this.appSecret)
                        .WithCacheOptions(Microsoft.Identity.Client.CacheOptions.EnableSharedCacheOptions)
                        .Build();
                }

                public async Task<string> AppTokenAsync(string resource)
                {
                    var result = await context.AcquireTokenForClient(new[] { resource + "/.default" }).ExecuteAsync();
                    return result.AccessToken;
                }

                public async Task<string> UserTokenAsync(string resource, string user, string password)
                {
                    // TODO(LA4002): ADAL's username/password sign-in has no equivalent on the MSAL confidential client above: sign the user in with an MSAL public client (interactive or device code), then drop ADAL.
                    var result = await {|#1:new AuthenticationContext(Authority, SharedCache)|}.AcquireTokenAsync(resource, AppId, new UserPasswordCredential(user, password));
                    return result.AccessToken;
                }

                public async Task<string> PromptedTokenAsync(string resource)
                {
                    // TODO(LA4002): ADAL's interactive sign-in has no equivalent on the MSAL confidential client above: use an MSAL public client's AcquireTokenInteractive (WithPrompt for PromptBehavior), then drop ADAL.
                    var result = await {|CS0618:{|#2:new AuthenticationContext(Authority, SharedCache)|}.AcquireTokenAsync(resource, AppId, new Uri("urn:ietf:wg:oauth:2.0:oob"), new PlatformParameters(PromptBehavior.Always))|};
                    return result.AccessToken;
                }
            }
            """;

        var test = new VerifyFix.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            References = TestReferences.WithAdalForNetFramework,
            CodeActionEquivalenceKey = LA4002_AdalInUseCodeFix.EquivalenceKey,
            CompilerDiagnostics = CompilerDiagnostics.Warnings,
            DisabledDiagnostics = { "CS1591" },
            ExpectedDiagnostics = { VerifyFix.Diagnostic(DiagnosticIds.AdalInUse).WithLocation(0) },
            FixedState =
            {
                ExpectedDiagnostics =
                {
                    VerifyFix.Diagnostic(DiagnosticIds.AdalInUse).WithLocation(1),
                    VerifyFix.Diagnostic(DiagnosticIds.AdalInUse).WithLocation(2),
                },
            },
        };

        await test.RunAsync();
    }

    [Fact]
    public async Task SilentThenAcquireWithOwnTokenCache_MigratesBothCallsAndMarksTheCache()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.IdentityModel.Clients.ActiveDirectory;

            /// <summary>Kept on disk between runs by its owner.</summary>
            public sealed class PersistentTokenCache : TokenCache
            {
            }

            public sealed class ReportClient
            {
                private readonly AuthenticationContext context;
                private readonly string clientId;
                private readonly string secret;

                public ReportClient(string tenant, string clientId, string secret, PersistentTokenCache cache)
                {
                    this.clientId = clientId;
                    this.secret = secret;
                    context = {|#0:new AuthenticationContext("https://login.microsoftonline.com/" + tenant, cache)|};
                }

                public async Task<DateTimeOffset> ExpiryAsync()
                {
                    AuthenticationResult result;
                    try
                    {
                        result = await {|CS0618:context.AcquireTokenSilentAsync("https://outlook.office365.com", new ClientCredential(clientId, secret), UserIdentifier.AnyUser)|};
                    }
                    catch (AdalSilentTokenAcquisitionException)
                    {
                        result = await {|CS0618:context.AcquireTokenAsync("https://outlook.office365.com", new ClientCredential(clientId, secret))|};
                    }

                    return result.ExpiresOn;
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.IdentityModel.Clients.ActiveDirectory;

            /// <summary>Kept on disk between runs by its owner.</summary>
            public sealed class PersistentTokenCache : TokenCache
            {
            }

            public sealed class ReportClient
            {
                private readonly Microsoft.Identity.Client.IConfidentialClientApplication context;
                private readonly string clientId;
                private readonly string secret;

                public ReportClient(string tenant, string clientId, string secret, PersistentTokenCache cache)
                {
                    this.clientId = clientId;
                    this.secret = secret;
                    // TODO(LA4002): ADAL kept these tokens in the code's own TokenCache; this MSAL application keeps them in memory. To persist them, serialize its AppTokenCache (SetBeforeAccess/SetAfterAccess, see https://aka.ms/msal-net-token-cache-serialization).
                    context = Microsoft.Identity.Client.ConfidentialClientApplicationBuilder.Create(this.clientId)
                        .WithAuthority("https://login.microsoftonline.com/" + tenant)
                        .WithClientSecret(this.secret)
                        .WithCacheOptions(Microsoft.Identity.Client.CacheOptions.EnableSharedCacheOptions)
                        .Build();
                }

                public async Task<DateTimeOffset> ExpiryAsync()
                {
                    Microsoft.Identity.Client.AuthenticationResult result;
                    // TODO(LA4002): MSAL throws MsalException (MsalServiceException, MsalClientException), not the ADAL exceptions caught below: catch MSAL's instead.
                    try
                    {
                        result = await context.AcquireTokenForClient(new[] { "https://outlook.office365.com/.default" }).ExecuteAsync();
                    }
                    catch (AdalSilentTokenAcquisitionException)
                    {
                        result = await context.AcquireTokenForClient(new[] { "https://outlook.office365.com/.default" }).ExecuteAsync();
                    }

                    return result.ExpiresOn;
                }
            }
            """;

        await LA4002_AdalInUseTests.VerifyFixWithoutNewWarnings(source, fixedSource, VerifyFix.Diagnostic(DiagnosticIds.AdalInUse).WithLocation(0));
    }

    [Fact]
    public async Task SeveralClassesWithContextFields_FixAllHoldsConfidentialClients()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.IdentityModel.Clients.ActiveDirectory;

            namespace Fabrikam.Sync;

            internal static class Tenant
            {
                public const string Authority = "https://login.microsoftonline.com/fabrikam.onmicrosoft.com";
                public const string ClientId = "5d0a7c3e-2f4b-4a18-b6e9-8c1d3f7a2e90";
            }

            public sealed class MailboxReader
            {
                private readonly AuthenticationContext context;
                private readonly string secret;

                public MailboxReader(string secret)
                {
                    this.secret = secret;
                    context = {|#0:new AuthenticationContext(Tenant.Authority, new TokenCache())|};
                }

                public async Task<string> TokenAsync()
                {
                    var result = await {|CS0618:context.AcquireTokenAsync("https://outlook.office365.com", new ClientCredential(Tenant.ClientId, secret))|};
                    return result.AccessToken;
                }
            }

            public sealed class DirectoryReader
            {
                private static readonly AuthenticationContext Context = {|#1:new AuthenticationContext(Tenant.Authority)|};

                public static async Task<string> HeaderAsync()
                {
                    var result = await {|CS0618:Context.AcquireTokenAsync("https://graph.microsoft.com", new ClientCredential(Tenant.ClientId, Environment.GetEnvironmentVariable("DIRECTORY_SECRET")))|};
                    return result.AccessTokenType + " " + result.AccessToken;
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Identity.Client;

            namespace Fabrikam.Sync;

            internal static class Tenant
            {
                public const string Authority = "https://login.microsoftonline.com/fabrikam.onmicrosoft.com";
                public const string ClientId = "5d0a7c3e-2f4b-4a18-b6e9-8c1d3f7a2e90";
            }

            public sealed class MailboxReader
            {
                private readonly IConfidentialClientApplication context;
                private readonly string secret;

                public MailboxReader(string secret)
                {
                    this.secret = secret;
                    context = ConfidentialClientApplicationBuilder.Create(Tenant.ClientId)
                        .WithAuthority(Tenant.Authority)
                        .WithClientSecret(this.secret)
                        .WithCacheOptions(CacheOptions.EnableSharedCacheOptions)
                        .Build();
                }

                public async Task<string> TokenAsync()
                {
                    var result = await context.AcquireTokenForClient(new[] { "https://outlook.office365.com/.default" }).ExecuteAsync();
                    return result.AccessToken;
                }
            }

            public sealed class DirectoryReader
            {
                private static readonly IConfidentialClientApplication Context = ConfidentialClientApplicationBuilder.Create(Tenant.ClientId)
                    .WithAuthority(Tenant.Authority)
                    .WithClientSecret(Environment.GetEnvironmentVariable("DIRECTORY_SECRET"))
                    .WithCacheOptions(CacheOptions.EnableSharedCacheOptions)
                    .Build();

                public static async Task<string> HeaderAsync()
                {
                    var result = await Context.AcquireTokenForClient(new[] { "https://graph.microsoft.com/.default" }).ExecuteAsync();
                    return result.TokenType + " " + result.AccessToken;
                }
            }
            """;

        var test = new VerifyFix.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = LA4002_AdalInUseCodeFix.EquivalenceKey,
            CompilerDiagnostics = CompilerDiagnostics.Warnings,
            DisabledDiagnostics = { "CS1591" },
            ExpectedDiagnostics = { VerifyFix.Diagnostic(DiagnosticIds.AdalInUse).WithLocation(0), VerifyFix.Diagnostic(DiagnosticIds.AdalInUse).WithLocation(1) },
            NumberOfFixAllIterations = 1,
        };

        await test.RunAsync();
    }

    [Fact]
    public async Task FieldShapesTheFixCannotKnow_NoFix()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.IdentityModel.Clients.ActiveDirectory;

            public sealed class Tokens
            {
                private const string Authority = "https://login.microsoftonline.com/fabrikam.onmicrosoft.com";
                private readonly AuthenticationContext twoApps = {|#0:new AuthenticationContext(Authority)|};
                private readonly AuthenticationContext handedOut = {|#1:new AuthenticationContext(Authority)|};
                public AuthenticationContext Visible { get; } = {|#2:new AuthenticationContext(Authority)|};
                private AuthenticationContext reassigned = {|#3:new AuthenticationContext(Authority)|};
                private readonly AuthenticationContext userAndApp;

                public Tokens(string authority)
                {
                    // The user's silent call would stay on ADAL, but the authority exists only here.
                    userAndApp = {|#5:new AuthenticationContext(authority)|};
                }

                public async Task<string> AppAsync(string secret)
                {
                    var result = await userAndApp.AcquireTokenAsync("https://outlook.office365.com", new ClientCredential("0b6f3d2a-1c4e-4f7a-9d2b-6e8c0a1f3b57", secret));
                    return result.AccessToken;
                }

                private readonly AuthenticationContext credentialField = {|#6:new AuthenticationContext(Authority)|};
                private readonly ClientCredential credential = new ClientCredential("0b6f3d2a-1c4e-4f7a-9d2b-6e8c0a1f3b57", "n0t-A-r3al~Secret.Value");

                public async Task<string> InlineAsync(string secret)
                {
                    var result = await credentialField.AcquireTokenAsync("https://outlook.office365.com", new ClientCredential("0b6f3d2a-1c4e-4f7a-9d2b-6e8c0a1f3b57", "n0t-A-r3al~Secret.Value"));
                    return result.AccessToken;
                }

                public async Task<string> FromFieldAsync()
                {
                    // The same app, through a credential the fix does not read: no fix rather than a call left on ADAL.
                    var result = await credentialField.AcquireTokenAsync("https://outlook.office365.com", credential);
                    return result.AccessToken;
                }

                public async Task<string> UserAsync()
                {
                    var result = await userAndApp.AcquireTokenSilentAsync("https://outlook.office365.com", "0b6f3d2a-1c4e-4f7a-9d2b-6e8c0a1f3b57");
                    return result.AccessToken;
                }

                public async Task<string> FirstAsync(string secret)
                {
                    var result = await twoApps.AcquireTokenAsync("https://outlook.office365.com", new ClientCredential("0b6f3d2a-1c4e-4f7a-9d2b-6e8c0a1f3b57", secret));
                    return result.AccessToken;
                }

                public async Task<string> SecondAsync(string secret)
                {
                    var result = await twoApps.AcquireTokenAsync("https://outlook.office365.com", new ClientCredential("7e2d9c4b-3a1f-4b6e-8d0c-5f2a7b9e1c36", secret));
                    return result.AccessToken;
                }

                public string AuthorityOf() => handedOut.Authority;

                public async Task<string> VisibleAsync(string secret)
                {
                    var result = await Visible.AcquireTokenAsync("https://outlook.office365.com", new ClientCredential("0b6f3d2a-1c4e-4f7a-9d2b-6e8c0a1f3b57", secret));
                    return result.AccessToken;
                }

                public async Task<string> InitialAsync()
                {
                    // Reads the context of the initializer, or the one the method below stored last.
                    var result = await reassigned.AcquireTokenAsync("https://outlook.office365.com", new ClientCredential("0b6f3d2a-1c4e-4f7a-9d2b-6e8c0a1f3b57", "n0t-A-r3al~Secret.Value"));
                    return result.AccessToken;
                }

                public async Task<string> ReassignedAsync(string tenant)
                {
                    reassigned = {|#4:new AuthenticationContext("https://login.microsoftonline.com/" + tenant)|};
                    var result = await reassigned.AcquireTokenAsync("https://outlook.office365.com", new ClientCredential("0b6f3d2a-1c4e-4f7a-9d2b-6e8c0a1f3b57", "n0t-A-r3al~Secret.Value"));
                    return result.AccessToken;
                }
            }
            """;

        var expected = Enumerable.Range(0, 7).Select(i => VerifyFix.Diagnostic(DiagnosticIds.AdalInUse).WithLocation(i)).ToArray();
        var test = new VerifyFix.Test
        {
            TestCode = source,
            FixedCode = source,
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }
}
