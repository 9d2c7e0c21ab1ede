namespace LegacyAuthAnalyzers.Roslyn;

/// <summary>
/// Line comparisons for additional locations: a declaration or a weak setting is worth pointing at only when it is not
/// on the finding's own line (LA1001, LA2001, LA2002, LA3001).
/// </summary>
internal static class SourceLines
{
    public static bool OnSameLine(Location first, Location second) =>
        first.SourceTree == second.SourceTree
        && first.GetLineSpan().StartLinePosition.Line == second.GetLineSpan().StartLinePosition.Line;
}
