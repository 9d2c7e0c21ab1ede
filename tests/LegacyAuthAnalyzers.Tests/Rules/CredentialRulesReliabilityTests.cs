using System.Collections.Immutable;
using System.Text;
using LegacyAuthAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace LegacyAuthAnalyzers.Tests.Rules;

/// <summary>SPEC §8: the credential rules never throw, whatever the input.</summary>
public sealed class CredentialRulesReliabilityTests
{
    private static readonly DiagnosticAnalyzer[] CredentialAnalyzers = CredentialRules.CreateAnalyzers();

    public static TheoryData<string> HostileSources => new(
    [
        // Error types and missing members everywhere.
        """
        using MailKit.Net.Smtp;
        public static class C
        {
            public static void M(SmtpClient client, Missing m)
            {
                client.Authenticate(m.User, m.Password);
                client.Authenticate(new System.Net.NetworkCredential(m.User, Undefined.Value));
                client.Connect(new System.Uri(m.Url));
                new System.Net.Mail.SmtpClient { Credentials = m.Credentials };
                client.Authenticate(new MailKit.Security.SaslMechanismPlain(null!, null!));
            }
        }
        """,
        // Incomplete statements.
        """
        using MailKit.Net.Imap;
        public static class C
        {
            public static void M(ImapClient client)
            {
                client.Authenticate("user", 
                client.Connect(new System.Uri(
                var credential = new System.Net.NetworkCredential { Password = };
                new System.Net.Mail.SmtpClient { Credentials = credential
        """,
        // Cycles between fields and locals.
        """
        using MailKit.Net.Smtp;
        public sealed class C
        {
            private static readonly string A = B;
            private static readonly string B = A;
            private readonly System.Net.NetworkCredential credential;
            public C() => credential = credential!;
            public void M(SmtpClient client)
            {
                var p = "Tr0ub4dor&3x";
                p = p + "!";
                var q = q2;
                var q2 = q;
                client.Authenticate("user", A);
                client.Authenticate("user", p);
                client.Authenticate(credential);
            }
        }
        """,
        // Malformed connection URIs and hosts.
        """
        using System;
        using MailKit.Net.Smtp;
        public static class C
        {
            public static void M(SmtpClient client)
            {
                client.Connect(new Uri("smtp://:@"));
                client.Connect(new Uri("smtps://user:%ZZ@[::1"));
                client.Connect(new Uri("imap://@@@:"));
                client.Connect(new Uri("://user:pass@"));
                client.Connect("[", 0, false);
                client.Authenticate("user", "Tr0ub4dor&3x");
            }
        }
        """,
        // Deep nesting of parentheses, conditionals and concatenations.
        "using MailKit.Net.Smtp;\npublic static class C\n{\n    public static void M(SmtpClient client, bool b)\n    {\n        client.Authenticate(\"user\", "
            + new string('(', 300) + "\"x\"" + new string(')', 300) + " + " + string.Join(" + ", Enumerable.Range(0, 500).Select(i => $"(b ? \"a{i}\" : \"b{i}\")")) + ");\n    }\n}\n",
    ]);

    [Theory]
    [MemberData(nameof(HostileSources))]
    public async Task HostileSource_DoesNotThrow(string source)
    {
        var compilation = AnalyzerRunner.Compile(source, TestReferences.All);

        var (diagnostics, exceptions) = await AnalyzerRunner.RunAsync(compilation, ImmutableDictionary<string, string>.Empty, CredentialAnalyzers);

        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }

    [Fact]
    public async Task HugeLiteral_ReportsWithoutRevealingIt()
    {
        var secret = new StringBuilder().Insert(0, "Tr0ub4dor&3x", 100_000).ToString();
        var source = $$"""
            using MailKit.Net.Smtp;
            public static class C
            {
                public static void M(SmtpClient client) => client.Authenticate("user", "{{secret}}");
            }
            """;

        var diagnostics = await AnalyzerRunner.GetDiagnosticsAsync(source, CredentialAnalyzers);

        var finding = Assert.Single(diagnostics, d => d.Id == "LA1001");
        Assert.Contains("1200000-character", finding.GetMessage(), StringComparison.Ordinal);
        SecretAssert.NotInMessages("Tr0ub4dor&3x", diagnostics);
    }

    [Fact]
    public async Task MalformedCredentialSinksOption_DoesNotThrow()
    {
        const string source = """
            using MailKit.Net.Smtp;
            public static class C
            {
                public static void M(SmtpClient client) => client.Authenticate("user", "Tr0ub4dor&3x");
            }
            """;
        var options = ImmutableDictionary<string, string>.Empty
            .Add("legacy_auth.credential_sinks", "(,), ..ctor(), A.(x, .B(, Contoso..ctor(, ;;; , )(")
            .Add("legacy_auth.microsoft365_hosts", ",,;[")
            .Add("legacy_auth.local_hosts", "://, @, [");

        var diagnostics = await AnalyzerRunner.GetDiagnosticsAsync(source, TestReferences.All, options, CredentialAnalyzers);

        Assert.Contains(diagnostics, d => d.Id == "LA1001");
    }
}
