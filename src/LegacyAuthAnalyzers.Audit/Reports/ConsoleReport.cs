using System.Globalization;
using LegacyAuthAnalyzers.Audit.Model;
using Spectre.Console;

namespace LegacyAuthAnalyzers.Audit.Reports;

/// <summary>
/// The console output: every finding as a compiler-style line, then a summary table per repository and per rule.
/// On a terminal the table is drawn with Spectre.Console; redirected or with <c>--no-progress</c>, plain lines.
/// </summary>
internal static class ConsoleReport
{
    public static void Write(AuditResult result, bool plain, TextWriter output)
    {
        foreach (var finding in result.Findings)
        {
            output.WriteLine(Line(finding));
        }

        if (plain)
        {
            WritePlainSummary(result, output);
        }
        else
        {
            WriteTables(result);
        }
    }

    /// <summary><c>repository/path(line,column): warning LA1001: message</c>, the shape CI logs and editors link.</summary>
    public static string Line(Finding finding) => Printable(string.Create(
        CultureInfo.InvariantCulture,
        $"{finding.Repository}/{finding.Location.Path}({finding.Location.Line},{finding.Location.Column}): {finding.Severity.Name()} {finding.RuleId}: {finding.Message}"));

    /// <summary>
    /// Messages quote names and hosts from the scanned code, and paths come from the scanned tree: a control
    /// character there (an escape sequence, a line break) must not reach the terminal or split a CI log line.
    /// </summary>
    public static string Printable(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsControl(chars[i]))
            {
                chars[i] = '?';
            }
        }

        return new string(chars);
    }

    private static void WritePlainSummary(AuditResult result, TextWriter output)
    {
        var findings = result.Findings.ToList();
        output.WriteLine();
        foreach (var repository in result.Repositories)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Printable(repository.Name)}: {repository.Findings.Count} findings; files scanned {repository.FilesScanned}, skipped {repository.FilesSkipped}, failed {repository.FilesFailed}"));
        }

        foreach (var rule in findings.GroupBy(f => f.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rule.Key}: {rule.Count()}"));
        }

        output.WriteLine(Total(result, findings));
    }

    private static void WriteTables(AuditResult result)
    {
        var findings = result.Findings.ToList();
        var repositories = new Table().Title("Repositories").AddColumns("Repository", "Errors", "Warnings", "Info", "Scanned", "Skipped", "Failed");
        foreach (var repository in result.Repositories)
        {
            repositories.AddRow(
                Markup.Escape(Printable(repository.Name)),
                Number(repository.Findings.Count(f => f.Severity == Severity.Error)),
                Number(repository.Findings.Count(f => f.Severity == Severity.Warning)),
                Number(repository.Findings.Count(f => f.Severity == Severity.Info)),
                Number(repository.FilesScanned),
                Number(repository.FilesSkipped),
                Number(repository.FilesFailed));
        }

        AnsiConsole.Write(repositories);
        if (findings.Count > 0)
        {
            var rules = new Table().Title("Rules").AddColumns("Rule", "Findings", "Tied to");
            foreach (var rule in findings.GroupBy(f => f.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                rules.AddRow(rule.Key, Number(rule.Count()), Markup.Escape(Deadlines.ForRule(rule.Key).When));
            }

            AnsiConsole.Write(rules);
        }

        AnsiConsole.WriteLine(Total(result, findings));
    }

    private static string Total(AuditResult result, List<Finding> findings) => string.Create(
        CultureInfo.InvariantCulture,
        $"{findings.Count} findings ({findings.Count(f => f.Severity == Severity.Error)} errors, {findings.Count(f => f.Severity == Severity.Warning)} warnings, {findings.Count(f => f.Severity == Severity.Info)} info) in {result.Repositories.Count} repositories; files scanned {result.FilesScanned}, skipped {result.FilesSkipped}, failed {result.FilesFailed}");

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
