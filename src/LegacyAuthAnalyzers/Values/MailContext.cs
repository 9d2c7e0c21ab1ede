namespace LegacyAuthAnalyzers.Values;

/// <summary>
/// Names that say "this is a mail password": used where no sink proves the mail context.
/// Serves LA3001 and LA3002.
/// </summary>
internal static class MailContext
{
    private static readonly string[] SecretWords = { "pass", "pwd", "secret" };
    private static readonly string[] MailWords = { "mail", "smtp", "imap", "pop", "exchange", "o365", "office365" };
    private static readonly string[] AppPasswordWords = { "apppassword", "app_password", "app-password" };

    public static bool IsSecretName(string name) => ContainsAny(name, SecretWords);

    public static bool IsMailName(string name) => ContainsAny(name, MailWords);

    /// <summary><c>AppPassword</c>, <c>app_password</c> or <c>app-password</c>, in any case.</summary>
    public static bool IsAppPasswordName(string name) => ContainsAny(name, AppPasswordWords);

    /// <summary>A field or property named as a password inside something named for mail, e.g. <c>SmtpSettings.Password</c>.</summary>
    public static bool IsMailPasswordSetting(ISymbol? symbol) =>
        symbol is IFieldSymbol or IPropertySymbol
        && IsSecretName(symbol.Name)
        && (IsMailName(symbol.Name) || symbol.ContainingType is { } type && IsMailName(type.Name));

    private static bool ContainsAny(string text, string[] words)
    {
        foreach (var word in words)
        {
            if (text.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
