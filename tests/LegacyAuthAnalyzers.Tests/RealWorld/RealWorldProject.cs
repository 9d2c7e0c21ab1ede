using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace LegacyAuthAnalyzers.Tests.RealWorld;

/// <summary>How a realistic project is compiled: with all of its own types, or with them missing (error types).</summary>
public enum ProjectMode
{
    /// <summary>Every file of the project: all types resolve, as in a build.</summary>
    Bound,

    /// <summary>
    /// The files under <c>Types/</c> (options, settings, constants, the project's own enums) left out, as when sources
    /// are scanned without their project references, a restore failed or the code is still being typed.
    /// </summary>
    Unbound,
}

/// <summary>A finding a realistic project expects, from markup such as <c>{|LA1002:…|}</c> or <c>{|LA1003@bound:…|}</c>.</summary>
public sealed record ExpectedFinding(string Id, string File, TextSpan Span, ProjectMode? OnlyIn)
{
    public bool AppliesTo(ProjectMode mode) => OnlyIn is null || OnlyIn == mode;

    public bool Matches(Diagnostic diagnostic) =>
        diagnostic.Id == Id
        && diagnostic.Location.SourceTree?.FilePath == File
        && diagnostic.Location.SourceSpan.IntersectsWith(Span);
}

/// <summary>
/// One project of <c>RealWorld/Projects</c>: a folder of C# files written in the shapes real mail code has, with the
/// expected findings marked up. Markup names are a rule ID, optionally with <c>@bound</c> or <c>@unbound</c> when the
/// finding depends on whether the project's own types resolve.
/// </summary>
public sealed class RealWorldProject
{
    private RealWorldProject(string name, ImmutableArray<(string Path, string Text, bool IsOwnType)> files, ImmutableArray<ExpectedFinding> expected)
    {
        Name = name;
        Files = files;
        Expected = expected;
    }

    public static string Root => Path.Combine(AppContext.BaseDirectory, "RealWorld", "Projects");

    public string Name { get; }

    public ImmutableArray<(string Path, string Text, bool IsOwnType)> Files { get; }

    public ImmutableArray<ExpectedFinding> Expected { get; }

    public static IEnumerable<string> Names() =>
        Directory.GetDirectories(Root).Select(Path.GetFileName).OfType<string>().OrderBy(n => n, StringComparer.Ordinal);

    public static RealWorldProject Load(string name)
    {
        var folder = Path.Combine(Root, name);
        var files = ImmutableArray.CreateBuilder<(string, string, bool)>();
        var expected = ImmutableArray.CreateBuilder<ExpectedFinding>();
        foreach (var file in Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
            TestFileMarkupParser.GetSpans(File.ReadAllText(file), out string text, out ImmutableDictionary<string, ImmutableArray<TextSpan>> spans);
            foreach (var (markup, found) in spans)
            {
                var at = markup.IndexOf('@');
                var id = at < 0 ? markup : markup.Substring(0, at);
                ProjectMode? only = at < 0 ? null : Enum.Parse<ProjectMode>(markup.Substring(at + 1), ignoreCase: true);
                foreach (var span in found)
                {
                    expected.Add(new ExpectedFinding(id, relative, span, only));
                }
            }

            files.Add((relative, text, relative.StartsWith("Types/", StringComparison.Ordinal)));
        }

        return new RealWorldProject(name, files.ToImmutable(), expected.ToImmutable());
    }

    public CSharpCompilation Compile(ProjectMode mode, ImmutableArray<MetadataReference> references)
    {
        var trees = Files
            .Where(f => mode == ProjectMode.Bound || !f.IsOwnType)
            .Select(f => CSharpSyntaxTree.ParseText(f.Text, new CSharpParseOptions(LanguageVersion.Latest), path: f.Path));
        return CSharpCompilation.Create(
            Name,
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }
}
