using System.Collections.Immutable;
using LegacyAuthAnalyzers.Tests.Infrastructure;
using LegacyAuthAnalyzers.Tests.Robustness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace LegacyAuthAnalyzers.Tests.Unbound;

/// <summary>
/// Calls whose arguments have error types (the settings type of another project is missing): the rules judge the
/// overload the arguments fit, and never guess across APIs or on a receiver whose own type is unknown.
/// </summary>
public sealed class UnboundCallTests
{
    [Fact]
    public async Task AuthenticateWithUnresolvedOptions_ReportsPasswordAuthentication()
    {
        const string source = """
            using System.Threading;
            using System.Threading.Tasks;

            public sealed class Sender(SmtpOptions options)
            {
                public async Task SendAsync(MailKit.Net.Smtp.SmtpClient smtpClient, CancellationToken ct)
                {
                    await {|LA1002:smtpClient.AuthenticateAsync(options.Username, options.Password, ct)|};
                    {|LA1002:smtpClient.Authenticate(options.SmtpUser, options.SmtpPass)|};
                    {|LA1002:smtpClient.Authenticate(new System.Net.NetworkCredential(options.Username, options.Password))|};
                }
            }
            """;

        await AssertFindingsAsync(source);
    }

    [Fact]
    public async Task ConnectWithUnresolvedOptions_ReportsTransport()
    {
        const string source = """
            public static class Sender
            {
                public static void Send(MailKit.Net.Imap.ImapClient client, ImapOptions options)
                {
                    {|LA2002:client.Connect(options.Host, options.Port)|};
                    {|LA2002:client.Connect(options.Host, options.Port, options.UseSsl)|};
                    {|LA2001:client.Connect(options.Host, options.Port, MailKit.Security.SecureSocketOptions.None)|};
                    client.Connect(options.Host, 993, MailKit.Security.SecureSocketOptions.SslOnConnect);
                }
            }
            """;

        await AssertFindingsAsync(source);
    }

    [Fact]
    public async Task CreationsWithUnresolvedArguments_ReportCredentialSites()
    {
        const string source = """
            using Microsoft.Exchange.WebServices.Data;

            public static class Exchange
            {
                public static void Connect(ExchangeService service, AccountInfo info)
                {
                    service.Url = new System.Uri("https://mail.contoso.com/EWS/Exchange.asmx");
                    service.Credentials = {|LA1002:new WebCredentials(info.User, info.Password)|};
                }
            }
            """;

        await AssertFindingsAsync(source);
    }

    [Fact]
    public async Task UnknownReceiverOrAmbiguousOverload_NoDiagnostic()
    {
        const string source = """
            public static class Sender
            {
                public static void Send(MailKit.Net.Smtp.SmtpClient client, UnknownClient other, Settings s)
                {
                    // The receiver's own type is unknown: it may not be a mail client at all.
                    other.Authenticate(s.Username, s.Password);
                    other.Connect(s.Host, s.Port);

                    // Arguments whose names fit no overload better than another: no guess.
                    client.Authenticate(s.First, s.Second, s.Third);
                    client.Connect(s.Alpha, s.Beta, s.Gamma);
                }
            }
            """;

        await AssertFindingsAsync(source);
    }

    /// <summary>Runs every analyzer of the package over code that does not compile and compares with the markup.</summary>
    private static async Task AssertFindingsAsync(string markup)
    {
        TestFileMarkupParser.GetSpans(markup, out string source, out ImmutableDictionary<string, ImmutableArray<Microsoft.CodeAnalysis.Text.TextSpan>> spans);
        var compilation = AnalyzerRunner.Compile(source, TestReferences.All);
        var (diagnostics, exceptions) = await AnalyzerRunner.RunAsync(compilation, ImmutableDictionary<string, string>.Empty, PackageUnderTest.Analyzers.ToArray());

        Assert.Empty(exceptions);
        var expected = spans.SelectMany(pair => pair.Value.Select(span => (Id: pair.Key, Span: span))).OrderBy(e => e.Span.Start).ToList();
        var actual = diagnostics.Select(d => (d.Id, Span: d.Location.SourceSpan)).OrderBy(e => e.Span.Start).ToList();
        Assert.Equal(expected.Select(e => $"{e.Id}@{e.Span}"), actual.Select(a => $"{a.Id}@{a.Span}"));
    }
}
