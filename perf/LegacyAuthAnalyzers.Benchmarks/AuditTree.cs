using System.Globalization;
using LegacyAuthAnalyzers.Benchmarks.Corpus;

namespace LegacyAuthAnalyzers.Benchmarks;

/// <summary>
/// Writes the benchmark corpus to disk as a folder of repositories for measuring <c>legacy-auth audit</c>: each
/// repository a <c>.git</c> folder, the generated files (every other repository with mail code and mail
/// configuration files) and either one project file or one per module. With one project per module, the types a
/// module uses from <c>Shared/Common.cs</c> and from other modules are not in its compilation, as when the audit
/// meets project references: comparing both layouts shows what the audit loses without a repository's own types.
/// </summary>
internal static class AuditTree
{
    public const string Usage = """
        audit-tree FOLDER [--repositories N] [--files N] [--project-per-module]
          Writes N repositories (default 20) of N files each (default 1000) into FOLDER, for legacy-auth audit.
        """;

    private const string Project = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup>
          <ItemGroup>
            <PackageReference Include="MailKit" Version="4.3.0" />
            <PackageReference Include="Microsoft.Identity.Client" Version="4.60.0" />
          </ItemGroup>
        </Project>
        """;

    public static int Write(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var folder = Path.GetFullPath(args[0]);
        var repositories = 20;
        var files = 1000;
        var projectPerModule = false;
        for (var i = 1; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--repositories" when i + 1 < args.Count:
                    repositories = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--files" when i + 1 < args.Count:
                    files = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--project-per-module":
                    projectPerModule = true;
                    break;
                default:
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }

        var written = 0;
        for (var r = 0; r < repositories; r++)
        {
            var root = Path.Combine(folder, "repo" + r.ToString("D3", CultureInfo.InvariantCulture));
            Directory.CreateDirectory(Path.Combine(root, ".git"));
            var corpus = CorpusGenerator.Generate(files, includeMail: r % 2 == 0);
            foreach (var file in corpus.Sources.Concat(corpus.ConfigFiles))
            {
                var relative = file.Path["/corpus/".Length..];
                var path = Path.Combine(root, "src", relative);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, file.Text);
                written++;
            }

            if (projectPerModule)
            {
                foreach (var module in Directory.GetDirectories(Path.Combine(root, "src")))
                {
                    File.WriteAllText(Path.Combine(module, Path.GetFileName(module) + ".csproj"), Project);
                }
            }
            else
            {
                File.WriteAllText(Path.Combine(root, "src", "App.csproj"), Project);
            }
        }

        Console.WriteLine($"{repositories} repositories, {written} files in {folder}");
        return 0;
    }
}
