namespace LegacyAuthAnalyzers.Values;

/// <summary>The protocol a mail client speaks, which decides scopes, ports and the deprecation date.</summary>
internal enum MailProtocol
{
    Unknown,
    Smtp,
    Imap,
    Pop3,
    Ews,
}
