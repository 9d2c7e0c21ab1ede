using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace LegacyAuthAnalyzers.Tests.Fixes;

/// <summary>
/// Every action and every Fix All of every fixer, applied to multi-file projects in the shapes real mail code has:
/// none may add a compiler error, and each must remove the finding it fixes.
/// </summary>
public sealed class RealShapeFixTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(Names))]
    public async Task EveryActionAndFixAll_Compiles(string name)
    {
        var input = RealShapeInputs.All.Single(i => i.Name == name);
        var outcome = await FixSuite.RunAsync(input);
        output.WriteLine(outcome.ToString());
        Assert.True(outcome.Actions > 0, name + " offers no action at all: the input no longer has the shape it was written for.");
        Assert.Empty(outcome.Failures);
    }

    /// <summary>
    /// The realistic projects of <c>RealWorld/Projects</c>, with every type resolved as in a build, and with the
    /// project's own types missing: there a fix must add no error to those the code already has.
    /// </summary>
    [Theory]
    [MemberData(nameof(ProjectNames))]
    public async Task RealWorldProject_EveryActionAndFixAllCompiles(string name, RealWorld.ProjectMode mode)
    {
        var project = RealWorld.RealWorldProject.Load(name);
        var files = project.Files.Where(f => mode == RealWorld.ProjectMode.Bound || !f.IsOwnType).Select(f => (f.Path, f.Text)).ToArray();
        var input = new FixSuite.Input(name + " (" + mode + ")", files);
        var outcome = await FixSuite.RunAsync(input);
        output.WriteLine(outcome.ToString());
        Assert.Empty(outcome.Failures);
    }

    /// <summary>
    /// <c>dotnet format</c> on the site-connection factory: the four app-only methods build their own MSAL confidential
    /// clients, in the request handlers too; the user sign-in of the other file keeps the field and ADAL.
    /// </summary>
    [Fact]
    public async Task AdalContextRecreatedInMethods_DotnetFormatMovesTheAppOnlyMethods()
    {
        var result = await Infrastructure.DotnetFormatFixAll.RunAsync(
            new LegacyAuthAnalyzers.Rules.LA4002_AdalInUseAnalyzer(), new LegacyAuthAnalyzers.CodeFixes.Fixes.LA4002_AdalInUseCodeFix(), DiagnosticIds.AdalInUse, RealShapeInputs.AdalContextRecreatedInMethods.Sources);

        Assert.Equal("Use an MSAL confidential client in this method (client credentials; user sign-ins stay on ADAL)", result.FirstFindingAction?.Title);
        Assert.Equal(
            """
            using System;
            using System.Globalization;
            using System.Security.Cryptography.X509Certificates;
            using System.Threading.Tasks;
            using Microsoft.Identity.Client;
            using Microsoft.IdentityModel.Clients.ActiveDirectory;

            namespace Contoso.Sites;

            public sealed partial class SiteConnectionFactory
            {
                private static AuthenticationContext? context;
                private readonly string defaultTenant;

                public SiteConnectionFactory(string defaultTenant) => this.defaultTenant = defaultTenant;

                public SiteConnection ForAppSecret(string siteUrl, string clientId, string clientSecret)
                {
                    var connection = new SiteConnection(siteUrl);
                    var app = ConfidentialClientApplicationBuilder.Create(clientId)
                        .WithAuthority("https://login.microsoftonline.com/" + defaultTenant)
                        .WithClientSecret(clientSecret)
                        .WithCacheOptions(CacheOptions.EnableSharedCacheOptions)
                        .Build();
                    var site = new Uri(siteUrl);
                    connection.SendingRequest += (sender, args) =>
                    {
                        var result = Task.Run(() => app.AcquireTokenForClient(new[] { site.GetLeftPart(UriPartial.Authority) + "/.default" }).ExecuteAsync()).GetAwaiter().GetResult();
                        args.Headers["Authorization"] = result.CreateAuthorizationHeader();
                    };

                    return connection;
                }

                public SiteConnection ForAppCertificate(string siteUrl, string clientId, string tenant, X509Certificate2 certificate, CloudEnvironment environment = CloudEnvironment.Global)
                {
                    var connection = new SiteConnection(siteUrl);
                    var authority = string.Format(CultureInfo.InvariantCulture, "{0}/{1}/", LoginEndpoint(environment), tenant);
                    var app = ConfidentialClientApplicationBuilder.Create(clientId)
                        .WithAuthority(authority)
                        .WithCertificate(certificate)
                        .WithCacheOptions(CacheOptions.EnableSharedCacheOptions)
                        .Build();
                    var host = new Uri(siteUrl);
                    connection.SendingRequest += (sender, args) =>
                    {
                        var token = Task.Run(() => app.AcquireTokenForClient(new[] { host.Scheme + "://" + host.Host + "/" + "/.default" }).ExecuteAsync())
                            .GetAwaiter().GetResult();
                        args.Headers["Authorization"] = "Bearer " + token.AccessToken;
                    };

                    return connection;
                }

                public async Task<string> GraphTokenAsync(string clientId, string tenant, string clientSecret)
                {
                    var app = ConfidentialClientApplicationBuilder.Create(clientId)
                        .WithAuthority(LoginEndpoint(CloudEnvironment.Global) + "/" + tenant, false)
                        .WithClientSecret(clientSecret)
                        .WithCacheOptions(CacheOptions.EnableSharedCacheOptions)
                        .Build();
                    var result = await app.AcquireTokenForClient(new[] { "https://graph.microsoft.com/.default" }).ExecuteAsync().ConfigureAwait(false);
                    return result.AccessToken;
                }

                public string AdminToken(string adminUrl, string clientId, string tenant, X509Certificate2 certificate)
                {
                    var app = ConfidentialClientApplicationBuilder.Create(clientId)
                        .WithAuthority(LoginEndpoint(CloudEnvironment.Global) + "/" + tenant)
                        .WithCertificate(certificate)
                        .WithCacheOptions(CacheOptions.EnableSharedCacheOptions)
                        .Build();
                    return app.AcquireTokenForClient(new[] { adminUrl + "/.default" }).ExecuteAsync().Result.AccessToken;
                }

                private static string LoginEndpoint(CloudEnvironment environment) => environment switch
                {
                    CloudEnvironment.UsGovernment => "https://login.microsoftonline.us",
                    CloudEnvironment.China => "https://login.chinacloudapi.cn",
                    _ => "https://login.microsoftonline.com",
                };
            }
            """,
            await Infrastructure.DotnetFormatFixAll.TextAsync(result.After, "SiteConnectionFactory.cs"));
        Assert.Equal(
            RealShapeInputs.AdalContextRecreatedInMethods.Sources.Single(s => s.Path == "SiteConnectionFactory.User.cs").Source,
            await Infrastructure.DotnetFormatFixAll.TextAsync(result.After, "SiteConnectionFactory.User.cs"));
    }

    /// <summary>
    /// The desktop mail tool: each field used only for a signed-in user's tokens gets the MSAL public-client action.
    /// </summary>
    [Fact]
    public async Task AdalPublicClientFields_OfferThePublicClientActionWhereEveryCallSignsInAUser()
    {
        using var workspace = new AdhocWorkspace();
        var solution = FixSuite.Create(workspace, RealShapeInputs.AdalPublicClientFields);
        var fixer = new LegacyAuthAnalyzers.CodeFixes.Fixes.LA4002_AdalInUseCodeFix();
        var offered = new List<string>();
        foreach (var finding in (await FixSuite.FindingsAsync(solution)).Where(d => d.Id == DiagnosticIds.AdalInUse).OrderBy(d => d.Location.SourceTree!.FilePath, StringComparer.Ordinal))
        {
            var document = solution.GetDocument(finding.Location.SourceTree)!;
            await fixer.RegisterCodeFixesAsync(new Microsoft.CodeAnalysis.CodeFixes.CodeFixContext(
                document, finding, (action, _) => offered.Add(document.Name + ": " + action.EquivalenceKey), CancellationToken.None));
        }

        Assert.Equal(
            new[]
            {
                "MailboxSignIn.cs: " + LegacyAuthAnalyzers.CodeFixes.Fixes.LA4002_AdalInUseCodeFix.PublicClientEquivalenceKey,
                "SiteHelper.cs: " + LegacyAuthAnalyzers.CodeFixes.Fixes.LA4002_AdalInUseCodeFix.PublicClientEquivalenceKey,
            },
            offered);
    }

    /// <summary>
    /// <c>dotnet format</c> on the connection-URI project: both URIs lose their user-info and gain a strict TLS mode,
    /// both clients authenticate with XOAUTH2 after connecting, and the password constant stays for the health check.
    /// </summary>
    [Fact]
    public async Task CredentialsInConnectionUris_DotnetFormatMovesBothToOAuth()
    {
        var sources = RealShapeInputs.CredentialsInConnectionUris.Sources;
        var result = await Infrastructure.DotnetFormatFixAll.RunAsync(
            new LegacyAuthAnalyzers.Rules.LA1003_Microsoft365BasicAuthenticationAnalyzer(), new LegacyAuthAnalyzers.CodeFixes.Fixes.LA1003_Microsoft365BasicAuthenticationCodeFix(), DiagnosticIds.Microsoft365BasicAuthentication, sources);

        Assert.Equal("Use OAuth 2.0 with an app-only token (MSAL client credentials)", result.FirstFindingAction?.Title);
        Assert.Equal(
            """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using MailKit.Net.Pop3;
            using MailKit.Security;

            namespace Fabrikam.Archive;

            public sealed class ArchivePoller
            {
                public async Task<int> PollAsync(CancellationToken cancellationToken)
                {
                    using var client = new Pop3Client();
                    var uri = new Uri($"pops://{ArchiveSettings.Host}:{ArchiveSettings.Port}");
                    await client.ConnectAsync(uri, cancellationToken);
                    await client.AuthenticateAsync(new SaslMechanismOAuth2(ArchiveSettings.Mailbox, await MailTokenProvider.GetAppOnlyTokenAsync(cancellationToken)), cancellationToken);
                    var count = client.Count;
                    await client.DisconnectAsync(true, cancellationToken);
                    return count;
                }
            }
            """,
            await Infrastructure.DotnetFormatFixAll.TextAsync(result.After, "ArchivePoller.cs"));
        Assert.Equal(
            """
            using System;
            using MailKit.Net.Smtp;
            using MailKit.Security;
            using MimeKit;

            namespace Fabrikam.Archive;

            internal static class Relay
            {
                public static void Forward(MimeMessage message)
                {
                    using var client = new SmtpClient();
                    client.Connect(new Uri("smtp://smtp.office365.com:587?starttls=always"));
                    client.Authenticate(new SaslMechanismOAuth2("relay@fabrikam.com", MailTokenProvider.GetAppOnlyToken()));
                    client.Send(message);
                    client.Disconnect(true);
                }
            }
            """,
            await Infrastructure.DotnetFormatFixAll.TextAsync(result.After, "Relay.cs"));
        Assert.Equal(sources.Single(s => s.Path == "ArchiveSettings.cs").Source, await Infrastructure.DotnetFormatFixAll.TextAsync(result.After, "ArchiveSettings.cs"));
        Assert.Empty(await Infrastructure.DotnetFormatFixAll.CompilerProblemsAsync(result.After));
    }

    public static TheoryData<string, RealWorld.ProjectMode> ProjectNames()
    {
        var data = new TheoryData<string, RealWorld.ProjectMode>();
        foreach (var name in RealWorld.RealWorldProject.Names())
        {
            data.Add(name, RealWorld.ProjectMode.Bound);
            data.Add(name, RealWorld.ProjectMode.Unbound);
        }

        return data;
    }

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var input in RealShapeInputs.All)
        {
            data.Add(input.Name);
        }

        return data;
    }
}

/// <summary>Multi-file inputs written after the shapes of public mail code (no code of theirs is copied).</summary>
internal static class RealShapeInputs
{
    /// <summary>A console tool: one top-level password read by three local functions, one per protocol.</summary>
    public static readonly FixSuite.Input TopLevelPasswordInLocalFunctions = new(
        "TopLevelPasswordInLocalFunctions",
        new[]
        {
            ("Program.cs", """
                using MailKit.Net.Imap;
                using MailKit.Net.Pop3;
                using MailKit.Net.Smtp;

                var email = "alerts@fabrikam-mail.net";
                var password = "Tr1ple-Use-Secret";

                Pop3();
                Imap();
                Smtp();

                void Pop3()
                {
                    using var client = new Pop3Client();
                    client.Connect("pop.fabrikam-mail.net", 995, true);
                    client.Authenticate(email, password);
                    client.Disconnect(true);
                }

                void Imap()
                {
                    using var client = new ImapClient();
                    client.Connect("imap.fabrikam-mail.net", 993, true);
                    client.Authenticate(email, password);
                    client.Disconnect(true);
                }

                void Smtp()
                {
                    using var client = new SmtpClient();
                    client.Connect("smtp.fabrikam-mail.net", 587, MailKit.Security.SecureSocketOptions.StartTls);
                    client.Authenticate(email, password);
                    client.Disconnect(true);
                }
                """),
        },
        OutputKind.ConsoleApplication);

    /// <summary>A partial mailer split over two files, with an internal constant another type reads too.</summary>
    public static readonly FixSuite.Input PartialTypeAcrossFiles = new(
        "PartialTypeAcrossFiles",
        new[]
        {
            ("MailSettings.cs", """
                namespace Fabrikam.Notify;

                internal static class MailSettings
                {
                    internal const string Host = "smtp.office365.com";
                    internal const string User = "notify@fabrikam.onmicrosoft.com";
                    internal const string Password = "Part1al-Shared-Pass";
                }
                """),
            ("Notifier.Send.cs", """
                using MailKit.Net.Smtp;
                using MailKit.Security;

                namespace Fabrikam.Notify;

                public partial class Notifier
                {
                    private readonly string password = MailSettings.Password;

                    public void Send(MimeKit.MimeMessage message)
                    {
                        using var client = new SmtpClient();
                        client.Connect(MailSettings.Host, 587, SecureSocketOptions.StartTls);
                        client.Authenticate(MailSettings.User, password);
                        client.Send(message);
                        client.Disconnect(true);
                    }
                }
                """),
            ("Notifier.Check.cs", """
                namespace Fabrikam.Notify;

                public partial class Notifier
                {
                    public bool IsConfigured => password.Length > 0;
                }
                """),
            ("Diagnostics.cs", """
                namespace Fabrikam.Notify;

                internal static class Diagnostics
                {
                    public static int SecretLength => MailSettings.Password.Length;
                }
                """),
        });

    /// <summary>A background job whose credentials are read inside a lambda and a second method.</summary>
    public static readonly FixSuite.Input CredentialInLambda = new(
        "CredentialInLambda",
        new[]
        {
            ("Jobs.cs", """
                using System;
                using System.Net;
                using System.Threading.Tasks;
                using MailKit.Net.Imap;

                namespace Fabrikam.Jobs;

                public sealed class InboxJob
                {
                    private const string Account = "inbox@fabrikam.com";
                    private static readonly NetworkCredential Login = new NetworkCredential(Account, "L4mbda-Inbox-Pass");

                    public Task RunAsync() => Task.Run(() =>
                    {
                        using var client = new ImapClient();
                        client.Connect("outlook.office365.com", 993, true);
                        client.Authenticate(Login);
                        client.Disconnect(true);
                    });

                    public string Describe() => "Reading " + Login.UserName;
                }
                """),
        });

    /// <summary>
    /// A mailbox archiver that signs in through connection URIs: one built from settings constants in another file
    /// (the password constant is read by a health check too), and a literal one for the relay.
    /// </summary>
    public static readonly FixSuite.Input CredentialsInConnectionUris = new(
        "CredentialsInConnectionUris",
        new[]
        {
            ("ArchiveSettings.cs", """
                namespace Fabrikam.Archive;

                internal static class ArchiveSettings
                {
                    internal const string Host = "outlook.office365.com";
                    internal const string Mailbox = "archive@fabrikam.com";
                    internal const string Password = "Arch1ve-Uri-Secret";
                    internal const int Port = 995;
                }
                """),
            ("ArchivePoller.cs", """
                using System;
                using System.Threading;
                using System.Threading.Tasks;
                using MailKit.Net.Pop3;

                namespace Fabrikam.Archive;

                public sealed class ArchivePoller
                {
                    public async Task<int> PollAsync(CancellationToken cancellationToken)
                    {
                        using var client = new Pop3Client();
                        var uri = new Uri($"pops://{Uri.EscapeDataString(ArchiveSettings.Mailbox)}:{Uri.EscapeDataString(ArchiveSettings.Password)}@{ArchiveSettings.Host}:{ArchiveSettings.Port}");
                        await client.ConnectAsync(uri, cancellationToken);
                        var count = client.Count;
                        await client.DisconnectAsync(true, cancellationToken);
                        return count;
                    }
                }
                """),
            ("Relay.cs", """
                using System;
                using MailKit.Net.Smtp;
                using MimeKit;

                namespace Fabrikam.Archive;

                internal static class Relay
                {
                    public static void Forward(MimeMessage message)
                    {
                        using var client = new SmtpClient();
                        client.Connect(new Uri("smtp://relay%40fabrikam.com:R3lay-Uri-Secret@smtp.office365.com:587"));
                        client.Send(message);
                        client.Disconnect(true);
                    }
                }
                """),
            ("HealthCheck.cs", """
                namespace Fabrikam.Archive;

                internal static class HealthCheck
                {
                    public static bool HasArchivePassword => ArchiveSettings.Password.Length > 0;
                }
                """),
        });

    /// <summary>
    /// A SharePoint and Office token helper: ADAL's <c>AuthenticationContext</c> kept in fields, created with a token
    /// cache and an authority from configuration, and used from several methods for app-only and user tokens.
    /// </summary>
    public static readonly FixSuite.Input AdalContextInFields = new(
        "AdalContextInFields",
        new[]
        {
            ("TenantOptions.cs", """
                using System;

                namespace Fabrikam.Office;

                public sealed class TenantOptions
                {
                    public string Tenant { get; set; } = "fabrikam.onmicrosoft.com";

                    public string Authority => "https://login.microsoftonline.com/" + Tenant;

                    public static string SharedClientId => Environment.GetEnvironmentVariable("OFFICE_CLIENT_ID") ?? string.Empty;
                }
                """),
            ("SiteTokenProvider.cs", """
                using System;
                using System.Threading.Tasks;
                using Microsoft.IdentityModel.Clients.ActiveDirectory;

                namespace Fabrikam.Office;

                public sealed class SiteTokenProvider
                {
                    private static readonly TokenCache Cache = new TokenCache();
                    private readonly AuthenticationContext authenticationContext;
                    private readonly string clientId;
                    private readonly string clientSecret;

                    public SiteTokenProvider(TenantOptions options, string clientId, string clientSecret)
                    {
                        this.clientId = clientId;
                        this.clientSecret = clientSecret;
                        authenticationContext = new AuthenticationContext(options.Authority, false, Cache);
                    }

                    public async Task<string> SiteTokenAsync(Uri site)
                    {
                        var resource = site.GetLeftPart(UriPartial.Authority);
                        var result = await authenticationContext.AcquireTokenAsync(resource, new ClientCredential(clientId, clientSecret)).ConfigureAwait(false);
                        return result.AccessToken;
                    }

                    public async Task<DateTimeOffset> GraphExpiryAsync()
                    {
                        AuthenticationResult result;
                        try
                        {
                            result = await authenticationContext.AcquireTokenSilentAsync("https://graph.microsoft.com", new ClientCredential(clientId, clientSecret), UserIdentifier.AnyUser);
                        }
                        catch (AdalException)
                        {
                            return DateTimeOffset.MinValue;
                        }

                        return result.ExpiresOn;
                    }
                }
                """),
            ("MailTokenProvider.cs", """
                using System.Security.Cryptography.X509Certificates;
                using System.Threading.Tasks;
                using Microsoft.IdentityModel.Clients.ActiveDirectory;

                namespace Fabrikam.Office;

                public static class MailTokenProvider
                {
                    private const string Authority = "https://login.microsoftonline.com/fabrikam.onmicrosoft.com";
                    private static readonly X509Certificate2 Certificate = LoadCertificate();

                    private static AuthenticationContext Context { get; } = new AuthenticationContext(Authority, TokenCache.DefaultShared);

                    public static async Task<string> MailboxHeaderAsync()
                    {
                        var result = await Context.AcquireTokenAsync("https://outlook.office365.com", new ClientAssertionCertificate(TenantOptions.SharedClientId, Certificate));
                        return result.CreateAuthorizationHeader();
                    }

                    private static X509Certificate2 LoadCertificate()
                    {
                        using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
                        store.Open(OpenFlags.ReadOnly);
                        return store.Certificates.Find(X509FindType.FindBySubjectName, "fabrikam-mail-daemon", validOnly: false)[0];
                    }
                }
                """),
        });

    /// <summary>
    /// A SharePoint site-context factory: one static <c>AuthenticationContext</c> field that each method assigns anew
    /// (its own client ID, tenant authority and secret or certificate) before a token call, most inside the request
    /// handler of the context it returns; a user sign-in method of the same partial type, in a file of its own, keeps ADAL.
    /// </summary>
    public static readonly FixSuite.Input AdalContextRecreatedInMethods = new(
        "AdalContextRecreatedInMethods",
        new[]
        {
            ("SiteRequests.cs", """
                using System;
                using System.Collections.Generic;

                namespace Contoso.Sites;

                public sealed class SiteRequestEventArgs : EventArgs
                {
                    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>();
                }

                /// <summary>A client for one site that raises an event before each request it sends.</summary>
                public sealed class SiteConnection
                {
                    public SiteConnection(string siteUrl) => SiteUrl = siteUrl;

                    public string SiteUrl { get; }

                    public event EventHandler<SiteRequestEventArgs>? SendingRequest;

                    public IDictionary<string, string> Send()
                    {
                        var args = new SiteRequestEventArgs();
                        SendingRequest?.Invoke(this, args);
                        return args.Headers;
                    }
                }

                public enum CloudEnvironment
                {
                    Global,
                    UsGovernment,
                    China,
                }
                """),
            ("SiteConnectionFactory.cs", """
                using System;
                using System.Globalization;
                using System.Security.Cryptography.X509Certificates;
                using System.Threading.Tasks;
                using Microsoft.IdentityModel.Clients.ActiveDirectory;

                namespace Contoso.Sites;

                public sealed partial class SiteConnectionFactory
                {
                    private static AuthenticationContext? context;
                    private readonly string defaultTenant;

                    public SiteConnectionFactory(string defaultTenant) => this.defaultTenant = defaultTenant;

                    public SiteConnection ForAppSecret(string siteUrl, string clientId, string clientSecret)
                    {
                        var connection = new SiteConnection(siteUrl);
                        context = new AuthenticationContext("https://login.microsoftonline.com/" + defaultTenant, TokenCache.DefaultShared);
                        var site = new Uri(siteUrl);
                        connection.SendingRequest += (sender, args) =>
                        {
                            var result = Task.Run(() => context.AcquireTokenAsync(site.GetLeftPart(UriPartial.Authority), new ClientCredential(clientId, clientSecret))).GetAwaiter().GetResult();
                            args.Headers["Authorization"] = result.CreateAuthorizationHeader();
                        };

                        return connection;
                    }

                    public SiteConnection ForAppCertificate(string siteUrl, string clientId, string tenant, X509Certificate2 certificate, CloudEnvironment environment = CloudEnvironment.Global)
                    {
                        var connection = new SiteConnection(siteUrl);
                        var authority = string.Format(CultureInfo.InvariantCulture, "{0}/{1}/", LoginEndpoint(environment), tenant);
                        context = new AuthenticationContext(authority);
                        var assertion = new ClientAssertionCertificate(clientId, certificate);
                        var host = new Uri(siteUrl);
                        connection.SendingRequest += (sender, args) =>
                        {
                            var token = Task.Run(() => context
                                .AcquireTokenAsync(host.Scheme + "://" + host.Host + "/", assertion))
                                .GetAwaiter().GetResult();
                            args.Headers["Authorization"] = "Bearer " + token.AccessToken;
                        };

                        return connection;
                    }

                    public async Task<string> GraphTokenAsync(string clientId, string tenant, string clientSecret)
                    {
                        context = new AuthenticationContext(LoginEndpoint(CloudEnvironment.Global) + "/" + tenant, false);
                        var result = await context.AcquireTokenAsync("https://graph.microsoft.com", new ClientCredential(clientId, clientSecret)).ConfigureAwait(false);
                        return result.AccessToken;
                    }

                    public string AdminToken(string adminUrl, string clientId, string tenant, X509Certificate2 certificate)
                    {
                        context = new AuthenticationContext(LoginEndpoint(CloudEnvironment.Global) + "/" + tenant);
                        return context.AcquireTokenAsync(adminUrl, new ClientAssertionCertificate(clientId, certificate)).Result.AccessToken;
                    }

                    private static string LoginEndpoint(CloudEnvironment environment) => environment switch
                    {
                        CloudEnvironment.UsGovernment => "https://login.microsoftonline.us",
                        CloudEnvironment.China => "https://login.chinacloudapi.cn",
                        _ => "https://login.microsoftonline.com",
                    };
                }
                """),
            ("SiteConnectionFactory.User.cs", """
                using System;
                using System.Linq;
                using System.Threading.Tasks;
                using Microsoft.IdentityModel.Clients.ActiveDirectory;

                namespace Contoso.Sites;

                public sealed partial class SiteConnectionFactory
                {
                    private TokenCache? userCache;

                    public void UseCache(TokenCache cache) => userCache = cache;

                    /// <summary>A user's token from the cache this factory was given, at the authority it was issued by.</summary>
                    public async Task<string?> CachedUserTokenAsync(string siteUrl, string clientId)
                    {
                        context = userCache is null ? new AuthenticationContext("https://login.microsoftonline.com/common") : new AuthenticationContext("https://login.microsoftonline.com/common", userCache);
                        var cached = context.TokenCache.ReadItems().FirstOrDefault();
                        if (cached is not null)
                        {
                            context = new AuthenticationContext(cached.Authority, userCache);
                        }

                        try
                        {
                            var host = new Uri(siteUrl);
                            var result = await context.AcquireTokenSilentAsync(host.Scheme + "://" + host.Host + "/", clientId);
                            return result.AccessToken;
                        }
                        catch (AdalSilentTokenAcquisitionException)
                        {
                            return null;
                        }
                    }
                }
                """),
        });

    /// <summary>
    /// A desktop mail tool and its Office helpers on ADAL's .NET Framework build: <c>AuthenticationContext</c> kept in
    /// fields and properties for a signed-in user's tokens (interactive <c>PlatformParameters</c> calls with each prompt
    /// behaviour, silent calls, a login hint), with the authority and client ID from configuration, a token cache of
    /// the tool's own. (A field that also makes an app-only call gets the confidential-client action, which keeps the
    /// user's call on a new ADAL context: see LA4002_AdalFieldFixTests.)
    /// </summary>
    public static readonly FixSuite.Input AdalPublicClientFields = new(
        "AdalPublicClientFields",
        new[]
        {
            ("ToolSettings.cs", """
                using System;
                using Microsoft.Extensions.Configuration;

                namespace Fabrikam.MailTool;

                public sealed class ToolSettings
                {
                    public ToolSettings(IConfiguration configuration)
                    {
                        Authority = configuration["Identity:Authority"] ?? "https://login.microsoftonline.com/organizations";
                        ClientId = configuration["Identity:ClientId"] ?? throw new InvalidOperationException("Identity:ClientId is not set.");
                    }

                    public string Authority { get; }

                    public string ClientId { get; }

                    public static Uri NativeRedirect { get; } = new Uri("urn:ietf:wg:oauth:2.0:oob");
                }
                """),
            ("ProfileTokenCache.cs", """
                using System.IO;
                using Microsoft.IdentityModel.Clients.ActiveDirectory;

                namespace Fabrikam.MailTool;

                /// <summary>The tool's tokens, kept in the user's profile between runs.</summary>
                public sealed class ProfileTokenCache : TokenCache
                {
                    private readonly string path;

                    public ProfileTokenCache(string path)
                    {
                        this.path = path;
                        AfterAccess = args =>
                        {
                            if (HasStateChanged)
                            {
                                File.WriteAllBytes(this.path, SerializeAdalV3());
                                HasStateChanged = false;
                            }
                        };
                        if (File.Exists(path))
                        {
                            DeserializeAdalV3(File.ReadAllBytes(path));
                        }
                    }
                }
                """),
            ("MailboxSignIn.cs", """
                using System;
                using System.Threading.Tasks;
                using Microsoft.IdentityModel.Clients.ActiveDirectory;

                namespace Fabrikam.MailTool;

                public sealed class MailboxSignIn
                {
                    private const string ExchangeResource = "https://outlook.office365.com";
                    private readonly AuthenticationContext context;
                    private readonly ToolSettings settings;

                    public MailboxSignIn(ToolSettings settings, ProfileTokenCache cache)
                    {
                        this.settings = settings;
                        context = new AuthenticationContext(settings.Authority, false, cache);
                    }

                    public async Task<string> SignInAsync()
                    {
                        var result = await context.AcquireTokenAsync(ExchangeResource, settings.ClientId, ToolSettings.NativeRedirect, new PlatformParameters(PromptBehavior.Auto));
                        return result.AccessToken;
                    }

                    public async Task<string> SignInAsAsync(string userPrincipalName)
                    {
                        var result = await context.AcquireTokenAsync(ExchangeResource, settings.ClientId, ToolSettings.NativeRedirect, new PlatformParameters(PromptBehavior.Always), new UserIdentifier(userPrincipalName, UserIdentifierType.OptionalDisplayableId));
                        return result.AccessToken;
                    }

                    public async Task<string> HeaderAsync()
                    {
                        AuthenticationResult result;
                        try
                        {
                            result = await context.AcquireTokenSilentAsync(ExchangeResource, settings.ClientId).ConfigureAwait(false);
                        }
                        catch (AdalSilentTokenAcquisitionException)
                        {
                            result = await context.AcquireTokenAsync(ExchangeResource, settings.ClientId, ToolSettings.NativeRedirect, new PlatformParameters(PromptBehavior.SelectAccount));
                        }

                        return result.CreateAuthorizationHeader();
                    }
                }
                """),
            ("SiteHelper.cs", """
                using System;
                using System.Threading.Tasks;
                using Microsoft.IdentityModel.Clients.ActiveDirectory;

                namespace Fabrikam.MailTool;

                public static class SiteHelper
                {
                    private const string ClientId = "4a6c8e0b-2d4f-4a6c-8e0b-2d4f6a8c0e13";

                    private static AuthenticationContext Context { get; } = new AuthenticationContext("https://login.microsoftonline.com/common", TokenCache.DefaultShared);

                    public static string CachedToken(Uri site, string user)
                    {
                        var result = Context.AcquireTokenSilentAsync(site.GetLeftPart(UriPartial.Authority), ClientId, new UserIdentifier(user, UserIdentifierType.RequiredDisplayableId)).GetAwaiter().GetResult();
                        return result.AccessToken;
                    }

                    public static async Task<DateTimeOffset> ExpiryAsync(Uri site)
                    {
                        var result = await Context.AcquireTokenAsync(site.GetLeftPart(UriPartial.Authority), ClientId, new Uri("http://localhost"), new PlatformParameters(PromptBehavior.Never));
                        return result.ExpiresOn;
                    }
                }
                """),
        },
        References: Infrastructure.TestReferences.WithAdalForNetFramework);

    public static IReadOnlyList<FixSuite.Input> All { get; } = new[] { TopLevelPasswordInLocalFunctions, PartialTypeAcrossFiles, CredentialInLambda, CredentialsInConnectionUris, AdalContextInFields, AdalContextRecreatedInMethods, AdalPublicClientFields };
}
