namespace LegacyAuthAnalyzers.Audit.Scanning;

/// <summary>
/// The configuration files the package adds to a build as <c>AdditionalFiles</c> (<c>*.config</c> and
/// <c>appsettings*.json</c>), so the audit gives the configuration rules what a build gives them.
/// </summary>
internal static class ConfigFileNames
{
    public static bool IsCandidate(string name) =>
        name.EndsWith(".config", StringComparison.OrdinalIgnoreCase)
        || (name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase));
}
