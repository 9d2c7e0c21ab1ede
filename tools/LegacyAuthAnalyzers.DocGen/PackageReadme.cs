using System.Text.RegularExpressions;

namespace LegacyAuthAnalyzers.DocGen;

/// <summary>
/// The README packed into the NuGet package: the repository README with every relative link made absolute against the
/// project URL, because a package page has no repository to resolve <c>docs/rules/LA1001.md</c> against.
/// </summary>
internal static partial class PackageReadme
{
    public const string Path = "src/LegacyAuthAnalyzers.Package/README.md";

    /// <param name="readme">The repository README, rules table included.</param>
    /// <param name="projectUrl">The project's home (<see cref="ProjectLinks.Url"/>).</param>
    public static string Render(string readme, string projectUrl)
    {
        var newLine = readme.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var header = "<!-- Generated from the repository README by tools/LegacyAuthAnalyzers.DocGen: edit README.md instead. -->" + newLine;
        return header + MarkdownLink().Replace(readme, match => match.Groups["open"].Value + Absolute(match.Groups["target"].Value, projectUrl) + ")");
    }

    /// <summary>Whether <paramref name="target"/> needs the repository to resolve: neither a URL nor an e-mail address.</summary>
    public static bool IsRelative(string target) =>
        !target.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        && !target.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        && !target.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase);

    /// <summary>Every link target of a Markdown text, as written.</summary>
    public static IEnumerable<string> LinkTargets(string markdown) =>
        MarkdownLink().Matches(markdown).Select(match => match.Groups["target"].Value);

    private static string Absolute(string target, string projectUrl)
    {
        if (!IsRelative(target))
        {
            return target;
        }

        // A heading of the README itself is shown on the project's home page.
        return target.StartsWith('#')
            ? projectUrl + target
            : projectUrl + "/blob/main/" + target.TrimStart('.', '/');
    }

    // [text](target) and ![alt](target); the text may hold `code` but no closing bracket.
    [GeneratedRegex(@"(?<open>!?\[[^\]]*\]\()(?<target>[^)\s]+)\)")]
    private static partial Regex MarkdownLink();
}
