namespace LegacyAuthAnalyzers.Roslyn;

/// <summary>
/// Line comparisons for additional locations: a declaration or a weak setting is worth pointing at only when it is not
/// on the finding's own line (LA1001, LA1002, LA1003, LA2001, LA2002, LA3001).
/// </summary>
internal static class SourceLines
{
    public static bool OnSameLine(Location first, Location second) =>
        first.SourceTree == second.SourceTree
        && first.GetLineSpan().StartLinePosition.Line == second.GetLineSpan().StartLinePosition.Line;

    /// <summary>
    /// The location of <paramref name="part"/> when an earlier statement of the same file built it (a credential made
    /// on one line and handed to the sink on another), so that the finding also points where the password goes in.
    /// </summary>
    public static IEnumerable<Location>? FromAnotherStatement(IOperation sink, IOperation? part)
    {
        if (part?.Syntax is not { } syntax
            || syntax.SyntaxTree != sink.Syntax.SyntaxTree
            || sink.Syntax.FirstAncestorOrSelf<Microsoft.CodeAnalysis.CSharp.Syntax.StatementSyntax>() is not { } statement
            || statement.Span.Contains(syntax.Span))
        {
            return null;
        }

        return new[] { syntax.GetLocation() };
    }
}
