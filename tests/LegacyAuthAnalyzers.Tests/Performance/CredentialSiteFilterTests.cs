using System.Collections.Immutable;
using LegacyAuthAnalyzers.Configuration;
using LegacyAuthAnalyzers.Credentials;
using LegacyAuthAnalyzers.Roslyn;
using LegacyAuthAnalyzers.Transport;
using LegacyAuthAnalyzers.Values;
using LegacyAuthAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace LegacyAuthAnalyzers.Tests.Performance;

/// <summary>
/// The credential rules reject every operation with <see cref="CredentialSites.IsCandidate"/> before reading options
/// or building a site. The filter may let through what is not a site, but must never reject one.
/// </summary>
public sealed class CredentialSiteFilterTests
{
    private const string EverySinkShape = """
        using System;
        using System.Net;
        using System.Text;
        using System.Threading.Tasks;
        using MailKit.Net.Imap;
        using MailKit.Net.Pop3;
        using MailKit.Net.Smtp;
        using MailKit.Security;
        using Microsoft.Exchange.WebServices.Data;

        public sealed class Mailers
        {
            private const string Password = "Kx9-mP2v-Lq7w";
            private readonly NetworkCredential credential = new("field@contoso.example", "Field-Secret-1");

            public void MailKitShapes(string user, string secret)
            {
                using var smtp = new MailKit.Net.Smtp.SmtpClient();
                smtp.Connect("smtp.office365.com", 587, SecureSocketOptions.StartTls);
                smtp.Authenticate(user, Password);
                smtp.Authenticate(Encoding.UTF8, user, secret);
                smtp.Authenticate(new NetworkCredential(user, "Inline-Secret-2"));
                smtp.Authenticate(credential);
                smtp.Authenticate(new SaslMechanismPlain(user, "Plain-Secret-3"));
                smtp.Authenticate(new SaslMechanismLogin(new NetworkCredential(user, secret)));
                var scram = new SaslMechanismScramSha256(user, "qzvxktrwmhpldnje");
                smtp.Authenticate(scram);

                using var imap = new ImapClient();
                imap.Connect(new Uri("imaps://user:Uri-Secret-4@imap.contoso.example:993"));

                using var pop = new Pop3Client();
                pop.Connect("pop.contoso.example", 995, true);
                pop.Authenticate("pop-user", "qzvx ktrw mhpl dnje");
            }

            public async Task MailKitAsync(string user, string secret)
            {
                using var smtp = new MailKit.Net.Smtp.SmtpClient();
                await smtp.ConnectAsync("smtp.gmail.com", 465, SecureSocketOptions.SslOnConnect);
                await smtp.AuthenticateAsync(user, secret);
            }

            public void SystemNetMailShapes(string user, string secret)
            {
                using var first = new System.Net.Mail.SmtpClient("smtp.office365.com", 587)
                {
                    EnableSsl = true,
                    Credentials = new NetworkCredential(user, "Initializer-Secret-5"),
                };

                using var second = new System.Net.Mail.SmtpClient("mail.contoso.example");
                second.Credentials = new NetworkCredential(user, secret);
            }

            public void EwsShapes(string user, string secret)
            {
                var service = new ExchangeService(ExchangeVersion.Exchange2013_SP1)
                {
                    Url = new Uri("https://outlook.office365.com/EWS/Exchange.asmx"),
                    Credentials = new WebCredentials(user, "Ews-Secret-6"),
                };

                service.Credentials = new NetworkCredential(user, secret, "CONTOSO");
            }
        }
        """;

    [Fact]
    public void EverySinkShape_PassesTheFilter()
    {
        var compilation = CSharpCompilation.Create(
            "Sinks",
            [CSharpSyntaxTree.ParseText(EverySinkShape, new CSharpParseOptions(LanguageVersion.Latest), path: "/0/Test0.cs")],
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));

        var types = KnownTypes.For(compilation);
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        var sites = new List<string>();
        foreach (var method in tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
        {
            var body = model.GetOperation(method);
            Assert.NotNull(body);
            foreach (var operation in body.Descendants())
            {
                if (CredentialSites.TryGet(operation, types, LegacyAuthOptions.Empty, CancellationToken.None, out var site))
                {
                    sites.Add(site.Kind + " " + operation.Syntax);
                    Assert.True(
                        CredentialSites.IsCandidate(operation, types, hasCustomSinks: false),
                        $"The filter rejects the {site.Kind} site '{operation.Syntax}'.");
                }
            }
        }

        // Every sink kind of the model is present, so the loop above checked each branch of the filter.
        var kinds = sites.Select(site => site.Split(' ')[0]).Distinct().ToImmutableSortedSet();
        Assert.Equal(
            new[]
            {
                nameof(CredentialSinkKind.ConnectionUri),
                nameof(CredentialSinkKind.EwsCredentials),
                nameof(CredentialSinkKind.EwsWebCredentials),
                nameof(CredentialSinkKind.MailKitAuthenticate),
                nameof(CredentialSinkKind.SaslMechanism),
                nameof(CredentialSinkKind.SmtpClientCredentials),
            },
            kinds);
        Assert.True(sites.Count >= 14, "Sites found: " + string.Join(Environment.NewLine, sites));
    }

    [Fact]
    public void OrdinaryOperations_AreRejectedWithoutOptions()
    {
        const string source = """
            using System.Linq;
            using System.Net;
            using System.Net.Http;

            public sealed class Broker
            {
                public void Open(string host) => System.Console.WriteLine(host.Trim());

                public int Sum(int[] values) => values.Where(v => v > 0).Sum();

                public HttpClient Create() => new(new HttpClientHandler { UseProxy = false });
            }
            """;
        var compilation = CSharpCompilation.Create(
            "Ordinary",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "/0/Test0.cs")],
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var types = KnownTypes.For(compilation);
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);

        var operations = tree.GetRoot().DescendantNodes().OfType<MemberDeclarationSyntax>()
            .Select(member => model.GetOperation(member))
            .Where(operation => operation is not null)
            .SelectMany(operation => operation!.DescendantsAndSelf())
            .Where(operation => operation.Kind is OperationKind.Invocation or OperationKind.ObjectCreation or OperationKind.SimpleAssignment)
            .ToList();

        Assert.NotEmpty(operations);
        Assert.All(operations, operation => Assert.False(
            CredentialSites.IsCandidate(operation, types, hasCustomSinks: false),
            $"'{operation.Syntax}' should be rejected by the filter."));
    }
}
