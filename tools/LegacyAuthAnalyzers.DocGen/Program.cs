namespace LegacyAuthAnalyzers.DocGen;

/// <summary>
/// Regenerates the README rules table, the rule page titles and the severity presets from the rule descriptors, and the
/// package README (the README with absolute links) from the README.
/// <c>--check</c> changes nothing and exits with 1 when anything is stale, for CI.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        var check = args.Contains("--check");
        var rootIndex = Array.IndexOf(args, "--root");
        var root = rootIndex >= 0 && rootIndex + 1 < args.Length
            ? Path.GetFullPath(args[rootIndex + 1])
            : RepositoryRoot.Find(Directory.GetCurrentDirectory()) ?? RepositoryRoot.Find(AppContext.BaseDirectory);
        if (root is null)
        {
            Console.Error.WriteLine($"error: no {RepositoryRoot.SolutionFileName} above the current folder; pass --root <repository>.");
            return 2;
        }

        var result = DocumentationGenerator.Generate(root, RuleCatalog.Load(), RuleCatalog.OptionKeys(RuleCatalog.AnalyzerAssembly));
        var stale = DocumentationGenerator.StaleFiles(root, result);
        foreach (var warning in result.Warnings)
        {
            Console.WriteLine($"warning: {warning}");
        }

        foreach (var error in result.Errors)
        {
            Console.Error.WriteLine($"error: {error}");
        }

        foreach (var file in stale)
        {
            if (check)
            {
                Console.Error.WriteLine($"error: {file.RelativePath} is out of date; run 'dotnet run --project tools/LegacyAuthAnalyzers.DocGen'.");
            }
            else
            {
                var path = Path.Combine(root, file.RelativePath);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, file.Content);
                Console.WriteLine($"updated {file.RelativePath}");
            }
        }

        if (stale.Count == 0 && result.Errors.Count == 0)
        {
            Console.WriteLine("Documentation is up to date.");
        }

        return result.Errors.Count > 0 || (check && stale.Count > 0) ? 1 : 0;
    }
}

/// <summary>Finds the repository by its solution file.</summary>
internal static class RepositoryRoot
{
    public const string SolutionFileName = "LegacyAuthAnalyzers.sln";

    public static string? Find(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, SolutionFileName)))
            {
                return folder.FullName;
            }
        }

        return null;
    }
}
