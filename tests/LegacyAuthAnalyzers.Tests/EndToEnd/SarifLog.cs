using System.Text.Json;

namespace LegacyAuthAnalyzers.Tests.EndToEnd;

/// <summary>One diagnostic in a SARIF log; <see cref="FilePath"/> is a local path when the location is a file.</summary>
internal sealed record SarifResult(string RuleId, string Level, string Message, string? FilePath, int StartLine, int StartColumn)
{
    public string FileName => FilePath is null ? string.Empty : Path.GetFileName(FilePath);

    public bool IsOurs => RuleId.Length == 6 && RuleId.StartsWith("LA", StringComparison.Ordinal) && RuleId[2..].All(char.IsAsciiDigit);

    public bool IsWarningOrError => Level is "warning" or "error";
}

/// <summary>The parts of a SARIF 2.1 log written by the C# compiler (<c>-p:ErrorLog=file,version=2.1</c>) that the tests read.</summary>
internal sealed class SarifLog
{
    private SarifLog(string text, string version, IReadOnlyList<SarifResult> results, IReadOnlyDictionary<string, string?> helpUris)
    {
        Text = text;
        Version = version;
        Results = results;
        HelpUris = helpUris;
    }

    /// <summary>The whole file, for checks that nothing secret is anywhere in it.</summary>
    public string Text { get; }

    public string Version { get; }

    /// <summary>Reported results; suppressed ones are left out.</summary>
    public IReadOnlyList<SarifResult> Results { get; }

    /// <summary>Rule ID to help URI, from the tool's rule metadata.</summary>
    public IReadOnlyDictionary<string, string?> HelpUris { get; }

    public IEnumerable<SarifResult> OurResults => Results.Where(result => result.IsOurs);

    public static SarifLog Load(string path)
    {
        var text = File.ReadAllText(path);
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        var results = new List<SarifResult>();
        var helpUris = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var run in root.GetProperty("runs").EnumerateArray())
        {
            if (run.GetProperty("tool").GetProperty("driver").TryGetProperty("rules", out var rules))
            {
                foreach (var rule in rules.EnumerateArray())
                {
                    helpUris[rule.GetProperty("id").GetString()!] = rule.TryGetProperty("helpUri", out var uri) ? uri.GetString() : null;
                }
            }

            if (run.TryGetProperty("results", out var runResults))
            {
                results.AddRange(runResults.EnumerateArray().Where(result => !IsSuppressed(result)).Select(ReadResult));
            }
        }

        return new SarifLog(text, root.GetProperty("version").GetString()!, results, helpUris);
    }

    private static bool IsSuppressed(JsonElement result) =>
        result.TryGetProperty("suppressions", out var suppressions) && suppressions.GetArrayLength() > 0;

    private static SarifResult ReadResult(JsonElement result)
    {
        string? path = null;
        int line = 0, column = 0;
        if (result.TryGetProperty("locations", out var locations) && locations.GetArrayLength() > 0
            && locations[0].TryGetProperty("physicalLocation", out var physical))
        {
            if (physical.TryGetProperty("artifactLocation", out var artifact) && artifact.TryGetProperty("uri", out var uri)
                && Uri.TryCreate(uri.GetString(), UriKind.Absolute, out var parsed) && parsed.IsFile)
            {
                path = parsed.LocalPath;
            }

            if (physical.TryGetProperty("region", out var region))
            {
                line = region.TryGetProperty("startLine", out var l) ? l.GetInt32() : 0;
                column = region.TryGetProperty("startColumn", out var c) ? c.GetInt32() : 0;
            }
        }

        var level = result.TryGetProperty("level", out var levelElement) ? levelElement.GetString() ?? "warning" : "warning";
        var message = result.TryGetProperty("message", out var messageElement) && messageElement.TryGetProperty("text", out var messageText)
            ? messageText.GetString() ?? string.Empty
            : string.Empty;
        return new SarifResult(result.GetProperty("ruleId").GetString()!, level, message, path, line, column);
    }
}
