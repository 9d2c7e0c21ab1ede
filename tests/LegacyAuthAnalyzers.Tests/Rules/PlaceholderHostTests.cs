using System.Collections.Immutable;
using LegacyAuthAnalyzers.Tests.Infrastructure;
using LegacyAuthAnalyzers.Tests.Robustness;
using Xunit;

namespace LegacyAuthAnalyzers.Tests.Rules;

/// <summary>
/// A null, empty or single-label placeholder host (<c>"host"</c>, <c>"server"</c>) is never a transport finding:
/// argument-validation tests and samples call <c>Connect(null, 143, SecureSocketOptions.None)</c>, which sends nothing.
/// </summary>
public sealed class PlaceholderHostTests
{
    [Theory]
    [InlineData("null", "143, SecureSocketOptions.None")]
    [InlineData("string.Empty", "143, SecureSocketOptions.None")]
    [InlineData("\"\"", "25, SecureSocketOptions.None")]
    [InlineData("\"host\"", "-1, SecureSocketOptions.None")]
    [InlineData("\"server\"", "587, SecureSocketOptions.StartTlsWhenAvailable")]
    [InlineData("\"HOST\"", "587, false")]
    [InlineData("\"hostname\"", "993, SecureSocketOptions.StartTls")]
    [InlineData("\"mailserver\"", "143, SecureSocketOptions.SslOnConnect")]
    public async Task MailKitPlaceholderHost_NoTransportDiagnostic(string host, string rest)
    {
        var source = $$"""
            using MailKit.Net.Imap;
            using MailKit.Security;

            public sealed class ImapClientTests
            {
                public void Connect_ValidatesArguments(ImapClient client)
                {
                    client.Connect({{host}}, {{rest}});
                }
            }
            """;

        Assert.Empty(await TransportIdsAsync(source));
    }

    [Theory]
    [InlineData("\"imap.fabrikam.com\"", "143, SecureSocketOptions.None", "LA2001")]
    [InlineData("\"mailrelay\"", "143, SecureSocketOptions.None", "LA2001")]
    [InlineData("\"host.fabrikam.com\"", "143, SecureSocketOptions.StartTlsWhenAvailable", "LA2002")]
    [InlineData("\"server01\"", "993, SecureSocketOptions.StartTls", "LA2003")]
    public async Task MailKitRealHost_ReportsTransportDiagnostic(string host, string rest, string expected)
    {
        var source = $$"""
            using MailKit.Net.Imap;
            using MailKit.Security;

            public sealed class Inbox
            {
                public void Open(ImapClient client)
                {
                    client.Connect({{host}}, {{rest}});
                }
            }
            """;

        Assert.Equal([expected], await TransportIdsAsync(source));
    }

    [Theory]
    [InlineData("\"host\"", "25")]
    [InlineData("\"server\"", "465")]
    public async Task SystemNetMailPlaceholderHost_NoTransportDiagnostic(string host, string port)
    {
        var source = $$"""
            public static class Mailer
            {
                public static void Send(System.Net.Mail.MailMessage message)
                {
                    using var client = new System.Net.Mail.SmtpClient({{host}}, {{port}});
                    client.Send(message);
                }
            }
            """;

        Assert.Empty(await TransportIdsAsync(source));
    }

    [Theory]
    [InlineData("\"relay.fabrikam.com\"", "25", "LA2001")]
    [InlineData("\"relay.fabrikam.com\"", "465", "LA2003")]
    public async Task SystemNetMailRealHost_ReportsTransportDiagnostic(string host, string port, string expected)
    {
        var source = $$"""
            public static class Mailer
            {
                public static void Send(System.Net.Mail.MailMessage message)
                {
                    using var client = new System.Net.Mail.SmtpClient({{host}}, {{port}});
                    client.Send(message);
                }
            }
            """;

        Assert.Equal([expected], await TransportIdsAsync(source));
    }

    [Theory]
    [InlineData("host", "")]
    [InlineData("server", "")]
    [InlineData("relay.fabrikam.com", "LA2001 LA2003")]
    public async Task ConfigFileHost_ReportsTransportDiagnosticOnlyForARealHost(string host, string expected)
    {
        var appSettings = $$"""
            { "Smtp": { "Host": "{{host}}", "Port": 465, "SecureSocketOptions": "StartTls" }, "Email": { "Host": "{{host}}", "Port": 25, "UseSsl": false } }
            """;
        var files = ImmutableArray.Create(AnalyzerRunner.AdditionalFile("/src/appsettings.json", appSettings));

        Assert.Equal(expected, string.Join(' ', await TransportIdsAsync("internal static class Program { }", files)));
    }

    private static async Task<string[]> TransportIdsAsync(string source, ImmutableArray<Microsoft.CodeAnalysis.AdditionalText> files = default)
    {
        var diagnostics = await AnalyzerRunner.GetDiagnosticsAsync(
            source,
            TestReferences.All,
            ImmutableDictionary<string, string>.Empty,
            files.IsDefault ? [] : files,
            [.. PackageUnderTest.Analyzers]);
        return diagnostics.Select(d => d.Id).Where(id => id.StartsWith("LA2", StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal).ToArray();
    }
}
