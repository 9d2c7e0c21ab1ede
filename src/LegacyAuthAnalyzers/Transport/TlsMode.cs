namespace LegacyAuthAnalyzers.Transport;

/// <summary>
/// How a mail connection uses TLS, mirroring MailKit's <c>SecureSocketOptions</c> without depending on it.
/// Serves LA1001, LA1003, LA1005, LA2001, LA2002, LA2003 and LA3001.
/// </summary>
internal enum TlsMode
{
    Unknown,
    None,
    Auto,
    SslOnConnect,
    StartTls,
    StartTlsWhenAvailable,
}
