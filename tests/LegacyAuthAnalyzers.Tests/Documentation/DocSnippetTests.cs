using System.Text.RegularExpressions;
using LegacyAuthAnalyzers.CodeFixes.Fixes.OAuth;
using LegacyAuthAnalyzers.Infrastructure;
using LegacyAuthAnalyzers.Tests.EndToEnd;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace LegacyAuthAnalyzers.Tests.Documentation;

/// <summary>
/// The C# snippets of the rule pages, the OAuth migration guide and the README show what the code fixes write. They are
/// checked against the fixes' own templates, so a renamed member or environment variable fails here instead of
/// leaving the documentation behind.
/// </summary>
public sealed partial class DocSnippetTests
{
    public static TheoryData<string> Pages()
    {
        var pages = new TheoryData<string>();
        foreach (var page in Directory.GetFiles(Path.Combine(Repository.Root, "docs", "rules"), "*.md").Order(StringComparer.Ordinal))
        {
            pages.Add(Path.GetRelativePath(Repository.Root, page).Replace('\\', '/'));
        }

        pages.Add("docs/oauth-migration.md");
        pages.Add("README.md");
        return pages;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Snippets_CallOnlyMembersTheTokenProviderHas(string page)
    {
        var members = TokenProviderMembers();
        var snippets = CSharpSnippets(page);

        foreach (var snippet in snippets)
        {
            Assert.DoesNotMatch(NoSuchProvider(), snippet);
            foreach (Match call in ProviderMember().Matches(snippet))
            {
                Assert.True(members.Contains(call.Groups[1].Value), $"{page}: MailTokenProvider has no member '{call.Groups[1].Value}' in:\n{snippet}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Snippets_ReadTheEnvironmentVariablesTheFixWrites(string page)
    {
        var generated = GeneratedEnvironmentReads();

        foreach (var snippet in CSharpSnippets(page))
        {
            // The fix's shape: a variable read that throws when the variable is missing.
            foreach (Match read in EnvironmentRead().Matches(snippet))
            {
                var text = Regex.Replace(read.Value, @"\s+", " ");
                Assert.True(generated.Contains(text), $"{page}: '{text}' is not what the environment variable fix writes; it writes one of:\n{string.Join("\n", generated)}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void HowToFix_NeverSendsTheSecretToConfiguration(string page)
    {
        var text = File.ReadAllText(Path.Combine(Repository.Root, page));
        var howToFix = Section(text, "## How to fix");
        var codeFixRow = text.Split('\n').FirstOrDefault(line => line.StartsWith("| Code fix |", StringComparison.Ordinal)) ?? string.Empty;

        // The fixes read environment variables; "configuration" in a fix description sent readers the wrong way.
        Assert.DoesNotMatch(FromConfiguration(), howToFix);
        Assert.DoesNotMatch(FromConfiguration(), codeFixRow);
    }

    [Fact]
    public void EnvironmentRead_FindsAHandWrittenVariant()
    {
        const string snippet = """
            client.Authenticate("alerts@example.com", Environment.GetEnvironmentVariable("SMTP_APP_PASSWORD")
                ?? throw new InvalidOperationException("SMTP_APP_PASSWORD is not set."));
            """;

        var read = Assert.Single(EnvironmentRead().Matches(snippet));
        Assert.DoesNotContain(Regex.Replace(read.Value, @"\s+", " "), GeneratedEnvironmentReads());
    }

    private static HashSet<string> TokenProviderMembers()
    {
        var source = MailTokenProviderTemplate.GenerateClass(qualifiedNames: true, nullableAnnotations: true, UserSignIn.Interactive);
        var type = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>()
            .Single(declaration => declaration.Identifier.Text == MailTokenProviderTemplate.TypeName);
        var names = type.Members.Select(member => member switch
        {
            MethodDeclarationSyntax method => method.Identifier.Text,
            PropertyDeclarationSyntax property => property.Identifier.Text,
            FieldDeclarationSyntax field => field.Declaration.Variables[0].Identifier.Text,
            _ => string.Empty,
        });
        return names.Where(name => name.Length > 0).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The expressions the environment variable fix writes, as the documentation spells them (without <c>global::</c>).</summary>
    private static HashSet<string> GeneratedEnvironmentReads() =>
        new[] { MailProtocol.Smtp, MailProtocol.Imap, MailProtocol.Pop3, MailProtocol.Ews }
            .Select(protocol => (Protocol: protocol, Variable: ReadFromEnvironmentPlan.VariableName(protocol, "password")))
            .Select(read => $"Environment.GetEnvironmentVariable(\"{read.Variable}\") ?? throw new InvalidOperationException(\"Set the {read.Variable} environment variable to the {ReadFromEnvironmentPlan.Describe(read.Protocol)} password.\")")
            .ToHashSet(StringComparer.Ordinal);

    private static List<string> CSharpSnippets(string page)
    {
        var text = File.ReadAllText(Path.Combine(Repository.Root, page)).Replace("\r\n", "\n", StringComparison.Ordinal);
        return CodeBlock().Matches(text).Select(match => match.Groups[1].Value).ToList();
    }

    private static string Section(string text, string heading)
    {
        var start = text.IndexOf(heading + "\n", StringComparison.Ordinal);
        if (start < 0)
        {
            return string.Empty;
        }

        var end = text.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return end < 0 ? text[start..] : text[start..end];
    }

    [GeneratedRegex(@"```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"\bMailTokenProvider\.(\w+)")]
    private static partial Regex ProviderMember();

    // A token provider the fixes never write: an instance called tokenProvider, or GetAccessToken[Async].
    [GeneratedRegex(@"\btokenProvider\.|\bGetAccessToken(Async)?\(")]
    private static partial Regex NoSuchProvider();

    [GeneratedRegex(@"Environment\.GetEnvironmentVariable\(""[^""]*""\)\s*\?\?\s*throw new InvalidOperationException\([^;]*?""\)")]
    private static partial Regex EnvironmentRead();

    [GeneratedRegex(@"(?i)\b(?:read|take|load|get)s?\b[^.\n]*\bfrom (?:the )?configuration\b")]
    private static partial Regex FromConfiguration();
}
