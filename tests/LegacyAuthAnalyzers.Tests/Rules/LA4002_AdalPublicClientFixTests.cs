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
            using System.Collections.Generic;
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
                    IPublicClientApplication application, IEnumerable<string> scopes)
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
