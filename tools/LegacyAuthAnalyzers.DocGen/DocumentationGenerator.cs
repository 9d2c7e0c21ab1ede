using System.Text;
using Microsoft.CodeAnalysis;

namespace LegacyAuthAnalyzers.DocGen;

/// <summary>A file the generator owns, or owns part of, with the content it should have.</summary>
internal sealed record GeneratedFile(string RelativePath, string Content);

/// <summary>What the documentation should look like, and what the generator cannot fix by itself.</summary>
internal sealed record GenerationResult(IReadOnlyList<GeneratedFile> Files, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings);

/// <summary>A severity preset shipped as a global analyzer config in the package.</summary>
internal sealed record Preset(string Name, string Summary, Func<RuleInfo, string> Severity);

/// <summary>
/// Derives from the rule catalog: the README rules table, the title line of every rule page and the severity presets;
/// and from the README, the package README with absolute links. Everything else in those files is written by hand.
/// </summary>
internal static class DocumentationGenerator
{
    public const string ReadmePath = "README.md";
    public const string RulesStart = "<!-- rules:start -->";
    public const string RulesEnd = "<!-- rules:end -->";
    public const string PresetFolder = "src/LegacyAuthAnalyzers.Package/buildTransitive/presets";

    public static readonly IReadOnlyList<Preset> Presets =
    [
        new("none", "every rule is off; turn single rules on in .editorconfig", _ => "none"),
        new("recommended", "the Warning rules fail the build, the noisier Info rules show as warnings", rule => rule.DefaultSeverity >= DiagnosticSeverity.Warning ? "error" : "warning"),
        new("all-warnings", "every rule is a warning", _ => "warning"),
        new("all-errors", "every rule is an error", _ => "error"),
    ];

    public static string RulePagePath(string id) => $"docs/rules/{id}.md";

    public static GenerationResult Generate(string root, IReadOnlyList<RuleInfo> rules, IReadOnlyCollection<string> optionKeys)
    {
        var files = new List<GeneratedFile>();
        var errors = new List<string>();
        var warnings = new List<string>();

        var readme = File.ReadAllText(Path.Combine(root, ReadmePath));
        if (ReplaceBetweenMarkers(readme, RenderRulesTable(rules, NewLine(readme))) is { } newReadme)
        {
            files.Add(new GeneratedFile(ReadmePath, newReadme));
            files.Add(new GeneratedFile(PackageReadme.Path, PackageReadme.Render(newReadme, ProjectLinks.Url)));
        }
        else
        {
            errors.Add($"{ReadmePath} has no '{RulesStart}' ... '{RulesEnd}' section for the rules table.");
        }

        errors.AddRange(optionKeys
            .Where(key => !readme.Contains($"`{key}`", StringComparison.Ordinal))
            .Select(key => $"{ReadmePath} does not document the option '{key}'; add it to the options table."));

        foreach (var rule in rules)
        {
            var page = Path.Combine(root, RulePagePath(rule.Id));
            if (File.Exists(page))
            {
                files.Add(new GeneratedFile(RulePagePath(rule.Id), WithTitleLine(File.ReadAllText(page), rule)));
            }
            else
            {
                warnings.Add($"{RulePagePath(rule.Id)} does not exist yet; its title line will be generated once it does.");
            }
        }

        files.AddRange(Presets.Select(preset => new GeneratedFile($"{PresetFolder}/{preset.Name}.globalconfig", RenderPreset(preset, rules))));
        return new GenerationResult(files, errors, warnings);
    }

    /// <summary>The generated files whose content on disk differs from what they should be.</summary>
    public static IReadOnlyList<GeneratedFile> StaleFiles(string root, GenerationResult result) =>
        result.Files
            .Where(file =>
            {
                var path = Path.Combine(root, file.RelativePath);
                return !File.Exists(path) || !string.Equals(File.ReadAllText(path), file.Content, StringComparison.Ordinal);
            })
            .ToList();

    public static string RenderRulesTable(IReadOnlyList<RuleInfo> rules, string newLine = "\n")
    {
        var table = new StringBuilder()
            .Append("| ID | Title | Default severity | Code fix |").Append(newLine)
            .Append("|----|-------|------------------|----------|").Append(newLine);
        foreach (var rule in rules)
        {
            table.Append($"| [{rule.Id}]({RulePagePath(rule.Id)}) | {rule.Title} | {rule.DefaultSeverity} | {(rule.HasCodeFix ? "yes" : rule.NoCodeFixReason is { } reason ? "no: " + reason : "no")} |").Append(newLine);
        }

        return table.ToString();
    }

    /// <summary>The text with everything between the markers replaced; null when the markers are missing.</summary>
    public static string? ReplaceBetweenMarkers(string text, string content)
    {
        var start = text.IndexOf(RulesStart, StringComparison.Ordinal);
        var end = start < 0 ? -1 : text.IndexOf(RulesEnd, start, StringComparison.Ordinal);
        if (end < 0)
        {
            return null;
        }

        var afterStart = start + RulesStart.Length;
        return text[..afterStart] + NewLine(text) + content + text[end..];
    }

    /// <summary>The page with its first line set to <c># LAxxxx: title</c>.</summary>
    public static string WithTitleLine(string page, RuleInfo rule)
    {
        var title = $"# {rule.Id}: {rule.Title}";
        var lineEnd = page.IndexOf('\n', StringComparison.Ordinal);
        if (lineEnd < 0)
        {
            return title + NewLine(page);
        }

        var firstLineEnd = lineEnd > 0 && page[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
        return title + page[firstLineEnd..];
    }

    public static string RenderPreset(Preset preset, IReadOnlyList<RuleInfo> rules)
    {
        var text = new StringBuilder()
            .Append($"# LegacyAuthAnalyzers preset '{preset.Name}': {preset.Summary}.\n")
            .Append("# Selected with <LegacyAuthAnalyzersPreset>").Append(preset.Name).Append("</LegacyAuthAnalyzersPreset>.\n")
            .Append("# Generated from the rule descriptors by tools/LegacyAuthAnalyzers.DocGen; do not edit.\n")
            .Append("is_global = true\n")
            .Append("# Below zero, so the project's own .globalconfig and .editorconfig entries win.\n")
            .Append("global_level = -1\n");
        foreach (var rule in rules)
        {
            text.Append('\n').Append($"# {rule.Id}: {rule.Title}\n").Append($"dotnet_diagnostic.{rule.Id}.severity = {preset.Severity(rule)}\n");
        }

        return text.ToString();
    }

    private static string NewLine(string text) => text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
}
