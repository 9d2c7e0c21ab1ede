using LegacyAuthAnalyzers.CodeFixes.Fixes;
using LegacyAuthAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyFix = LegacyAuthAnalyzers.Tests.Infrastructure.CSharpCodeFixVerifier<LegacyAuthAnalyzers.Rules.LA4002_AdalInUseAnalyzer, LegacyAuthAnalyzers.CodeFixes.Fixes.LA4002_AdalInUseCodeFix>;

namespace LegacyAuthAnalyzers.Tests.Rules;

/// <summary>
/// LA4002's fix for an <c>AuthenticationContext</c> kept in a field or property for a signed-in user's tokens
/// (interactive <c>PlatformParameters</c> calls and silent calls of one public client): the field holds one MSAL
/// public client, so that the silent calls still find what the interactive ones signed in. The sources compile against
/// ADAL's .NET Framework build, the one with <c>PlatformParameters(PromptBehavior)</c>, and MSAL 4.92.
/// </summary>
public sealed class LA4002_AdalPublicClientFixTests
{
    [Fact]
    public async Task InteractiveAndSilentCallsOnAField_HoldOnePublicClient()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.IdentityModel.Clients.ActiveDirectory;

            namespace Fabrikam.Desktop;

            public sealed class MailboxSession
            {
                private const string ClientId = "9c4e1f2a-6b3d-4a7e-8f0c-2d5b7e9a1c34";
                private const string OutlookResource = "https://outlook.office365.com";
                private static readonly Uri RedirectUri = new Uri("urn:ietf:wg:oauth:2.0:oob");
                private readonly AuthenticationContext context = {|#0:new AuthenticationContext("https://login.microsoftonline.com/common")|};

                public async Task<string> SignInAsync()
                {
                    var result = await {|CS0618:context.AcquireTokenAsync(OutlookResource, ClientId, RedirectUri, new PlatformParameters(PromptBehavior.Auto))|};
                    return result.AccessToken;
                }

                public async Task<string> CachedHeaderAsync()
                {
                    // The user who signed in above, from ADAL's cache.
                    var result = await {|CS0618:context.AcquireTokenSilentAsync(OutlookResource, ClientId)|};
                    return result.CreateAuthorizationHeader();
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Linq;
            using System.Threading.Tasks;
            using Microsoft.Identity.Client;

            namespace Fabrikam.Desktop;

            public sealed class MailboxSession
            {
                private const string ClientId = "9c4e1f2a-6b3d-4a7e-8f0c-2d5b7e9a1c34";
                private const string OutlookResource = "https://outlook.office365.com";
                // TODO(LA4002): ADAL's out-of-band redirect URI is not MSAL's: register the one WithDefaultRedirectUri() sets for the app (http://localhost on .NET, https://login.microsoftonline.com/common/oauth2/nativeclient on .NET Framework).
                private readonly IPublicClientApplication context = PublicClientApplicationBuilder.Create(ClientId)
                    .WithAuthority("https://login.microsoftonline.com/common")
                    .WithDefaultRedirectUri()
                    .Build();

                public async Task<string> SignInAsync()
                {
                    var result = await AcquireTokenSilentOrInteractiveAsync(context, new[] { OutlookResource + "/.default" });
                    return result.AccessToken;
                }

                public async Task<string> CachedHeaderAsync()
                {
                    // The user who signed in above, from ADAL's cache.
                    var result = await context.AcquireTokenSilent(new[] { OutlookResource + "/.default" }, (await context.GetAccountsAsync()).FirstOrDefault()).ExecuteAsync();
                    return result.CreateAuthorizationHeader();
                }

                private static async Task<AuthenticationResult> AcquireTokenSilentOrInteractiveAsync(
                    IPublicClientApplication application, string[] scopes)
                {
                    var accounts = await application.GetAccountsAsync();
                    try
                    {
                        // The account that signed in before gets its token from MSAL's cache, refreshed without asking again.
                        return await application.AcquireTokenSilent(scopes, accounts.FirstOrDefault()).ExecuteAsync();
                    }
                    catch (MsalUiRequiredException)
                    {
                        // No account yet, or its sign-in expired or needs consent again: the user signs in.
                        return await application.AcquireTokenInteractive(scopes).ExecuteAsync();
                    }
                }
            }
            """;

        await VerifyAsync(source, fixedSource);
    }

    [Fact]
    public async Task PropertyWithOwnTokenCacheAndAuthorityFromConfiguration_HoldsPublicClientAndMarksTheCache()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Configuration;
            using Microsoft.IdentityModel.Clients.ActiveDirectory;

            namespace Fabrikam.Tools;

            /// <summary>Kept in the user's profile between runs of the tool.</summary>
            public sealed class ProfileTokenCache : TokenCache
            {
            }

            public sealed class SiteShell
            {
                private AuthenticationContext Context { get; }

                private readonly string clientId;

                public SiteShell(IConfiguration configuration, ProfileTokenCache cache)
                {
                    clientId = configuration["AzureAd:ClientId"] ?? throw new InvalidOperationException("AzureAd:ClientId is not set.");
                    Context = {|#0:new AuthenticationContext(configuration["AzureAd:Authority"], bool.Parse(configuration["AzureAd:ValidateAuthority"] ?? "true"), cache)|};
                }

                public async Task<string> ConnectAsync(Uri site)
                {
                    var resource = site.GetLeftPart(UriPartial.Authority);
                    AuthenticationResult result = await {|CS0618:Context.AcquireTokenAsync(resource, clientId, new Uri("http://localhost"), new PlatformParameters(PromptBehavior.Auto), UserIdentifier.AnyUser)|}.ConfigureAwait(false);
                    return result.AccessTokenType + " " + result.AccessToken;
                }

                public DateTimeOffset Expiry(Uri site)
                {
                    var result = {|CS0618:Context.AcquireTokenSilentAsync(site.GetLeftPart(UriPartial.Authority), clientId)|}.Result;
                    return result.ExpiresOn;
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Linq;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Configuration;
            using Microsoft.IdentityModel.Clients.ActiveDirectory;

            namespace Fabrikam.Tools;

            /// <summary>Kept in the user's profile between runs of the tool.</summary>
            public sealed class ProfileTokenCache : TokenCache
            {
            }

            public sealed class SiteShell
            {
                private Microsoft.Identity.Client.IPublicClientApplication Context { get; }

                private readonly string clientId;

                public SiteShell(IConfiguration configuration, ProfileTokenCache cache)
                {
                    clientId = configuration["AzureAd:ClientId"] ?? throw new InvalidOperationException("AzureAd:ClientId is not set.");
                    // TODO(LA4002): ADAL kept these tokens in the code's own TokenCache; this MSAL application keeps them in memory. To persist them, serialize its UserTokenCache (SetBeforeAccess/SetAfterAccess, see https://aka.ms/msal-net-token-cache-serialization).
                    Context = Microsoft.Identity.Client.PublicClientApplicationBuilder.Create(clientId)
                        .WithAuthority(configuration["AzureAd:Authority"], bool.Parse(configuration["AzureAd:ValidateAuthority"] ?? "true"))
                        .WithRedirectUri("http://localhost")
                        .Build();
                }

                public async Task<string> ConnectAsync(Uri site)
                {
                    var resource = site.GetLeftPart(UriPartial.Authority);
                    Microsoft.Identity.Client.AuthenticationResult result = await AcquireTokenSilentOrInteractiveAsync(Context, new[] { resource + "/.default" }).ConfigureAwait(false);
                    return result.TokenType + " " + result.AccessToken;
                }

                public DateTimeOffset Expiry(Uri site)
                {
                    var result = Context.AcquireTokenSilent(new[] { site.GetLeftPart(UriPartial.Authority) + "/.default" }, Context.GetAccountsAsync().Result.FirstOrDefault()).ExecuteAsync().Result;
                    return result.ExpiresOn;
                }

                private static async Task<Microsoft.Identity.Client.AuthenticationResult> AcquireTokenSilentOrInteractiveAsync(
                    Microsoft.Identity.Client.IPublicClientApplication application, string[] scopes)
                {
                    var accounts = await application.GetAccountsAsync();
                    try
                    {
                        // The account that signed in before gets its token from MSAL's cache, refreshed without asking again.
                        return await application.AcquireTokenSilent(scopes, accounts.FirstOrDefault()).ExecuteAsync();
                    }
                    catch (Microsoft.Identity.Client.MsalUiRequiredException)
                    {
                        // No account yet, or its sign-in expired or needs consent again: the user signs in.
                        return await application.AcquireTokenInteractive(scopes).ExecuteAsync();
                    }
                }
            }
            """;

        await VerifyAsync(source, fixedSource);
    }

    [Fact]
    public async Task UserIdentifierWithDisplayableId_BecomesTheLoginHint()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.IdentityModel.Clients.ActiveDirectory;

            namespace Fabrikam.Office;

            public sealed class CalendarHelper
            {
                private static readonly Uri ReplyUri = new Uri("https://tools.fabrikam.com/calendar");
                private readonly AuthenticationContext authContext;
                private readonly string appId;

                public CalendarHelper(string tenant, string appId)
                {
                    this.appId = appId;
                    authContext = {|#0:new AuthenticationContext("https://login.microsoftonline.com/" + tenant, TokenCache.DefaultShared)|};
                }

                public async Task<string> TokenForAsync(string userPrincipalName)
                {
                    var result = await {|CS0618:authContext.AcquireTokenAsync("https://graph.microsoft.com", appId, ReplyUri, new PlatformParameters(PromptBehavior.Auto), new UserIdentifier(userPrincipalName, UserIdentifierType.OptionalDisplayableId))|};
                    return result.AccessToken;
                }

                public async Task<string> CachedTokenForAsync(string userPrincipalName)
                {
                    var result = await {|CS0618:authContext.AcquireTokenSilentAsync("https://graph.microsoft.com", appId, new UserIdentifier(userPrincipalName, UserIdentifierType.RequiredDisplayableId))|};
                    return result.AccessToken;
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Identity.Client;

            namespace Fabrikam.Office;

            public sealed class CalendarHelper
            {
                private static readonly Uri ReplyUri = new Uri("https://tools.fabrikam.com/calendar");
                private readonly IPublicClientApplication authContext;
                private readonly string appId;

                public CalendarHelper(string tenant, string appId)
                {
                    this.appId = appId;
                    // TODO(LA4002): on .NET (not .NET Framework) MSAL signs the user in with the system browser, which needs a loopback redirect URI (http://localhost) registered for the app and set here.
                    authContext = PublicClientApplicationBuilder.Create(this.appId)
                        .WithAuthority("https://login.microsoftonline.com/" + tenant)
                        .WithRedirectUri(ReplyUri.OriginalString)
                        .Build();
                }

                public async Task<string> TokenForAsync(string userPrincipalName)
                {
                    var result = await AcquireTokenSilentOrInteractiveAsync(authContext, new[] { "https://graph.microsoft.com/.default" }, userPrincipalName);
                    return result.AccessToken;
                }

                public async Task<string> CachedTokenForAsync(string userPrincipalName)
                {
                    var result = await authContext.AcquireTokenSilent(new[] { "https://graph.microsoft.com/.default" }, userPrincipalName).ExecuteAsync();
                    return result.AccessToken;
                }

                private static async Task<AuthenticationResult> AcquireTokenSilentOrInteractiveAsync(
                    IPublicClientApplication application, string[] scopes, string loginHint)
                {
                    try
                    {
                        // That user's token from MSAL's cache, refreshed without asking again while the sign-in is good.
                        return await application.AcquireTokenSilent(scopes, loginHint).ExecuteAsync();
                    }
                    catch (MsalUiRequiredException)
                    {
                        // Not signed in yet, or the sign-in expired or needs consent again: the user signs in.
                        return await application.AcquireTokenInteractive(scopes).WithLoginHint(loginHint).ExecuteAsync();
                    }
                }
            }
            """;

        await VerifyAsync(source, fixedSource);
    }

    [Fact]
    public async Task AlwaysAndSelectAccountPrompts_SignInEveryTimeAsAdalDid()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.IdentityModel.Clients.ActiveDirectory;

            namespace Fabrikam.Admin;

            public static class AdminSignIn
            {
                private const string ClientId = "1b7d3e5f-9a2c-4e8b-a6d0-3c5e7f9b1d24";
                private static readonly Uri Redirect = new Uri("urn:ietf:wg:oauth:2.0:oob");

                private static AuthenticationContext Context { get; } = {|#0:new AuthenticationContext("https://login.microsoftonline.com/organizations", false)|};

                public static async Task<string> FreshTokenAsync(string adminUpn)
                {
                    // Administrative actions ask for the password again.
                    var result = await {|CS0618:Context.AcquireTokenAsync("https://outlook.office365.com", ClientId, Redirect, new PlatformParameters(PromptBehavior.Always), new UserIdentifier(adminUpn, UserIdentifierType.RequiredDisplayableId))|};
                    return result.AccessToken;
                }

                public static async Task<string> OtherAccountAsync()
                {
                    var result = await {|CS0618:Context.AcquireTokenAsync("https://outlook.office365.com", ClientId, Redirect, new PlatformParameters(PromptBehavior.SelectAccount))|};
                    return result.IdToken;
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Identity.Client;

            namespace Fabrikam.Admin;

            public static class AdminSignIn
            {
                private const string ClientId = "1b7d3e5f-9a2c-4e8b-a6d0-3c5e7f9b1d24";

                // TODO(LA4002): ADAL's out-of-band redirect URI is not MSAL's: register the one WithDefaultRedirectUri() sets for the app (http://localhost on .NET, https://login.microsoftonline.com/common/oauth2/nativeclient on .NET Framework).
                private static IPublicClientApplication Context { get; } = PublicClientApplicationBuilder.Create(ClientId)
                    .WithAuthority("https://login.microsoftonline.com/organizations", false)
                    .WithDefaultRedirectUri()
                    .Build();

                public static async Task<string> FreshTokenAsync(string adminUpn)
                {
                    // Administrative actions ask for the password again.
                    var result = await Context.AcquireTokenInteractive(new[] { "https://outlook.office365.com/.default" }).WithPrompt(Prompt.ForceLogin).WithLoginHint(adminUpn).ExecuteAsync();
                    return result.AccessToken;
                }

                public static async Task<string> OtherAccountAsync()
                {
                    var result = await Context.AcquireTokenInteractive(new[] { "https://outlook.office365.com/.default" }).WithPrompt(Prompt.SelectAccount).ExecuteAsync();
                    return result.IdToken;
                }
            }
            """;

        await VerifyAsync(source, fixedSource);
    }

    [Fact]
    public async Task SilentCallsInTryCatch_CatchMsalUiRequiredExceptionOrGetATodo()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.IdentityModel.Clients.ActiveDirectory;

            namespace Fabrikam.Desktop;

            public sealed class GraphSession
            {
                private const string ClientId = "5f7b9d1e-3a5c-4e7f-9b1d-3e5a7c9f1b26";
                private const string Graph = "https://graph.microsoft.com";
                private static readonly Uri Redirect = new Uri("http://localhost");
                private readonly AuthenticationContext context = {|#0:new AuthenticationContext("https://login.microsoftonline.com/common")|};

                public async Task<string> TokenAsync()
                {
                    AuthenticationResult result;
                    try
                    {
                        result = await {|CS0618:context.AcquireTokenSilentAsync(Graph, ClientId)|};
                    }
                    catch (AdalSilentTokenAcquisitionException ex)
                    {
                        Console.WriteLine("Signing in again: " + ex.ErrorCode);
                        result = await {|CS0618:context.AcquireTokenAsync(Graph, ClientId, Redirect, new PlatformParameters(PromptBehavior.SelectAccount))|};
                    }

                    return result.AccessToken;
                }

                public async Task<string?> TokenOrNothingAsync()
                {
                    try
                    {
                        var result = await {|CS0618:context.AcquireTokenSilentAsync(Graph, ClientId)|};
                        return result.AccessToken;
                    }
                    catch (AdalServiceException ex) when (ex.StatusCode == 400)
                    {
                        return null;
                    }
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Linq;
            using System.Threading.Tasks;
            using Microsoft.Identity.Client;
            using Microsoft.IdentityModel.Clients.ActiveDirectory;

            namespace Fabrikam.Desktop;

            public sealed class GraphSession
            {
                private const string ClientId = "5f7b9d1e-3a5c-4e7f-9b1d-3e5a7c9f1b26";
                private const string Graph = "https://graph.microsoft.com";
                private static readonly Uri Redirect = new Uri("http://localhost");
                private readonly IPublicClientApplication context = PublicClientApplicationBuilder.Create(ClientId)
                    .WithAuthority("https://login.microsoftonline.com/common")
                    .WithRedirectUri(Redirect.OriginalString)
                    .Build();

                public async Task<string> TokenAsync()
                {
                    Microsoft.Identity.Client.AuthenticationResult result;
                    try
                    {
                        result = await context.AcquireTokenSilent(new[] { Graph + "/.default" }, (await context.GetAccountsAsync()).FirstOrDefault()).ExecuteAsync();
                    }
                    catch (MsalUiRequiredException ex)
                    {
                        Console.WriteLine("Signing in again: " + ex.ErrorCode);
                        result = await context.AcquireTokenInteractive(new[] { Graph + "/.default" }).WithPrompt(Prompt.SelectAccount).ExecuteAsync();
                    }

                    return result.AccessToken;
                }

                public async Task<string?> TokenOrNothingAsync()
                {
                    // TODO(LA4002): MSAL throws MsalException (MsalServiceException, MsalClientException), not the ADAL exceptions caught below: catch MSAL's instead.
                    try
                    {
                        var result = await context.AcquireTokenSilent(new[] { Graph + "/.default" }, (await context.GetAccountsAsync()).FirstOrDefault()).ExecuteAsync();
                        return result.AccessToken;
                    }
                    catch (AdalServiceException ex) when (ex.StatusCode == 400)
                    {
                        return null;
                    }
                }
            }
            """;

        await VerifyAsync(source, fixedSource);
    }

    [Fact]
    public async Task SeveralClassesAndTwoFieldsOfOneClass_FixAllHoldsPublicClientsAndOneSignInMethod()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.IdentityModel.Clients.ActiveDirectory;

            namespace Fabrikam.Sync;

            internal static class App
            {
                public const string ClientId = "6e2a8c4d-1f3b-4d7a-9e5c-0b2d4f6a8c17";
                public const string Authority = "https://login.microsoftonline.com/common";
            }

            public sealed class TwoTenantSession
            {
                private static readonly Uri Redirect = new Uri("http://localhost:53119");
                private readonly AuthenticationContext home = {|#0:new AuthenticationContext(App.Authority)|};
                private readonly AuthenticationContext partner = {|#1:new AuthenticationContext("https://login.microsoftonline.com/partner.onmicrosoft.com")|};

                public async Task<string> HomeAsync()
                {
                    var result = await {|CS0618:home.AcquireTokenAsync("https://graph.microsoft.com", App.ClientId, Redirect, new PlatformParameters(PromptBehavior.Auto))|};
                    return result.AccessToken;
                }

                public async Task<string> PartnerAsync()
                {
                    var result = await {|CS0618:partner.AcquireTokenAsync("https://graph.microsoft.com", App.ClientId, Redirect, new PlatformParameters(PromptBehavior.Auto))|};
                    return result.AccessToken;
                }
            }

            public static class Mailbox
            {
                private static readonly AuthenticationContext Context = {|#2:new AuthenticationContext(App.Authority, true)|};

                public static async Task<string> TokenAsync()
                {
                    var result = await {|CS0618:Context.AcquireTokenSilentAsync("https://outlook.office365.com", App.ClientId, UserIdentifier.AnyUser)|};
                    return result.AccessToken;
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Linq;
            using System.Threading.Tasks;
            using Microsoft.Identity.Client;

            namespace Fabrikam.Sync;

            internal static class App
            {
                public const string ClientId = "6e2a8c4d-1f3b-4d7a-9e5c-0b2d4f6a8c17";
                public const string Authority = "https://login.microsoftonline.com/common";
            }

            public sealed class TwoTenantSession
            {
                private static readonly Uri Redirect = new Uri("http://localhost:53119");
                private readonly IPublicClientApplication home = PublicClientApplicationBuilder.Create(App.ClientId)
                    .WithAuthority(App.Authority)
                    .WithRedirectUri(Redirect.OriginalString)
                    .Build();
                private readonly IPublicClientApplication partner = PublicClientApplicationBuilder.Create(App.ClientId)
                    .WithAuthority("https://login.microsoftonline.com/partner.onmicrosoft.com")
                    .WithRedirectUri(Redirect.OriginalString)
                    .Build();

                public async Task<string> HomeAsync()
                {
                    var result = await AcquireTokenSilentOrInteractiveAsync(home, new[] { "https://graph.microsoft.com/.default" });
                    return result.AccessToken;
                }

                public async Task<string> PartnerAsync()
                {
                    var result = await AcquireTokenSilentOrInteractiveAsync(partner, new[] { "https://graph.microsoft.com/.default" });
                    return result.AccessToken;
                }

                private static async Task<AuthenticationResult> AcquireTokenSilentOrInteractiveAsync(
                    IPublicClientApplication application, string[] scopes)
                {
                    var accounts = await application.GetAccountsAsync();
                    try
                    {
                        // The account that signed in before gets its token from MSAL's cache, refreshed without asking again.
                        return await application.AcquireTokenSilent(scopes, accounts.FirstOrDefault()).ExecuteAsync();
                    }
                    catch (MsalUiRequiredException)
                    {
                        // No account yet, or its sign-in expired or needs consent again: the user signs in.
                        return await application.AcquireTokenInteractive(scopes).ExecuteAsync();
                    }
                }
            }

            public static class Mailbox
            {
                private static readonly IPublicClientApplication Context = PublicClientApplicationBuilder.Create(App.ClientId)
                    .WithAuthority(App.Authority, true)
                    .Build();

                public static async Task<string> TokenAsync()
                {
                    var result = await Context.AcquireTokenSilent(new[] { "https://outlook.office365.com/.default" }, (await Context.GetAccountsAsync()).FirstOrDefault()).ExecuteAsync();
                    return result.AccessToken;
                }
            }
            """;

        // Fixed one at a time, the first fix sees ADAL's AuthenticationResult still imported and keeps MSAL's qualified.
        var oneAtATime = fixedSource.Replace("private static async Task<AuthenticationResult>", "private static async Task<Microsoft.Identity.Client.AuthenticationResult>", StringComparison.Ordinal);
        var test = new VerifyFix.Test
        {
            TestCode = source,
            FixedCode = oneAtATime,
            BatchFixedCode = fixedSource,
            References = TestReferences.WithAdalForNetFramework,
            CodeActionEquivalenceKey = LA4002_AdalInUseCodeFix.PublicClientEquivalenceKey,
            CompilerDiagnostics = CompilerDiagnostics.Warnings,
            DisabledDiagnostics = { "CS1591" },
            NumberOfFixAllIterations = 1,
        };

        test.ExpectedDiagnostics.AddRange(Enumerable.Range(0, 3).Select(i => VerifyFix.Diagnostic(DiagnosticIds.AdalInUse).WithLocation(i)));
        await test.RunAsync();
    }

    [Fact]
    public async Task FieldsThePublicClientCannotHoldAsTheyAre_NoFix()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.IdentityModel.Clients.ActiveDirectory;

            public sealed class Sessions
            {
                private const string Authority = "https://login.microsoftonline.com/common";
                private const string ToolId = "2c8e4a6b-0d1f-4b3e-8a7c-9e1b3d5f7a20";
                private const string OtherToolId = "8f0b2d4e-6a8c-4e1a-b3d5-7c9e1f3a5b62";
                private static readonly Uri Redirect = new Uri("http://localhost");
                private readonly ClientCredential appCredential = new ClientCredential(ToolId, "n0t-A-r3al~Secret.Value");

                private readonly AuthenticationContext twoClients = {|#0:new AuthenticationContext(Authority)|};
                private readonly AuthenticationContext userAndApp = {|#1:new AuthenticationContext(Authority)|};
                private readonly AuthenticationContext sharedParameters = {|#2:new AuthenticationContext(Authority)|};
                private readonly AuthenticationContext byObjectId = {|#3:new AuthenticationContext(Authority)|};
                private readonly AuthenticationContext handedOut = {|#4:new AuthenticationContext(Authority)|};
                private readonly PlatformParameters prompt = new PlatformParameters(PromptBehavior.Auto);

                public async Task<string> FirstToolAsync()
                {
                    var result = await twoClients.AcquireTokenAsync("https://graph.microsoft.com", ToolId, Redirect, new PlatformParameters(PromptBehavior.Auto));
                    return result.AccessToken;
                }

                public async Task<string> SecondToolAsync()
                {
                    // Another application registration: its tokens are not the first one's.
                    var result = await twoClients.AcquireTokenSilentAsync("https://graph.microsoft.com", OtherToolId);
                    return result.AccessToken;
                }

                public async Task<string> UserAsync()
                {
                    var result = await userAndApp.AcquireTokenAsync("https://graph.microsoft.com", ToolId, Redirect, new PlatformParameters(PromptBehavior.Auto));
                    return result.AccessToken;
                }

                public async Task<string> AppAsync()
                {
                    // The app's own token through a credential kept in a field: neither MSAL application can take both calls.
                    var result = await userAndApp.AcquireTokenAsync("https://graph.microsoft.com", appCredential);
                    return result.AccessToken;
                }

                public async Task<string> SharedParametersAsync()
                {
                    var result = await sharedParameters.AcquireTokenAsync("https://graph.microsoft.com", ToolId, Redirect, prompt);
                    return result.AccessToken;
                }

                public async Task<string> ByObjectIdAsync(string objectId)
                {
                    var result = await byObjectId.AcquireTokenSilentAsync("https://graph.microsoft.com", ToolId, new UserIdentifier(objectId, UserIdentifierType.UniqueId));
                    return result.AccessToken;
                }

                public async Task<string> HandedOutAsync()
                {
                    var result = await handedOut.AcquireTokenSilentAsync("https://graph.microsoft.com", ToolId);
                    return result.AccessToken;
                }

                public int CachedItems() => handedOut.TokenCache.Count;

                private readonly AuthenticationContext ownerWindow = {|#5:new AuthenticationContext(Authority)|};
                private readonly AuthenticationContext refreshSession = {|#6:new AuthenticationContext(Authority)|};

                public async Task<string> OwnedAsync(object window)
                {
                    // MSAL takes the owner window on the call (WithParentActivityOrWindow), not in platform parameters.
                    var result = await ownerWindow.AcquireTokenAsync("https://graph.microsoft.com", ToolId, Redirect, new PlatformParameters(PromptBehavior.Auto, window));
                    return result.AccessToken;
                }

                public async Task<string> RefreshedAsync()
                {
                    var result = await refreshSession.AcquireTokenAsync("https://graph.microsoft.com", ToolId, Redirect, new PlatformParameters(PromptBehavior.RefreshSession));
                    return result.AccessToken;
                }
            }

            public sealed class Named
            {
                private readonly AuthenticationContext context = {|#7:new AuthenticationContext("https://login.microsoftonline.com/common")|};

                public async Task<string> SignInAsync()
                {
                    var result = await context.AcquireTokenAsync("https://graph.microsoft.com", "2c8e4a6b-0d1f-4b3e-8a7c-9e1b3d5f7a20", new Uri("http://localhost"), new PlatformParameters(PromptBehavior.Auto));
                    return result.AccessToken;
                }

                // A member of the name the fix would add for PromptBehavior.Auto.
                private Task<string> AcquireTokenSilentOrInteractiveAsync() => SignInAsync();
            }
            """;

        var test = new VerifyFix.Test
        {
            TestCode = source,
            FixedCode = source,
            References = TestReferences.WithAdalForNetFramework,
            // Errors only: the input must compile, so that each field is turned down for its shape and not for a typo.
            CompilerDiagnostics = CompilerDiagnostics.Errors,
        };
        test.ExpectedDiagnostics.AddRange(Enumerable.Range(0, 8).Select(i => VerifyFix.Diagnostic(DiagnosticIds.AdalInUse).WithLocation(i)));
        await test.RunAsync();
    }

    internal static async Task VerifyAsync(string source, string fixedSource, int findings = 1)
    {
        var test = new VerifyFix.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            References = TestReferences.WithAdalForNetFramework,
            CodeActionEquivalenceKey = LA4002_AdalInUseCodeFix.PublicClientEquivalenceKey,
            CompilerDiagnostics = CompilerDiagnostics.Warnings,
            DisabledDiagnostics = { "CS1591" },
        };

        test.ExpectedDiagnostics.AddRange(Enumerable.Range(0, findings).Select(i => VerifyFix.Diagnostic(DiagnosticIds.AdalInUse).WithLocation(i)));
        await test.RunAsync();
    }
}
