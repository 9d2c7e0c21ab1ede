namespace LegacyAuthAnalyzers.Transport;

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
