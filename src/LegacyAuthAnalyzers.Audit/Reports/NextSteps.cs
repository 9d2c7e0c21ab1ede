namespace LegacyAuthAnalyzers.Audit.Reports;

/// <summary>What to do about a rule's findings: the code fix to run, or the page to read.</summary>
internal static class NextSteps
{
    public static string Command(string ruleId) => $"dotnet format analyzers --diagnostics {ruleId} --severity info";

    /// <summary>Plain text, for SARIF help.</summary>
    public static string Text(string ruleId, bool fixable, string? helpLink) => fixable
        ? $"Code fix: add the LegacyAuthAnalyzers package, run `{Command(ruleId)}` and review the diff; details: {helpLink}"
        : $"No code fix: the rule's page explains the change: {helpLink}";

    /// <summary>Markdown, for the report.</summary>
    public static string Markdown(string ruleId, bool fixable, string? helpLink) => fixable
        ? $"code fix: `{Command(ruleId)}` with the package added"
        : $"no code fix: read [{ruleId}]({helpLink})";
}
