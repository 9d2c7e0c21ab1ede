namespace LegacyAuthAnalyzers.CodeFixes.Infrastructure;

/// <summary>
/// Runs the search for a fix's shape so that it never throws into the IDE or <c>dotnet format</c>: code the fix does
/// not understand is simply not offered a fix. Cancellation still stops it.
/// </summary>
internal static class ShapeSearch
{
    public static T? OrNone<T>(Func<T?> find)
        where T : class
    {
        try
        {
            return find();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return null;
        }
    }
}
