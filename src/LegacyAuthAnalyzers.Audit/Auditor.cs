using System.Collections.Concurrent;
using LegacyAuthAnalyzers.Audit.Analysis;
using LegacyAuthAnalyzers.Audit.Model;
using LegacyAuthAnalyzers.Audit.Scanning;

namespace LegacyAuthAnalyzers.Audit;

/// <summary>Where a run is: groups (compilations) done out of all, and files read so far.</summary>
internal readonly record struct AuditProgress(int GroupsDone, int GroupsTotal, int FilesDone, string Repository);

/// <summary>
/// Runs the audit: scans every repository, then analyzes its groups on <c>jobs</c> workers, one compilation per
/// worker at a time, so memory is bounded by the largest projects rather than by the size of the tree.
/// </summary>
internal static class Auditor
{
    public static async Task<AuditResult> RunAsync(
        IReadOnlyList<Repository> repositories,
        int jobs,
        ScanLimits limits,
        string? shard,
        IProgress<AuditProgress>? progress,
        CancellationToken cancellationToken)
    {
        var counts = repositories.ToDictionary(repository => repository.Name, _ => new FileCounts(), StringComparer.Ordinal);
        var groups = new ConcurrentBag<ProjectGroup>();
        await Parallel.ForEachAsync(
            repositories,
            new ParallelOptions { MaxDegreeOfParallelism = jobs, CancellationToken = cancellationToken },
            (repository, _) =>
            {
                try
                {
                    foreach (var group in RepositoryScanner.Scan(repository, limits, counts[repository.Name]))
                    {
                        groups.Add(group);
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
                {
                    // A repository removed or made unreadable while the audit walks it fails alone.
                    counts[repository.Name].AddFailed();
                }

                return ValueTask.CompletedTask;
            }).ConfigureAwait(false);

        // Largest first, so the last worker does not start the biggest project when the others are done.
        var ordered = groups.OrderByDescending(group => group.FileCount).ThenBy(group => group.ProjectPath ?? group.Folder, StringComparer.Ordinal).ToList();
        var findings = new ConcurrentDictionary<string, ConcurrentBag<RawFinding>>(StringComparer.Ordinal);
        var errors = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var done = 0;
        var files = 0;
        progress?.Report(new AuditProgress(0, ordered.Count, 0, string.Empty));

        await Parallel.ForEachAsync(
            ordered,
            new ParallelOptions { MaxDegreeOfParallelism = jobs, CancellationToken = cancellationToken },
            async (group, token) =>
            {
                var name = group.Repository.Name;
                try
                {
                    var result = await GroupAnalyzer.AnalyzeAsync(group, limits, counts[name], token).ConfigureAwait(false);
                    var bag = findings.GetOrAdd(name, _ => []);
                    foreach (var finding in result.Findings)
                    {
                        bag.Add(finding);
                    }

                    if (result.AnalyzerErrors > 0)
                    {
                        errors.AddOrUpdate(name, result.AnalyzerErrors, (_, count) => count + result.AnalyzerErrors);
                    }
                }
                catch (Exception) when (!token.IsCancellationRequested)
                {
                    // A compilation that cannot be built or analyzed fails its group, never the run.
                    errors.AddOrUpdate(name, 1, (_, count) => count + 1);
                }

                var current = Interlocked.Increment(ref done);
                var read = Interlocked.Add(ref files, group.FileCount);
                progress?.Report(new AuditProgress(current, ordered.Count, read, name));
            }).ConfigureAwait(false);

        var results = repositories
            .OrderBy(repository => repository.Name, StringComparer.Ordinal)
            .Select(repository =>
            {
                var c = counts[repository.Name];
                return new RepositoryResult(
                    repository.Name,
                    ordered.Count(group => group.Repository == repository && group.ProjectPath is not null),
                    c.Scanned,
                    c.Skipped,
                    c.Failed,
                    c.SkippedByReason,
                    errors.GetValueOrDefault(repository.Name),
                    Fingerprints.Assign(findings.TryGetValue(repository.Name, out var bag) ? bag : []));
            })
            .ToList();

        return new AuditResult(results, shard);
    }
}
