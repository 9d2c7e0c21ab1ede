namespace LegacyAuthAnalyzers.Audit.Model;

/// <summary>A place in a repository: a repository-relative path with '/' separators and 1-based line and column.</summary>
internal sealed record SourceSpan(string Path, int Line, int Column, int EndLine, int EndColumn);

/// <summary>
/// One diagnostic of the package's analyzers in a scanned repository. The message is the analyzer's, which never
/// contains a secret. <see cref="Fingerprint"/> identifies the finding across runs even when lines move.
/// </summary>
internal sealed record Finding(
    string RuleId,
    Severity Severity,
    string Repository,
    SourceSpan Location,
    string Message,
    IReadOnlyList<SourceSpan> RelatedLocations,
    string Fingerprint);

/// <summary>Effective severities, after the repository's .editorconfig and .globalconfig.</summary>
internal enum Severity
{
    Info = 1,
    Warning = 2,
    Error = 3,
}

internal static class SeverityNames
{
    public static string Name(this Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };

    /// <summary>The SARIF <c>level</c>: SARIF calls an informational result a note.</summary>
    public static string SarifLevel(this Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    public static bool TryParse(string? text, out Severity severity)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "error":
                severity = Severity.Error;
                return true;
            case "warning":
                severity = Severity.Warning;
                return true;
            case "info" or "note" or "suggestion":
                severity = Severity.Info;
                return true;
            default:
                severity = default;
                return false;
        }
    }
}
