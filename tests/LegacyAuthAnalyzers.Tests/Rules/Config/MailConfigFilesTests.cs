using System.Collections.Immutable;
using LegacyAuthAnalyzers.Infrastructure.Config;
using LegacyAuthAnalyzers.Rules.Config;
using LegacyAuthAnalyzers.Tests.Infrastructure;
using MailKit.Security;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace LegacyAuthAnalyzers.Tests.Rules.Config;

/// <summary>The shared reading of configuration files: the JSON reader, key words, and one parse per file for every rule.</summary>
public sealed class MailConfigFilesTests
{
    private const string MailSettingsJson = """
        {
          "Smtp": {
            "Host": "smtp.office365.com",
            "Port": 465,
            "SecureSocketOptions": "None",
            "Password": "qwhvlrmzxpktbnds",
            "ImapPassword": "Tr0ub4dor&3xyz"
          }
        }
        """;

    private static readonly ImmutableArray<DiagnosticAnalyzer> ConfigAnalyzers =
    [
        new LA1001_HardCodedMailCredentialConfigAnalyzer(),
        new LA1003_Microsoft365BasicAuthenticationConfigAnalyzer(),
        new LA2001_MailWithoutTlsConfigAnalyzer(),
        new LA2002_OpportunisticTlsConfigAnalyzer(),
        new LA2003_PortTlsMismatchConfigAnalyzer(),
        new LA3001_AppPasswordShapedSecretConfigAnalyzer(),
    ];

    [Fact]
    public void JsonWithCommentsTrailingCommasAndBom_Parses()
    {
        const string text = "\uFEFF// settings\r\n{ \"a\": [1, -2.5e3, true, false, null,], /* b */ \"b\": { \"c\": \"x\\u0041\\n\", }, }";

        var root = JsonReader.Parse(text, CancellationToken.None);

        Assert.NotNull(root);
        Assert.Equal(JsonKind.Object, root.Kind);
        Assert.Equal(["a", "b"], root.Properties.Select(p => p.Name));
        Assert.Equal(
            [JsonKind.Number, JsonKind.Number, JsonKind.True, JsonKind.False, JsonKind.Null],
            root.Properties[0].Value.Items.Select(i => i.Kind));
        var c = root.Properties[1].Value.Properties[0].Value;
        Assert.Equal("xA\n", c.Text);
        Assert.Equal("x\\u0041\\n", text.Substring(c.Span.Start, c.Span.Length));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   // only a comment")]
    [InlineData("{")]
    [InlineData("{ \"a\": }")]
    [InlineData("{ \"a\" 1 }")]
    [InlineData("{ \"a\": 1 \"b\": 2 }")]
    [InlineData("{ a: 1 }")]
    [InlineData("[1 2]")]
    [InlineData("[1,,2]")]
    [InlineData("{ \"a\": tru }")]
    [InlineData("{ \"a\": \"\\x\" }")]
    [InlineData("{ \"a\": \"\\u12\" }")]
    [InlineData("{ \"a\": 1. }")]
    [InlineData("{ \"a\": 1 } }")]
    [InlineData("{ \"a\": 1 } /* open")]
    public void MalformedJson_ParsesToNull(string text)
    {
        Assert.Null(JsonReader.Parse(text, CancellationToken.None));
    }

    [Fact]
    public void DeeplyNestedJson_ParsesToNullWithoutOverflow()
    {
        var text = new string('{', 1) + string.Concat(Enumerable.Repeat("\"a\":{", 100_000)) + new string('}', 100_001);

        Assert.Null(JsonReader.Parse(text, CancellationToken.None));
    }

    [Theory]
    [InlineData("SMTPPassword", "smtp password")]
    [InlineData("smtp_password", "smtp password")]
    [InlineData("Smtp__Password", "smtp password")]
    [InlineData("EmailSettings:SmtpPort", "email settings smtp port")]
    [InlineData("Pop3Host", "pop3 host")]
    [InlineData("O365Secret", "o365 secret")]
    [InlineData("useSSL", "use ssl")]
    [InlineData("mail.password", "mail password")]
    public void Words_SplitsKeysLikeApps(string key, string expected)
    {
        Assert.Equal(expected, string.Join(' ', ConfigKeys.Words(key)));
    }

    [Theory]
    [InlineData("Password", "Password")]
    [InlineData("SmtpPass", "Password")]
    [InlineData("smtppass", "Password")]
    [InlineData("AppPassword", "Password")]
    [InlineData("Pwd", "Password")]
    [InlineData("Secret", "Password")]
    [InlineData("ClientSecret", "ClientSecret")]
    [InlineData("client_secret", "ClientSecret")]
    [InlineData("SmtpClientSecret", "ClientSecret")]
    [InlineData("Bypass", "None")]
    [InlineData("PasswordSecretName", "None")]
    [InlineData("Host", "Host")]
    [InlineData("HostName", "Host")]
    [InlineData("SmtpServer", "Host")]
    [InlineData("ServerAddress", "Host")]
    [InlineData("ProxyHost", "None")]
    [InlineData("EwsUrl", "Url")]
    [InlineData("TokenEndpoint", "None")]
    [InlineData("Port", "Port")]
    [InlineData("smtpport", "Port")]
    [InlineData("Report", "None")]
    [InlineData("Transport", "None")]
    [InlineData("EnableSsl", "TlsSwitch")]
    [InlineData("UseSsl", "TlsSwitch")]
    [InlineData("usetls", "TlsSwitch")]
    [InlineData("Ssl", "TlsSwitch")]
    [InlineData("SecureSocketOptions", "SecureSocketOptions")]
    [InlineData("SmtpSecureSocketOptions", "SecureSocketOptions")]
    [InlineData("securesocketoptions", "SecureSocketOptions")]
    [InlineData("SocketOptions", "SecureSocketOptions")]
    [InlineData("UserName", "None")]
    public void Classify_ReadsTheRoleFromTheKey(string key, string expected)
    {
        Assert.Equal(expected, ConfigKeys.Classify(ConfigKeys.Words(key), out _).ToString());
    }

    [Theory]
    [InlineData("SmtpPassword", "smtp")]
    [InlineData("SmtpEnableSsl", "smtp")]
    [InlineData("ImapSecureSocketOptions", "imap")]
    [InlineData("SmtpServerName", "smtp")]
    [InlineData("Password", "")]
    public void Classify_PrefixTiesFlatKeysTogether(string key, string expectedPrefix)
    {
        var words = ConfigKeys.Words(key);
        ConfigKeys.Classify(words, out var prefixLength);

        Assert.Equal(expectedPrefix, string.Concat(words.Take(prefixLength)));
    }

    [Fact]
    public void SecureSocketOptionsNumbers_MatchMailKit()
    {
        foreach (var option in Enum.GetValues<SecureSocketOptions>())
        {
            var byNumber = new ConfigSetting(ConfigRole.SecureSocketOptions, "k", "k", "", ((int)option).ToString(System.Globalization.CultureInfo.InvariantCulture), default);
            var byName = new ConfigSetting(ConfigRole.SecureSocketOptions, "k", "k", "", option.ToString().ToUpperInvariant(), default);

            Assert.Equal(option.ToString(), byNumber.AsTlsMode.ToString());
            Assert.Equal(option.ToString(), byName.AsTlsMode.ToString());
        }
    }

    [Fact]
    public async Task SeveralRulesOnOneFile_ReadTheFileOnce()
    {
        var file = new CountingAdditionalText("/src/appsettings.json", MailSettingsJson);

        var diagnostics = await AnalyzeAsync(file);

        // Port 465 to smtp.office365.com fails whatever the mode, so the transport policy reports the mismatch
        // (LA2003) and not the plaintext mode (LA2001), as it does for the same call in code.
        Assert.Equal(1, file.Reads);
        Assert.Equal(["LA1001", "LA1003", "LA1003", "LA2003", "LA3001"], diagnostics.Select(d => d.Id).Order(StringComparer.Ordinal));
        Assert.All(diagnostics, d => Assert.Equal("/src/appsettings.json", d.Location.GetLineSpan().Path));
    }

    [Fact]
    public async Task FilesThatAreNotConfiguration_AreNeverRead()
    {
        var files = new[]
        {
            new CountingAdditionalText("/src/AnalyzerReleases.Shipped.md", "## Release 1.0"),
            new CountingAdditionalText("/src/stylecop.json", "{ \"settings\": {} }"),
            new CountingAdditionalText("/src/Secrets.resx", "<root />"),
        };

        var diagnostics = await AnalyzeAsync(files);

        Assert.Empty(diagnostics);
        Assert.All(files, f => Assert.Equal(0, f.Reads));
    }

    [Fact]
    public void ConcurrentRequests_ParseOnce()
    {
        var file = new CountingAdditionalText("/src/web.config", "<configuration><appSettings><add key=\"SmtpPassword\" value=\"Wint3r-Is-C0ming!\" /></appSettings></configuration>");

        var documents = new MailConfigDocument[16];
        Parallel.For(0, documents.Length, i => documents[i] = MailConfigFiles.Get(file, CancellationToken.None));

        Assert.Equal(1, file.Reads);
        Assert.All(documents, d => Assert.Same(documents[0], d));
        Assert.Single(documents[0].Sections);
    }

    [Fact]
    public void CancelledParse_IsNotCached()
    {
        var file = new CountingAdditionalText("/src/appsettings.json", MailSettingsJson);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => MailConfigFiles.Get(file, cancelled.Token));
        var document = MailConfigFiles.Get(file, CancellationToken.None);

        Assert.Single(document.Sections);
        Assert.Equal(2, file.Reads);
    }

    [Fact]
    public async Task OversizedFile_NoDiagnostic()
    {
        var padding = new string(' ', MailConfigFiles.MaxLength);
        var file = new CountingAdditionalText("/src/appsettings.json", MailSettingsJson + padding);

        Assert.Empty(await AnalyzeAsync(file));
    }

    [Fact]
    public async Task UnreadableFile_NoDiagnostic()
    {
        Assert.Empty(await AnalyzeAsync(new CountingAdditionalText("/src/web.config", null)));
        Assert.Empty(await AnalyzeAsync(new ThrowingAdditionalText("/src/appsettings.json")));
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(params AdditionalText[] files)
    {
        var compilation = CSharpCompilation.Create(
            "Consumer",
            [CSharpSyntaxTree.ParseText("internal static class Program { }")],
            TestReferences.Net100,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var options = new AnalyzerOptions([.. files]);
        var diagnostics = await compilation.WithAnalyzers(ConfigAnalyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        return diagnostics;
    }

    private sealed class CountingAdditionalText(string path, string? text) : AdditionalText
    {
        private readonly SourceText? source = text is null ? null : SourceText.From(text);
        private int reads;

        public override string Path { get; } = path;

        public int Reads => Volatile.Read(ref reads);

        public override SourceText? GetText(CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref reads);
            return source;
        }
    }

    private sealed class ThrowingAdditionalText(string path) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => throw new IOException("The file is locked.");
    }
}
