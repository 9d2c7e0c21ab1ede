using System.Globalization;
using System.Text;
using LegacyAuthAnalyzers.Audit.Analysis;
using LegacyAuthAnalyzers.Audit.Model;

namespace LegacyAuthAnalyzers.Audit.Reports;

/// <summary>
/// The Markdown report (<c>--report</c>), written to work as a CI job summary: totals, what breaks when, findings per
/// rule and per repository, the files to fix first and the next step for each rule. It shows counts and paths only,
/// no messages and no code.
/// </summary>
internal static class MarkdownReport
{
    public const int TopFiles = 15;

    public static void Write(AuditResult result, string path)
    {
        JsonReport.CreateFolderOf(path);
        File.WriteAllText(path, Render(result), new UTF8Encoding(false));
    }

    public static string Render(AuditResult result)
    {
        var catalog = AnalyzerCatalog.Instance;
        var findings = result.Findings.ToList();
        var md = new StringBuilder();
        md.AppendLine("# Legacy mail authentication audit");
        md.AppendLine();
        md.AppendLine(Invariant($"{findings.Count} findings in {result.Repositories.Count(r => r.Findings.Count > 0)} of {result.Repositories.Count} repositories: {Count(findings, Severity.Error)} errors, {Count(findings, Severity.Warning)} warnings, {Count(findings, Severity.Info)} info. Files scanned: {result.FilesScanned}, skipped: {result.FilesSkipped}, failed: {result.FilesFailed}."));
        if (result.Shard is { } shard)
        {
            md.AppendLine();
            md.AppendLine(Invariant($"Shard {shard}."));
        }

        md.AppendLine();
        md.AppendLine("## What breaks when");
        md.AppendLine();
        md.AppendLine("| When | What | Findings | Repositories |");
        md.AppendLine("|---|---|---:|---:|");
        foreach (var group in findings.GroupBy(Deadlines.For).OrderBy(g => g.Key.Date ?? DateOnly.MinValue))
        {
            md.AppendLine(Invariant($"| {group.Key.When} | {Cell(group.Key.Text)} | {group.Count()} | {group.Select(f => f.Repository).Distinct().Count()} |"));
        }

        md.AppendLine();
        md.AppendLine("## Findings per rule");
        md.AppendLine();
        md.AppendLine("| Rule | Title | Findings | Repositories | Tied to | Next step |");
        md.AppendLine("|---|---|---:|---:|---|---|");
        foreach (var group in findings.GroupBy(f => f.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var rule = catalog.Rule(group.Key);
            var title = rule?.Title.ToString(CultureInfo.InvariantCulture) ?? group.Key;
            var link = rule?.HelpLinkUri;
            var id = string.IsNullOrEmpty(link) ? group.Key : $"[{group.Key}]({link})";
            var when = string.Join(", ", group.Select(Deadlines.For).Distinct().OrderBy(d => d.Date ?? DateOnly.MinValue).Select(d => d.When));
            md.AppendLine(Invariant($"| {id} | {Cell(title)} | {group.Count()} | {group.Select(f => f.Repository).Distinct().Count()} | {when} | {Cell(NextSteps.Markdown(group.Key, catalog.Fixable.Contains(group.Key), link))} |"));
        }

        md.AppendLine();
        md.AppendLine("## Findings per repository");
        md.AppendLine();
        md.AppendLine("| Repository | Errors | Warnings | Info | Projects | Files scanned | Skipped | Failed |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var repository in result.Repositories.OrderByDescending(r => r.Findings.Count).ThenBy(r => r.Name, StringComparer.Ordinal))
        {
            md.AppendLine(Invariant($"| {Cell(repository.Name)} | {Count(repository.Findings, Severity.Error)} | {Count(repository.Findings, Severity.Warning)} | {Count(repository.Findings, Severity.Info)} | {repository.Projects} | {repository.FilesScanned} | {repository.FilesSkipped}{Reasons(repository)} | {repository.FilesFailed} |"));
        }

        md.AppendLine();
        md.AppendLine("## Fix first");
        md.AppendLine();
        if (findings.Count == 0)
        {
            md.AppendLine("Nothing to fix.");
        }
        else
        {
            // Most severe first, then the earliest date, then the most findings.
            md.AppendLine("| File | Repository | Findings | Most severe | Earliest date | Rules |");
            md.AppendLine("|---|---|---:|---|---|---|");
            var files = findings.GroupBy(f => (f.Repository, f.Location.Path))
                .OrderByDescending(g => g.Max(f => f.Severity))
                .ThenBy(g => g.Min(f => Deadlines.For(f).Date ?? DateOnly.MaxValue))
                .ThenByDescending(g => g.Count())
                .ThenBy(g => g.Key.Repository, StringComparer.Ordinal).ThenBy(g => g.Key.Path, StringComparer.Ordinal)
                .Take(TopFiles);
            foreach (var file in files)
            {
                var earliest = file.Select(Deadlines.For).OrderBy(d => d.Date ?? DateOnly.MaxValue).First();
                md.AppendLine(Invariant($"| `{Code(file.Key.Path)}` | {Cell(file.Key.Repository)} | {file.Count()} | {file.Max(f => f.Severity).Name()} | {earliest.When} | {string.Join(", ", file.Select(f => f.RuleId).Distinct().Order(StringComparer.Ordinal))} |"));
            }
        }

        md.AppendLine();
        md.AppendLine("## Next steps");
        md.AppendLine();
        foreach (var ruleId in findings.Select(f => f.RuleId).Distinct().Order(StringComparer.Ordinal))
        {
            var rule = catalog.Rule(ruleId);
            md.AppendLine(Invariant($"- **{ruleId}** {Cell(rule?.Title.ToString(CultureInfo.InvariantCulture) ?? string.Empty)}: {NextSteps.Text(ruleId, catalog.Fixable.Contains(ruleId), rule?.HelpLinkUri)}."));
        }

        if (findings.Count == 0)
        {
            md.AppendLine("None.");
        }

        return md.ToString();
    }

    private static int Count(IEnumerable<Finding> findings, Severity severity) => findings.Count(f => f.Severity == severity);

    private static string Reasons(RepositoryResult repository) =>
        repository.FilesSkipped == 0 ? string.Empty : " (" + string.Join(", ", repository.SkippedByReason.Select(p => Invariant($"{p.Key} {p.Value}"))) + ")";

    /// <summary>Text in a table cell: a pipe or a line break would end the cell.</summary>
    private static string Cell(string text) => ConsoleReport.Printable(text.ReplaceLineEndings(" ")).Replace("|", "\\|", StringComparison.Ordinal);

    private static string Code(string path) => ConsoleReport.Printable(path).Replace("`", "'", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
