using System.Collections.Concurrent;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LegacyAuthAnalyzers.Audit.Analysis;

/// <summary>
/// The package's severity presets (<c>LegacyAuthAnalyzersPreset</c>: none, recommended, all-warnings, all-errors),
/// the same global analyzer configs the package adds to a build, embedded in the tool. Their negative
/// <c>global_level</c> lets the repository's own .editorconfig and .globalconfig entries win, as in a build. An
/// unknown name (a build fails on it with LAPRESET) and <c>default</c> apply nothing.
/// </summary>
internal static class Presets
{
    private static readonly ConcurrentDictionary<string, AnalyzerConfig?> s_configs = new(StringComparer.Ordinal);

    public static AnalyzerConfig? Get(string? name) =>
        string.IsNullOrEmpty(name) ? null : s_configs.GetOrAdd(name, Load);

    private static AnalyzerConfig? Load(string name)
    {
        using var stream = typeof(Presets).Assembly.GetManifestResourceStream($"presets/{name}.globalconfig");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);

        // A path that exists nowhere: a global config applies to every file whatever its own path.
        return AnalyzerConfig.Parse(reader.ReadToEnd(), $"/legacy-auth/presets/{name}.globalconfig");
    }
}
