using System.Net;
using System.Reflection;
using System.Text;
using LegacyAuthAnalyzers.CodeFixes.Fixes.OAuth;
using LegacyAuthAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.Identity.Client;
using Xunit;

namespace LegacyAuthAnalyzers.Tests.Fixes;

/// <summary>
/// The token provider the OAuth fixes add, taken from the fixer's own template: it compiles cleanly in every shape the
/// fixes generate, and, compiled and run against a fake Entra ID token endpoint (no network), its app-only accessor
/// returns the issued token and serves the second call from MSAL's cache.
/// </summary>
public sealed class MailTokenProviderTests
{
    private const string TenantId = "7d9a1c52-3f0e-4b8a-9c61-2e5f8a4b7c30";
    private const string ClientId = "b4e2f8a1-6c3d-4e7f-a1b2-9d8c7e6f5a40";

    [Theory]
    [InlineData("Contoso.Mail", true, true, false, LanguageVersion.Latest)]
    [InlineData("Contoso.Mail", false, true, true, LanguageVersion.CSharp9)]
    [InlineData(null, true, true, true, LanguageVersion.Latest)]
    [InlineData("Legacy.Mailer", false, false, false, LanguageVersion.CSharp7_3)]
    public void GeneratedProvider_CompilesWithoutWarnings(string? namespaceName, bool fileScoped, bool nullable, bool deviceCode, LanguageVersion languageVersion)
    {
        var source = MailTokenProviderTemplate.Generate(namespaceName, fileScoped, nullable, deviceCode ? UserSignIn.DeviceCode : UserSignIn.Interactive);

        var (_, diagnostics) = Compile(source, languageVersion);

        Assert.Empty(diagnostics);
        Assert.DoesNotContain("\r", source, StringComparison.Ordinal);
        Assert.Contains("internal static class MailTokenProvider", source, StringComparison.Ordinal);
    }

    [Fact]
    public void GeneratedProviderInProjectWithImplicitUsings_CompilesWithoutWarnings()
    {
        var source = MailTokenProviderTemplate.Generate("Contoso.Mail", fileScopedNamespace: true, nullableAnnotations: true, UserSignIn.Interactive);
        const string implicitUsings = "global using System;\nglobal using System.Linq;\nglobal using System.Threading;\nglobal using System.Threading.Tasks;\n";

        var (_, diagnostics) = Compile(source, LanguageVersion.Latest, implicitUsings);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void GeneratedProvider_UsesTheNewLineItIsGiven()
    {
        var source = MailTokenProviderTemplate.Generate("Contoso.Mail", fileScopedNamespace: true, nullableAnnotations: true, UserSignIn.Interactive, "\r\n");

        Assert.Contains("\r\n", source, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", source.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppOnlyToken_ComesFromTheTokenEndpointOnceThenFromMsalsCache()
    {
        var handler = new FakeEntraHandler();
        var provider = LoadProvider(handler);
        var variables = SetVariables(secret: "fake-client-secret-value");
        try
        {
            var first = await InvokeAsync(provider, MailTokenProviderTemplate.GetAppOnlyTokenAsync, CancellationToken.None);
            var second = await InvokeAsync(provider, MailTokenProviderTemplate.GetAppOnlyTokenAsync, CancellationToken.None);
            var sync = (string)provider.GetMethod(MailTokenProviderTemplate.GetAppOnlyToken)!.Invoke(null, [CancellationToken.None])!;

            Assert.Equal("fake-access-token-1", first);
            Assert.Equal(first, second);
            Assert.Equal(first, sync);
            Assert.Equal(1, handler.TokenRequests);
            Assert.Contains("scope=https%3A%2F%2Foutlook.office365.com%2F.default", handler.LastTokenRequestBody, StringComparison.Ordinal);
            Assert.Contains("grant_type=client_credentials", handler.LastTokenRequestBody, StringComparison.Ordinal);
            Assert.Contains("client_secret=fake-client-secret-value", handler.LastTokenRequestBody, StringComparison.Ordinal);
            Assert.All(handler.RequestedHosts, host => Assert.Equal("login.microsoftonline.com", host));
        }
        finally
        {
            RestoreVariables(variables);
        }
    }

    [Fact]
    public async Task MissingClientCredential_ThrowsNamingTheVariables()
    {
        var provider = LoadProvider(new FakeEntraHandler());
        var variables = SetVariables(secret: null);
        try
        {
            var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => InvokeAsync(provider, MailTokenProviderTemplate.GetAppOnlyTokenAsync, CancellationToken.None));

            Assert.Contains(MailTokenProviderTemplate.ClientSecretVariable, exception.Message, StringComparison.Ordinal);
            Assert.Contains(MailTokenProviderTemplate.CertificateThumbprintVariable, exception.Message, StringComparison.Ordinal);
        }
        finally
        {
            RestoreVariables(variables);
        }
    }

    [Fact]
    public async Task MissingTenant_ThrowsNamingTheVariableAndRecoversOnceItIsSet()
    {
        var handler = new FakeEntraHandler();
        var provider = LoadProvider(handler);
        var variables = SetVariables(secret: "fake-client-secret-value");
        Environment.SetEnvironmentVariable(MailTokenProviderTemplate.TenantIdVariable, null);
        try
        {
            var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => InvokeAsync(provider, MailTokenProviderTemplate.GetAppOnlyTokenAsync, CancellationToken.None));
            Assert.Contains(MailTokenProviderTemplate.TenantIdVariable, exception.Message, StringComparison.Ordinal);

            // The failure is not cached: once configured, the same process gets its token.
            Environment.SetEnvironmentVariable(MailTokenProviderTemplate.TenantIdVariable, TenantId);
            Assert.Equal("fake-access-token-1", await InvokeAsync(provider, MailTokenProviderTemplate.GetAppOnlyTokenAsync, CancellationToken.None));
        }
        finally
        {
            RestoreVariables(variables);
        }
    }

    private static (byte[]? Image, IReadOnlyList<Diagnostic> Diagnostics) Compile(string source, LanguageVersion languageVersion, string? otherFile = null)
    {
        var options = new CSharpParseOptions(languageVersion);
        var trees = new List<SyntaxTree> { CSharpSyntaxTree.ParseText(source, options) };
        if (otherFile is not null)
        {
            trees.Add(CSharpSyntaxTree.ParseText(otherFile, options));
        }

        var compilation = CSharpCompilation.Create(
            "GeneratedMailTokenProvider" + Guid.NewGuid().ToString("N"),
            trees,
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable)
                .WithSpecificDiagnosticOptions([new("CS1701", ReportDiagnostic.Suppress), new("CS1702", ReportDiagnostic.Suppress)]));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        var diagnostics = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        return (result.Success ? image.ToArray() : null, diagnostics);
    }

    /// <summary>Compiles the provider into a fresh assembly (fresh static state) and points it at the fake endpoint.</summary>
    private static Type LoadProvider(FakeEntraHandler handler)
    {
        var (image, diagnostics) = Compile(MailTokenProviderTemplate.Generate("Contoso.Mail", true, true, UserSignIn.DeviceCode), LanguageVersion.Latest);
        Assert.Empty(diagnostics);
        var assembly = Assembly.Load(image!);
        var provider = assembly.GetType("Contoso.Mail." + MailTokenProviderTemplate.TypeName, throwOnError: true)!;
        var seam = provider.GetProperty("HttpClientFactory", BindingFlags.NonPublic | BindingFlags.Static)!;
        seam.SetValue(null, new FakeHttpClientFactory(handler));
        return provider;
    }

    private static async Task<string> InvokeAsync(Type provider, string method, CancellationToken cancellationToken)
    {
        try
        {
            return await (Task<string>)provider.GetMethod(method)!.Invoke(null, [cancellationToken])!;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw ex.InnerException;
        }
    }

    private static Dictionary<string, string?> SetVariables(string? secret)
    {
        string[] names =
        [
            MailTokenProviderTemplate.TenantIdVariable,
            MailTokenProviderTemplate.ClientIdVariable,
            MailTokenProviderTemplate.ClientSecretVariable,
            MailTokenProviderTemplate.CertificateThumbprintVariable,
        ];
        var previous = names.ToDictionary(n => n, Environment.GetEnvironmentVariable);
        Environment.SetEnvironmentVariable(MailTokenProviderTemplate.TenantIdVariable, TenantId);
        Environment.SetEnvironmentVariable(MailTokenProviderTemplate.ClientIdVariable, ClientId);
        Environment.SetEnvironmentVariable(MailTokenProviderTemplate.ClientSecretVariable, secret);
        Environment.SetEnvironmentVariable(MailTokenProviderTemplate.CertificateThumbprintVariable, null);
        return previous;
    }

    private static void RestoreVariables(Dictionary<string, string?> previous)
    {
        foreach (var (name, value) in previous)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    private sealed class FakeHttpClientFactory(HttpMessageHandler handler) : IMsalHttpClientFactory
    {
        private readonly HttpClient client = new(handler);

        public HttpClient GetHttpClient() => client;
    }

    /// <summary>Answers instance discovery, OpenID metadata and token requests the way Entra ID does, and counts tokens.</summary>
    private sealed class FakeEntraHandler : HttpMessageHandler
    {
        private int tokenRequests;

        public int TokenRequests => Volatile.Read(ref tokenRequests);

        public string LastTokenRequestBody { get; private set; } = string.Empty;

        public List<string> RequestedHosts { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!;
            lock (RequestedHosts)
            {
                RequestedHosts.Add(uri.Host);
            }

            if (uri.AbsolutePath.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal))
            {
                LastTokenRequestBody = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
                var number = Interlocked.Increment(ref tokenRequests);
                return Json($$"""{"token_type":"Bearer","expires_in":3599,"ext_expires_in":3599,"access_token":"fake-access-token-{{number}}"}""");
            }

            if (uri.AbsolutePath.EndsWith("/discovery/instance", StringComparison.Ordinal))
            {
                return Json($$"""
                    {"tenant_discovery_endpoint":"https://login.microsoftonline.com/{{TenantId}}/v2.0/.well-known/openid-configuration","api-version":"1.1",
                     "metadata":[{"preferred_network":"login.microsoftonline.com","preferred_cache":"login.windows.net","aliases":["login.microsoftonline.com","login.windows.net","login.microsoft.com","sts.windows.net"]}]}
                    """);
            }

            if (uri.AbsolutePath.EndsWith("/.well-known/openid-configuration", StringComparison.Ordinal))
            {
                return Json($$"""
                    {"token_endpoint":"https://login.microsoftonline.com/{{TenantId}}/oauth2/v2.0/token",
                     "authorization_endpoint":"https://login.microsoftonline.com/{{TenantId}}/oauth2/v2.0/authorize",
                     "issuer":"https://login.microsoftonline.com/{{TenantId}}/v2.0"}
                    """);
            }

            return new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        }

        private static HttpResponseMessage Json(string body) =>
            new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
    }
}
