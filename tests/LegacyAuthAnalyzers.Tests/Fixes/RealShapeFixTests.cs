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

    /// <summary>The realistic projects of <c>RealWorld/Projects</c>, with every type resolved as in a build.</summary>
    [Theory]
    [MemberData(nameof(ProjectNames))]
    public async Task RealWorldProject_EveryActionAndFixAllCompiles(string name)
    {
        var project = RealWorld.RealWorldProject.Load(name);
        var input = new FixSuite.Input(name, project.Files.Select(f => (f.Path, f.Text)).ToArray());
        var outcome = await FixSuite.RunAsync(input);
        output.WriteLine(outcome.ToString());
        Assert.Empty(outcome.Failures);
    }

    public static TheoryData<string> ProjectNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in RealWorld.RealWorldProject.Names())
        {
            data.Add(name);
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

    public static IReadOnlyList<FixSuite.Input> All { get; } = new[] { TopLevelPasswordInLocalFunctions, PartialTypeAcrossFiles, CredentialInLambda, AdalContextInFields };
}
