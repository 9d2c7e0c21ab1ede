namespace LegacyAuthAnalyzers.Infrastructure;

/// <summary>What a hard-coded value looks like: a placeholder, an app password, or a real-looking secret.</summary>
internal static class SecretShapes
{
    private static readonly string[] PlaceholderWords =
    {
        "password", "passwd", "pass", "pwd", "secret", "changeme", "change-me", "change_me", "xxx", "todo", "yourpassword",
        "your-password", "your_password", "mypassword", "apppassword", "app-password", "app_password", "placeholder", "dummy",
    };

    /// <summary>
    /// Values that stand in for a secret rather than being one: empty, whitespace, a well-known placeholder word, a
    /// run of one repeated character, or a template token (<c>&lt;…&gt;</c>, <c>${…}</c>, <c>%…%</c>, <c>#{…}#</c>,
    /// <c>__…__</c>, <c>{{…}}</c>).
    /// </summary>
    public static bool IsPlaceholder(string? value)
    {
        if (value is null)
        {
            return true;
        }

        var text = value.Trim();
        if (text.Length == 0)
        {
            return true;
        }

        foreach (var word in PlaceholderWords)
        {
            if (string.Equals(text, word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return IsWrapped(text, "<", ">")
            || IsWrapped(text, "${", "}")
            || IsWrapped(text, "$(", ")")
            || IsWrapped(text, "%", "%")
            || IsWrapped(text, "#{", "}#")
            || IsWrapped(text, "__", "__")
            || IsWrapped(text, "{{", "}}")
            || IsWrapped(text, "[", "]")
            || IsRepeatedCharacter(text);
    }

    /// <summary>
    /// 16 lower-case letters, or four groups of four lower-case letters separated by single spaces: the shape of
    /// Microsoft and Google app passwords (DOMAIN §2).
    /// </summary>
    public static bool IsAppPasswordShaped(string? value)
    {
        if (value is null)
        {
            return false;
        }

        if (value.Length == 16)
        {
            return AllLowerLetters(value, 0, 16);
        }

        return value.Length == 19
            && value[4] == ' ' && value[9] == ' ' && value[14] == ' '
            && AllLowerLetters(value, 0, 4) && AllLowerLetters(value, 5, 4) && AllLowerLetters(value, 10, 4) && AllLowerLetters(value, 15, 4);
    }

    /// <summary>A description of the value's shape that reveals none of its characters.</summary>
    public static string DescribeAppPassword(string value) =>
        value.Length == 16 ? "16 lower-case letters" : "four groups of four lower-case letters";

    private static bool AllLowerLetters(string value, int start, int count)
    {
        for (var i = start; i < start + count; i++)
        {
            if (value[i] is < 'a' or > 'z')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsWrapped(string text, string open, string close) =>
        text.Length > open.Length + close.Length
        && text.StartsWith(open, StringComparison.Ordinal)
        && text.EndsWith(close, StringComparison.Ordinal);

    private static bool IsRepeatedCharacter(string text)
    {
        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] != text[0])
            {
                return false;
            }
        }

        return text.Length > 1 && (text[0] is '*' or 'x' or 'X' or '.' or '-' or '#');
    }
}
