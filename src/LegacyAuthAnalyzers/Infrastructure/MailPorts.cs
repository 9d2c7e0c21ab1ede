namespace LegacyAuthAnalyzers.Infrastructure;

/// <summary>How a mail connection uses TLS, mirroring MailKit's <c>SecureSocketOptions</c> without depending on it.</summary>
internal enum TlsMode
{
    Unknown,
    None,
    Auto,
    SslOnConnect,
    StartTls,
    StartTlsWhenAvailable,
}

/// <summary>The standard port and TLS pairs of DOMAIN §4.</summary>
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

    /// <summary>Microsoft 365 SMTP AUTH takes STARTTLS on 587 (or 25) only; 465 is not offered (DOMAIN §3).</summary>
    public static bool RejectsImplicitTls(string? host) =>
        MailHosts.Normalize(host) is "smtp.office365.com" or "smtp-legacy.office365.com";

    public static string Name(TlsMode mode) => "SecureSocketOptions." + mode;
}
