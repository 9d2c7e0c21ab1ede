using LegacyAuthAnalyzers.Tests.EndToEnd;

namespace LegacyAuthAnalyzers.Tests.Audit;

/// <summary>A tree of small repositories in a temp folder, written file by file by a test.</summary>
internal sealed class TestTree : IDisposable
{
    private readonly TempFolder folder = new("audit");

    public string Root => folder.Path;

    /// <summary>Creates a repository folder with a <c>.git</c> folder, so discovery sees a repository.</summary>
    public string Repository(string name)
    {
        var path = Path.Combine(Root, name);
        Directory.CreateDirectory(Path.Combine(path, ".git"));
        return path;
    }

    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public string WriteBytes(string relativePath, byte[] bytes)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose() => folder.Dispose();
}
