using LegacyAuthAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using LegacyAuthAnalyzers.CodeFixes.Fixes;
using Verify = LegacyAuthAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<LegacyAuthAnalyzers.Rules.LA4003_UsernamePasswordTokenFlowAnalyzer>;
using VerifyFix = LegacyAuthAnalyzers.Tests.Infrastructure.CSharpCodeFixVerifier<LegacyAuthAnalyzers.Rules.LA4003_UsernamePasswordTokenFlowAnalyzer, LegacyAuthAnalyzers.CodeFixes.Fixes.LA4003_UsernamePasswordTokenFlowCodeFix>;

namespace LegacyAuthAnalyzers.Tests.Rules;

public sealed class LA4003_UsernamePasswordTokenFlowTests
{
    [Fact]
    public async Task MsalPublicClientUsernamePassword_ReportsDiagnostic()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.Identity.Client;

            public static class TokenSource
            {
                private static readonly string[] Scopes = { "https://outlook.office.com/IMAP.AccessAsUser.All" };

                public static async Task<string> GetAsync(IPublicClientApplication app, string user, string password)
                {
                    var result = await {|#0:app.AcquireTokenByUsernamePassword(Scopes, user, password)|}.ExecuteAsync();
                    return result.AccessToken;
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic(DiagnosticIds.UsernamePasswordTokenFlow).WithLocation(0).WithArguments("IPublicClientApplication.AcquireTokenByUsernamePassword"));
    }

    [Fact]
    public async Task MsalConcreteClientAndSecureStringOverload_ReportsDiagnostic()
    {
        const string source = """
            using System.Security;
            using System.Threading.Tasks;
            using Microsoft.Identity.Client;

            public static class TokenSource
            {
                public static Task<AuthenticationResult> GetAsync(PublicClientApplication app, string user, SecureString password) =>
                    {|#0:app.AcquireTokenByUsernamePassword(new[] { "User.Read" }, user, password)|}
                        .WithClaims("{}")
                        .ExecuteAsync();
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic(DiagnosticIds.UsernamePasswordTokenFlow).WithLocation(0).WithArguments("PublicClientApplication.AcquireTokenByUsernamePassword"));
    }

    [Fact]
    public async Task MsalConfidentialClientUsernamePassword_ReportsDiagnostic()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.Identity.Client;

            public static class TokenSource
            {
                public static Task<AuthenticationResult> GetAsync(IConfidentialClientApplication app, string user, string password) =>
                    {|#0:((IByUsernameAndPassword)app).AcquireTokenByUsernamePassword(new[] { "User.Read" }, user, password)|}.ExecuteAsync();
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic(DiagnosticIds.UsernamePasswordTokenFlow).WithLocation(0).WithArguments("IByUsernameAndPassword.AcquireTokenByUsernamePassword"));
    }

    [Fact]
    public async Task AdalUserPasswordCredential_ReportsDiagnostic()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.IdentityModel.Clients.ActiveDirectory;

            public static class TokenSource
            {
                public static async Task<string> GetAsync(string user, string password)
                {
                    var context = new AuthenticationContext("https://login.microsoftonline.com/contoso.onmicrosoft.com");
                    var credential = {|#0:new UserPasswordCredential(user, password)|};
                    var result = await context.AcquireTokenAsync("https://outlook.office365.com", "4a1aa1d5-c567-49d0-ad0b-cd957a47f842", credential);
                    return result.AccessToken;
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            TestReferences.WithAdalForNetFramework,
            Verify.Diagnostic(DiagnosticIds.UsernamePasswordTokenFlow).WithLocation(0).WithArguments("new UserPasswordCredential"));
    }

    [Fact]
    public async Task AzureIdentityUsernamePasswordCredential_ReportsDiagnostic()
    {
        const string source = """
            using Azure.Core;
            using Azure.Identity;

            public static class Credentials
            {
                public static TokenCredential Create(string user, string password) =>
                    {|#0:new UsernamePasswordCredential(user, password, "contoso.onmicrosoft.com", "4a1aa1d5-c567-49d0-ad0b-cd957a47f842")|};
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic(DiagnosticIds.UsernamePasswordTokenFlow).WithLocation(0).WithArguments("new UsernamePasswordCredential"));
    }

    [Fact]
    public async Task FormUrlEncodedContentWithDictionaryInitializers_ReportsDiagnostic()
    {
        const string source = """
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Threading.Tasks;

            public static class TokenClient
            {
                private const string GrantType = "password";

                public static Task<HttpResponseMessage> PostAsync(HttpClient http, string user, string password)
                {
                    var body = new FormUrlEncodedContent(new Dictionary<string, string>
                    {
                        {|#0:{ "grant_type", "password" }|},
                        { "client_id", "4a1aa1d5-c567-49d0-ad0b-cd957a47f842" },
                        { "username", user },
                        { "password", password },
                    });
                    return http.PostAsync("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token", body);
                }

                public static HttpContent Indexed(string user, string password) => new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    {|#1:["grant_type"] = GrantType|},
                    ["username"] = user,
                    ["password"] = password,
                });
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic(DiagnosticIds.UsernamePasswordTokenFlow).WithLocation(0).WithArguments("A token request with grant_type=password"),
            Verify.Diagnostic(DiagnosticIds.UsernamePasswordTokenFlow).WithLocation(1).WithArguments("A token request with grant_type=password"));
    }

    [Fact]
    public async Task KeyValuePairsInListsAndArrays_ReportsDiagnostic()
    {
        const string source = """
            using System.Collections.Generic;
            using System.Net.Http;

            public static class TokenClient
            {
                public static HttpContent FromList(string user, string password) => new FormUrlEncodedContent(new List<KeyValuePair<string, string>>
                {
                    {|#0:new("grant_type", "password")|},
                    new("username", user),
                    new("password", password),
                });

                public static HttpContent FromArray(string user, string password) => new FormUrlEncodedContent(new[]
                {
                    {|#1:new KeyValuePair<string, string>("grant_type", "password")|},
                    new KeyValuePair<string, string>("username", user),
                    new KeyValuePair<string, string>("password", password),
                });
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic(DiagnosticIds.UsernamePasswordTokenFlow).WithLocation(0).WithArguments("A token request with grant_type=password"),
            Verify.Diagnostic(DiagnosticIds.UsernamePasswordTokenFlow).WithLocation(1).WithArguments("A token request with grant_type=password"));
    }

    [Fact]
    public async Task FormFilledAfterCreation_ReportsDiagnostic()
    {
        const string source = """
            using System.Collections.Generic;
            using System.Net.Http;

            public static class TokenClient
            {
                public static HttpContent Build(string user, string password)
                {
                    var form = new Dictionary<string, string>();
                    {|#1:form["grant_type"] = "password"|};
                    form.Add("username", user);
                    form.Add("password", password);
                    return {|#0:new FormUrlEncodedContent(form)|};
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic(DiagnosticIds.UsernamePasswordTokenFlow).WithLocation(0).WithLocation(1).WithArguments("A token request with grant_type=password"));
    }

    [Fact]
    public async Task StringContentWithPasswordGrant_ReportsDiagnostic()
    {
        const string source = """
            using System;
            using System.Globalization;
            using System.Net.Http;
            using System.Text;

            public static class TokenClient
            {
                private const string Body = "client_id=4a1aa1d5-c567-49d0-ad0b-cd957a47f842&grant_type=password&scope=openid";

                public static HttpContent Constant() => {|#0:new StringContent(Body, Encoding.UTF8, "application/x-www-form-urlencoded")|};

                public static HttpContent Interpolated(string user, string password) =>
                    {|#1:new StringContent($"grant_type=password&username={Uri.EscapeDataString(user)}&password={Uri.EscapeDataString(password)}")|};

                public static HttpContent Concatenated(string user, string password)
                {
                    var body = "username=" + user + "&password=" + password + "&grant_type=password";
                    return {|#2:new StringContent(body)|};
                }

                public static HttpContent Formatted(string user, string password) =>
                    {|#3:new StringContent(string.Format(CultureInfo.InvariantCulture, "grant_type=password&username={0}&password={1}", user, password))|};

                public static HttpContent Json(string user, string password) =>
                    {|#4:new StringContent("{\"grant_type\": \"password\", \"username\": \"" + user + "\", \"password\": \"" + password + "\"}", Encoding.UTF8, "application/json")|};
            }
            """;

        var expected = Enumerable.Range(0, 5)
            .Select(i => Verify.Diagnostic(DiagnosticIds.UsernamePasswordTokenFlow).WithLocation(i).WithArguments("A token request with grant_type=password"))
            .ToArray();
        await Verify.VerifyAnalyzerAsync(source, expected);
    }

    [Fact]
    public async Task StringContentFromLocal_ReadsFormattedDeclarationsAndSkipsCallResults()
    {
        // A local declared with string.Format is followed to its grant text; a local declared with any other call's
        // result, an await or a creation is not, whatever is written to it later.
        const string source = """
            using System.Globalization;
            using System.Net.Http;
            using System.Text;
            using System.Text.Json;
            using System.Threading.Tasks;

            public static class TokenClient
            {
                public static HttpContent Formatted(string user, string password)
                {
                    var body = string.Format(CultureInfo.InvariantCulture, "grant_type=password&username={0}&password={1}", user, password);
                    return {|#0:new StringContent(body)|};
                }

                public static HttpContent Serialized(object request)
                {
                    var json = JsonSerializer.Serialize(request);
                    return new StringContent(json, Encoding.UTF8, "application/json");
                }

                public static HttpContent Replaced(object request, string user, string password)
                {
                    var body = JsonSerializer.Serialize(request);
                    body = "grant_type=password&username=" + user + "&password=" + password;
                    return new StringContent(body);
                }

                public static async Task<HttpContent> Awaited(Task<string> pending)
                {
                    var text = await pending;
                    return new StringContent(text);
                }

                public static HttpContent Built(char[] characters)
                {
                    var text = new string(characters);
                    return new StringContent(text);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(DiagnosticIds.UsernamePasswordTokenFlow).WithLocation(0).WithArguments("A token request with grant_type=password"));
    }

    [Fact]
    public async Task AnonymousObjectBody_ReportsDiagnostic()
    {
        const string source = """
            public static class TokenClient
            {
                public static object Body(string user, string password) => new
                {
                    {|#0:grant_type = "password"|},
                    username = user,
                    password,
                };
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(DiagnosticIds.UsernamePasswordTokenFlow).WithLocation(0).WithArguments("A token request with grant_type=password"));
    }

    [Fact]
    public async Task PasswordGrantWithoutIdentityLibraries_ReportsDiagnostic()
    {
        const string source = """
            using System.Collections.Generic;
            using System.Net.Http;

            public static class TokenClient
            {
                public static HttpContent Build(string user, string password) => new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    {|#0:["grant_type"] = "password"|},
                    ["username"] = user,
                    ["password"] = password,
                });
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            TestReferences.WithoutMailLibraries,
            Verify.Diagnostic(DiagnosticIds.UsernamePasswordTokenFlow).WithLocation(0).WithArguments("A token request with grant_type=password"));
    }

    [Fact]
    public async Task XOAuth2WithTokenFromUsernamePassword_IsOneFindingWithTheConsumerAsAdditionalLocation()
    {
        const string source = """
            using System.Threading.Tasks;
            using MailKit.Net.Imap;
            using MailKit.Security;
            using Microsoft.Identity.Client;

            public static class Mailbox
            {
                public static async Task OpenAsync(IPublicClientApplication app, string user, string password)
                {
                    var result = await {|#0:app.AcquireTokenByUsernamePassword(new[] { "https://outlook.office.com/IMAP.AccessAsUser.All" }, user, password)|}
                        .ExecuteAsync()
                        .ConfigureAwait(false);
                    var token = result.AccessToken;

                    using var client = new ImapClient();
                    await client.ConnectAsync("outlook.office365.com", 993, SecureSocketOptions.SslOnConnect);
                    await client.AuthenticateAsync({|#1:new SaslMechanismOAuth2(user, token)|});
                }

                public static async Task OtherAsync(ImapClient client, string user, string token)
                {
                    // A token from elsewhere: not part of the flow.
                    await client.AuthenticateAsync(new SaslMechanismOAuth2(user, token));
                }
            }
            """;

        // One flow, one finding: the XOAUTH2 mechanism that takes the token is where the flow ends, not a second finding.
        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic(DiagnosticIds.UsernamePasswordTokenFlow).WithLocation(0).WithLocation(1).WithArguments("IPublicClientApplication.AcquireTokenByUsernamePassword"));
    }

    [Fact]
    public async Task MsalClientCredentialsDeviceCodeAndInteractive_NoDiagnostic()
    {
        const string source = """
            using System;
            using System.Linq;
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;
            using MailKit.Security;
            using Microsoft.Identity.Client;

            public static class TokenSource
            {
                private static readonly string[] AppScopes = { "https://outlook.office365.com/.default" };
                private static readonly string[] UserScopes = { "https://outlook.office.com/SMTP.Send" };

                public static async Task SendAsync(IConfidentialClientApplication daemon, SmtpClient client, string mailbox)
                {
                    var result = await daemon.AcquireTokenForClient(AppScopes).ExecuteAsync();
                    await client.AuthenticateAsync(new SaslMechanismOAuth2(mailbox, result.AccessToken));
                }

                public static async Task<string> SignInAsync(IPublicClientApplication app)
                {
                    var accounts = await app.GetAccountsAsync();
                    try
                    {
                        return (await app.AcquireTokenSilent(UserScopes, accounts.FirstOrDefault()).ExecuteAsync()).AccessToken;
                    }
                    catch (MsalUiRequiredException)
                    {
                        return (await app.AcquireTokenInteractive(UserScopes).ExecuteAsync()).AccessToken;
                    }
                }

                public static async Task<string> DeviceCodeAsync(IPublicClientApplication app)
                {
                    var result = await app.AcquireTokenWithDeviceCode(UserScopes, code =>
                    {
                        Console.WriteLine(code.Message);
                        return Task.CompletedTask;
                    }).ExecuteAsync();
                    return result.AccessToken;
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task AzureIdentityClientSecretAndDeviceCodeCredentials_NoDiagnostic()
    {
        const string source = """
            using Azure.Core;
            using Azure.Identity;

            public static class Credentials
            {
                public static TokenCredential Daemon(string secret) =>
                    new ClientSecretCredential("contoso.onmicrosoft.com", "4a1aa1d5-c567-49d0-ad0b-cd957a47f842", secret);

                public static TokenCredential User() => new DeviceCodeCredential();

                public static TokenCredential Browser() => new InteractiveBrowserCredential();
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task OtherGrantTypes_NoDiagnostic()
    {
        const string source = """
            using System;
            using System.Collections.Generic;
            using System.Net.Http;

            public static class TokenClient
            {
                public static HttpContent ClientCredentials(string secret) => new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "client_credentials",
                    ["client_secret"] = secret,
                    ["scope"] = "https://outlook.office365.com/.default",
                });

                public static HttpContent Refresh(string refreshToken) =>
                    new StringContent($"grant_type=refresh_token&refresh_token={refreshToken}&password=unused");

                public static HttpContent Reset() => new StringContent("grant_type=password_reset");

                public static HttpContent Login(string user, string password) => new FormUrlEncodedContent(new[]
                {
                    new KeyValuePair<string, string>("username", user),
                    new KeyValuePair<string, string>("password", password),
                });

                public static void Explain() => Console.WriteLine("grant_type=password is not supported by this app");
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task AdalClientCredentialAndXOAuth2FromClientCredentials_NoDiagnostic()
    {
        const string source = """
            using System.Threading.Tasks;
            using MailKit.Net.Imap;
            using MailKit.Security;
            using Microsoft.IdentityModel.Clients.ActiveDirectory;

            public static class Mailbox
            {
                public static async Task OpenAsync(ImapClient client, string mailbox, string clientId, string secret)
                {
                    var context = new AuthenticationContext("https://login.microsoftonline.com/contoso.onmicrosoft.com");
                    var result = await context.AcquireTokenAsync("https://outlook.office365.com", new ClientCredential(clientId, secret));
                    await client.AuthenticateAsync(new SaslMechanismOAuth2(mailbox, result.AccessToken));
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, TestReferences.WithAdalForNetFramework);
    }

    [Fact]
    public async Task HardCodedUserAndPassword_FixesToDeviceCodeOnConsole()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Identity.Client;

            public static class MailToken
            {
                private static readonly string[] Scopes = { "https://outlook.office.com/SMTP.Send" };

                public static async Task<string> GetAsync(IPublicClientApplication app)
                {
                    const string user = "reports@contoso.com";
                    var password = "Wq7!rT2#kd9Lzp";
                    var result = await {|#0:app.AcquireTokenByUsernamePassword(Scopes, user, password)|}.ExecuteAsync();
                    return result.AccessToken;
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Identity.Client;

            public static class MailToken
            {
                private static readonly string[] Scopes = { "https://outlook.office.com/SMTP.Send" };

                public static async Task<string> GetAsync(IPublicClientApplication app)
                {
                    var result = await AcquireTokenSilentOrDeviceCodeAsync(app, Scopes, deviceCode =>
                    {
                        Console.WriteLine(deviceCode.Message);
                        return Task.CompletedTask;
                    });
                    return result.AccessToken;
                }

                private static async Task<AuthenticationResult> AcquireTokenSilentOrDeviceCodeAsync(
                    IPublicClientApplication application,
                    global::System.Collections.Generic.IEnumerable<string> scopes,
                    Func<DeviceCodeResult, Task> deviceCodeCallback,
                    global::System.Threading.CancellationToken cancellationToken = default)
                {
                    // The account that signed in before gets its token from MSAL's cache, refreshed without asking again.
                    var accounts = await application.GetAccountsAsync().ConfigureAwait(false);
                    var account = global::System.Linq.Enumerable.FirstOrDefault(accounts);
                    if (account != null)
                    {
                        try
                        {
                            return await application.AcquireTokenSilent(scopes, account).ExecuteAsync(cancellationToken).ConfigureAwait(false);
                        }
                        catch (MsalUiRequiredException)
                        {
                            // The cached sign-in expired or needs consent again: the user signs in with a device code.
                        }
                    }

                    return await application.AcquireTokenWithDeviceCode(scopes, deviceCodeCallback).ExecuteAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            """;

        await VerifyFixWithoutNewWarnings(source, fixedSource, Obsolete(0), VerifyFix.Diagnostic(DiagnosticIds.UsernamePasswordTokenFlow).WithLocation(0).WithArguments("IPublicClientApplication.AcquireTokenByUsernamePassword"));
    }

    [Fact]
    public async Task LoggerInScopeAndHardCodedPasswordField_FixesToDeviceCodeThroughLogger()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.Extensions.Logging;
            using Microsoft.Identity.Client;

            public sealed class MailboxTokens
            {
                private static readonly string ServicePassword = "Rx7#pQ2!mb0x";
                private readonly ILogger<MailboxTokens> logger;
                private readonly IPublicClientApplication app;

                public MailboxTokens(ILogger<MailboxTokens> logger, IPublicClientApplication app)
                {
                    this.logger = logger;
                    this.app = app;
                }

                public async Task<string> GetAsync(string user)
                {
                    var result = await {|#0:app.AcquireTokenByUsernamePassword(new[] { "https://outlook.office.com/IMAP.AccessAsUser.All" }, user, ServicePassword)|}
                        .ExecuteAsync();
                    logger.LogDebug("Token acquired");
                    return result.AccessToken;
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Logging;
            using Microsoft.Identity.Client;

            public sealed class MailboxTokens
            {
                private readonly ILogger<MailboxTokens> logger;
                private readonly IPublicClientApplication app;

                public MailboxTokens(ILogger<MailboxTokens> logger, IPublicClientApplication app)
                {
                    this.logger = logger;
                    this.app = app;
                }

                public async Task<string> GetAsync(string user)
                {
                    var result = await AcquireTokenSilentOrDeviceCodeAsync(app, new[] { "https://outlook.office.com/IMAP.AccessAsUser.All" }, deviceCode =>
                    {
                        logger.LogInformation("{DeviceCodeMessage}", deviceCode.Message);
                        return Task.CompletedTask;
                    });
                    logger.LogDebug("Token acquired");
                    return result.AccessToken;
                }

                private static async Task<AuthenticationResult> AcquireTokenSilentOrDeviceCodeAsync(
                    IPublicClientApplication application,
                    global::System.Collections.Generic.IEnumerable<string> scopes,
                    Func<DeviceCodeResult, Task> deviceCodeCallback,
                    global::System.Threading.CancellationToken cancellationToken = default)
                {
                    // The account that signed in before gets its token from MSAL's cache, refreshed without asking again.
                    var accounts = await application.GetAccountsAsync().ConfigureAwait(false);
                    var account = global::System.Linq.Enumerable.FirstOrDefault(accounts);
                    if (account != null)
                    {
                        try
                        {
                            return await application.AcquireTokenSilent(scopes, account).ExecuteAsync(cancellationToken).ConfigureAwait(false);
                        }
                        catch (MsalUiRequiredException)
                        {
                            // The cached sign-in expired or needs consent again: the user signs in with a device code.
                        }
                    }

                    return await application.AcquireTokenWithDeviceCode(scopes, deviceCodeCallback).ExecuteAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            """;

        await VerifyFixWithoutNewWarnings(source, fixedSource, Obsolete(0), VerifyFix.Diagnostic(DiagnosticIds.UsernamePasswordTokenFlow).WithLocation(0).WithArguments("IPublicClientApplication.AcquireTokenByUsernamePassword"));
    }

    [Fact]
    public async Task LoggerParameterWithoutLoggingImport_FixesToDeviceCodeThroughLogger()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.Identity.Client;

            internal sealed class Tokens
            {
                private readonly Microsoft.Extensions.Logging.ILogger instanceLogger;

                public Tokens(Microsoft.Extensions.Logging.ILogger instanceLogger) => this.instanceLogger = instanceLogger;

                public static async Task<string> GetAsync(IPublicClientApplication app, Microsoft.Extensions.Logging.ILogger<Tokens> log, string user, string password)
                {
                    var result = await {|#0:app.AcquireTokenByUsernamePassword(new[] { "https://outlook.office.com/SMTP.Send" }, user, password)|}.ExecuteAsync();
                    return result.AccessToken;
                }

                public Microsoft.Extensions.Logging.ILogger Logger => instanceLogger;
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Logging;
            using Microsoft.Identity.Client;

            internal sealed class Tokens
            {
                private readonly Microsoft.Extensions.Logging.ILogger instanceLogger;

                public Tokens(Microsoft.Extensions.Logging.ILogger instanceLogger) => this.instanceLogger = instanceLogger;

                public static async Task<string> GetAsync(IPublicClientApplication app, Microsoft.Extensions.Logging.ILogger<Tokens> log, string user, string password)
                {
                    var result = await AcquireTokenSilentOrDeviceCodeAsync(app, new[] { "https://outlook.office.com/SMTP.Send" }, deviceCode =>
                    {
                        log.LogInformation("{DeviceCodeMessage}", deviceCode.Message);
                        return Task.CompletedTask;
                    });
                    return result.AccessToken;
                }

                public Microsoft.Extensions.Logging.ILogger Logger => instanceLogger;

                private static async Task<AuthenticationResult> AcquireTokenSilentOrDeviceCodeAsync(
                    IPublicClientApplication application,
                    global::System.Collections.Generic.IEnumerable<string> scopes,
                    Func<DeviceCodeResult, Task> deviceCodeCallback,
                    global::System.Threading.CancellationToken cancellationToken = default)
                {
                    // The account that signed in before gets its token from MSAL's cache, refreshed without asking again.
                    var accounts = await application.GetAccountsAsync().ConfigureAwait(false);
                    var account = global::System.Linq.Enumerable.FirstOrDefault(accounts);
                    if (account != null)
                    {
                        try
                        {
                            return await application.AcquireTokenSilent(scopes, account).ExecuteAsync(cancellationToken).ConfigureAwait(false);
                        }
                        catch (MsalUiRequiredException)
                        {
                            // The cached sign-in expired or needs consent again: the user signs in with a device code.
                        }
                    }

                    return await application.AcquireTokenWithDeviceCode(scopes, deviceCodeCallback).ExecuteAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            """;

        await VerifyFixWithoutNewWarnings(source, fixedSource, Obsolete(0), VerifyFix.Diagnostic(DiagnosticIds.UsernamePasswordTokenFlow).WithLocation(0).WithArguments("IPublicClientApplication.AcquireTokenByUsernamePassword"));
    }

    [Fact]
    public async Task StaticMethodWithInstanceLoggerOnly_FixesToDeviceCodeOnConsole()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Logging;
            using Microsoft.Identity.Client;

            internal sealed class Tokens(ILogger<Tokens> logger)
            {
                public void Started() => logger.LogInformation("Started");

                public static async Task<string> GetAsync(IPublicClientApplication app, string user, string password)
                {
                    var deviceCode = "unrelated";
                    Console.WriteLine(deviceCode);
                    var result = await {|#0:app.AcquireTokenByUsernamePassword(new[] { "https://outlook.office.com/SMTP.Send" }, user, password)|}.ExecuteAsync();
                    return result.AccessToken;
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Logging;
            using Microsoft.Identity.Client;

            internal sealed class Tokens(ILogger<Tokens> logger)
            {
                public void Started() => logger.LogInformation("Started");

                public static async Task<string> GetAsync(IPublicClientApplication app, string user, string password)
                {
                    var deviceCode = "unrelated";
                    Console.WriteLine(deviceCode);
                    var result = await AcquireTokenSilentOrDeviceCodeAsync(app, new[] { "https://outlook.office.com/SMTP.Send" }, deviceCode2 =>
                    {
                        Console.WriteLine(deviceCode2.Message);
                        return Task.CompletedTask;
                    });
                    return result.AccessToken;
                }

                private static async Task<AuthenticationResult> AcquireTokenSilentOrDeviceCodeAsync(
                    IPublicClientApplication application,
                    global::System.Collections.Generic.IEnumerable<string> scopes,
                    Func<DeviceCodeResult, Task> deviceCodeCallback,
                    global::System.Threading.CancellationToken cancellationToken = default)
                {
                    // The account that signed in before gets its token from MSAL's cache, refreshed without asking again.
                    var accounts = await application.GetAccountsAsync().ConfigureAwait(false);
                    var account = global::System.Linq.Enumerable.FirstOrDefault(accounts);
                    if (account != null)
                    {
                        try
                        {
                            return await application.AcquireTokenSilent(scopes, account).ExecuteAsync(cancellationToken).ConfigureAwait(false);
                        }
                        catch (MsalUiRequiredException)
                        {
                            // The cached sign-in expired or needs consent again: the user signs in with a device code.
                        }
                    }

                    return await application.AcquireTokenWithDeviceCode(scopes, deviceCodeCallback).ExecuteAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            """;

        await VerifyFixWithoutNewWarnings(source, fixedSource, Obsolete(0), VerifyFix.Diagnostic(DiagnosticIds.UsernamePasswordTokenFlow).WithLocation(0).WithArguments("IPublicClientApplication.AcquireTokenByUsernamePassword"));
    }

    [Fact]
    public async Task TopLevelProgramWithInlineLiterals_FixesToDeviceCode()
    {
        var test = new VerifyFix.Test
        {
            TestCode = """
                using System;
                using Microsoft.Identity.Client;

                var app = PublicClientApplicationBuilder.Create("4a1aa1d5-c567-49d0-ad0b-cd957a47f842")
                    .WithAuthority("https://login.microsoftonline.com/contoso.onmicrosoft.com")
                    .Build();
                var result = await {|#0:app.AcquireTokenByUsernamePassword(new[] { "https://outlook.office.com/IMAP.AccessAsUser.All" }, "reports@contoso.com", "Wq7!rT2#kd9Lzp")|}.ExecuteAsync();
                Console.WriteLine(result.ExpiresOn);
                """,
            FixedCode = """
                using System;
                using System.Threading.Tasks;
                using Microsoft.Identity.Client;

                var app = PublicClientApplicationBuilder.Create("4a1aa1d5-c567-49d0-ad0b-cd957a47f842")
                    .WithAuthority("https://login.microsoftonline.com/contoso.onmicrosoft.com")
                    .Build();
                var result = await AcquireTokenSilentOrDeviceCodeAsync(app, new[] { "https://outlook.office.com/IMAP.AccessAsUser.All" }, deviceCode =>
                {
                    Console.WriteLine(deviceCode.Message);
                    return Task.CompletedTask;
                });
                Console.WriteLine(result.ExpiresOn);

                async Task<AuthenticationResult> AcquireTokenSilentOrDeviceCodeAsync(
                    IPublicClientApplication application,
                    global::System.Collections.Generic.IEnumerable<string> scopes,
                    Func<DeviceCodeResult, Task> deviceCodeCallback,
                    global::System.Threading.CancellationToken cancellationToken = default)
                {
                    // The account that signed in before gets its token from MSAL's cache, refreshed without asking again.
                    var accounts = await application.GetAccountsAsync().ConfigureAwait(false);
                    var account = global::System.Linq.Enumerable.FirstOrDefault(accounts);
                    if (account != null)
                    {
                        try
                        {
                            return await application.AcquireTokenSilent(scopes, account).ExecuteAsync(cancellationToken).ConfigureAwait(false);
                        }
                        catch (MsalUiRequiredException)
                        {
                            // The cached sign-in expired or needs consent again: the user signs in with a device code.
                        }
                    }

                    return await application.AcquireTokenWithDeviceCode(scopes, deviceCodeCallback).ExecuteAsync(cancellationToken).ConfigureAwait(false);
                }

                """,
            TestState = { OutputKind = OutputKind.ConsoleApplication },
            CompilerDiagnostics = CompilerDiagnostics.Warnings,
            FixedState = { InheritanceMode = StateInheritanceMode.Explicit, OutputKind = OutputKind.ConsoleApplication },
            ExpectedDiagnostics = { Obsolete(0), VerifyFix.Diagnostic(DiagnosticIds.UsernamePasswordTokenFlow).WithLocation(0).WithArguments("IPublicClientApplication.AcquireTokenByUsernamePassword") },
        };

        await test.RunAsync();
    }

    [Fact]
    public async Task XOAuth2WithTokenFromUsernamePassword_FixesTheTokenCall()
    {
        const string source = """
            using System.Threading.Tasks;
            using MailKit.Net.Imap;
            using MailKit.Security;
            using Microsoft.Identity.Client;

            internal static class Mailbox
            {
                public static async Task OpenAsync(IPublicClientApplication app, ImapClient client, string user, string password)
                {
                    var result = await {|#0:app.AcquireTokenByUsernamePassword(new[] { "https://outlook.office.com/IMAP.AccessAsUser.All" }, user, password)|}.ExecuteAsync();
                    await client.AuthenticateAsync({|#1:new SaslMechanismOAuth2(user, result.AccessToken)|});
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading.Tasks;
            using MailKit.Net.Imap;
            using MailKit.Security;
            using Microsoft.Identity.Client;

            internal static class Mailbox
            {
                public static async Task OpenAsync(IPublicClientApplication app, ImapClient client, string user, string password)
                {
                    var result = await AcquireTokenSilentOrDeviceCodeAsync(app, new[] { "https://outlook.office.com/IMAP.AccessAsUser.All" }, deviceCode =>
                    {
                        Console.WriteLine(deviceCode.Message);
                        return Task.CompletedTask;
                    });
                    await client.AuthenticateAsync(new SaslMechanismOAuth2(user, result.AccessToken));
                }

                private static async Task<AuthenticationResult> AcquireTokenSilentOrDeviceCodeAsync(
                    IPublicClientApplication application,
                    global::System.Collections.Generic.IEnumerable<string> scopes,
                    Func<DeviceCodeResult, Task> deviceCodeCallback,
                    global::System.Threading.CancellationToken cancellationToken = default)
                {
                    // The account that signed in before gets its token from MSAL's cache, refreshed without asking again.
                    var accounts = await application.GetAccountsAsync().ConfigureAwait(false);
                    var account = global::System.Linq.Enumerable.FirstOrDefault(accounts);
                    if (account != null)
                    {
                        try
                        {
                            return await application.AcquireTokenSilent(scopes, account).ExecuteAsync(cancellationToken).ConfigureAwait(false);
                        }
                        catch (MsalUiRequiredException)
                        {
                            // The cached sign-in expired or needs consent again: the user signs in with a device code.
                        }
                    }

                    return await application.AcquireTokenWithDeviceCode(scopes, deviceCodeCallback).ExecuteAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            """;

        var test = new VerifyFix.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = LA4003_UsernamePasswordTokenFlowCodeFix.EquivalenceKey,
            CompilerDiagnostics = CompilerDiagnostics.Warnings,
            DisabledDiagnostics = { "CS1591" },

            // The obsolete warning is not this fixer's, so by default it would be expected to remain: it must not.
            FixedState = { InheritanceMode = StateInheritanceMode.Explicit },
            ExpectedDiagnostics =
            {
                Obsolete(0),
                VerifyFix.Diagnostic(DiagnosticIds.UsernamePasswordTokenFlow).WithLocation(0).WithLocation(1).WithArguments("IPublicClientApplication.AcquireTokenByUsernamePassword"),
            },
        };

        await test.RunAsync();
    }

    [Fact]
    public async Task TwoCallsSharingAPasswordConstant_FixAllFixesToDeviceCode()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Identity.Client;

            internal static class Tokens
            {
                private const string Password = "Wq7!rT2#kd9Lzp";

                public static async Task<string> SmtpAsync(IPublicClientApplication app, string user) =>
                    (await {|#0:app.AcquireTokenByUsernamePassword(new[] { "https://outlook.office.com/SMTP.Send" }, user, Password)|}.ExecuteAsync()).AccessToken;

                public static async Task<string> ImapAsync(IPublicClientApplication app, string user) =>
                    (await {|#1:app.AcquireTokenByUsernamePassword(new[] { "https://outlook.office.com/IMAP.AccessAsUser.All" }, user, Password)|}.ExecuteAsync()).AccessToken;
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Identity.Client;

            internal static class Tokens
            {
                public static async Task<string> SmtpAsync(IPublicClientApplication app, string user) =>
                    (await AcquireTokenSilentOrDeviceCodeAsync(app, new[] { "https://outlook.office.com/SMTP.Send" }, deviceCode =>
                    {
                        Console.WriteLine(deviceCode.Message);
                        return Task.CompletedTask;
                    })).AccessToken;

                public static async Task<string> ImapAsync(IPublicClientApplication app, string user) =>
                    (await AcquireTokenSilentOrDeviceCodeAsync(app, new[] { "https://outlook.office.com/IMAP.AccessAsUser.All" }, deviceCode =>
                    {
                        Console.WriteLine(deviceCode.Message);
                        return Task.CompletedTask;
                    })).AccessToken;

                private static async Task<AuthenticationResult> AcquireTokenSilentOrDeviceCodeAsync(
                    IPublicClientApplication application,
                    global::System.Collections.Generic.IEnumerable<string> scopes,
                    Func<DeviceCodeResult, Task> deviceCodeCallback,
                    global::System.Threading.CancellationToken cancellationToken = default)
                {
                    // The account that signed in before gets its token from MSAL's cache, refreshed without asking again.
                    var accounts = await application.GetAccountsAsync().ConfigureAwait(false);
                    var account = global::System.Linq.Enumerable.FirstOrDefault(accounts);
                    if (account != null)
                    {
                        try
                        {
                            return await application.AcquireTokenSilent(scopes, account).ExecuteAsync(cancellationToken).ConfigureAwait(false);
                        }
                        catch (MsalUiRequiredException)
                        {
                            // The cached sign-in expired or needs consent again: the user signs in with a device code.
                        }
                    }

                    return await application.AcquireTokenWithDeviceCode(scopes, deviceCodeCallback).ExecuteAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            """;

        await VerifyFixWithoutNewWarnings(
            source,
            fixedSource,
            Obsolete(0),
            VerifyFix.Diagnostic(DiagnosticIds.UsernamePasswordTokenFlow).WithLocation(0).WithArguments("IPublicClientApplication.AcquireTokenByUsernamePassword"),
            Obsolete(1),
            VerifyFix.Diagnostic(DiagnosticIds.UsernamePasswordTokenFlow).WithLocation(1).WithArguments("IPublicClientApplication.AcquireTokenByUsernamePassword"));
    }

    [Fact]
    public async Task CallsWithoutDeviceCodeEquivalent_NoFix()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.Identity.Client;

            public static class Tokens
            {
                public static Task<AuthenticationResult> ConfidentialAsync(IConfidentialClientApplication app, string user, string password) =>
                    {|#0:((IByUsernameAndPassword)app).AcquireTokenByUsernamePassword(new[] { "User.Read" }, user, password)|}.ExecuteAsync();

                public static Task<AuthenticationResult> FederatedAsync(IPublicClientApplication app, string user, string password) =>
                    {|#1:app.AcquireTokenByUsernamePassword(new[] { "User.Read" }, user, password)|}.WithFederationMetadata("<md/>").ExecuteAsync();

                public static AcquireTokenByUsernamePasswordParameterBuilder Builder(IPublicClientApplication app, string user, string password) =>
                    {|#2:app.AcquireTokenByUsernamePassword(new[] { "User.Read" }, user, password)|};
            }
            """;

        await VerifyFix.VerifyCodeFixAsync(
            source,
            [
                VerifyFix.Diagnostic(DiagnosticIds.UsernamePasswordTokenFlow).WithLocation(0).WithArguments("IByUsernameAndPassword.AcquireTokenByUsernamePassword"),
                VerifyFix.Diagnostic(DiagnosticIds.UsernamePasswordTokenFlow).WithLocation(1).WithArguments("IPublicClientApplication.AcquireTokenByUsernamePassword"),
                VerifyFix.Diagnostic(DiagnosticIds.UsernamePasswordTokenFlow).WithLocation(2).WithArguments("IPublicClientApplication.AcquireTokenByUsernamePassword"),
            ],
            source);
    }

    [Fact]
    public async Task UnattendedServiceWithRequestOptions_AppOnlyKeepsTheOptionsMsalHasForClientCredentials()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Identity.Client;

            namespace Fabrikam.Lobby;

            public sealed class RoomCalendarFeed
            {
                private static readonly string[] Scopes = { "https://outlook.office.com/EWS.AccessAsUser.All" };

                public async Task<string> GetTokenAsync(string claims, Guid correlationId)
                {
                    var app = PublicClientApplicationBuilder.Create("5d2b7a41-9c3e-4f0a-8b6d-2e1f3c4a5b6c")
                        .WithAuthority("https://login.microsoftonline.com/fabrikam.onmicrosoft.com")
                        .Build();
                    var result = await {|#0:app.AcquireTokenByUsernamePassword(Scopes, "lobby-screen@fabrikam.com", "L0bby-Scr33n!")|}
                        .WithClaims(claims)
                        .WithCorrelationId(correlationId)
                        .ExecuteAsync();
                    return result.AccessToken;
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Identity.Client;

            namespace Fabrikam.Lobby;

            public sealed class RoomCalendarFeed
            {
                // The service's own identity (client credentials), built once: MSAL serves repeated calls from its token cache.
                // The app registration needs the application permission for the mailbox or API and admin consent.
                private static readonly Lazy<IConfidentialClientApplication> ServiceApplication =
                    new Lazy<IConfidentialClientApplication>(() => ConfidentialClientApplicationBuilder
                        .Create(Environment.GetEnvironmentVariable("MAIL_OAUTH_CLIENT_ID") ?? throw new InvalidOperationException("Set MAIL_OAUTH_CLIENT_ID to the application (client) ID."))
                        .WithTenantId(Environment.GetEnvironmentVariable("MAIL_OAUTH_TENANT_ID") ?? throw new InvalidOperationException("Set MAIL_OAUTH_TENANT_ID to the directory (tenant) ID."))
                        .WithClientSecret(Environment.GetEnvironmentVariable("MAIL_OAUTH_CLIENT_SECRET") ?? throw new InvalidOperationException("Set MAIL_OAUTH_CLIENT_SECRET to the app's client secret."))
                        .Build());

                private static readonly string[] Scopes = { "https://outlook.office.com/EWS.AccessAsUser.All" };

                public async Task<string> GetTokenAsync(string claims, Guid correlationId)
                {
                    var result = await ServiceApplication.Value.AcquireTokenForClient(new[] { "https://outlook.office365.com/.default" })
                        .WithClaims(claims)
                        .WithCorrelationId(correlationId)
                        .ExecuteAsync();
                    return result.AccessToken;
                }
            }
            """;

        var test = new VerifyFix.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionIndex = 0,
            CodeActionVerifier = (action, verifier) => verifier.Equal(LA4003_UsernamePasswordTokenFlowCodeFix.AppOnlyKey, action.EquivalenceKey),
            CompilerDiagnostics = CompilerDiagnostics.Warnings,
            DisabledDiagnostics = { "CS1591" },
            FixedState = { InheritanceMode = StateInheritanceMode.Explicit },
        };
        test.ExpectedDiagnostics.Add(Obsolete(0));
        test.ExpectedDiagnostics.Add(VerifyFix.Diagnostic(DiagnosticIds.UsernamePasswordTokenFlow).WithLocation(0).WithArguments("IPublicClientApplication.AcquireTokenByUsernamePassword"));
        await test.RunAsync();
    }

    [Fact]
    public async Task UnattendedServiceAppBuiltFirst_AppOnlyLeavesNoBlankLineAndKeepsTheChainLines()
    {
        // The per-call public client was the method's first statement, followed by a blank line: both go, and the
        // chain keeps its line breaks.
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Identity.Client;

            public sealed class LobbyFeed
            {
                public async Task<string> GetAsync(string user, string password)
                {
                    var app = PublicClientApplicationBuilder.Create("5d2b7a41-9c3e-4f0a-8b6d-2e1f3c4a5b6c")
                        .WithAuthority("https://login.microsoftonline.com/fabrikam.onmicrosoft.com")
                        .Build();

                    var result = await {|#0:app.AcquireTokenByUsernamePassword(new[] { "https://outlook.office.com/IMAP.AccessAsUser.All" }, user, password)|}
                        .ExecuteAsync()
                        .ConfigureAwait(false);

                    return result.AccessToken;
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Identity.Client;

            public sealed class LobbyFeed
            {
                // The service's own identity (client credentials), built once: MSAL serves repeated calls from its token cache.
                // The app registration needs the application permission for the mailbox or API and admin consent.
                private static readonly Lazy<IConfidentialClientApplication> ServiceApplication =
                    new Lazy<IConfidentialClientApplication>(() => ConfidentialClientApplicationBuilder
                        .Create(Environment.GetEnvironmentVariable("MAIL_OAUTH_CLIENT_ID") ?? throw new InvalidOperationException("Set MAIL_OAUTH_CLIENT_ID to the application (client) ID."))
                        .WithTenantId(Environment.GetEnvironmentVariable("MAIL_OAUTH_TENANT_ID") ?? throw new InvalidOperationException("Set MAIL_OAUTH_TENANT_ID to the directory (tenant) ID."))
                        .WithClientSecret(Environment.GetEnvironmentVariable("MAIL_OAUTH_CLIENT_SECRET") ?? throw new InvalidOperationException("Set MAIL_OAUTH_CLIENT_SECRET to the app's client secret."))
                        .Build());

                public async Task<string> GetAsync(string user, string password)
                {
                    var result = await ServiceApplication.Value.AcquireTokenForClient(new[] { "https://outlook.office365.com/.default" })
                        .ExecuteAsync()
                        .ConfigureAwait(false);

                    return result.AccessToken;
                }
            }
            """;

        var test = new VerifyFix.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = LA4003_UsernamePasswordTokenFlowCodeFix.AppOnlyKey,
            CompilerDiagnostics = CompilerDiagnostics.Warnings,
            DisabledDiagnostics = { "CS1591" },
            FixedState = { InheritanceMode = StateInheritanceMode.Explicit },
        };
        test.ExpectedDiagnostics.Add(Obsolete(0));
        test.ExpectedDiagnostics.Add(VerifyFix.Diagnostic(DiagnosticIds.UsernamePasswordTokenFlow).WithLocation(0).WithArguments("IPublicClientApplication.AcquireTokenByUsernamePassword"));
        await test.RunAsync();
    }

    [Fact]
    public async Task RequestOptions_OfferOnlyTheActionThatCanKeepThem()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.Identity.Client;

            public sealed class Feed
            {
                public Task<AuthenticationResult> MailAsync(IPublicClientApplication app, string user, string password, string claims) =>
                    app.AcquireTokenByUsernamePassword(new[] { "https://outlook.office.com/IMAP.AccessAsUser.All" }, user, password).WithClaims(claims).ExecuteAsync();

                public Task<AuthenticationResult> ProfileAsync(IPublicClientApplication app, string user, string password, string claims) =>
                    app.AcquireTokenByUsernamePassword(new[] { "User.Read" }, user, password).WithClaims(claims).ExecuteAsync();
            }
            """;

        var offered = await OfferedKeysAsync(source);

        // The mail scope has an app-only twin that takes WithClaims; the signed-in user's helper has no builder to take it.
        Assert.Equal(new[] { LA4003_UsernamePasswordTokenFlowCodeFix.AppOnlyKey, string.Empty }, offered);
    }

    /// <summary>The equivalence keys of the actions each LA4003 finding offers, in source order, comma-separated.</summary>
    private static async Task<List<string>> OfferedKeysAsync(string source)
    {
        using var workspace = new Microsoft.CodeAnalysis.AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(
                projectId,
                VersionStamp.Default,
                "Offered",
                "Offered",
                LanguageNames.CSharp,
                filePath: "/src/Offered.csproj",
                compilationOptions: new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
                parseOptions: new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest),
                metadataReferences: TestReferences.All))
            .AddDocument(DocumentId.CreateNewId(projectId), "Feed.cs", Microsoft.CodeAnalysis.Text.SourceText.From(source), filePath: "/src/Feed.cs");
        var project = solution.GetProject(projectId)!;
        var compilation = (await project.GetCompilationAsync())!;
        var findings = await compilation
            .WithAnalyzers(System.Collections.Immutable.ImmutableArray.Create<DiagnosticAnalyzer>(new LegacyAuthAnalyzers.Rules.LA4003_UsernamePasswordTokenFlowAnalyzer()), project.AnalyzerOptions)
            .GetAllDiagnosticsAsync();
        Assert.DoesNotContain(findings, d => d.Severity == DiagnosticSeverity.Error || d.Id == "AD0001");
        Assert.Equal(2, findings.Count(d => d.Id == DiagnosticIds.UsernamePasswordTokenFlow));
        var fixer = new LA4003_UsernamePasswordTokenFlowCodeFix();
        var offered = new List<string>();
        foreach (var finding in findings.Where(d => d.Id == DiagnosticIds.UsernamePasswordTokenFlow).OrderBy(d => d.Location.SourceSpan.Start))
        {
            var keys = new List<string>();
            var document = project.GetDocument(finding.Location.SourceTree)!;
            await fixer.RegisterCodeFixesAsync(new Microsoft.CodeAnalysis.CodeFixes.CodeFixContext(document, finding, (action, _) => keys.Add(action.EquivalenceKey!), CancellationToken.None));
            offered.Add(string.Join(",", keys));
        }

        return offered;
    }

    // An unattended lobby screen that signed a service account in with its password: no person is there to sign in.
    private const string LobbyScreenSource = """
        using System.Threading.Tasks;
        using Microsoft.Identity.Client;

        namespace Fabrikam.Lobby;

        public sealed class RoomCalendarFeed
        {
            private static readonly string[] Scopes = { "https://outlook.office.com/EWS.AccessAsUser.All" };

            public async Task<string> GetTokenAsync()
            {
                var app = PublicClientApplicationBuilder.Create("5d2b7a41-9c3e-4f0a-8b6d-2e1f3c4a5b6c")
                    .WithAuthority("https://login.microsoftonline.com/fabrikam.onmicrosoft.com")
                    .Build();
                var result = await {|#0:app.AcquireTokenByUsernamePassword(Scopes, "lobby-screen@fabrikam.com", "L0bby-Scr33n!")|}.ExecuteAsync();
                return result.AccessToken;
            }
        }
        """;

    [Fact]
    public async Task UnattendedService_OffersAppOnlyFirstWithOnceBuiltConfidentialClient()
    {
        const string fixedSource = """
        using System;
        using System.Threading.Tasks;
        using Microsoft.Identity.Client;

        namespace Fabrikam.Lobby;

        public sealed class RoomCalendarFeed
        {
            // The service's own identity (client credentials), built once: MSAL serves repeated calls from its token cache.
            // The app registration needs the application permission for the mailbox or API and admin consent.
            private static readonly Lazy<IConfidentialClientApplication> ServiceApplication =
                new Lazy<IConfidentialClientApplication>(() => ConfidentialClientApplicationBuilder
                    .Create(Environment.GetEnvironmentVariable("MAIL_OAUTH_CLIENT_ID") ?? throw new InvalidOperationException("Set MAIL_OAUTH_CLIENT_ID to the application (client) ID."))
                    .WithTenantId(Environment.GetEnvironmentVariable("MAIL_OAUTH_TENANT_ID") ?? throw new InvalidOperationException("Set MAIL_OAUTH_TENANT_ID to the directory (tenant) ID."))
                    .WithClientSecret(Environment.GetEnvironmentVariable("MAIL_OAUTH_CLIENT_SECRET") ?? throw new InvalidOperationException("Set MAIL_OAUTH_CLIENT_SECRET to the app's client secret."))
                    .Build());

            private static readonly string[] Scopes = { "https://outlook.office.com/EWS.AccessAsUser.All" };

            public async Task<string> GetTokenAsync()
            {
                var result = await ServiceApplication.Value.AcquireTokenForClient(new[] { "https://outlook.office365.com/.default" }).ExecuteAsync();
                return result.AccessToken;
            }
        }
        """;

        var test = new VerifyFix.Test
        {
            TestCode = LobbyScreenSource,
            FixedCode = fixedSource,
            CodeActionIndex = 0,
            CodeActionVerifier = (action, verifier) =>
            {
                verifier.Equal(LA4003_UsernamePasswordTokenFlowCodeFix.AppOnlyKey, action.EquivalenceKey);
                verifier.Equal("Use the service's app-only token (MSAL client credentials)", action.Title);
            },
            CompilerDiagnostics = CompilerDiagnostics.Warnings,
            DisabledDiagnostics = { "CS1591" },
            FixedState = { InheritanceMode = StateInheritanceMode.Explicit },
        };
        test.ExpectedDiagnostics.Add(Obsolete(0));
        test.ExpectedDiagnostics.Add(VerifyFix.Diagnostic(DiagnosticIds.UsernamePasswordTokenFlow).WithLocation(0).WithArguments("IPublicClientApplication.AcquireTokenByUsernamePassword"));
        await test.RunAsync();
    }

    [Fact]
    public async Task UnattendedService_SignedInUserActionKeepsTheApplicationAndTriesTheCacheFirst()
    {
        const string fixedSource = """
        using System;
        using System.Threading.Tasks;
        using Microsoft.Identity.Client;

        namespace Fabrikam.Lobby;

        public sealed class RoomCalendarFeed
        {
            private static IPublicClientApplication? signInApplication;

            private static readonly string[] Scopes = { "https://outlook.office.com/EWS.AccessAsUser.All" };

            public async Task<string> GetTokenAsync()
            {
                var app = signInApplication ??= PublicClientApplicationBuilder.Create("5d2b7a41-9c3e-4f0a-8b6d-2e1f3c4a5b6c")
                    .WithAuthority("https://login.microsoftonline.com/fabrikam.onmicrosoft.com")
                    .Build();
                var result = await AcquireTokenSilentOrDeviceCodeAsync(app, Scopes, deviceCode =>
                {
                    Console.WriteLine(deviceCode.Message);
                    return Task.CompletedTask;
                });
                return result.AccessToken;
            }

            private static async Task<AuthenticationResult> AcquireTokenSilentOrDeviceCodeAsync(
                IPublicClientApplication application,
                global::System.Collections.Generic.IEnumerable<string> scopes,
                Func<DeviceCodeResult, Task> deviceCodeCallback,
                global::System.Threading.CancellationToken cancellationToken = default)
            {
                // The account that signed in before gets its token from MSAL's cache, refreshed without asking again.
                var accounts = await application.GetAccountsAsync().ConfigureAwait(false);
                var account = global::System.Linq.Enumerable.FirstOrDefault(accounts);
                if (account != null)
                {
                    try
                    {
                        return await application.AcquireTokenSilent(scopes, account).ExecuteAsync(cancellationToken).ConfigureAwait(false);
                    }
                    catch (MsalUiRequiredException)
                    {
                        // The cached sign-in expired or needs consent again: the user signs in with a device code.
                    }
                }

                return await application.AcquireTokenWithDeviceCode(scopes, deviceCodeCallback).ExecuteAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        """;

        var test = new VerifyFix.Test
        {
            TestCode = LobbyScreenSource,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = LA4003_UsernamePasswordTokenFlowCodeFix.EquivalenceKey,
            CompilerDiagnostics = CompilerDiagnostics.Warnings,
            DisabledDiagnostics = { "CS1591" },
            FixedState = { InheritanceMode = StateInheritanceMode.Explicit },
        };
        test.ExpectedDiagnostics.Add(Obsolete(0));
        test.ExpectedDiagnostics.Add(VerifyFix.Diagnostic(DiagnosticIds.UsernamePasswordTokenFlow).WithLocation(0).WithArguments("IPublicClientApplication.AcquireTokenByUsernamePassword"));
        await test.RunAsync();
    }

    [Fact]
    public async Task ConsoleInputInTheProject_OffersTheSignedInUserFirst()
    {
        // The project reads the console: a person is there, so the device code sign-in comes first.
        const string prompt = """
            internal static class Prompt
            {
                public static string? Ask() => System.Console.ReadLine();
            }
            """;
        var test = new VerifyFix.Test
        {
            TestCode = LobbyScreenSource,
            FixedCode = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Identity.Client;

            namespace Fabrikam.Lobby;

            public sealed class RoomCalendarFeed
            {
                private static IPublicClientApplication? signInApplication;

                private static readonly string[] Scopes = { "https://outlook.office.com/EWS.AccessAsUser.All" };

                public async Task<string> GetTokenAsync()
                {
                    var app = signInApplication ??= PublicClientApplicationBuilder.Create("5d2b7a41-9c3e-4f0a-8b6d-2e1f3c4a5b6c")
                        .WithAuthority("https://login.microsoftonline.com/fabrikam.onmicrosoft.com")
                        .Build();
                    var result = await AcquireTokenSilentOrDeviceCodeAsync(app, Scopes, deviceCode =>
                    {
                        Console.WriteLine(deviceCode.Message);
                        return Task.CompletedTask;
                    });
                    return result.AccessToken;
                }

                private static async Task<AuthenticationResult> AcquireTokenSilentOrDeviceCodeAsync(
                    IPublicClientApplication application,
                    global::System.Collections.Generic.IEnumerable<string> scopes,
                    Func<DeviceCodeResult, Task> deviceCodeCallback,
                    global::System.Threading.CancellationToken cancellationToken = default)
                {
                    // The account that signed in before gets its token from MSAL's cache, refreshed without asking again.
                    var accounts = await application.GetAccountsAsync().ConfigureAwait(false);
                    var account = global::System.Linq.Enumerable.FirstOrDefault(accounts);
                    if (account != null)
                    {
                        try
                        {
                            return await application.AcquireTokenSilent(scopes, account).ExecuteAsync(cancellationToken).ConfigureAwait(false);
                        }
                        catch (MsalUiRequiredException)
                        {
                            // The cached sign-in expired or needs consent again: the user signs in with a device code.
                        }
                    }

                    return await application.AcquireTokenWithDeviceCode(scopes, deviceCodeCallback).ExecuteAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            """,
            CodeActionIndex = 0,
            CodeActionVerifier = (action, verifier) => verifier.Equal(LA4003_UsernamePasswordTokenFlowCodeFix.EquivalenceKey, action.EquivalenceKey),
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllCheck,
            FixedState = { InheritanceMode = StateInheritanceMode.Explicit },
        };
        test.TestState.Sources.Add(("/0/Prompt.cs", prompt));
        test.FixedState.Sources.Add(("/0/Prompt.cs", prompt));
        test.ExpectedDiagnostics.Add(VerifyFix.Diagnostic(DiagnosticIds.UsernamePasswordTokenFlow).WithLocation(0).WithArguments("IPublicClientApplication.AcquireTokenByUsernamePassword"));
        await test.RunAsync();
    }

    /// <summary>MSAL marks username/password on public clients [Obsolete]: the source has the warning, the fix removes it.</summary>
    private static DiagnosticResult Obsolete(int markupKey) => DiagnosticResult.CompilerWarning("CS0618").WithLocation(markupKey);

    private static async Task VerifyFixWithoutNewWarnings(string source, string fixedSource, params DiagnosticResult[] expected)
    {
        var test = new VerifyFix.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = LA4003_UsernamePasswordTokenFlowCodeFix.EquivalenceKey,
            CompilerDiagnostics = CompilerDiagnostics.Warnings,
            DisabledDiagnostics = { "CS1591" },

            // The obsolete warning is not this fixer's, so by default it would be expected to remain: it must not.
            FixedState = { InheritanceMode = StateInheritanceMode.Explicit },
        };

        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }
}
