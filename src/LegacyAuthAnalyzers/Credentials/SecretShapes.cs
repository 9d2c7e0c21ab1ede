namespace LegacyAuthAnalyzers.Credentials;

/// <summary>
/// What a hard-coded value looks like: a placeholder, an app password, or a real-looking secret.
/// Serves LA1001, LA1003, LA1005, LA2001, LA2002, LA2003 and LA3001.
/// </summary>
internal static class SecretShapes
{
    private static readonly string[] PlaceholderWords =
    {
        "password", "passwd", "pass", "pwd", "secret", "changeme", "change-me", "change_me", "xxx", "todo", "yourpassword",
        "your-password", "your_password", "mypassword", "apppassword", "app-password", "app_password", "placeholder", "dummy",
    };

    // "Password" in the languages mail code is commonly written in, and its short forms. A value made of these and of
    // words that only say whose or which password it is names the field instead of filling it.
    private static readonly HashSet<string> PasswordNames = new(StringComparer.Ordinal)
    {
        "password", "passwort", "passwd", "pass", "pwd", "pw", "secret", "senha", "contraseña", "contrasena", "motdepasse",
        "mdp", "wachtwoord", "parola", "hasło", "haslo", "пароль", "密码", "密碼", "kennwort", "passord", "lösenord", "salasana",
        "şifre", "sifre", "パスワード", "비밀번호",
    };

    private static readonly HashSet<string> FieldWords = new(StringComparer.Ordinal)
    {
        "your", "my", "the", "enter", "type", "put", "insert", "here", "real", "actual", "new", "sender", "from", "user",
        "username", "account", "mail", "email", "smtp", "imap", "pop", "app", "application", "gmail", "outlook", "login",
        "mailbox", "server", "service", "for", "of", "goes",
        "sua", "seu", "do", "da", "de", "remetente", "aqui", "digite",
        "tu", "su", "la", "el", "correo", "aquí", "introduce",
        "dein", "deine", "ihr", "ihre", "hier",
        "votre", "ton", "ta", "le", "ici",
        "uw", "je", "jouw", "het",
        "tua", "tuo", "il", "qui",
        "twoje", "twój", "tutaj", "wpisz",
        "ваш", "твой", "здесь", "введите",
        "你的", "您的", "邮箱", "发件人",
    };

    private const int MaxPhraseLength = 64;

    /// <summary>
    /// Values that stand in for a secret rather than being one: empty, whitespace, a well-known placeholder word, a
    /// phrase that names the field ("your password", "Sender Pass", "YOUR_SMTP_PASSWORD_HERE", "senha", "mot de passe",
    /// "пароль"), a run of one repeated character, or a template token (<c>&lt;…&gt;</c>, <c>${…}</c>, <c>%…%</c>,
    /// <c>#{…}#</c>, <c>__…__</c>, <c>{{…}}</c>, <c>{…}</c>).
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

        return NamesTheField(text)
            || IsWrapped(text, "<", ">")
            || IsWrapped(text, "${", "}")
            || IsWrapped(text, "$(", ")")
            || IsWrapped(text, "%", "%")
            || IsWrapped(text, "#{", "}#")
            || IsWrapped(text, "__", "__")
            || IsWrapped(text, "{{", "}}")
            || IsWrapped(text, "[", "]")
            || IsWrapped(text, "{", "}")
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

    /// <summary>
    /// Whether every word of the value (split at separators and camel-case humps) is a name for a password or a word
    /// that only says whose or which one it is, with at least one name for a password among them. Digits, symbols or
    /// any other word make it a candidate secret again ("Password123", "senha2024").
    /// </summary>
    private static bool NamesTheField(string text)
    {
        if (text.Length > MaxPhraseLength)
        {
            return false;
        }

        var words = Words(text);
        var named = false;
        for (var i = 0; i < words.Count; i++)
        {
            // "mot de passe", however it is separated.
            if (i + 2 < words.Count && words[i] == "mot" && words[i + 1] == "de" && words[i + 2] == "passe")
            {
                named = true;
                i += 2;
                continue;
            }

            switch (Classify(words[i], 0))
            {
                case WordKind.Password:
                    named = true;
                    break;
                case WordKind.Field:
                    break;
                default:
                    return false;
            }
        }

        return named;
    }

    private enum WordKind
    {
        Other,
        Field,
        Password,
    }

    /// <summary>A word, or run-together words ("yourpassword", "senderpass", "你的密码"), read from <paramref name="start"/>.</summary>
    private static WordKind Classify(string word, int start)
    {
        var rest = start == 0 ? word : word.Substring(start);
        if (PasswordNames.Contains(rest))
        {
            return WordKind.Password;
        }

        if (FieldWords.Contains(rest))
        {
            return WordKind.Field;
        }

        // The longest field-word prefix first; the words are few and short, and so is the value.
        for (var end = word.Length - 1; end > start + 1; end--)
        {
            if (FieldWords.Contains(word.Substring(start, end - start)) && Classify(word, end) is var tail && tail != WordKind.Other)
            {
                return tail;
            }
        }

        return WordKind.Other;
    }

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var boundary = i == text.Length || !char.IsLetterOrDigit(text[i])
                || (start >= 0 && char.IsUpper(text[i]) && char.IsLower(text[i - 1]));
            if (boundary && start >= 0)
            {
                words.Add(text.Substring(start, i - start).ToLowerInvariant());
                start = -1;
            }

            if (i < text.Length && char.IsLetterOrDigit(text[i]) && start < 0)
            {
                start = i;
            }
        }

        return words;
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
