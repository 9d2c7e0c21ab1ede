using System.Collections.Immutable;
using LegacyAuthAnalyzers.Tests.Infrastructure;
using LegacyAuthAnalyzers.Tests.Robustness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace LegacyAuthAnalyzers.Tests.Transport;

/// <summary>
/// One transport policy for code and configuration: the same (host, port, mode) written as a MailKit call and as
/// appsettings.json gets the same rule; a TLS switch in configuration means what the library that reads it does.
/// </summary>
public sealed class TransportPolicyParityTests
{
    [Theory]
    [InlineData("smtp-mail.outlook.com", 465, "SslOnConnect", "LA2003")]
    [InlineData("smtp.office365.com", 465, "SslOnConnect", "LA2003")]
    [InlineData("smtp.live.com", 465, "StartTls", "LA2003")]
    [InlineData("smtp.gmail.com", 465, "SslOnConnect", null)]
    [InlineData("smtp.contoso.com", 587, "SslOnConnect", "LA2003")]
    [InlineData("imap.contoso.com", 993, "StartTls", "LA2003")]
    [InlineData("smtp.contoso.com", 587, "None", "LA2001")]
    [InlineData("smtp.contoso.com", 587, "Auto", "LA2002")]
    [InlineData("smtp.contoso.com", 587, "StartTlsWhenAvailable", "LA2002")]
    [InlineData("smtp.contoso.com", 465, "Auto", null)]
    [InlineData("smtp-mail.outlook.com", 587, "StartTls", null)]
    public async Task SameInputs_SameAnswerInCodeAndConfiguration(string host, int port, string mode, string? expected)
    {
        var client = host.StartsWith("imap", StringComparison.Ordinal) ? "MailKit.Net.Imap.ImapClient" : "MailKit.Net.Smtp.SmtpClient";
        var code = $$"""
            using MailKit.Security;

            internal static class Sender
            {
                public static void Connect({{client}} client) => client.Connect("{{host}}", {{port}}, SecureSocketOptions.{{mode}});
            }
            """;
        var section = host.StartsWith("imap", StringComparison.Ordinal) ? "Imap" : "Smtp";
        var json = $$"""{ "{{section}}": { "Host": "{{host}}", "Port": {{port}}, "SecureSocketOptions": "{{mode}}" } }""";

        var fromCode = await TransportIdsAsync(code, null);
        var fromConfig = await TransportIdsAsync(ConfigOnlyCode, json);

        Assert.Equal(expected is null ? [] : new[] { expected }, fromCode);
        Assert.Equal(fromCode, fromConfig);
    }

    [Theory]
    [InlineData(MailKitOnlyCode, "LA2002")]
    [InlineData(SystemNetMailOnlyCode, "LA2001")]
    [InlineData(BothLibrariesCode, "LA2001")]
    public async Task UseSslFalse_MeansWhatTheReadingLibraryDoes(string code, string expected)
    {
        var ids = await TransportIdsAsync(code, """{ "Smtp": { "Host": "smtp.contoso.com", "Port": 587, "UseSsl": false } }""", configOnly: true);
        Assert.Equal(new[] { expected }, ids);
    }

    [Fact]
    public async Task UseSslFalse_WhenEitherLibraryMayReadIt_SaysSoInTheMessage()
    {
        var diagnostics = await RunAsync(BothLibrariesCode, """{ "Smtp": { "Host": "smtp.contoso.com", "Port": 587, "UseSsl": false } }""");
        var message = Assert.Single(diagnostics.Where(d => d.Location.Kind == LocationKind.ExternalFile)).GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("no TLS if the SmtpClient of .NET reads it, opportunistic STARTTLS if MailKit does", message, StringComparison.Ordinal);
    }

    private const string ConfigOnlyCode = "internal static class Program { }";

    private const string MailKitOnlyCode = "internal static class Program { static MailKit.Net.Smtp.SmtpClient Create() => new(); }";

    private const string SystemNetMailOnlyCode = "using System.Net.Mail; internal static class Program { static SmtpClient Create() => new(); }";

    private const string BothLibrariesCode = "using System.Net.Mail; internal static class Program { static SmtpClient Create() => new(); static MailKit.Net.Smtp.SmtpClient Other() => new(); }";

    private static async Task<string[]> TransportIdsAsync(string code, string? json, bool configOnly = false)
    {
        var diagnostics = await RunAsync(code, json);
        return diagnostics
            .Where(d => d.Id is "LA2001" or "LA2002" or "LA2003")
            .Where(d => !configOnly || d.Location.Kind == LocationKind.ExternalFile)
            .Select(d => d.Id)
            .OrderBy(id => id, StringComparer.Ordinal)
            .ToArray();
    }

    private static async Task<ImmutableArray<Diagnostic>> RunAsync(string code, string? json)
    {
        var compilation = AnalyzerRunner.Compile(code, TestReferences.All);
        var files = json is null ? ImmutableArray<AdditionalText>.Empty : ImmutableArray.Create<AdditionalText>(new InMemoryText("/src/appsettings.json", json));
        var options = new AnalyzerOptions(files, AnalyzerRunner.CreateOptions(ImmutableDictionary<string, string>.Empty).AnalyzerConfigOptionsProvider);
        var withAnalyzers = compilation.WithAnalyzers(PackageUnderTest.Analyzers, options);
        return await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
    }

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override Microsoft.CodeAnalysis.Text.SourceText GetText(CancellationToken cancellationToken = default) => Microsoft.CodeAnalysis.Text.SourceText.From(text);
    }
}
