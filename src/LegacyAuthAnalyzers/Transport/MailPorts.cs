namespace LegacyAuthAnalyzers.Transport;

/// <summary>
/// The standard port and TLS pairs of DOMAIN §4.
/// Serves LA1001, LA1003, LA1005, LA2001, LA2002, LA2003 and LA3001.
/// </summary>
internal static class MailPorts
{
    public const int SmtpSubmission = 587;
    public const int SmtpImplicitTls = 465;

    /// <summary>A port that expects the TLS handshake first (implicit TLS) for the protocol; any protocol when unknown.</summary>
    public static bool IsImplicitTls(int port, MailProtocol protocol) => protocol switch
    {
        MailProtocol.Smtp => port == 465,
        MailProtocol.Imap => port == 993,
        MailProtocol.Pop3 => port == 995,
        _ => port is 465 or 993 or 995,
    };

    /// <summary>A port that expects a plaintext greeting and then STARTTLS for the protocol; any protocol when unknown.</summary>
    public static bool IsStartTls(int port, MailProtocol protocol) => protocol switch
    {
        MailProtocol.Smtp => port is 25 or 587,
        MailProtocol.Imap => port == 143,
        MailProtocol.Pop3 => port == 110,
        _ => port is 25 or 587 or 143 or 110,
    };

    /// <summary>The protocol a standard mail port belongs to (25/465/587, 143/993, 110/995); unknown for any other.</summary>
    public static MailProtocol ProtocolOf(int? port) => port switch
    {
        25 or 465 or 587 => MailProtocol.Smtp,
        143 or 993 => MailProtocol.Imap,
        110 or 995 => MailProtocol.Pop3,
        _ => MailProtocol.Unknown,
    };

    /// <summary>
    /// Microsoft's SMTP hosts take STARTTLS on 587 (or 25) only; 465 is not offered (DOMAIN §3): Microsoft 365
    /// (<c>smtp.office365.com</c>, its legacy and High Volume Email hosts) and Outlook.com (<c>smtp-mail.outlook.com</c>,
    /// the older <c>smtp.live.com</c>), in code and in configuration files alike.
    /// </summary>
    public static bool RejectsImplicitTls(string? host) =>
        MailHosts.Normalize(host) is "smtp.office365.com" or "smtp-legacy.office365.com" or "smtp-hve.office365.com" or "smtp-mail.outlook.com" or "smtp.live.com";

    /// <summary>
    /// A MailKit <c>SecureSocketOptions</c> as configuration writes it: a member name in any case, optionally
    /// qualified, or its number in the library's declaration order.
    /// </summary>
    public static TlsMode ParseSecureSocketOptions(string? text)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return TlsMode.Unknown;
        }

        var dot = text!.LastIndexOf('.');
        if (dot >= 0)
        {
            text = text.Substring(dot + 1);
        }

        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return number < SecureSocketOptionsOrder.Length ? SecureSocketOptionsOrder[number] : TlsMode.Unknown;
        }

        foreach (var mode in SecureSocketOptionsOrder)
        {
            if (string.Equals(text, mode.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                return mode;
            }
        }

        return TlsMode.Unknown;
    }

    // MailKit.Security.SecureSocketOptions in declaration order, so that a number maps to its member.
    private static readonly TlsMode[] SecureSocketOptionsOrder = { TlsMode.None, TlsMode.Auto, TlsMode.SslOnConnect, TlsMode.StartTls, TlsMode.StartTlsWhenAvailable };

    public static string Name(TlsMode mode) => "SecureSocketOptions." + mode;
}
