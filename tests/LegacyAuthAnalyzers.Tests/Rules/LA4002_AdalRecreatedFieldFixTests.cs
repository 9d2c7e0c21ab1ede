using LegacyAuthAnalyzers.CodeFixes.Fixes;
using LegacyAuthAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyFix = LegacyAuthAnalyzers.Tests.Infrastructure.CSharpCodeFixVerifier<LegacyAuthAnalyzers.Rules.LA4002_AdalInUseAnalyzer, LegacyAuthAnalyzers.CodeFixes.Fixes.LA4002_AdalInUseCodeFix>;

namespace LegacyAuthAnalyzers.Tests.Rules;

/// <summary>
/// LA4002's fix for a field that several methods each assign a new <c>AuthenticationContext</c> (their own client ID,
/// authority and credential) before using it: each method whose context makes only app-only token calls builds an
/// MSAL confidential client of its own; user sign-ins stay on ADAL; the field goes once nothing uses it.
/// </summary>
public sealed class LA4002_AdalRecreatedFieldFixTests
{
    /// <summary>A SharePoint-style client whose requests raise an event for their headers.</summary>
    private const string SiteClientStub = """

        public sealed class RequestEventArgs : System.EventArgs
        {
            public System.Collections.Generic.IDictionary<string, string> Headers { get; } = new System.Collections.Generic.Dictionary<string, string>();
        }

        public sealed class SiteClient
        {
            public SiteClient(string url) => Url = url;

            public string Url { get; }

            public event System.EventHandler<RequestEventArgs> ExecutingWebRequest;

            public void Execute() => ExecutingWebRequest?.Invoke(this, new RequestEventArgs());
        }
        """;

    [Fact]
    public async Task StaticFieldRecreatedInThreeAppOnlyMethods_EachBuildsItsOwnConfidentialClientAndTheFieldGoes()
    {
        const string source = """
            #nullable disable

            using System;
            using System.Security.Cryptography.X509Certificates;
            using System.Threading.Tasks;
            using Microsoft.IdentityModel.Clients.ActiveDirectory;

            namespace Fabrikam.Sites;

            public sealed class SiteAuthentication
            {
                private static AuthenticationContext authContext;

                public async Task<string> SecretTokenAsync(string siteUrl, string tenant, string clientId, string clientSecret)
                {
                    authContext = {|#0:new AuthenticationContext("https://login.microsoftonline.com/" + tenant)|};
                    var result = await {|CS0618:authContext.AcquireTokenAsync(new Uri(siteUrl).GetLeftPart(UriPartial.Authority), new ClientCredential(clientId, clientSecret))|};
                    return result.AccessToken;
                }

                public SiteClient CertificateContext(string siteUrl, string tenant, string clientId, X509Certificate2 certificate)
                {
                    var client = new SiteClient(siteUrl);
                    var authority = "https://login.microsoftonline.com/" + tenant + "/";
                    authContext = {|#1:new AuthenticationContext(authority)|};
                    var assertion = new ClientAssertionCertificate(clientId, certificate);
                    var host = new Uri(siteUrl);
                    client.ExecutingWebRequest += (sender, args) =>
                    {
                        var ar = Task.Run(() => {|CS0618:authContext.AcquireTokenAsync(host.Scheme + "://" + host.Host + "/", assertion)|}).GetAwaiter().GetResult();
                        args.Headers["Authorization"] = "Bearer " + ar.AccessToken;
                    };

                    return client;
                }

                public string MailHeader(string tenant, string clientId, string clientSecret)
                {
                    authContext = {|#2:new AuthenticationContext("https://login.microsoftonline.com/" + tenant, false)|};
                    var result = {|CS0618:authContext.AcquireTokenAsync("https://outlook.office365.com", new ClientCredential(clientId, clientSecret))|}.Result;
                    return result.CreateAuthorizationHeader();
                }
            }
            """ + SiteClientStub;
        const string fixedSource = """
            #nullable disable

            using System;
            using System.Security.Cryptography.X509Certificates;
            using System.Threading.Tasks;
            using Microsoft.Identity.Client;

            namespace Fabrikam.Sites;

            public sealed class SiteAuthentication
            {
                public async Task<string> SecretTokenAsync(string siteUrl, string tenant, string clientId, string clientSecret)
                {
                    var app = ConfidentialClientApplicationBuilder.Create(clientId)
                        .WithAuthority("https://login.microsoftonline.com/" + tenant)
                        .WithClientSecret(clientSecret)
                        .WithCacheOptions(CacheOptions.EnableSharedCacheOptions)
                        .Build();
                    var result = await app.AcquireTokenForClient(new[] { new Uri(siteUrl).GetLeftPart(UriPartial.Authority) + "/.default" }).ExecuteAsync();
                    return result.AccessToken;
                }

                public SiteClient CertificateContext(string siteUrl, string tenant, string clientId, X509Certificate2 certificate)
                {
                    var client = new SiteClient(siteUrl);
                    var authority = "https://login.microsoftonline.com/" + tenant + "/";
                    var app = ConfidentialClientApplicationBuilder.Create(clientId)
                        .WithAuthority(authority)
                        .WithCertificate(certificate)
                        .WithCacheOptions(CacheOptions.EnableSharedCacheOptions)
                        .Build();
                    var host = new Uri(siteUrl);
                    client.ExecutingWebRequest += (sender, args) =>
                    {
                        var ar = Task.Run(() => app.AcquireTokenForClient(new[] { host.Scheme + "://" + host.Host + "/" + "/.default" }).ExecuteAsync()).GetAwaiter().GetResult();
                        args.Headers["Authorization"] = "Bearer " + ar.AccessToken;
                    };

                    return client;
                }

                public string MailHeader(string tenant, string clientId, string clientSecret)
                {
                    var app = ConfidentialClientApplicationBuilder.Create(clientId)
                        .WithAuthority("https://login.microsoftonline.com/" + tenant, false)
                        .WithClientSecret(clientSecret)
                        .WithCacheOptions(CacheOptions.EnableSharedCacheOptions)
                        .Build();
                    var result = app.AcquireTokenForClient(new[] { "https://outlook.office365.com/.default" }).ExecuteAsync().Result;
                    return result.CreateAuthorizationHeader();
                }
            }
            """ + SiteClientStub;

        // Each action and the Fix All end in the same document: the field goes with the last method that used it.
        await LA4002_AdalInUseTests.VerifyFixWithoutNewWarnings(
            source,
            fixedSource,
            VerifyFix.Diagnostic(DiagnosticIds.AdalInUse).WithLocation(0),
            VerifyFix.Diagnostic(DiagnosticIds.AdalInUse).WithLocation(1),
            VerifyFix.Diagnostic(DiagnosticIds.AdalInUse).WithLocation(2));
    }

    [Fact]
    public async Task OneMethodFixed_OthersKeepTheFieldAndSayWhatTheActionDoes()
    {
        const string source = """
            #nullable disable

            using System.Threading.Tasks;
            using Microsoft.IdentityModel.Clients.ActiveDirectory;

            public sealed class TenantTokens
            {
                private static AuthenticationContext context;

                public async Task<string> GraphAsync(string tenant, string clientId, string secret)
                {
                    context = {|#0:new AuthenticationContext("https://login.microsoftonline.com/" + tenant)|};
                    var result = await {|CS0618:context.AcquireTokenAsync("https://graph.microsoft.com", new ClientCredential(clientId, secret))|};
                    return result.AccessToken;
                }

                public async Task<string> MailAsync(string tenant, string clientId, string secret)
                {
                    context = {|#1:new AuthenticationContext("https://login.microsoftonline.com/" + tenant)|};
                    var result = await {|CS0618:context.AcquireTokenAsync("https://outlook.office365.com", new ClientCredential(clientId, secret))|};
                    return result.AccessToken;
                }
            }
            """;
        const string fixedSource = """
            #nullable disable

            using System.Threading.Tasks;
            using Microsoft.Identity.Client;
            using Microsoft.IdentityModel.Clients.ActiveDirectory;

            public sealed class TenantTokens
            {
                private static AuthenticationContext context;

                public async Task<string> GraphAsync(string tenant, string clientId, string secret)
                {
                    var app = ConfidentialClientApplicationBuilder.Create(clientId)
                        .WithAuthority("https://login.microsoftonline.com/" + tenant)
                        .WithClientSecret(secret)
                        .WithCacheOptions(CacheOptions.EnableSharedCacheOptions)
                        .Build();
                    var result = await app.AcquireTokenForClient(new[] { "https://graph.microsoft.com/.default" }).ExecuteAsync();
                    return result.AccessToken;
                }

                public async Task<string> MailAsync(string tenant, string clientId, string secret)
                {
                    context = {|#1:new AuthenticationContext("https://login.microsoftonline.com/" + tenant)|};
                    var result = await {|CS0618:context.AcquireTokenAsync("https://outlook.office365.com", new ClientCredential(clientId, secret))|};
                    return result.AccessToken;
                }
            }
            """;

        var test = new VerifyFix.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = LA4002_AdalInUseCodeFix.EquivalenceKey,
            CodeActionVerifier = (action, verifier) => verifier.Equal("Use an MSAL confidential client in this method (client credentials; user sign-ins stay on ADAL)", action.Title),
            CodeFixTestBehaviors = CodeFixTestBehaviors.FixOne | CodeFixTestBehaviors.SkipFixAllCheck,
            CompilerDiagnostics = CompilerDiagnostics.Warnings,
            DisabledDiagnostics = { "CS1591" },
            ExpectedDiagnostics =
            {
                VerifyFix.Diagnostic(DiagnosticIds.AdalInUse).WithLocation(0),
                VerifyFix.Diagnostic(DiagnosticIds.AdalInUse).WithLocation(1),
            },
            FixedState = { ExpectedDiagnostics = { VerifyFix.Diagnostic(DiagnosticIds.AdalInUse).WithLocation(1) } },
        };

        await test.RunAsync();
    }

    [Fact]
    public async Task UserSignInMethodWithOwnTokenCache_StaysOnAdalAndKeepsTheField()
    {
        // The .NET Framework build of ADAL: the one with UserPasswordCredential. MSAL's names stay qualified where
        // short ones would be ambiguous next to ADAL's.
        const string source = """
            #nullable disable

            using System.Threading.Tasks;
            using Microsoft.IdentityModel.Clients.ActiveDirectory;

            public sealed class OfficeAuthentication
            {
                private const string Graph = "https://graph.microsoft.com";
                private static AuthenticationContext authContext;
                private TokenCache tokenCache;
                private string commonAuthority;

                public OfficeAuthentication(TokenCache tokenCache, string loginEndpoint)
                {
                    this.tokenCache = tokenCache;
                    commonAuthority = loginEndpoint + "/common";
                }

                public async Task<string> AppTokenAsync(string clientId, string secret)
                {
                    authContext = {|#0:new AuthenticationContext(commonAuthority, tokenCache)|};
                    var result = await {|CS0618:authContext.AcquireTokenAsync(Graph, new ClientCredential(clientId, secret))|};
                    return result.AccessToken;
                }

                public async Task<string> UserTokenAsync(string clientId, string user, string password)
                {
                    authContext = {|#1:new AuthenticationContext(commonAuthority, tokenCache)|};
                    var result = await authContext.AcquireTokenAsync(Graph, clientId, new UserPasswordCredential(user, password));
                    return result.AccessToken;
                }

                public async Task<string> CachedUserTokenAsync(string clientId)
                {
                    authContext = {|#2:new AuthenticationContext(commonAuthority, tokenCache)|};
                    var result = await {|CS0618:authContext.AcquireTokenSilentAsync(Graph, clientId)|};
                    return result.AccessToken;
                }
            }
            """;
        const string fixedSource = """
            #nullable disable

            using System.Threading.Tasks;
            using Microsoft.IdentityModel.Clients.ActiveDirectory;

            public sealed class OfficeAuthentication
            {
                private const string Graph = "https://graph.microsoft.com";
                private static AuthenticationContext authContext;
                private TokenCache tokenCache;
                private string commonAuthority;

                public OfficeAuthentication(TokenCache tokenCache, string loginEndpoint)
                {
                    this.tokenCache = tokenCache;
                    commonAuthority = loginEndpoint + "/common";
                }

                public async Task<string> AppTokenAsync(string clientId, string secret)
                {
                    // TODO(LA4002): ADAL kept these tokens in the code's own TokenCache; this MSAL application keeps them in memory. To persist them, serialize its AppTokenCache (SetBeforeAccess/SetAfterAccess, see https://aka.ms/msal-net-token-cache-serialization).
                    var app = Microsoft.Identity.Client.ConfidentialClientApplicationBuilder.Create(clientId)
                        .WithAuthority(commonAuthority)
                        .WithClientSecret(secret)
                        .WithCacheOptions(Microsoft.Identity.Client.CacheOptions.EnableSharedCacheOptions)
                        .Build();
                    var result = await app.AcquireTokenForClient(new[] { Graph + "/.default" }).ExecuteAsync();
                    return result.AccessToken;
                }

                public async Task<string> UserTokenAsync(string clientId, string user, string password)
                {
                    authContext = {|#1:new AuthenticationContext(commonAuthority, tokenCache)|};
                    var result = await authContext.AcquireTokenAsync(Graph, clientId, new UserPasswordCredential(user, password));
                    return result.AccessToken;
                }

                public async Task<string> CachedUserTokenAsync(string clientId)
                {
                    authContext = {|#2:new AuthenticationContext(commonAuthority, tokenCache)|};
                    var result = await {|CS0618:authContext.AcquireTokenSilentAsync(Graph, clientId)|};
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
            ExpectedDiagnostics =
            {
                VerifyFix.Diagnostic(DiagnosticIds.AdalInUse).WithLocation(0),
                VerifyFix.Diagnostic(DiagnosticIds.AdalInUse).WithLocation(1),
                VerifyFix.Diagnostic(DiagnosticIds.AdalInUse).WithLocation(2),
            },
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
    public async Task SharedTokenCacheAndAuthorityField_CacheGoesWithTheLastMethod()
    {
        const string source = """
            #nullable disable

            using System.Security.Cryptography.X509Certificates;
            using System.Threading.Tasks;
            using Microsoft.IdentityModel.Clients.ActiveDirectory;

            public sealed class ReportTokens
            {
                private static readonly TokenCache Cache = new TokenCache();
                private static AuthenticationContext authContext;
                private readonly string authority;

                public ReportTokens(string tenant) => authority = "https://login.microsoftonline.com/" + tenant;

                public async Task<string> ReportsAsync(string clientId, X509Certificate2 certificate)
                {
                    authContext = {|#0:new AuthenticationContext(authority, Cache)|};
                    var result = await {|CS0618:authContext.AcquireTokenAsync("https://analysis.windows.net/powerbi/api", new ClientAssertionCertificate(clientId, certificate))|}.ConfigureAwait(false);
                    return result.AccessToken;
                }

                public async Task<string> SitesAsync(string clientId, string secret, string siteRoot)
                {
                    authContext = {|#1:new AuthenticationContext(authority, Cache)|};
                    var credential = new ClientCredential(clientId, secret);
                    AuthenticationResult result = await {|CS0618:authContext.AcquireTokenSilentAsync(siteRoot, credential, UserIdentifier.AnyUser)|};
                    return result.AccessTokenType + " " + result.AccessToken;
                }
            }
            """;
        const string fixedSource = """
            #nullable disable

            using System.Security.Cryptography.X509Certificates;
            using System.Threading.Tasks;
            using Microsoft.Identity.Client;

            public sealed class ReportTokens
            {
                private readonly string authority;

                public ReportTokens(string tenant) => authority = "https://login.microsoftonline.com/" + tenant;

                public async Task<string> ReportsAsync(string clientId, X509Certificate2 certificate)
                {
                    var app = ConfidentialClientApplicationBuilder.Create(clientId)
                        .WithAuthority(authority)
                        .WithCertificate(certificate)
                        .WithCacheOptions(CacheOptions.EnableSharedCacheOptions)
                        .Build();
                    var result = await app.AcquireTokenForClient(new[] { "https://analysis.windows.net/powerbi/api/.default" }).ExecuteAsync().ConfigureAwait(false);
                    return result.AccessToken;
                }

                public async Task<string> SitesAsync(string clientId, string secret, string siteRoot)
                {
                    var app = ConfidentialClientApplicationBuilder.Create(clientId)
                        .WithAuthority(authority)
                        .WithClientSecret(secret)
                        .WithCacheOptions(CacheOptions.EnableSharedCacheOptions)
                        .Build();
                    AuthenticationResult result = await app.AcquireTokenForClient(new[] { siteRoot + "/.default" }).ExecuteAsync();
                    return result.TokenType + " " + result.AccessToken;
                }
            }
            """;


        // One action at a time, the first method's MSAL names stay qualified: the ADAL cache field the second method
        // still reads then makes a short TokenCache ambiguous. Fix All tidies the document once, at the end.
        const string fixedOneByOne = """
            #nullable disable

            using System.Security.Cryptography.X509Certificates;
            using System.Threading.Tasks;
            using Microsoft.Identity.Client;

            public sealed class ReportTokens
            {
                private readonly string authority;

                public ReportTokens(string tenant) => authority = "https://login.microsoftonline.com/" + tenant;

                public async Task<string> ReportsAsync(string clientId, X509Certificate2 certificate)
                {
                    var app = Microsoft.Identity.Client.ConfidentialClientApplicationBuilder.Create(clientId)
                        .WithAuthority(authority)
                        .WithCertificate(certificate)
                        .WithCacheOptions(Microsoft.Identity.Client.CacheOptions.EnableSharedCacheOptions)
                        .Build();
                    var result = await app.AcquireTokenForClient(new[] { "https://analysis.windows.net/powerbi/api/.default" }).ExecuteAsync().ConfigureAwait(false);
                    return result.AccessToken;
                }

                public async Task<string> SitesAsync(string clientId, string secret, string siteRoot)
                {
                    var app = ConfidentialClientApplicationBuilder.Create(clientId)
                        .WithAuthority(authority)
                        .WithClientSecret(secret)
                        .WithCacheOptions(CacheOptions.EnableSharedCacheOptions)
                        .Build();
                    AuthenticationResult result = await app.AcquireTokenForClient(new[] { siteRoot + "/.default" }).ExecuteAsync();
                    return result.TokenType + " " + result.AccessToken;
                }
            }
            """;

        var test = new VerifyFix.Test
        {
            TestCode = source,
            FixedCode = fixedOneByOne,
            BatchFixedCode = fixedSource,
            CodeActionEquivalenceKey = LA4002_AdalInUseCodeFix.EquivalenceKey,
            CompilerDiagnostics = CompilerDiagnostics.Warnings,
            DisabledDiagnostics = { "CS1591" },
            ExpectedDiagnostics =
            {
                VerifyFix.Diagnostic(DiagnosticIds.AdalInUse).WithLocation(0),
                VerifyFix.Diagnostic(DiagnosticIds.AdalInUse).WithLocation(1),
            },
            NumberOfFixAllIterations = 1,
        };

        await test.RunAsync();
    }

    [Fact]
    public async Task CredentialLocalAlsoReadElsewhere_StaysWhileTheCallMoves()
    {
        const string source = """
            #nullable disable

            using System.Threading.Tasks;
            using Microsoft.IdentityModel.Clients.ActiveDirectory;

            public sealed class AuditTokens
            {
                private AuthenticationContext context;

                public async Task<string> AuditAsync(string tenant, string clientId, string secret)
                {
                    context = {|#0:new AuthenticationContext("https://login.microsoftonline.com/" + tenant)|};
                    var credential = new ClientCredential(clientId, secret);
                    var result = await {|CS0618:context.AcquireTokenAsync("https://manage.office.com", credential)|};
                    return credential.ClientId + ":" + result.AccessToken;
                }
            }
            """;
        const string fixedSource = """
            #nullable disable

            using System.Threading.Tasks;
            using Microsoft.Identity.Client;
            using Microsoft.IdentityModel.Clients.ActiveDirectory;

            public sealed class AuditTokens
            {
                public async Task<string> AuditAsync(string tenant, string clientId, string secret)
                {
                    var app = ConfidentialClientApplicationBuilder.Create(clientId)
                        .WithAuthority("https://login.microsoftonline.com/" + tenant)
                        .WithClientSecret(secret)
                        .WithCacheOptions(CacheOptions.EnableSharedCacheOptions)
                        .Build();
                    var credential = new ClientCredential(clientId, secret);
                    var result = await app.AcquireTokenForClient(new[] { "https://manage.office.com/.default" }).ExecuteAsync();
                    return credential.ClientId + ":" + result.AccessToken;
                }
            }
            """;

        await LA4002_AdalInUseTests.VerifyFixWithoutNewWarnings(source, fixedSource, VerifyFix.Diagnostic(DiagnosticIds.AdalInUse).WithLocation(0));
    }

    [Fact]
    public async Task FieldCreatedOnceWithCallInsideTaskRun_HoldsConfidentialClient()
    {
        // Task.Run(() => …) around the token call, as code that blocks on it writes, in the field shape too.
        const string source = """
            #nullable disable

            using System;
            using System.Threading.Tasks;
            using Microsoft.IdentityModel.Clients.ActiveDirectory;

            public static class ListReader
            {
                private const string ClientId = "6c1e9a3f-2b7d-4e05-9f8a-1d3c5b7e9a20";
                private static readonly AuthenticationContext Context = {|#0:new AuthenticationContext("https://login.microsoftonline.com/fabrikam.onmicrosoft.com")|};

                private static string Secret => Environment.GetEnvironmentVariable("LISTS_CLIENT_SECRET") ?? string.Empty;

                public static string Header(string siteRoot)
                {
                    var result = Task.Run(() => {|CS0618:Context.AcquireTokenAsync(siteRoot, new ClientCredential(ClientId, Secret))|}).Result;
                    return result.CreateAuthorizationHeader();
                }
            }
            """;
        const string fixedSource = """
            #nullable disable

            using System;
            using System.Threading.Tasks;
            using Microsoft.Identity.Client;

            public static class ListReader
            {
                private const string ClientId = "6c1e9a3f-2b7d-4e05-9f8a-1d3c5b7e9a20";
                private static readonly IConfidentialClientApplication Context = ConfidentialClientApplicationBuilder.Create(ClientId)
                    .WithAuthority("https://login.microsoftonline.com/fabrikam.onmicrosoft.com")
                    .WithClientSecret(Secret)
                    .WithCacheOptions(CacheOptions.EnableSharedCacheOptions)
                    .Build();

                private static string Secret => Environment.GetEnvironmentVariable("LISTS_CLIENT_SECRET") ?? string.Empty;

                public static string Header(string siteRoot)
                {
                    var result = Task.Run(() => Context.AcquireTokenForClient(new[] { siteRoot + "/.default" }).ExecuteAsync()).Result;
                    return result.CreateAuthorizationHeader();
                }
            }
            """;

        await LA4002_AdalInUseTests.VerifyFixWithoutNewWarnings(source, fixedSource, VerifyFix.Diagnostic(DiagnosticIds.AdalInUse).WithLocation(0));
    }

    [Fact]
    public async Task AdalCatchAroundTheCall_MovesUnderTodo()
    {
        const string source = """
            #nullable disable

            using System.Threading.Tasks;
            using Microsoft.IdentityModel.Clients.ActiveDirectory;

            public sealed class PlannerTokens
            {
                private static AuthenticationContext authContext;

                public async Task<string> PlansAsync(string tenant, string clientId, string secret)
                {
                    authContext = {|#0:new AuthenticationContext("https://login.microsoftonline.com/" + tenant)|};
                    try
                    {
                        var result = await {|CS0618:authContext.AcquireTokenAsync("https://tasks.office.com", new ClientCredential(clientId, secret))|};
                        return result.AccessToken;
                    }
                    catch (AdalServiceException)
                    {
                        return string.Empty;
                    }
                }
            }
            """;
        const string fixedSource = """
            #nullable disable

            using System.Threading.Tasks;
            using Microsoft.Identity.Client;
            using Microsoft.IdentityModel.Clients.ActiveDirectory;

            public sealed class PlannerTokens
            {
                public async Task<string> PlansAsync(string tenant, string clientId, string secret)
                {
                    var app = ConfidentialClientApplicationBuilder.Create(clientId)
                        .WithAuthority("https://login.microsoftonline.com/" + tenant)
                        .WithClientSecret(secret)
                        .WithCacheOptions(CacheOptions.EnableSharedCacheOptions)
                        .Build();
                    // TODO(LA4002): MSAL throws MsalException (MsalServiceException, MsalClientException), not the ADAL exceptions caught below: catch MSAL's instead.
                    try
                    {
                        var result = await app.AcquireTokenForClient(new[] { "https://tasks.office.com/.default" }).ExecuteAsync();
                        return result.AccessToken;
                    }
                    catch (AdalServiceException)
                    {
                        return string.Empty;
                    }
                }
            }
            """;

        await LA4002_AdalInUseTests.VerifyFixWithoutNewWarnings(source, fixedSource, VerifyFix.Diagnostic(DiagnosticIds.AdalInUse).WithLocation(0));
    }

    [Fact]
    public async Task MethodShapesTheFixCannotKnow_NoFix()
    {
        const string source = """
            #nullable disable

            using System;
            using System.Threading.Tasks;
            using Microsoft.IdentityModel.Clients.ActiveDirectory;

            public sealed class Tokens
            {
                private const string Authority = "https://login.microsoftonline.com/fabrikam.onmicrosoft.com";
                private static AuthenticationContext twice;
                private static AuthenticationContext handedOut;
                private static AuthenticationContext lastUsed;

                public async Task<string> TwoAppsAsync(string firstId, string secondId, string secret)
                {
                    twice = {|#0:new AuthenticationContext(Authority)|};
                    var first = await {|CS0618:twice.AcquireTokenAsync("https://graph.microsoft.com", new ClientCredential(firstId, secret))|};
                    var second = await {|CS0618:twice.AcquireTokenAsync("https://graph.microsoft.com", new ClientCredential(secondId, secret))|};
                    return first.AccessToken + second.AccessToken;
                }

                public async Task<string> SecretFromLaterAsync(string clientId, Func<string> readSecret)
                {
                    twice = {|#1:new AuthenticationContext(Authority)|};
                    var secret = readSecret();
                    var result = await {|CS0618:twice.AcquireTokenAsync("https://graph.microsoft.com", new ClientCredential(clientId, secret))|};
                    return result.AccessToken;
                }

                public async Task<string> HandedOutAsync(string clientId, string secret)
                {
                    handedOut = {|#2:new AuthenticationContext(Authority)|};
                    var result = await {|CS0618:handedOut.AcquireTokenAsync("https://graph.microsoft.com", new ClientCredential(clientId, secret))|};
                    return result.AccessToken + handedOut.Authority;
                }

                public async Task<string> ForTenantAsync(string tenant, string clientId, string secret)
                {
                    lastUsed = {|#3:new AuthenticationContext("https://login.microsoftonline.com/" + tenant)|};
                    var result = await {|CS0618:lastUsed.AcquireTokenAsync("https://graph.microsoft.com", new ClientCredential(clientId, secret))|};
                    return result.AccessToken;
                }

                public async Task<string> LastTenantAgainAsync(string clientId, string secret)
                {
                    // Reads the context the method above stored: that method's context cannot become a local.
                    var result = await {|CS0618:lastUsed.AcquireTokenAsync("https://outlook.office365.com", new ClientCredential(clientId, secret))|};
                    return result.AccessToken;
                }
            }
            """;

        var test = new VerifyFix.Test
        {
            TestCode = source,
            FixedCode = source,
            CodeActionEquivalenceKey = LA4002_AdalInUseCodeFix.EquivalenceKey,
            CompilerDiagnostics = CompilerDiagnostics.Warnings,
            DisabledDiagnostics = { "CS1591" },
            ExpectedDiagnostics =
            {
                VerifyFix.Diagnostic(DiagnosticIds.AdalInUse).WithLocation(0),
                VerifyFix.Diagnostic(DiagnosticIds.AdalInUse).WithLocation(1),
                VerifyFix.Diagnostic(DiagnosticIds.AdalInUse).WithLocation(2),
                VerifyFix.Diagnostic(DiagnosticIds.AdalInUse).WithLocation(3),
            },
        };

        await test.RunAsync();
    }
}
