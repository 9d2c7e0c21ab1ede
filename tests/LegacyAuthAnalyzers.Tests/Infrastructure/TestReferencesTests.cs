using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace LegacyAuthAnalyzers.Tests.Infrastructure;

public sealed class TestReferencesTests
{
    private const string LibraryUsage = """
        using System;
        using System.Net;
        using System.Threading.Tasks;
        using Azure.Core;
        using Azure.Identity;
        using MailKit.Net.Smtp;
        using MailKit.Security;
        using Microsoft.Exchange.WebServices.Data;
        using Microsoft.Identity.Client;
        using Microsoft.IdentityModel.Clients.ActiveDirectory;
        using MimeKit;

        public static class Usage
        {
            public static async Task RunAsync()
            {
                var message = new MimeMessage();
                message.From.Add(MailboxAddress.Parse("sender@contoso.com"));
                message.To.Add(new MailboxAddress("Someone", "someone@contoso.com"));
                message.Subject = "Hello";
                message.Body = new TextPart("plain") { Text = "Hi" };

                using var smtp = new SmtpClient();
                await smtp.ConnectAsync("smtp.office365.com", 587, SecureSocketOptions.StartTls);
                await smtp.AuthenticateAsync("sender@contoso.com", "password");
                await smtp.AuthenticateAsync(new SaslMechanismOAuth2("sender@contoso.com", "token"));
                await smtp.SendAsync(message);

                var confidential = ConfidentialClientApplicationBuilder.Create("client-id")
                    .WithClientSecret("secret")
                    .WithAuthority("https://login.microsoftonline.com/tenant")
                    .Build();
                Microsoft.Identity.Client.AuthenticationResult msal = await confidential.AcquireTokenForClient(["https://outlook.office365.com/.default"]).ExecuteAsync();

                var context = new AuthenticationContext("https://login.microsoftonline.com/tenant");
                var adal = await context.AcquireTokenAsync("https://outlook.office365.com", new ClientCredential("client-id", "secret"));

                var credential = new ClientSecretCredential("tenant", "client-id", "secret");
                AccessToken token = await credential.GetTokenAsync(new TokenRequestContext(["https://outlook.office365.com/.default"]));

                var service = new ExchangeService(ExchangeVersion.Exchange2013_SP1)
                {
                    Credentials = new WebCredentials("sender@contoso.com", "password"),
                    Url = new Uri("https://outlook.office365.com/EWS/Exchange.asmx"),
                    ImpersonatedUserId = new ImpersonatedUserId(ConnectingIdType.SmtpAddress, "someone@contoso.com"),
                };
                service.Credentials = new NetworkCredential("sender@contoso.com", "password");
                service.Credentials = new OAuthCredentials(token.Token);
                service.HttpHeaders.Add("X-AnchorMailbox", "someone@contoso.com");
                var email = new EmailMessage(service) { Subject = "Hello", Body = "Hi" };
                email.ToRecipients.Add("someone@contoso.com");
                email.SendAndSaveCopy();
                foreach (var item in service.FindItems(WellKnownFolderName.Inbox, new ItemView(10)))
                {
                    item.Move(WellKnownFolderName.DeletedItems);
                }

                using var legacy = new System.Net.Mail.SmtpClient("smtp.office365.com", 587) { EnableSsl = true };
                legacy.Credentials = new NetworkCredential("sender@contoso.com", "password");
                legacy.Send(new System.Net.Mail.MailMessage("sender@contoso.com", "someone@contoso.com", "Hello", "Hi"));
            }
        }
        """;

    [Fact]
    public void All_CompilesEveryLibraryWithoutErrors()
    {
        var compilation = Compile(LibraryUsage, TestReferences.All);

        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void All_ResolvesEveryLibraryType()
    {
        var compilation = Compile(string.Empty, TestReferences.All);

        Assert.Equal("MailKit", AssemblyOf(compilation, "MailKit.Net.Smtp.SmtpClient"));
        Assert.Equal("MimeKit", AssemblyOf(compilation, "MimeKit.MimeMessage"));
        Assert.Equal("Microsoft.Identity.Client", AssemblyOf(compilation, "Microsoft.Identity.Client.ConfidentialClientApplicationBuilder"));
        Assert.Equal("Microsoft.IdentityModel.Clients.ActiveDirectory", AssemblyOf(compilation, "Microsoft.IdentityModel.Clients.ActiveDirectory.AuthenticationContext"));
        // Azure.Identity 1.21 forwards its credential types to Azure.Core.
        Assert.Equal("Azure.Core", AssemblyOf(compilation, "Azure.Identity.ClientSecretCredential"));
        Assert.Contains(compilation.ReferencedAssemblyNames, identity => identity.Name == "Azure.Identity");
        Assert.Equal("Azure.Core", AssemblyOf(compilation, "Azure.Core.TokenCredential"));
        Assert.Equal(TestReferences.ExchangeWebServicesAssemblyName, AssemblyOf(compilation, "Microsoft.Exchange.WebServices.Data.ExchangeService"));
        Assert.Equal("System.Net.Mail", AssemblyOf(compilation, "System.Net.Mail.SmtpClient"));
    }

    [Fact]
    public void All_HasEachAssemblyOnce()
    {
        var compilation = Compile(string.Empty, TestReferences.All);
        var names = compilation.References.Select(r => compilation.GetAssemblyOrModuleSymbol(r)?.Name ?? r.Display).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void WithoutMailLibraries_DoesNotBindMailKit()
    {
        var compilation = Compile(LibraryUsage, TestReferences.WithoutMailLibraries);

        Assert.Contains(compilation.GetDiagnostics(), d => d.Id == "CS0246" && d.GetMessage().Contains("'MailKit'", StringComparison.Ordinal));
        Assert.Null(compilation.GetTypeByMetadataName("MailKit.Net.Smtp.SmtpClient"));
        Assert.Null(compilation.GetTypeByMetadataName("Microsoft.Exchange.WebServices.Data.ExchangeService"));
        Assert.NotNull(compilation.GetTypeByMetadataName("System.Net.Mail.SmtpClient"));
    }

    [Fact]
    public void WithoutSystemNetMail_DoesNotResolveSmtpClient()
    {
        const string source = """
            public static class Usage
            {
                public static object Create() => new System.Net.Mail.SmtpClient("smtp.office365.com", 587);
            }
            """;

        var compilation = Compile(source, TestReferences.WithoutSystemNetMail);

        Assert.Null(compilation.GetTypeByMetadataName("System.Net.Mail.SmtpClient"));
        Assert.Contains(compilation.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error && d.GetMessage().Contains("SmtpClient", StringComparison.Ordinal));
        Assert.Equal(TestReferences.Net100.Length - 1, TestReferences.WithoutSystemNetMail.Length);
    }

    [Fact]
    public void WithAdalForNetFramework_ResolvesUserPasswordCredentialOnce()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.IdentityModel.Clients.ActiveDirectory;

            public static class Usage
            {
                public static Task<AuthenticationResult> Acquire(AuthenticationContext context) =>
                    context.AcquireTokenAsync("https://outlook.office365.com", "client-id", new UserPasswordCredential("user", "pass"));
            }
            """;

        var compilation = Compile(source, TestReferences.WithAdalForNetFramework);

        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.NotNull(compilation.GetTypeByMetadataName("Microsoft.IdentityModel.Clients.ActiveDirectory.UserPasswordCredential"));
        Assert.Null(Compile(string.Empty, TestReferences.All).GetTypeByMetadataName("Microsoft.IdentityModel.Clients.ActiveDirectory.UserPasswordCredential"));
        Assert.Equal(TestReferences.All.Length, TestReferences.WithAdalForNetFramework.Length);
    }

    private static CSharpCompilation Compile(string source, ImmutableArray<MetadataReference> references)
        => CSharpCompilation.Create(
            "ReferenceCheck",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private static string? AssemblyOf(Compilation compilation, string metadataName)
        => compilation.GetTypeByMetadataName(metadataName)?.ContainingAssembly.Name;
}
