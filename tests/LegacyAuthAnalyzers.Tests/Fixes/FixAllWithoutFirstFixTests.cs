using LegacyAuthAnalyzers.CodeFixes.Fixes;
using LegacyAuthAnalyzers.Rules;
using LegacyAuthAnalyzers.Tests.Infrastructure;
using Xunit;

namespace LegacyAuthAnalyzers.Tests.Fixes;

/// <summary>
/// <c>dotnet format analyzers --diagnostics LAxxxx</c> asks only the first finding for its actions; when that finding
/// has no fix it passes no equivalence key to Fix All. Every fixer must still fix the other findings then.
/// </summary>
public sealed class FixAllWithoutFirstFixTests
{
    [Fact]
    public async Task LA2001_FirstFindingWithoutFix_TheOthersAreFixed()
    {
        // A URI held in a constant is not rewritten (the constant may serve elsewhere); the literal one is.
        const string first = """
            using System;
            using MailKit.Net.Smtp;

            internal static class Relay
            {
                private const string Server = "smtp://relay.fabrikam.com:587/?starttls=never";

                public static void Open(SmtpClient client) => client.Connect(new Uri(Server));
            }
            """;
        const string second = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            internal static class Outbox
            {
                public static void Open(SmtpClient client) => client.Connect("mail.fabrikam.com", 25, SecureSocketOptions.None);
            }
            """;

        var result = await DotnetFormatFixAll.RunAsync(
            new LA2001_MailWithoutTlsAnalyzer(), new LA2001_MailWithoutTlsCodeFix(), "LA2001", ("Relay.cs", first), ("Outbox.cs", second));

        Assert.Null(result.FirstFindingAction);
        Assert.NotNull(result.FixAllAction);
        Assert.Equal(first, await DotnetFormatFixAll.TextAsync(result.After, "Relay.cs"));
        Assert.Contains("client.Connect(\"mail.fabrikam.com\", 25, SecureSocketOptions.StartTls)", await DotnetFormatFixAll.TextAsync(result.After, "Outbox.cs"), StringComparison.Ordinal);
        Assert.Empty(await DotnetFormatFixAll.CompilerProblemsAsync(result.After));
    }

    [Fact]
    public async Task LA4003_FirstFindingWithoutFix_TheOthersAreFixed()
    {
        const string first = """
            using System.Threading.Tasks;
            using Microsoft.Identity.Client;

            internal static class Federated
            {
                public static Task<AuthenticationResult> SignInAsync(IPublicClientApplication app, string user, string password) =>
                    app.AcquireTokenByUsernamePassword(new[] { "User.Read" }, user, password).WithFederationMetadata("<md/>").ExecuteAsync();
            }
            """;
        const string second = """
            using System.Threading.Tasks;
            using Microsoft.Identity.Client;

            internal static class Mail
            {
                public static async Task<string> TokenAsync(IPublicClientApplication app, string user, string password) =>
                    (await app.AcquireTokenByUsernamePassword(new[] { "https://outlook.office.com/SMTP.Send" }, user, password).ExecuteAsync()).AccessToken;
            }
            """;

        var result = await DotnetFormatFixAll.RunAsync(
            new LA4003_UsernamePasswordTokenFlowAnalyzer(), new LA4003_UsernamePasswordTokenFlowCodeFix(), "LA4003", ("Federated.cs", first), ("Mail.cs", second));

        Assert.Null(result.FirstFindingAction);
        Assert.NotNull(result.FixAllAction);
        Assert.Equal(first, await DotnetFormatFixAll.TextAsync(result.After, "Federated.cs"));
        Assert.DoesNotContain("AcquireTokenByUsernamePassword", await DotnetFormatFixAll.TextAsync(result.After, "Mail.cs"), StringComparison.Ordinal);
        Assert.DoesNotContain(await DotnetFormatFixAll.CompilerProblemsAsync(result.After), d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
    }

    [Fact]
    public async Task LA4002_FirstFindingWithoutFix_TheOthersAreFixed()
    {
        // The context is handed to code the fix cannot see: no fix. The daemon shape next to it has one.
        const string first = """
            using Microsoft.IdentityModel.Clients.ActiveDirectory;

            internal static class Contexts
            {
                public static AuthenticationContext Create(string authority) => new AuthenticationContext(authority);
            }
            """;
        const string second = """
            using System.Threading.Tasks;
            using Microsoft.IdentityModel.Clients.ActiveDirectory;

            internal static class Daemon
            {
                public static async Task<string> TokenAsync(string clientId, string secret)
                {
                    var context = new AuthenticationContext("https://login.microsoftonline.com/fabrikam.onmicrosoft.com");
                    var result = await context.AcquireTokenAsync("https://outlook.office365.com", new ClientCredential(clientId, secret));
                    return result.AccessToken;
                }
            }
            """;

        var result = await DotnetFormatFixAll.RunAsync(
            new LA4002_AdalInUseAnalyzer(), new LA4002_AdalInUseCodeFix(), "LA4002", ("Contexts.cs", first), ("Daemon.cs", second));

        Assert.Null(result.FirstFindingAction);
        Assert.NotNull(result.FixAllAction);
        Assert.Equal(first, await DotnetFormatFixAll.TextAsync(result.After, "Contexts.cs"));
        Assert.Contains("ConfidentialClientApplicationBuilder", await DotnetFormatFixAll.TextAsync(result.After, "Daemon.cs"), StringComparison.Ordinal);
        Assert.DoesNotContain(await DotnetFormatFixAll.CompilerProblemsAsync(result.After), d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
    }
}
