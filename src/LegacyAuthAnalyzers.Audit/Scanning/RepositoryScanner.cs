namespace LegacyAuthAnalyzers.Audit.Scanning;

/// <summary>
/// Walks one repository and groups its C# files by their nearest <c>*.csproj</c>. Build output, version control,
/// generated and vendored folders are not entered; symbolic links are never followed, so nothing outside the root
/// is read. Project files are read as XML only.
/// </summary>
internal sealed class RepositoryScanner
{
    /// <summary>Folder names that hold no code of the repository's own: build output, tools' state, vendored code.</summary>
    public static readonly IReadOnlySet<string> SkippedFolders = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "bin", "obj", ".git", ".vs", ".idea", ".vscode", "node_modules", "packages", ".nuget", "vendor", "vendors",
        "third_party", "thirdparty", "third-party", "external", "externals", "generated", "Generated_Code", "TestResults",
        "artifacts",
    };

    private readonly Repository repository;
    private readonly ScanLimits limits;
    private readonly FileCounts counts;
    private readonly List<ProjectGroup> groups = [];
    private readonly Dictionary<string, ProjectFile> projects = new(StringComparer.Ordinal);
    private readonly List<string> globalConfigs = [];
    private readonly List<string> editorConfigs = [];
    private int files;

    private RepositoryScanner(Repository repository, ScanLimits limits, FileCounts counts)
    {
        this.repository = repository;
        this.limits = limits;
        this.counts = counts;
    }

    /// <summary>The repository's compilation groups in folder order; groups without files are left out.</summary>
    public static IReadOnlyList<ProjectGroup> Scan(Repository repository, ScanLimits limits, FileCounts counts)
    {
        var scanner = new RepositoryScanner(repository, limits, counts);
        var loose = new ProjectGroup(repository, null, repository.Root);
        scanner.Walk(new DirectoryInfo(repository.Root), loose, []);
        scanner.groups.Add(loose);
        return scanner.Finish();
    }

    /// <summary>True for generated C# files the build writes (<c>*.g.cs</c>), which are not the repository's code.</summary>
    public static bool IsGeneratedFileName(string name) =>
        name.EndsWith(".g.cs", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".g.i.cs", StringComparison.OrdinalIgnoreCase);

    private void Walk(DirectoryInfo folder, ProjectGroup owner, List<string> buildProps)
    {
        List<FileSystemInfo> entries;
        try
        {
            entries = folder.EnumerateFileSystemInfos("*", new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false })
                .OrderBy(entry => entry.Name, StringComparer.Ordinal)
                .ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            counts.AddFailed();
            return;
        }

        var projectFiles = entries.OfType<FileInfo>()
            .Where(file => file.Extension.Equals(".csproj", StringComparison.OrdinalIgnoreCase) && file.LinkTarget is null)
            .ToList();

        var buildPropsFile = entries.OfType<FileInfo>().FirstOrDefault(file => file.Name.Equals("Directory.Build.props", StringComparison.OrdinalIgnoreCase) && file.LinkTarget is null);
        if (buildPropsFile is not null)
        {
            buildProps = [.. buildProps, buildPropsFile.FullName];
        }

        if (projectFiles.Count > 0)
        {
            // Several project files in one folder share its files; the first names the group, all give their packages.
            owner = new ProjectGroup(repository, projectFiles[0].FullName, folder.FullName);
            groups.Add(owner);
            foreach (var project in projectFiles)
            {
                AddProject(owner, project.FullName);
            }

            foreach (var path in buildProps)
            {
                var props = ReadProject(path);
                owner.PackageNames.UnionWith(props.PackageNames);

                // The nearest Directory.Build.props comes last; the project's own value is read after it and wins.
                owner.Preset = props.Preset ?? owner.Preset;
            }

            foreach (var project in projectFiles)
            {
                owner.Preset = ReadProject(project.FullName).Preset ?? owner.Preset;
            }

            var packagesConfig = Path.Combine(folder.FullName, "packages.config");
            if (File.Exists(packagesConfig) && new FileInfo(packagesConfig).LinkTarget is null)
            {
                owner.PackageNames.UnionWith(ReadProject(packagesConfig).PackageNames);
            }
        }

        foreach (var entry in entries)
        {
            if (entry.LinkTarget is not null || entry.Attributes.HasFlag(FileAttributes.ReparsePoint))
            {
                if (entry is DirectoryInfo || IsAnalyzed(entry.Name))
                {
                    counts.AddSkipped(SkipReason.SymbolicLink);
                }

                continue;
            }

            switch (entry)
            {
                case DirectoryInfo child when !SkippedFolders.Contains(child.Name) && !(child.Name.StartsWith('.') && child.Name.Length > 1):
                    Walk(child, owner, buildProps);
                    break;
                case FileInfo file when file.Extension.Equals(".cs", StringComparison.OrdinalIgnoreCase) && !IsGeneratedFileName(file.Name):
                    AddFile(owner.Sources, file.FullName);
                    break;
                case FileInfo file when ConfigFileNames.IsCandidate(file.Name):
                    AddFile(owner.ConfigFiles, file.FullName);
                    break;
                case FileInfo file when file.Name.Equals(".editorconfig", StringComparison.OrdinalIgnoreCase):
                    editorConfigs.Add(file.FullName);
                    break;
                case FileInfo file when file.Name.Equals(".globalconfig", StringComparison.OrdinalIgnoreCase):
                    globalConfigs.Add(file.FullName);
                    break;
            }
        }

    }

    private static bool IsAnalyzed(string name) =>
        name.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) || ConfigFileNames.IsCandidate(name);

    private void AddFile(List<string> list, string path)
    {
        if (++files > limits.MaxFilesPerRepository)
        {
            counts.AddSkipped(SkipReason.FileLimit);
            return;
        }

        list.Add(path);
    }

    private void AddProject(ProjectGroup group, string path)
    {
        var project = ReadProject(path);
        group.PackageNames.UnionWith(project.PackageNames);
        group.TargetsNetFramework |= project.TargetsNetFramework;
    }

    private ProjectFile ReadProject(string path)
    {
        if (!projects.TryGetValue(path, out var project))
        {
            var read = SourceFileReader.Read(path, limits.MaxFileBytes);
            project = read.Text is { } text ? ProjectFile.Parse(text) : ProjectFile.Empty;
            projects[path] = project;
        }

        return project;
    }

    private IReadOnlyList<ProjectGroup> Finish()
    {
        foreach (var group in groups)
        {
            if (group.ProjectPath is not null)
            {
                AddReferencedPackages(group, group.ProjectPath, new HashSet<string>(StringComparer.Ordinal));
            }

            // .editorconfig sections only match files below their folder, so every one of the repository can be
            // given to every group; a .globalconfig applies to a whole project, so only those in its folder or above.
            group.AnalyzerConfigFiles.AddRange(editorConfigs);
            group.AnalyzerConfigFiles.AddRange(globalConfigs.Where(config => IsAncestorOrSelf(Path.GetDirectoryName(config)!, group.Folder)));
        }

        return groups.Where(group => group.FileCount > 0).ToList();
    }

    /// <summary>Libraries a referenced project brings are visible to the referencing one, as after a restore.</summary>
    private void AddReferencedPackages(ProjectGroup group, string projectPath, HashSet<string> visited)
    {
        if (!visited.Add(projectPath) || !projects.TryGetValue(projectPath, out var project))
        {
            return;
        }

        foreach (var reference in project.ProjectReferences)
        {
            var referenced = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(projectPath)!, reference.Replace('\\', Path.DirectorySeparatorChar)));

            // Only projects inside the repository that the walk has already read: never a path outside the root.
            if (IsAncestorOrSelf(repository.Root, referenced) && projects.TryGetValue(referenced, out var referencedProject))
            {
                group.PackageNames.UnionWith(referencedProject.PackageNames);
                AddReferencedPackages(group, referenced, visited);
            }
        }
    }

    private static bool IsAncestorOrSelf(string ancestor, string path)
    {
        var relative = Path.GetRelativePath(ancestor, path);
        return relative == "." || (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative));
    }
}
