using LegacyAuthAnalyzers.Audit.Cli;
using LegacyAuthAnalyzers.Audit.Model;
using LegacyAuthAnalyzers.Audit.Reports;
using LegacyAuthAnalyzers.Audit.Scanning;
using Spectre.Console;

namespace LegacyAuthAnalyzers.Audit;

/// <summary>
/// <c>legacy-auth audit</c> runs the package's analyzers over source trees without building, restoring or running
/// them; <c>legacy-auth merge</c> combines the JSON reports of shards. Exit codes: 0, 1 when a finding reaches
/// <c>--fail-on</c>, 2 on a usage error.
/// </summary>
internal static class Program
{
    public const int Success = 0;
    public const int FindingsAtFailLevel = 1;
    public const int UsageError = 2;

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 1 && args[0] is "--help" or "-h" or "help")
        {
            Console.Out.WriteLine(CommandLine.Usage);
            return Success;
        }

        if (args.Length == 1 && args[0] == "--version")
        {
            Console.Out.WriteLine(ToolVersion.Current);
            return Success;
        }

        try
        {
            if (args.Length > 0 && args[0] == "shard")
            {
                return ListShard(args);
            }

            var commandLine = CommandLine.Parse(args);
            return commandLine.Command == "merge" ? Merge(commandLine) : await AuditAsync(commandLine).ConfigureAwait(false);
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine($"legacy-auth: {e.Message}");
            Console.Error.WriteLine();
            Console.Error.WriteLine(CommandLine.Usage);
            return UsageError;
        }
    }

    private static async Task<int> AuditAsync(CommandLine commandLine)
    {
        var repositories = RepositoryDiscovery.Discover(commandLine.Inputs);
        if (commandLine.Shard is { } shard)
        {
            repositories = repositories.Where(repository => shard.Contains(repository.Name)).ToList();
        }

        var plain = commandLine.NoProgress || Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive;
        AuditResult result;
        if (plain)
        {
            Console.Out.WriteLine($"legacy-auth {ToolVersion.Current}: auditing {repositories.Count} repositories with {commandLine.Jobs} jobs");
            result = await Auditor.RunAsync(repositories, commandLine.Jobs, commandLine.Limits, commandLine.Shard?.ToString(), null, CancellationToken.None).ConfigureAwait(false);
        }
        else
        {
            result = await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask($"Auditing {repositories.Count} repositories");
                    var progress = new Progress<AuditProgress>(p =>
                    {
                        task.MaxValue = Math.Max(1, p.GroupsTotal);
                        task.Value = p.GroupsDone;
                        task.Description = $"{p.FilesDone} files, {p.GroupsDone}/{p.GroupsTotal} projects";
                    });
                    var audit = await Auditor.RunAsync(repositories, commandLine.Jobs, commandLine.Limits, commandLine.Shard?.ToString(), progress, CancellationToken.None).ConfigureAwait(false);
                    task.Value = task.MaxValue;
                    return audit;
                }).ConfigureAwait(false);
        }

        return Finish(result, commandLine, plain);
    }

    /// <summary>
    /// <c>legacy-auth shard K/N FILE</c>: the lines of FILE (repository URLs or folder names) whose repository falls
    /// into shard K, so a CI job clones only what its <c>audit --shard K/N</c> will audit.
    /// </summary>
    private static int ListShard(string[] args)
    {
        if (args.Length != 3 || !File.Exists(args[2]))
        {
            throw new UsageException("shard takes K/N and a file listing repositories, one per line.");
        }

        var shard = Shard.Parse(args[1]);
        foreach (var line in File.ReadLines(args[2]).Select(line => line.Trim()).Where(line => line.Length > 0 && !line.StartsWith('#')))
        {
            if (shard.Contains(Shard.RepositoryName(line)))
            {
                Console.Out.WriteLine(line);
            }
        }

        return Success;
    }

    private static int Merge(CommandLine commandLine)
    {
        var parts = new List<AuditResult>();
        foreach (var input in commandLine.Inputs)
        {
            if (File.Exists(input))
            {
                parts.Add(JsonReport.Read(input));
            }
            else if (Directory.Exists(input))
            {
                var files = Directory.GetFiles(input, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
                if (files.Count == 0)
                {
                    throw new UsageException($"'{input}' holds no JSON report.");
                }

                parts.AddRange(files.Select(JsonReport.Read));
            }
            else
            {
                throw new UsageException($"'{input}' is neither a JSON report nor a folder of them.");
            }
        }

        var repositories = new Dictionary<string, RepositoryResult>(StringComparer.Ordinal);
        foreach (var repository in parts.SelectMany(part => part.Repositories))
        {
            if (!repositories.TryAdd(repository.Name, repository))
            {
                throw new UsageException($"The repository '{repository.Name}' is in more than one report; were the shards given overlapping paths?");
            }
        }

        var merged = new AuditResult(repositories.Values.OrderBy(r => r.Name, StringComparer.Ordinal).ToList(), Shard: null);
        var plain = commandLine.NoProgress || Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive;
        return Finish(merged, commandLine, plain);
    }

    private static int Finish(AuditResult result, CommandLine commandLine, bool plain)
    {
        ConsoleReport.Write(result, plain, Console.Out);
        try
        {
            if (commandLine.Json is { } json)
            {
                JsonReport.Write(result, json);
            }

            if (commandLine.Report is { } report)
            {
                MarkdownReport.Write(result, report);
            }

            if (commandLine.Sarif is { } sarif)
            {
                SarifWriter.WriteAll(result, sarif);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"An output cannot be written: {e.Message}");
        }

        return commandLine.FailOn is { } failOn && result.Findings.Any(finding => finding.Severity >= failOn) ? FindingsAtFailLevel : Success;
    }
}
