namespace LegacyAuthAnalyzers.Audit.Scanning;

/// <summary>
/// The files one compilation covers: the C# files whose nearest project file is <see cref="ProjectPath"/> (or, when
/// null, the files of the repository outside any project), the configuration files next to them, the analyzer config
/// files that apply, and the library packages the project names.
/// </summary>
internal sealed class ProjectGroup(Repository repository, string? projectPath, string folder)
{
    public Repository Repository { get; } = repository;

    public string? ProjectPath { get; } = projectPath;

    public string Folder { get; } = folder;

    public List<string> Sources { get; } = [];

    public List<string> ConfigFiles { get; } = [];

    public List<string> AnalyzerConfigFiles { get; } = [];

    /// <summary>Package and assembly names from the project, its packages.config, Directory.Build.props files and the projects it references.</summary>
    public SortedSet<string> PackageNames { get; } = new(StringComparer.OrdinalIgnoreCase);

    public bool TargetsNetFramework { get; set; }

    /// <summary>The <c>LegacyAuthAnalyzersPreset</c> the project (or the nearest Directory.Build.props) sets literally.</summary>
    public string? Preset { get; set; }

    public int FileCount => Sources.Count + ConfigFiles.Count;
}
