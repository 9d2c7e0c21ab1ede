using System.Reflection;

namespace LegacyAuthAnalyzers.Audit;

/// <summary>The tool's name and version as every report states them.</summary>
internal static class ToolVersion
{
    public const string Name = "legacy-auth";

    public const string InformationUri = "https://github.com/legacyauthanalyzers/LegacyAuthAnalyzers";

    public static string Current { get; } =
        typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
