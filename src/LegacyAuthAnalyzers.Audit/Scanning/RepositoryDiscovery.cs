namespace LegacyAuthAnalyzers.Audit.Scanning;

/// <summary>
/// Turns the command line's paths into repositories. A path is a repository (a folder with <c>.git</c>), a folder
/// of repositories (its children with <c>.git</c>; a folder with none is audited as one repository) or a text file
/// listing such paths, one per line (blank lines and lines starting with <c>#</c> ignored, relative to the file).
/// </summary>
internal static class RepositoryDiscovery
{
    public static IReadOnlyList<Repository> Discover(IEnumerable<string> paths)
    {
        var roots = new List<string>();
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path);
            if (File.Exists(full))
            {
                foreach (var listed in ReadList(full))
                {
                    if (!Directory.Exists(listed))
                    {
                        throw new UsageException($"'{listed}', listed in '{path}', is not a folder.");
                    }

                    AddFolder(listed, roots);
                }
            }
            else if (Directory.Exists(full))
            {
                AddFolder(full, roots);
            }
            else
            {
                throw new UsageException($"'{path}' is neither a folder nor a file listing folders.");
            }
        }

        return Name(roots.Distinct(StringComparer.Ordinal).ToList());
    }

    public static bool IsRepository(string folder) =>
        Directory.Exists(Path.Combine(folder, ".git")) || File.Exists(Path.Combine(folder, ".git"));

    private static IEnumerable<string> ReadList(string file)
    {
        var baseFolder = Path.GetDirectoryName(file)!;
        string[] lines;
        try
        {
            lines = File.ReadAllLines(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"'{file}' cannot be read: {e.Message}");
        }

        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            yield return Path.GetFullPath(Path.Combine(baseFolder, line));
        }
    }

    private static void AddFolder(string folder, List<string> roots)
    {
        folder = Path.TrimEndingDirectorySeparator(folder);
        if (IsRepository(folder))
        {
            roots.Add(folder);
            return;
        }

        List<string> children;
        try
        {
            children = new DirectoryInfo(folder).EnumerateDirectories()
                .Where(child => child.LinkTarget is null && IsRepository(child.FullName))
                .Select(child => child.FullName)
                .OrderBy(name => name, StringComparer.Ordinal)
                .ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"'{folder}' cannot be listed: {e.Message}");
        }

        // A folder of repositories, or a plain source tree (a checkout without .git, an unpacked archive).
        roots.AddRange(children.Count > 0 ? children : [folder]);
    }

    private static IReadOnlyList<Repository> Name(IReadOnlyList<string> roots)
    {
        // The folder name identifies a repository in reports and shards; two with the same name get a suffix.
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var repositories = new List<Repository>(roots.Count);
        foreach (var root in roots)
        {
            var name = Path.GetFileName(root);
            if (string.IsNullOrEmpty(name))
            {
                name = "root";
            }

            var unique = name;
            for (var i = 2; !used.Add(unique); i++)
            {
                unique = $"{name}-{i}";
            }

            repositories.Add(new Repository(unique, root));
        }

        return repositories;
    }
}
