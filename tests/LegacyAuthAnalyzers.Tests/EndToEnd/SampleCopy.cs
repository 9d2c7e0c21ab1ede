using System.Xml.Linq;

namespace LegacyAuthAnalyzers.Tests.EndToEnd;

/// <summary>
/// A copy of samples/LegacyMailer in a temp folder, building exactly as it does in the repository: the same
/// Directory.Build.props and central package versions (imported from the repository), the package's buildTransitive
/// props and targets, and the analyzers as the package ships them (the two DLLs in a folder of their own) instead of
/// the project references, so nothing is built or written inside the repository.
/// </summary>
internal sealed class SampleCopy : IDisposable
{
    public const string ProjectName = "LegacyMailer";

    private static readonly string[] AnalyzerAssemblies = ["LegacyAuthAnalyzers", "LegacyAuthAnalyzers.CodeFixes"];

    private readonly TempFolder temp;

    private SampleCopy(TempFolder temp)
    {
        this.temp = temp;
    }

    public string ProjectFolder => temp.Combine(ProjectName);

    public string ProjectFile => Path.Combine(ProjectFolder, ProjectName + ".csproj");

    public string Root => temp.Path;

    public static SampleCopy Create(string purpose)
    {
        var temp = new TempFolder(purpose);
        try
        {
            var copy = new SampleCopy(temp);
            copy.Populate();
            return copy;
        }
        catch
        {
            temp.Dispose();
            throw;
        }
    }

    /// <summary><c>dotnet build</c> of the copy with a fresh SARIF 2.1 log at <paramref name="sarifPath"/>.</summary>
    public Task<CommandResult> BuildWithSarifAsync(string sarifPath) =>
        // MSBuild splits -p values at commas; %2C keeps ",version=2.1" part of ErrorLog.
        DotNet.RunAsync(ProjectFolder, "build", ProjectFile, "--no-incremental", $"-p:ErrorLog={sarifPath}%2Cversion=2.1");

    /// <summary>Every source and config file of the copy with its text, for secret and diff checks.</summary>
    public IReadOnlyDictionary<string, string> ReadSources() =>
        Directory.EnumerateFiles(ProjectFolder, "*", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(ProjectFolder, path))
            .ToDictionary(path => Path.GetRelativePath(ProjectFolder, path), File.ReadAllText, StringComparer.Ordinal);

    public void Dispose() => temp.Dispose();

    private static bool IsBuildOutput(string root, string path)
    {
        var first = Path.GetRelativePath(root, path).Split(Path.DirectorySeparatorChar)[0];
        return first is "bin" or "obj";
    }

    private void Populate()
    {
        foreach (var file in Directory.EnumerateFiles(Repository.SampleFolder, "*", SearchOption.AllDirectories))
        {
            if (IsBuildOutput(Repository.SampleFolder, file))
            {
                continue;
            }

            var target = Path.Combine(ProjectFolder, Path.GetRelativePath(Repository.SampleFolder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var analyzers = temp.Combine("analyzers");
        Directory.CreateDirectory(analyzers);
        foreach (var name in AnalyzerAssemblies)
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, name + ".dll"), Path.Combine(analyzers, name + ".dll"));
        }

        // The files MSBuild and NuGet look for above the project, standing in for the repository's.
        var samplesFolder = Path.GetDirectoryName(Repository.SampleFolder)!;
        WriteImport(temp.Combine("Directory.Build.props"), Path.Combine(samplesFolder, "Directory.Build.props"));
        WriteImport(temp.Combine("Directory.Packages.props"), Path.Combine(Repository.Root, "Directory.Packages.props"));
        File.WriteAllText(temp.Combine("Directory.Build.targets"), "<Project />\n");

        RewriteProject(analyzers);
    }

    private void RewriteProject(string analyzerFolder)
    {
        var project = XDocument.Load(ProjectFile, LoadOptions.PreserveWhitespace);
        foreach (var import in project.Descendants("Import").ToList())
        {
            var path = (string?)import.Attribute("Project");
            if (path is not null && !Path.IsPathRooted(path) && !path.Contains("$(", StringComparison.Ordinal))
            {
                var local = path.Replace('\\', Path.DirectorySeparatorChar);
                import.SetAttributeValue("Project", Path.GetFullPath(Path.Combine(Repository.SampleFolder, local)));
            }
        }

        var analyzerReferences = project.Descendants("ProjectReference")
            .Where(reference => string.Equals((string?)reference.Attribute("OutputItemType"), "Analyzer", StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (analyzerReferences.Count != AnalyzerAssemblies.Length)
        {
            throw new InvalidOperationException($"Expected {AnalyzerAssemblies.Length} analyzer project references in the sample, found {analyzerReferences.Count}.");
        }

        foreach (var reference in analyzerReferences)
        {
            var name = Path.GetFileNameWithoutExtension(((string)reference.Attribute("Include")!).Replace('\\', '/'));
            reference.ReplaceWith(new XElement("Analyzer", new XAttribute("Include", Path.Combine(analyzerFolder, name + ".dll"))));
        }

        project.Save(ProjectFile);
    }

    private static void WriteImport(string path, string imported) =>
        File.WriteAllText(path, $"<Project>\n  <Import Project=\"{imported}\" />\n</Project>\n");
}
