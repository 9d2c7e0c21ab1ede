namespace LegacyAuthAnalyzers.Audit.Model;

/// <summary>The audit of one repository: its file counts and its findings, sorted by path, line, column and rule.</summary>
internal sealed record RepositoryResult(
    string Name,
    int Projects,
    int FilesScanned,
    int FilesSkipped,
    int FilesFailed,
    IReadOnlyDictionary<string, int> SkippedByReason,
    int AnalyzerErrors,
    IReadOnlyList<Finding> Findings);

/// <summary>A whole run (or several merged): repositories in name order, and the shard it covers.</summary>
internal sealed record AuditResult(IReadOnlyList<RepositoryResult> Repositories, string? Shard)
{
    public IEnumerable<Finding> Findings => Repositories.SelectMany(repository => repository.Findings);

    public int FilesScanned => Repositories.Sum(repository => repository.FilesScanned);

    public int FilesSkipped => Repositories.Sum(repository => repository.FilesSkipped);

    public int FilesFailed => Repositories.Sum(repository => repository.FilesFailed);
}
