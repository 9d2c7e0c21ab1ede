using LegacyAuthAnalyzers.DocGen;

namespace LegacyAuthAnalyzers.Tests.EndToEnd;

/// <summary>Paths in the repository the tests run from.</summary>
internal static class Repository
{
    private static readonly Lazy<string> s_root = new(() =>
        RepositoryRoot.Find(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException($"No {RepositoryRoot.SolutionFileName} above {AppContext.BaseDirectory}."));

    public static string Root => s_root.Value;

    public static string SampleFolder => Path.Combine(Root, "samples", "LegacyMailer");

    public static string PackageProject => Path.Combine(Root, "src", "LegacyAuthAnalyzers.Package", "LegacyAuthAnalyzers.Package.csproj");

    public static bool Contains(string path)
    {
        var relative = Path.GetRelativePath(Root, Path.GetFullPath(path));
        return relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }
}
