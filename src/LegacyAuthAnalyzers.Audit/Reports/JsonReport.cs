using System.Text.Json;
using System.Text.Json.Serialization;
using LegacyAuthAnalyzers.Audit.Model;

namespace LegacyAuthAnalyzers.Audit.Reports;

/// <summary>
/// The machine-readable report (<c>--json</c>), and the input of <c>legacy-auth merge</c>. Its layout is described
/// in docs/audit.md; <see cref="SchemaVersion"/> changes whenever a field is renamed or removed or changes meaning
/// (new fields keep the version).
/// </summary>
internal static class JsonReport
{
    public const int SchemaVersion = 1;

    private static readonly JsonSerializerOptions s_options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static void Write(AuditResult result, string path)
    {
        CreateFolderOf(path);
        File.WriteAllText(path, Serialize(result));
    }

    public static string Serialize(AuditResult result)
    {
        var findings = result.Findings.ToList();
        var document = new Document(
            SchemaVersion,
            new ToolInfo(ToolVersion.Name, ToolVersion.Current),
            result.Shard,
            new Summary(
                result.Repositories.Count,
                result.FilesScanned,
                result.FilesSkipped,
                result.FilesFailed,
                findings.Count,
                Enum.GetValues<Severity>().Reverse().ToDictionary(s => s.Name(), s => findings.Count(f => f.Severity == s)),
                findings.GroupBy(f => f.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count())),
            result.Repositories.Select(r => new RepositoryEntry(
                r.Name, r.Projects, r.FilesScanned, r.FilesSkipped, r.FilesFailed,
                new SortedDictionary<string, int>(r.SkippedByReason.ToDictionary(), StringComparer.Ordinal), r.AnalyzerErrors, r.Findings.Count)).ToList(),
            findings.Select(f => new FindingEntry(
                f.RuleId, f.Severity.Name(), f.Repository, f.Location.Path, f.Location.Line, f.Location.Column,
                f.Location.EndLine, f.Location.EndColumn, f.Message, f.Fingerprint,
                f.RelatedLocations.Select(l => new LocationEntry(l.Path, l.Line, l.Column, l.EndLine, l.EndColumn)).ToList())).ToList());
        return JsonSerializer.Serialize(document, s_options);
    }

    /// <summary>Reads a report this tool wrote; throws <see cref="UsageException"/> for anything else.</summary>
    public static AuditResult Read(string path)
    {
        Document? document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(File.ReadAllText(path), s_options);
        }
        catch (JsonException e)
        {
            throw new UsageException($"'{path}' is not a legacy-auth JSON report: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"'{path}' cannot be read: {e.Message}");
        }

        if (document is null || document.SchemaVersion != SchemaVersion || document.Repositories is null || document.Findings is null)
        {
            throw new UsageException($"'{path}' is not a legacy-auth JSON report of schema version {SchemaVersion}.");
        }

        var findings = document.Findings.Select(f => new Finding(
                f.RuleId,
                SeverityNames.TryParse(f.Severity, out var severity) ? severity : Severity.Info,
                f.Repository,
                new SourceSpan(f.Path, f.Line, f.Column, f.EndLine, f.EndColumn),
                f.Message,
                (f.RelatedLocations ?? []).Select(l => new SourceSpan(l.Path, l.Line, l.Column, l.EndLine, l.EndColumn)).ToList(),
                f.Fingerprint))
            .ToLookup(f => f.Repository, StringComparer.Ordinal);

        var repositories = document.Repositories.Select(r => new RepositoryResult(
            r.Name, r.Projects, r.FilesScanned, r.FilesSkipped, r.FilesFailed,
            r.SkippedByReason ?? new SortedDictionary<string, int>(), r.AnalysisErrors, findings[r.Name].ToList())).ToList();
        return new AuditResult(repositories, document.Shard);
    }

    internal static void CreateFolderOf(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }

    private sealed record Document(
        int SchemaVersion,
        ToolInfo Tool,
        string? Shard,
        Summary Summary,
        List<RepositoryEntry> Repositories,
        List<FindingEntry> Findings);

    private sealed record ToolInfo(string Name, string Version);

    private sealed record Summary(
        int Repositories,
        int FilesScanned,
        int FilesSkipped,
        int FilesFailed,
        int Findings,
        Dictionary<string, int> BySeverity,
        Dictionary<string, int> ByRule);

    private sealed record RepositoryEntry(
        string Name,
        int Projects,
        int FilesScanned,
        int FilesSkipped,
        int FilesFailed,
        SortedDictionary<string, int>? SkippedByReason,
        int AnalysisErrors,
        int Findings);

    private sealed record FindingEntry(
        string RuleId,
        string Severity,
        string Repository,
        string Path,
        int Line,
        int Column,
        int EndLine,
        int EndColumn,
        string Message,
        string Fingerprint,
        List<LocationEntry>? RelatedLocations);

    private sealed record LocationEntry(string Path, int Line, int Column, int EndLine, int EndColumn);
}
