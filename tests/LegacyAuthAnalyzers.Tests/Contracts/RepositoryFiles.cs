namespace LegacyAuthAnalyzers.Tests.Contracts;

/// <summary>Files of the repository the contract tests read: found from the test output by walking up to the solution.</summary>
internal static class RepositoryFiles
{
    private const string SolutionFile = "LegacyAuthAnalyzers.sln";

    private static readonly Lazy<string> s_root = new(FindRoot);

    public static string Root => s_root.Value;

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string Read(params string[] parts) => File.ReadAllText(PathOf(parts));

    /// <summary>The lines between <c>&lt;!-- rules:start --&gt;</c> and <c>&lt;!-- rules:end --&gt;</c> of the README.</summary>
    public static IReadOnlyList<string> ReadmeRulesTable()
    {
        var lines = File.ReadAllLines(PathOf("README.md"));
        var start = Array.FindIndex(lines, line => line.Trim() == "<!-- rules:start -->");
        var end = Array.FindIndex(lines, line => line.Trim() == "<!-- rules:end -->");
        if (start < 0 || end < start)
        {
            throw new InvalidOperationException("README.md has no <!-- rules:start --> ... <!-- rules:end --> section.");
        }

        return lines[(start + 1)..end];
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No {SolutionFile} above {AppContext.BaseDirectory}.");
    }
}
