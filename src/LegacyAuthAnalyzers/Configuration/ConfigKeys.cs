using System.Text;

namespace LegacyAuthAnalyzers.Configuration;

/// <summary>What a configuration key holds, as far as the mail rules care.</summary>
internal enum ConfigRole
{
    None,
    Password,
    Host,
    Url,
    Port,

    /// <summary>A boolean TLS switch: <c>EnableSsl</c>, <c>UseSsl</c>, <c>UseTls</c>, <c>Ssl</c>.</summary>
    TlsSwitch,

    /// <summary>MailKit's <c>SecureSocketOptions</c> by name or number.</summary>
    SecureSocketOptions,

    /// <summary>An app's OAuth client secret: <c>ClientSecret</c>, <c>client_secret</c>, <c>SmtpClientSecret</c>.</summary>
    ClientSecret,
}

/// <summary>How sure a key path is to be about mail.</summary>
internal enum MailContextLevel
{
    None,

    /// <summary>Words that also mean other things (<c>Exchange</c> rates, a <c>Pop</c>up): mail only with a mail host or port beside them.</summary>
    Weak,

    Strong,
}

/// <summary>
/// Reads configuration keys the way apps name them (<c>Smtp:Password</c>, <c>EmailSettings.SmtpPort</c>,
/// <c>MAIL_PASSWORD</c>, <c>SMTPPassword</c>): split into lower-case words, then matched as words rather than
/// substrings, so that <c>Bypass</c>, <c>Report</c> or <c>ClientSecret</c> are not mistaken for mail settings.
/// Serves LA1001, LA1003, LA1005, LA2001, LA2002, LA2003 and LA3001.
/// </summary>
internal static class ConfigKeys
{
    private static readonly string[] StrongMailWords = { "smtp", "imap", "pop3", "o365", "office365", "m365", "microsoft365", "outlook", "ews", "mailkit" };
    private static readonly string[] WeakMailWords = { "pop", "exchange" };

    // Hosts and URLs under these words belong to something else than the mail server.
    private static readonly string[] ForeignHostWords = { "proxy", "token", "authority", "redirect", "callback", "login", "tenant", "webhook", "api" };

    /// <summary>Splits a key into lower-case words at separators and case changes; digits stay with their word (<c>Pop3</c>, <c>O365</c>).</summary>
    public static List<string> Words(string key)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush(words, current);
                continue;
            }

            if (char.IsUpper(c) && current.Length > 0)
            {
                var previous = key[i - 1];
                var next = i + 1 < key.Length ? key[i + 1] : '\0';

                // "smtpHost" splits before H; "SMTPHost" splits before the H that starts "Host", not inside "SMTP".
                if (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && char.IsLower(next)))
                {
                    Flush(words, current);
                }
            }

            current.Append(char.ToLowerInvariant(c));
        }

        Flush(words, current);
        return words;
    }

    /// <summary>
    /// The settings of one object or <c>appSettings</c> element that are about mail: keys that name mail strongly, keys
    /// that name it weakly when a mail host or port is beside them, and client secrets that name nothing but sit beside
    /// mail settings (an app's OAuth registration kept with the mail server it is for).
    /// </summary>
    public static ImmutableArray<ConfigSetting> MailSettings(List<(ConfigSetting Setting, MailContextLevel Level)> candidates, bool hasMailEvidence)
    {
        var settings = candidates
            .Where(c => c.Level == MailContextLevel.Strong || (c.Level == MailContextLevel.Weak && hasMailEvidence))
            .Select(c => c.Setting)
            .ToList();
        if (settings.Any(s => s.Role != ConfigRole.ClientSecret))
        {
            settings.AddRange(candidates.Where(c => c.Level == MailContextLevel.None).Select(c => c.Setting));
        }

        return settings.ToImmutableArray();
    }

    /// <summary>Whether a key of <paramref name="role"/> at <paramref name="level"/> may be a mail setting; see <see cref="MailSettings"/>.</summary>
    public static bool IsCandidate(ConfigRole role, MailContextLevel level) =>
        role != ConfigRole.None && (level != MailContextLevel.None || role == ConfigRole.ClientSecret);

    public static MailContextLevel MailLevel(IEnumerable<string> words)
    {
        var level = MailContextLevel.None;
        foreach (var word in words)
        {
            if (word.IndexOf("mail", StringComparison.Ordinal) >= 0 || Contains(StrongMailWords, word) || word.StartsWith("smtp", StringComparison.Ordinal))
            {
                return MailContextLevel.Strong;
            }

            if (Contains(WeakMailWords, word))
            {
                level = MailContextLevel.Weak;
            }
        }

        return level;
    }

    /// <summary>
    /// The role of a key from its words, and how many leading words come before the role word (the key's prefix,
    /// which ties <c>SmtpHost</c> to <c>SmtpPassword</c> in a flat list of keys).
    /// </summary>
    public static ConfigRole Classify(List<string> words, out int prefixLength)
    {
        prefixLength = 0;
        if (words.Count == 0)
        {
            return ConfigRole.None;
        }

        var last = words[words.Count - 1];
        var beforeLast = words.Count > 1 ? words[words.Count - 2] : string.Empty;
        prefixLength = words.Count - 1;

        if (last == "clientsecret" || (last == "secret" && beforeLast == "client"))
        {
            // An app's credential, not a mailbox password: LA1005's, not LA1001's.
            prefixLength = last == "secret" ? words.Count - 2 : words.Count - 1;
            return ConfigRole.ClientSecret;
        }

        if (IsPasswordWord(last))
        {
            return ConfigRole.Password;
        }

        if (last == "port" || (last.EndsWith("port", StringComparison.Ordinal) && MailLevel(new[] { last.Substring(0, last.Length - 4) }) == MailContextLevel.Strong))
        {
            return ConfigRole.Port;
        }

        if (last is "ssl" or "tls")
        {
            // "EnableSsl", "UseSsl", "UseTls", or a bare "Ssl": the verb is part of the role, not of the prefix.
            if (beforeLast is "enable" or "use")
            {
                prefixLength--;
            }

            return ConfigRole.TlsSwitch;
        }

        if (last is "enablessl" or "usessl" or "enabletls" or "usetls")
        {
            return ConfigRole.TlsSwitch;
        }

        if (IsSecureSocketOptions(words, out var roleWords))
        {
            prefixLength = words.Count - roleWords;
            return ConfigRole.SecureSocketOptions;
        }

        if (ContainsAny(words, ForeignHostWords))
        {
            return ConfigRole.None;
        }

        if (last is "name" or "address" && beforeLast is "host" or "server")
        {
            prefixLength--;
            return ConfigRole.Host;
        }

        if (last.EndsWith("host", StringComparison.Ordinal) || last.EndsWith("server", StringComparison.Ordinal) || last is "hostname" or "servername")
        {
            return ConfigRole.Host;
        }

        if (last is "url" or "uri" or "endpoint")
        {
            return ConfigRole.Url;
        }

        return ConfigRole.None;
    }

    /// <summary><c>SecureSocketOptions</c> written as one to three words, and how many words that takes.</summary>
    private static bool IsSecureSocketOptions(List<string> words, out int roleWords)
    {
        var last = words[words.Count - 1];
        roleWords = 1;
        if (last.EndsWith("securesocketoptions", StringComparison.Ordinal) || last.EndsWith("securesocketoption", StringComparison.Ordinal))
        {
            return true;
        }

        if (last is not ("options" or "option") || words.Count < 2 || words[words.Count - 2] is not ("socket" or "securesocket"))
        {
            return false;
        }

        roleWords = words.Count >= 3 && words[words.Count - 3] == "secure" ? 3 : 2;
        return true;
    }

    private static bool IsPasswordWord(string word) =>
        word.EndsWith("password", StringComparison.Ordinal)
        || word.EndsWith("passwd", StringComparison.Ordinal)
        || word.EndsWith("pwd", StringComparison.Ordinal)
        || word.EndsWith("passphrase", StringComparison.Ordinal)
        || word.EndsWith("secret", StringComparison.Ordinal)
        || word == "pass"
        || (word.EndsWith("pass", StringComparison.Ordinal) && MailLevel(new[] { word.Substring(0, word.Length - 4) }) == MailContextLevel.Strong);

    private static bool ContainsAny(List<string> words, string[] candidates)
    {
        foreach (var word in words)
        {
            if (Contains(candidates, word))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Contains(string[] candidates, string word)
    {
        foreach (var candidate in candidates)
        {
            if (string.Equals(candidate, word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static void Flush(List<string> words, StringBuilder current)
    {
        if (current.Length > 0)
        {
            words.Add(current.ToString());
            current.Clear();
        }
    }
}
