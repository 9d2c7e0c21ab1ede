using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LegacyAuthAnalyzers.Tests.Robustness;

/// <summary>
/// Every C# source the test suite compiles: the string literals of the test files that hold C# code, with the
/// verifier markup removed. Read from the repository, so sources added by later tests are covered automatically.
/// The robustness tests' own inputs are left out: they are run by their own tests, with their own options.
/// </summary>
internal static partial class TestSourceCorpus
{
    private static readonly Lazy<IReadOnlyList<CorpusSource>> Sources = new(Load);

    public static IReadOnlyList<CorpusSource> All => Sources.Value;

    /// <summary>Removes <c>{|#0:</c>, <c>{|LA1001:</c>, <c>|}</c>, <c>[|</c> and <c>|]</c>.</summary>
    public static string StripMarkup(string text) => Markup().Replace(text, string.Empty);

    private static List<CorpusSource> Load()
    {
        var testsFolder = Path.Combine(RepositoryPaths.Root, "tests", "LegacyAuthAnalyzers.Tests");
        var sources = new List<CorpusSource>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(testsFolder, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (file.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                || file.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                || file.Contains(Path.DirectorySeparatorChar + "Robustness" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue;
            }

            var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(file), CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest));
            var index = 0;
            foreach (var token in tree.GetRoot().DescendantTokens())
            {
                if (!token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken)
                    && !token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken)
                    && !token.IsKind(SyntaxKind.StringLiteralToken))
                {
                    continue;
                }

                var text = StripMarkup(token.ValueText);
                if (LooksLikeCSharp(text) && seen.Add(text))
                {
                    sources.Add(new CorpusSource(Path.GetFileNameWithoutExtension(file) + "#" + index++, text));
                }
            }
        }

        return sources;
    }

    private static bool LooksLikeCSharp(string text) =>
        text.Length >= 30
        && text.Contains(';', StringComparison.Ordinal)
        && (text.Contains("class ", StringComparison.Ordinal) || text.Contains("using ", StringComparison.Ordinal) || text.Contains("var ", StringComparison.Ordinal));

    [GeneratedRegex(@"\{\|[^:|{}\s]*:|\|\}|\[\||\|\]")]
    private static partial Regex Markup();
}

/// <summary>One input: a name for failure messages and the source text.</summary>
internal sealed record CorpusSource(string Name, string Text);
