namespace LegacyAuthAnalyzers.Values;

/// <summary>
/// Classifies mail hosts: Microsoft 365 / Outlook.com, local test servers, or anything else.
/// Serves LA1001, LA1002, LA1003, LA1004, LA1005, LA2001, LA2002, LA2003, LA2004, LA2005, LA3001, LA3002 and LA4001.
/// </summary>
internal static class MailHosts
{
    // DOMAIN §3: the hosts where Basic authentication is disabled or being disabled, legacy names included.
    // smtp-hve.office365.com (High Volume Email) is left out on purpose: Basic auth is still allowed there.
    private static readonly string[] Microsoft365 =
    {
        "smtp.office365.com",
        "smtp-legacy.office365.com",
        "outlook.office365.com",
        "outlook.office.com",
        "smtp-mail.outlook.com",
        "imap-mail.outlook.com",
        "pop-mail.outlook.com",
        "smtp.live.com",
        "imap.outlook.com",
        "pop3.live.com",
    };

    private static readonly char[] PathStarts = { '/', '?', '#' };

    // Single-label names that stand for "some server" in tests, samples and argument-validation calls.
    private static readonly string[] PlaceholderHosts =
    {
        "host", "hostname", "server", "servername", "mailserver", "mailhost", "smtpserver", "smtphost",
        "imapserver", "imaphost", "popserver", "pophost", "example", "test", "dummy", "fake",
    };

    // Names that local test SMTP servers go by, as a container or host name.
    private static readonly string[] LocalTestServers = { "smtp4dev", "papercut", "mailhog", "mailpit", "mailcatcher", "mailcrab", "greenmail" };

    /// <summary>The host part of a host name or URL, lower-cased; null when there is none.</summary>
    public static string? Normalize(string? hostOrUrl)
    {
        if (string.IsNullOrWhiteSpace(hostOrUrl))
        {
            return null;
        }

        var text = hostOrUrl!.Trim();
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            text = text.Substring(scheme + 3);
            var at = text.IndexOf('@');
            var slash = text.IndexOf('/');
            if (at >= 0 && (slash < 0 || at < slash))
            {
                text = text.Substring(at + 1);
            }
        }

        var end = text.IndexOfAny(PathStarts);
        if (end >= 0)
        {
            text = text.Substring(0, end);
        }

        if (text.StartsWith("[", StringComparison.Ordinal))
        {
            var close = text.IndexOf(']');
            return close > 0 ? text.Substring(1, close - 1).ToLowerInvariant() : null;
        }

        var colon = text.IndexOf(':');
        if (colon >= 0 && text.IndexOf(':', colon + 1) < 0)
        {
            text = text.Substring(0, colon);
        }

        text = text.TrimEnd('.').ToLowerInvariant();
        return text.Length == 0 ? null : text;
    }

    public static bool IsMicrosoft365(string? host, LegacyAuthOptions options)
    {
        var normalized = Normalize(host);
        return normalized is not null && (Contains(Microsoft365, normalized) || Contains(options.Microsoft365Hosts, normalized));
    }

    /// <summary>The consumer Outlook.com / Hotmail hosts, switched off earlier than Exchange Online.</summary>
    public static bool IsOutlookCom(string? host) =>
        Normalize(host) is "smtp-mail.outlook.com" or "imap-mail.outlook.com" or "pop-mail.outlook.com" or "smtp.live.com" or "pop3.live.com";

    /// <summary>
    /// A personal Microsoft account (Outlook.com, Hotmail, Live, MSN, with their country domains such as
    /// <c>hotmail.co.uk</c> or <c>outlook.fr</c>): it marks an Outlook.com login where the host alone does not (DOMAIN §3).
    /// </summary>
    public static bool IsPersonalAccount(string? userName)
    {
        var at = userName?.LastIndexOf('@') ?? -1;
        if (at < 0)
        {
            return false;
        }

        var labels = userName!.Substring(at + 1).Trim().TrimEnd('.').ToLowerInvariant().Split('.');
        if (labels.Length is < 2 or > 3 || labels[0] is not ("outlook" or "hotmail" or "live" or "msn"))
        {
            return false;
        }

        // outlook.com, hotmail.fr, hotmail.co.uk, live.com.au; not live.contoso.com.
        return labels.Length == 2
            ? labels[1] == "com" || labels[1].Length == 2
            : labels[1] is "co" or "com" && labels[2].Length == 2;
    }

    public static bool IsLocal(string? host, LegacyAuthOptions options)
    {
        var normalized = Normalize(host);
        if (normalized is null)
        {
            return false;
        }

        if (normalized is "localhost" or "::1" or "0.0.0.0"
            || normalized.EndsWith(".localhost", StringComparison.Ordinal)
            || normalized.StartsWith("127.", StringComparison.Ordinal)
            || Contains(options.LocalHosts, normalized))
        {
            return true;
        }

        foreach (var name in LocalTestServers)
        {
            if (normalized.StartsWith(name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// An empty host or a single-label placeholder such as <c>"host"</c> or <c>"server"</c>: no real connection goes
    /// there, so it is never a transport finding.
    /// </summary>
    public static bool IsPlaceholder(string? host)
    {
        if (host is null || host.Trim().Length == 0)
        {
            return true;
        }

        var normalized = Normalize(host);
        return normalized is null || Array.IndexOf(PlaceholderHosts, normalized) >= 0;
    }

    private static bool Contains(IEnumerable<string> hosts, string normalized)
    {
        foreach (var host in hosts)
        {
            if (string.Equals(Normalize(host), normalized, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
