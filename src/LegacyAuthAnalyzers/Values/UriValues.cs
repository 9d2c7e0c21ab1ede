using Microsoft.CodeAnalysis.Operations;

namespace LegacyAuthAnalyzers.Values;

/// <summary>
/// A URL or host given as a string or as <c>new Uri(text)</c>, read the same way by every rule that judges an endpoint
/// (LA1001-LA1004 connection URIs and Exchange URLs, LA2001-LA2003 <c>Connect(Uri)</c>, LA4001 and the hosts of all
/// credential rules). <c>System.Uri</c> is recognized by symbol, so a type of the project that happens to be called
/// <c>Uri</c> is not.
/// Serves LA1001, LA1002, LA1003, LA1004, LA1005, LA2001, LA2002, LA2003, LA2004, LA2005, LA3001, LA3002 and LA4001.
/// </summary>
internal static class UriValues
{
    /// <summary>The expression that holds the text: the first argument of <c>new Uri(…)</c>, or the value itself.</summary>
    public static IOperation? TextOperand(IOperation? value)
    {
        value = OperationTree.SkipConversions(value);
        return IsUriCreation(value, out var text) ? text : value;
    }

    /// <summary><c>new Uri(text, …)</c> of <c>System.Uri</c>, with its first argument.</summary>
    public static bool IsUriCreation(IOperation? value, out IOperation text)
    {
        text = null!;
        if (OperationTree.SkipConversions(value) is IObjectCreationOperation { Arguments.Length: > 0, Type: { } type } creation
            && creation.SemanticModel is { } model
            && KnownTypes.For(model.Compilation).Is(type, KnownType.System_Uri))
        {
            text = creation.Arguments[0].Value;
            return true;
        }

        return false;
    }
}
