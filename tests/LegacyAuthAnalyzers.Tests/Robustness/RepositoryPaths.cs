namespace LegacyAuthAnalyzers.Tests.Robustness;

/// <summary>Locates the repository from the test's output folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LegacyAuthAnalyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("LegacyAuthAnalyzers.sln not found above " + AppContext.BaseDirectory);
    }
}
