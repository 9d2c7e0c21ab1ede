using System.Collections.Immutable;
using LegacyAuthAnalyzers.Tests.Infrastructure;
using LegacyAuthAnalyzers.Tests.Robustness;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LegacyAuthAnalyzers.Tests.Rules;

/// <summary>
/// Test projects talk to mock mail servers: by default they get no transport findings (LA2001-LA2005) and no LA1002,
/// while hard-coded secrets (LA1001, LA3001) and the migration rules still report. <c>legacy_auth.test_projects</c>
/// changes it.
/// </summary>
public sealed class TestProjectTests
{
    // One site for each rule a mail client test trips over, against a mock server that is not a local host name.
    private const string MailClientTests = """
        using System.Security.Authentication;
        using MailKit.Net.Imap;
        using MailKit.Net.Pop3;
        using MailKit.Net.Smtp;
        using MailKit.Security;
        using Microsoft.IdentityModel.Clients.ActiveDirectory;

        public sealed class MailClientTests
        {
            public void Imap_LogsInWithoutTls(string passwordFromFixture)
            {
                using var client = new ImapClient();
                client.ServerCertificateValidationCallback = (s, c, h, e) => true;
                client.SslProtocols = SslProtocols.Tls11;
                client.Connect("imap.mock-server.fabrikam.net", 143, SecureSocketOptions.None);
                client.Authenticate("tester", passwordFromFixture);
            }

            public void Smtp_LogsInWithHardCodedSecrets()
            {
                using var client = new SmtpClient();
                client.Connect("smtp.mock-server.fabrikam.net", 587, false);
                client.Authenticate("tester", "Vb7#qLm2@xRt9");
                client.Authenticate("tester", "qwrtzkbvnhgfdlpx");
            }

            public void Pop_ImplicitTlsOnThePlainPort()
            {
                using var client = new Pop3Client();
                client.Connect("pop.mock-server.fabrikam.net", 110, SecureSocketOptions.SslOnConnect);
            }

            public void Token_FromAdal()
            {
                var context = new AuthenticationContext("https://login.microsoftonline.com/contoso.onmicrosoft.com");
            }
        }
        """;

    private static readonly string[] Everything = ["LA1001", "LA1002", "LA2001", "LA2002", "LA2003", "LA2004", "LA2005", "LA3001", "LA4002"];

    private static readonly string[] SecretsAndMigration = ["LA1001", "LA3001", "LA4002"];

    [Fact]
    public async Task ProductionProject_ReportsEveryRule()
    {
        var ids = await RuleIdsAsync(MailClientTests, TestReferences.All, NoOptions);

        Assert.Equal(Everything, ids);
    }

    [Fact]
    public async Task IsTestProject_ReportsSecretsAndMigrationOnly()
    {
        var ids = await RuleIdsAsync(MailClientTests, TestReferences.All, Options(("build_property.IsTestProject", "true")));

        Assert.Equal(SecretsAndMigration, ids);
    }

    [Theory]
    [InlineData(typeof(Xunit.FactAttribute))]
    public async Task ReferenceToTestFramework_ReportsSecretsAndMigrationOnly(Type attributeInFramework)
    {
        var references = TestReferences.All.Add(MetadataReference.CreateFromFile(attributeInFramework.Assembly.Location));

        var ids = await RuleIdsAsync(MailClientTests, references, NoOptions);

        Assert.Equal(SecretsAndMigration, ids);
    }

    [Theory]
    [InlineData("nunit.framework")]
    [InlineData("Microsoft.VisualStudio.TestPlatform.TestFramework")]
    [InlineData("xunit.v3.core")]
    public async Task ReferenceToTestFrameworkByName_ReportsSecretsAndMigrationOnly(string assemblyName)
    {
        var references = TestReferences.All.Add(EmptyAssembly(assemblyName));

        var ids = await RuleIdsAsync(MailClientTests, references, NoOptions);

        Assert.Equal(SecretsAndMigration, ids);
    }

    [Fact]
    public async Task ReferenceToOtherAssemblyNamedLikeATest_ReportsEveryRule()
    {
        var references = TestReferences.All.Add(EmptyAssembly("Contoso.TestData"));

        var ids = await RuleIdsAsync(MailClientTests, references, NoOptions);

        Assert.Equal(Everything, ids);
    }

    [Fact]
    public async Task IsTestProjectFalse_ReportsEveryRule()
    {
        var ids = await RuleIdsAsync(MailClientTests, TestReferences.All, Options(("build_property.IsTestProject", "false")));

        Assert.Equal(Everything, ids);
    }

    [Theory]
    [InlineData("report")]
    [InlineData(" Report ")]
    public async Task TestProjectsReport_ReportsEveryRule(string value)
    {
        var ids = await RuleIdsAsync(
            MailClientTests,
            TestReferences.All,
            Options(("build_property.IsTestProject", "true"), ("legacy_auth.test_projects", value)));

        Assert.Equal(Everything, ids);
    }

    [Fact]
    public async Task TestProjectsSecretsOnly_ReportsSecretsAndMigrationOnly()
    {
        var ids = await RuleIdsAsync(
            MailClientTests,
            TestReferences.All,
            Options(("build_property.IsTestProject", "true"), ("legacy_auth.test_projects", "secrets_only")));

        Assert.Equal(SecretsAndMigration, ids);
    }

    [Fact]
    public async Task TestProjectsSkip_ReportsNothing()
    {
        var ids = await RuleIdsAsync(
            MailClientTests,
            TestReferences.All,
            Options(("build_property.IsTestProject", "true"), ("legacy_auth.test_projects", "skip")));

        Assert.Empty(ids);
    }

    [Fact]
    public async Task TestProjectsSkipInProductionProject_ReportsEveryRule()
    {
        var ids = await RuleIdsAsync(MailClientTests, TestReferences.All, Options(("legacy_auth.test_projects", "skip")));

        Assert.Equal(Everything, ids);
    }

    [Fact]
    public async Task PlaceholderPasswordsInTestProject_NoDiagnostic()
    {
        const string source = """
            using MailKit.Net.Smtp;

            public sealed class SmtpClientTests
            {
                public void Authenticate_Fails(SmtpClient client)
                {
                    client.Authenticate("user", "password");
                    client.Authenticate("user", "changeme");
                    client.Authenticate("user", "");
                }
            }
            """;

        var ids = await RuleIdsAsync(source, TestReferences.All, Options(("build_property.IsTestProject", "true")));

        Assert.Empty(ids);
    }

    [Fact]
    public async Task ConfigFileInTestProject_ReportsTheSecretOnly()
    {
        const string appSettings = """
            { "Smtp": { "Host": "mail.mock-server.fabrikam.net", "Port": 587, "UseSsl": false, "Password": "Vb7#qLm2@xRt9" } }
            """;
        var files = ImmutableArray.Create(AnalyzerRunner.AdditionalFile("/src/appsettings.json", appSettings));

        var production = await RuleIdsAsync("internal static class Program { }", TestReferences.All, NoOptions, files);
        var test = await RuleIdsAsync("internal static class Program { }", TestReferences.All, Options(("build_property.IsTestProject", "true")), files);
        var skipped = await RuleIdsAsync(
            "internal static class Program { }",
            TestReferences.All,
            Options(("build_property.IsTestProject", "true"), ("legacy_auth.test_projects", "skip")),
            files);

        Assert.Equal(["LA1001", "LA2001"], production);
        Assert.Equal(["LA1001"], test);
        Assert.Empty(skipped);
    }

    /// <summary>An assembly with the test framework's name: the analyzers look at the reference, not at its types.</summary>
    private static MetadataReference EmptyAssembly(string name)
    {
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            name,
            [Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("namespace Framework { public sealed class TestAttribute : System.Attribute { } }")],
            TestReferences.Net100,
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        Assert.True(compilation.Emit(image).Success);
        return MetadataReference.CreateFromImage(image.ToArray());
    }

    private static readonly ImmutableDictionary<string, string> NoOptions = ImmutableDictionary<string, string>.Empty;

    private static ImmutableDictionary<string, string> Options(params (string Key, string Value)[] values)
        => values.ToImmutableDictionary(v => v.Key, v => v.Value);

    private static async Task<string[]> RuleIdsAsync(
        string source,
        ImmutableArray<MetadataReference> references,
        ImmutableDictionary<string, string> options,
        ImmutableArray<AdditionalText> additionalFiles = default)
    {
        var diagnostics = await AnalyzerRunner.GetDiagnosticsAsync(
            source,
            references,
            options,
            additionalFiles.IsDefault ? ImmutableArray<AdditionalText>.Empty : additionalFiles,
            [.. PackageUnderTest.Analyzers]);
        return diagnostics.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal).ToArray();
    }
}
