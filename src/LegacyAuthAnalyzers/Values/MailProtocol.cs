namespace LegacyAuthAnalyzers.Values;

/// <summary>
/// The protocol a mail client speaks, which decides scopes, ports and the deprecation date.
/// Serves LA1001, LA1002, LA1003, LA1004, LA1005, LA2001, LA2002, LA2003, LA2004, LA2005, LA3001 and LA3002.
/// </summary>
internal enum MailProtocol
{
    Unknown,
    Smtp,
    Imap,
    Pop3,
    Ews,
}
