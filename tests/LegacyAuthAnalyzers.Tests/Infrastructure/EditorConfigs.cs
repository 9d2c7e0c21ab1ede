namespace LegacyAuthAnalyzers.Tests.Infrastructure;

/// <summary>
/// .editorconfig texts for tests: add the result with
/// <c>test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", EditorConfigs.With(...)))</c>.
/// </summary>
public static class EditorConfigs
{
    public const string Path = "/.editorconfig";

    /// <summary>A root .editorconfig whose <c>[*.cs]</c> section sets <paramref name="key"/> to <paramref name="value"/>.</summary>
    public static string With(string key, string value) => $"root = true\n[*.cs]\n{key} = {value}\n";
}
