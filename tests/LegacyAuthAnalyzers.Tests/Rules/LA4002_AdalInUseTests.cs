using System.Text.RegularExpressions;
using LegacyAuthAnalyzers.CodeFixes.Fixes;
using LegacyAuthAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LegacyAuthAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<LegacyAuthAnalyzers.Rules.LA4002_AdalInUseAnalyzer>;
using VerifyFix = LegacyAuthAnalyzers.Tests.Infrastructure.CSharpCodeFixVerifier<LegacyAuthAnalyzers.Rules.LA4002_AdalInUseAnalyzer, LegacyAuthAnalyzers.CodeFixes.Fixes.LA4002_AdalInUseCodeFix>;

namespace LegacyAuthAnalyzers.Tests.Rules;

public sealed class LA4002_AdalInUseTests
{
    [Fact]
    public async Task AuthenticationContextCreations_ReportsDiagnostic()
    {
        const string source = """
            using Microsoft.IdentityModel.Clients.ActiveDirectory;

            public sealed class TokenCaches
            {
                private const string Authority = "https://login.microsoftonline.com/contoso.onmicrosoft.com";

                private static readonly AuthenticationContext Shared = {|#0:new(Authority)|};

                public AuthenticationContext WithCache(TokenCache cache) => {|#1:new AuthenticationContext(Authority, cache)|};

                public AuthenticationContext WithoutValidation() => {|#2:new AuthenticationContext(Authority, validateAuthority: false)|};
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic(DiagnosticIds.AdalInUse).WithLocation(0),
            Verify.Diagnostic(DiagnosticIds.AdalInUse).WithLocation(1),
            Verify.Diagnostic(DiagnosticIds.AdalInUse).WithLocation(2));
    }

    [Fact]
    public async Task TopLevelStatements_ReportsDiagnostic()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using Microsoft.IdentityModel.Clients.ActiveDirectory;

                var context = {|#0:new AuthenticationContext("https://login.microsoftonline.com/common")|};
                System.Console.WriteLine(context.Authority);
                """,
            TestState = { OutputKind = OutputKind.ConsoleApplication },
            ExpectedDiagnostics = { Verify.Diagnostic(DiagnosticIds.AdalInUse).WithLocation(0) },
        };

        await test.RunAsync();
    }

    [Fact]
    public async Task MsalConfidentialClient_NoDiagnostic()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.Identity.Client;

            public static class TokenSource
            {
                private static readonly IConfidentialClientApplication App = ConfidentialClientApplicationBuilder
                    .Create("4a1aa1d5-c567-49d0-ad0b-cd957a47f842")
                    .WithAuthority("https://login.microsoftonline.com/contoso.onmicrosoft.com")
                    .WithClientSecret(System.Environment.GetEnvironmentVariable("MAIL_CLIENT_SECRET")!)
                    .Build();

                public static async Task<string> GetAsync() =>
                    (await App.AcquireTokenForClient(new[] { "https://outlook.office365.com/.default" }).ExecuteAsync()).AccessToken;
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task AdalTypeWithoutCreationOrOwnAuthenticationContext_NoDiagnostic()
    {
        const string source = """
            namespace Contoso.Security
            {
                public sealed class AuthenticationContext
                {
                    public AuthenticationContext(string authority) => Authority = authority;

                    public string Authority { get; }
                }

                public static class Contexts
                {
                    public static AuthenticationContext Create() => new AuthenticationContext("https://login.microsoftonline.com/common");

                    public static string Describe(Microsoft.IdentityModel.Clients.ActiveDirectory.AuthenticationContext context) => context.Authority;
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task WithoutAdalReference_NoDiagnostic()
    {
        const string source = """
            public sealed class AuthenticationContext
            {
                public AuthenticationContext(string authority) => Authority = authority;

                public string Authority { get; }

                public static AuthenticationContext Create() => new AuthenticationContext("https://login.microsoftonline.com/common");
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, TestReferences.WithoutMailLibraries);
    }

    [Fact]
    public async Task ClientSecretDaemon_FixesToMsalConfidentialClient()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.IdentityModel.Clients.ActiveDirectory;

            public sealed class TokenService
            {
                private const string Authority = "https://login.microsoftonline.com/contoso.onmicrosoft.com";
                private readonly string clientId;
                private readonly string clientSecret;

                public TokenService(string clientId, string clientSecret)
                {
                    this.clientId = clientId;
                    this.clientSecret = clientSecret;
                }

                public async Task<string> GetTokenAsync()
                {
                    // One context per call, as the ADAL samples did.
                    var context = {|#0:new AuthenticationContext(Authority)|};
                    var credential = new ClientCredential(clientId, clientSecret);
                    var result = await {|CS0618:context.AcquireTokenAsync("https://outlook.office365.com", credential)|};
                    return result.AccessToken;
                }
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using Microsoft.Identity.Client;

            public sealed class TokenService
            {
                private const string Authority = "https://login.microsoftonline.com/contoso.onmicrosoft.com";
                private readonly string clientId;
                private readonly string clientSecret;

                public TokenService(string clientId, string clientSecret)
                {
                    this.clientId = clientId;
                    this.clientSecret = clientSecret;
                }

                public async Task<string> GetTokenAsync()
                {
                    // One context per call, as the ADAL samples did.
                    var app = ConfidentialClientApplicationBuilder.Create(clientId)
                        .WithAuthority(Authority)
                        .WithClientSecret(clientSecret)
                        .WithCacheOptions(CacheOptions.EnableSharedCacheOptions)
                        .Build();
                    var result = await app.AcquireTokenForClient(new[] { "https://outlook.office365.com/.default" }).ExecuteAsync();
                    return result.AccessToken;
                }
            }
            """;

        await VerifyFixWithoutNewWarnings(source, fixedSource, VerifyFix.Diagnostic(DiagnosticIds.AdalInUse).WithLocation(0));
        AdalFreeMethods.Assert(fixedSource);
    }

    [Fact]
    public async Task CertificateDaemonWithInlineContextAndExplicitResult_FixesToMsalConfidentialClient()
    {
        const string source = """
            using System.Security.Cryptography.X509Certificates;
            using Microsoft.IdentityModel.Clients.ActiveDirectory;

            public static class Daemon
            {
                public static string GetHeader(string tenant, string clientId, X509Certificate2 certificate)
                {
                    var assertion = new ClientAssertionCertificate(clientId, certificate);
                    AuthenticationResult result = {|CS0618:{|#0:new AuthenticationContext("https://login.microsoftonline.com/" + tenant)|}.AcquireTokenAsync("https://graph.microsoft.com/", assertion)|}.Result;
                    return result.AccessTokenType + " " + result.AccessToken;
                }
            }
            """;
        const string fixedSource = """
            using System.Security.Cryptography.X509Certificates;
            using Microsoft.Identity.Client;

            public static class Daemon
            {
                public static string GetHeader(string tenant, string clientId, X509Certificate2 certificate)
                {
                    var app = ConfidentialClientApplicationBuilder.Create(clientId)
                        .WithAuthority("https://login.microsoftonline.com/" + tenant)
                        .WithCertificate(certificate)
                        .WithCacheOptions(CacheOptions.EnableSharedCacheOptions)
                        .Build();
                    AuthenticationResult result = app.AcquireTokenForClient(new[] { "https://graph.microsoft.com//.default" }).ExecuteAsync().Result;
                    return result.TokenType + " " + result.AccessToken;
                }
            }
            """;

        await VerifyFixWithoutNewWarnings(source, fixedSource, VerifyFix.Diagnostic(DiagnosticIds.AdalInUse).WithLocation(0));
        AdalFreeMethods.Assert(fixedSource);
    }

    [Fact]
    public async Task TopLevelProgramWithResourceConstant_FixesToMsalConfidentialClient()
    {
        var test = new VerifyFix.Test
        {
            TestCode = """
                using System;
                using Microsoft.IdentityModel.Clients.ActiveDirectory;

                const string Resource = "https://outlook.office365.com";
                var clientId = Environment.GetEnvironmentVariable("MAIL_CLIENT_ID")!;
                var secret = Environment.GetEnvironmentVariable("MAIL_CLIENT_SECRET")!;
                var context = {|#0:new AuthenticationContext("https://login.microsoftonline.com/contoso.onmicrosoft.com", false)|};
                var token = (await {|CS0618:context.AcquireTokenAsync(Resource, new ClientCredential(clientId, secret))|}.ConfigureAwait(false)).AccessToken;
                Console.WriteLine(token.Length);
                """,
            FixedCode = """
                using System;
                using Microsoft.Identity.Client;

                const string Resource = "https://outlook.office365.com";
                var clientId = Environment.GetEnvironmentVariable("MAIL_CLIENT_ID")!;
                var secret = Environment.GetEnvironmentVariable("MAIL_CLIENT_SECRET")!;
                var app = ConfidentialClientApplicationBuilder.Create(clientId)
                    .WithAuthority("https://login.microsoftonline.com/contoso.onmicrosoft.com", false)
                    .WithClientSecret(secret)
                    .WithCacheOptions(CacheOptions.EnableSharedCacheOptions)
                    .Build();
                var token = (await app.AcquireTokenForClient(new[] { Resource + "/.default" }).ExecuteAsync().ConfigureAwait(false)).AccessToken;
                Console.WriteLine(token.Length);
                """,
            TestState = { OutputKind = OutputKind.ConsoleApplication },
            FixedState = { OutputKind = OutputKind.ConsoleApplication },
            CompilerDiagnostics = CompilerDiagnostics.Warnings,
            DisabledDiagnostics = { "CS1591" },
            ExpectedDiagnostics = { VerifyFix.Diagnostic(DiagnosticIds.AdalInUse).WithLocation(0) },
        };

        await test.RunAsync();
    }

    [Fact]
    public async Task CredentialInputsDeclaredAfterContext_FixesBeforeTokenCall()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.IdentityModel.Clients.ActiveDirectory;

            public static class Daemon
            {
                public static async Task<DateTimeOffset> ExpiryAsync(string authority)
                {
                    // The tenant's authority comes from the caller.
                    var context = {|#0:new AuthenticationContext(authority)|};
                    var clientId = Environment.GetEnvironmentVariable("MAIL_CLIENT_ID")!;
                    var secret = Environment.GetEnvironmentVariable("MAIL_CLIENT_SECRET")!;
                    var result = await {|CS0618:context.AcquireTokenAsync("https://outlook.office365.com", new ClientCredential(clientId, secret))|};
                    return result.ExpiresOn;
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Identity.Client;

            public static class Daemon
            {
                public static async Task<DateTimeOffset> ExpiryAsync(string authority)
                {
                    // The tenant's authority comes from the caller.
                    var clientId = Environment.GetEnvironmentVariable("MAIL_CLIENT_ID")!;
                    var secret = Environment.GetEnvironmentVariable("MAIL_CLIENT_SECRET")!;
                    var app = ConfidentialClientApplicationBuilder.Create(clientId)
                        .WithAuthority(authority)
                        .WithClientSecret(secret)
                        .WithCacheOptions(CacheOptions.EnableSharedCacheOptions)
                        .Build();
                    var result = await app.AcquireTokenForClient(new[] { "https://outlook.office365.com/.default" }).ExecuteAsync();
                    return result.ExpiresOn;
                }
            }
            """;

        await VerifyFixWithoutNewWarnings(source, fixedSource, VerifyFix.Diagnostic(DiagnosticIds.AdalInUse).WithLocation(0));
        AdalFreeMethods.Assert(fixedSource);
    }

    [Fact]
    public async Task AdalStillUsedElsewhereInFile_FixesAndKeepsOtherCodeCompiling()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.IdentityModel.Clients.ActiveDirectory;

            public static class Tokens
            {
                public static async Task<string> DaemonAsync(string clientId, string secret)
                {
                    var context = {|#0:new AuthenticationContext("https://login.microsoftonline.com/contoso.onmicrosoft.com")|};
                    AuthenticationResult result = await {|CS0618:context.AcquireTokenAsync("https://outlook.office365.com", new ClientCredential(clientId, secret))|};
                    return result.AccessToken;
                }

                public static AuthenticationContext Shared(TokenCache cache) =>
                    {|#1:new AuthenticationContext("https://login.microsoftonline.com/contoso.onmicrosoft.com", cache)|};
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using Microsoft.IdentityModel.Clients.ActiveDirectory;

            public static class Tokens
            {
                public static async Task<string> DaemonAsync(string clientId, string secret)
                {
                    var app = Microsoft.Identity.Client.ConfidentialClientApplicationBuilder.Create(clientId)
                        .WithAuthority("https://login.microsoftonline.com/contoso.onmicrosoft.com")
                        .WithClientSecret(secret)
                        .WithCacheOptions(Microsoft.Identity.Client.CacheOptions.EnableSharedCacheOptions)
                        .Build();
                    Microsoft.Identity.Client.AuthenticationResult result = await app.AcquireTokenForClient(new[] { "https://outlook.office365.com/.default" }).ExecuteAsync();
                    return result.AccessToken;
                }

                public static AuthenticationContext Shared(TokenCache cache) =>
                    {|#1:new AuthenticationContext("https://login.microsoftonline.com/contoso.onmicrosoft.com", cache)|};
            }
            """;

        var test = new VerifyFix.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CompilerDiagnostics = CompilerDiagnostics.Warnings,
            DisabledDiagnostics = { "CS1591" },
            ExpectedDiagnostics = { VerifyFix.Diagnostic(DiagnosticIds.AdalInUse).WithLocation(0), VerifyFix.Diagnostic(DiagnosticIds.AdalInUse).WithLocation(1) },
            FixedState = { ExpectedDiagnostics = { VerifyFix.Diagnostic(DiagnosticIds.AdalInUse).WithLocation(1) } },
        };

        await test.RunAsync();
        AdalFreeMethods.Assert(fixedSource, "DaemonAsync");
    }

    [Fact]
    public async Task TwoDaemons_FixAllFixesToMsalConfidentialClients()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.IdentityModel.Clients.ActiveDirectory;

            public static class Tokens
            {
                private const string Authority = "https://login.microsoftonline.com/contoso.onmicrosoft.com";

                public static async Task<string> MailAsync(string clientId, string secret)
                {
                    var context = {|#0:new AuthenticationContext(Authority)|};
                    var result = await {|CS0618:context.AcquireTokenAsync("https://outlook.office365.com", new ClientCredential(clientId, secret))|};
                    return result.AccessToken;
                }

                public static async Task<string> GraphAsync(string clientId, string secret)
                {
                    var context = {|#1:new AuthenticationContext(Authority)|};
                    var result = await {|CS0618:context.AcquireTokenAsync("https://graph.microsoft.com", new ClientCredential(clientId, secret))|};
                    return result.CreateAuthorizationHeader();
                }
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using Microsoft.Identity.Client;

            public static class Tokens
            {
                private const string Authority = "https://login.microsoftonline.com/contoso.onmicrosoft.com";

                public static async Task<string> MailAsync(string clientId, string secret)
                {
                    var app = ConfidentialClientApplicationBuilder.Create(clientId)
                        .WithAuthority(Authority)
                        .WithClientSecret(secret)
                        .WithCacheOptions(CacheOptions.EnableSharedCacheOptions)
                        .Build();
                    var result = await app.AcquireTokenForClient(new[] { "https://outlook.office365.com/.default" }).ExecuteAsync();
                    return result.AccessToken;
                }

                public static async Task<string> GraphAsync(string clientId, string secret)
                {
                    var app = ConfidentialClientApplicationBuilder.Create(clientId)
                        .WithAuthority(Authority)
                        .WithClientSecret(secret)
                        .WithCacheOptions(CacheOptions.EnableSharedCacheOptions)
                        .Build();
                    var result = await app.AcquireTokenForClient(new[] { "https://graph.microsoft.com/.default" }).ExecuteAsync();
                    return result.CreateAuthorizationHeader();
                }
            }
            """;

        await VerifyFixWithoutNewWarnings(source, fixedSource, VerifyFix.Diagnostic(DiagnosticIds.AdalInUse).WithLocation(0), VerifyFix.Diagnostic(DiagnosticIds.AdalInUse).WithLocation(1));
        AdalFreeMethods.Assert(fixedSource);
    }

    [Fact]
    public async Task ShapesWithoutMsalEquivalent_NoFix()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.IdentityModel.Clients.ActiveDirectory;

            public static class Tokens
            {
                private const string Authority = "https://login.microsoftonline.com/contoso.onmicrosoft.com";

                public static async Task<string> SilentThenSecretAsync(string clientId, string secret)
                {
                    var context = {|#0:new AuthenticationContext(Authority)|};
                    var credential = new ClientCredential(clientId, secret);
                    var result = await context.AcquireTokenSilentAsync("https://outlook.office365.com", credential, UserIdentifier.AnyUser);
                    result = await context.AcquireTokenAsync("https://outlook.office365.com", credential);
                    return result.AccessToken;
                }

                public static Task<AuthenticationResult> ReturnsAdalResult(string clientId, string secret) =>
                    {|#1:new AuthenticationContext(Authority)|}.AcquireTokenAsync("https://outlook.office365.com", new ClientCredential(clientId, secret));

                public static async Task<object> ReadsUserInfoAsync(string clientId, string secret)
                {
                    var context = {|#2:new AuthenticationContext(Authority)|};
                    var result = await context.AcquireTokenAsync("https://outlook.office365.com", new ClientCredential(clientId, secret));
                    return result.UserInfo;
                }

                public static async Task<string> OnBehalfOfAsync(ClientCredential credential, string userToken)
                {
                    var context = {|#3:new AuthenticationContext(Authority)|};
                    var result = await context.AcquireTokenAsync("https://outlook.office365.com", credential, new UserAssertion(userToken));
                    return result.AccessToken;
                }

                public static async Task<string> CredentialFromParameterAsync(ClientCredential credential)
                {
                    var context = {|#4:new AuthenticationContext(Authority)|};
                    var result = await context.AcquireTokenAsync("https://outlook.office365.com", credential);
                    return result.AccessToken;
                }
            }
            """;

        var expected = Enumerable.Range(0, 5).Select(i => VerifyFix.Diagnostic(DiagnosticIds.AdalInUse).WithLocation(i)).ToArray();
        await VerifyFix.VerifyCodeFixAsync(source, expected, source);
    }

    [Fact]
    public async Task WithoutMsalReference_NoFix()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.IdentityModel.Clients.ActiveDirectory;

            public static class Tokens
            {
                public static async Task<string> DaemonAsync(string clientId, string secret)
                {
                    var context = {|#0:new AuthenticationContext("https://login.microsoftonline.com/contoso.onmicrosoft.com")|};
                    var result = await context.AcquireTokenAsync("https://outlook.office365.com", new ClientCredential(clientId, secret));
                    return result.AccessToken;
                }
            }
            """;

        var test = new VerifyFix.Test
        {
            TestCode = source,
            FixedCode = source,
            References = TestReferences.All.RemoveAll(r => Path.GetFileNameWithoutExtension(r.Display) == "Microsoft.Identity.Client"),
            ExpectedDiagnostics = { VerifyFix.Diagnostic(DiagnosticIds.AdalInUse).WithLocation(0) },
        };

        await test.RunAsync();
    }

    /// <summary>Applies the fix and compares the whole fixed document; the fixed code may add no compiler warning.</summary>
    internal static async Task VerifyFixWithoutNewWarnings(string source, string fixedSource, params DiagnosticResult[] expected)
    {
        var test = new VerifyFix.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = LA4002_AdalInUseCodeFix.EquivalenceKey,
            CompilerDiagnostics = CompilerDiagnostics.Warnings,
            DisabledDiagnostics = { "CS1591" },
        };

        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    /// <summary>Compiles fixed code against the real libraries and proves its methods bind to no ADAL symbol.</summary>
    private static class AdalFreeMethods
    {
        public static void Assert(string fixedSource, params string[] methodNames)
        {
            var withoutMarkup = Regex.Replace(fixedSource, @"\{\|[^:|]*:|\|\}", string.Empty);
            var tree = CSharpSyntaxTree.ParseText(withoutMarkup, new CSharpParseOptions(LanguageVersion.Latest));
            var compilation = CSharpCompilation.Create(
                "Fixed",
                [tree],
                TestReferences.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            Xunit.Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

            var model = compilation.GetSemanticModel(tree);
            var methods = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>()
                .Where(m => methodNames.Length == 0 || methodNames.Contains(m.Identifier.ValueText))
                .ToList();
            Xunit.Assert.NotEmpty(methods);
            foreach (var node in methods.SelectMany(m => m.DescendantNodes()))
            {
                var symbol = model.GetSymbolInfo(node).Symbol;
                var type = model.GetTypeInfo(node).Type;
                Xunit.Assert.False(IsAdal(symbol) || IsAdal(type), $"'{node}' in the fixed code binds to ADAL.");
            }
        }

        private static bool IsAdal(ISymbol? symbol)
        {
            var ns = symbol is INamespaceSymbol namespaceSymbol ? namespaceSymbol : symbol?.ContainingNamespace;
            return ns?.ToDisplayString() == LA4002_AdalInUseCodeFix.AdalNamespaceName;
        }
    }
}
