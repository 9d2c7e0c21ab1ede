using System.Globalization;
using LegacyAuthAnalyzers.Audit.Model;
using LegacyAuthAnalyzers.Audit.Scanning;

namespace LegacyAuthAnalyzers.Audit.Cli;

/// <summary>The parsed command line of <c>legacy-auth audit</c> or <c>legacy-auth merge</c>.</summary>
internal sealed record CommandLine(
    string Command,
    IReadOnlyList<string> Inputs,
    string? Json,
    string? Report,
    string? Sarif,
    Severity? FailOn,
    int Jobs,
    Shard? Shard,
    bool NoProgress,
    ScanLimits Limits)
{
    public const string Usage = """
        Usage:
          legacy-auth audit PATH... [options]   Audit repositories without building them.
          legacy-auth merge INPUT... [options]  Combine the JSON reports of shards (files or folders holding them).
          legacy-auth shard K/N FILE            Print the lines of FILE (repository URLs or names) in shard K of N.

        PATH is a repository (a folder with .git), a folder of repositories (its children with .git; a folder
        without any is audited as one repository) or a text file listing such folders, one per line.

        Options:
          --json FILE          Write the findings and file counts as JSON (schema version 1, see docs/audit.md).
          --report FILE.md     Write a Markdown report (totals, dates, files to fix first, next steps).
          --sarif DIR          Write one SARIF 2.1.0 log per repository into DIR.
          --fail-on LEVEL      error (default), warning, info or none: exit 1 when a finding reaches LEVEL.
          --jobs N             Projects analyzed in parallel (default: the number of processors).
          --shard K/N          audit only: the K-th of N stable shards of the repositories.
          --max-file-size KB   Skip larger files (default 1024).
          --max-files N        Files analyzed per repository at most (default 200000).
          --no-progress        Plain output lines, no progress display.
          --help, --version

        Exit codes: 0 no finding reaches --fail-on, 1 one does, 2 usage error.
        """;

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0)
        {
            throw new UsageException("No command given.");
        }

        var command = args[0];
        if (command is not ("audit" or "merge"))
        {
            throw new UsageException($"Unknown command '{command}'.");
        }

        var inputs = new List<string>();
        string? json = null, report = null, sarif = null;
        Severity? failOn = Severity.Error;
        var jobs = Environment.ProcessorCount;
        Shard? shard = null;
        var noProgress = false;
        var limits = ScanLimits.Default;

        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            string Value() => i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
                ? args[++i]
                : throw new UsageException($"{arg} needs a value.");

            switch (arg)
            {
                case "--json":
                    json = Value();
                    break;
                case "--report":
                    report = Value();
                    break;
                case "--sarif":
                    sarif = Value();
                    break;
                case "--fail-on":
                    var level = Value();
                    if (level.Equals("none", StringComparison.OrdinalIgnoreCase))
                    {
                        failOn = null;
                    }
                    else if (SeverityNames.TryParse(level, out var severity))
                    {
                        failOn = severity;
                    }
                    else
                    {
                        throw new UsageException($"--fail-on takes error, warning, info or none; got '{level}'.");
                    }

                    break;
                case "--jobs":
                    jobs = PositiveInt(arg, Value());
                    break;
                case "--shard" when command == "audit":
                    shard = Scanning.Shard.Parse(Value());
                    break;
                case "--max-file-size":
                    limits = limits with { MaxFileBytes = PositiveInt(arg, Value()) * 1024L };
                    break;
                case "--max-files":
                    limits = limits with { MaxFilesPerRepository = PositiveInt(arg, Value()) };
                    break;
                case "--no-progress":
                    noProgress = true;
                    break;
                default:
                    if (arg.StartsWith("--", StringComparison.Ordinal))
                    {
                        throw new UsageException($"Unknown option '{arg}'.");
                    }

                    inputs.Add(arg);
                    break;
            }
        }

        if (inputs.Count == 0)
        {
            throw new UsageException(command == "audit" ? "No path to audit." : "No report to merge.");
        }

        return new CommandLine(command, inputs, json, report, sarif, failOn, jobs, shard, noProgress, limits);
    }

    private static int PositiveInt(string option, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new UsageException($"{option} takes a positive whole number; got '{value}'.");
}
