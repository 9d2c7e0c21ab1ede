namespace LegacyAuthAnalyzers.Tests.EndToEnd;

/// <summary>
/// What the LegacyMailer sample is expected to show, in one place. Update it when rules or code fixes are added:
/// the sample tests compare the real builds against these lists.
/// </summary>
internal static class SampleExpectations
{
    /// <summary>
    /// Rules the sample does not exercise, with the reason. Every other rule the package ships must be reported by the
    /// sample's build, so a new rule fails the sample tests until the sample has code for it or it is listed here.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> RulesNotInSample = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["LA4001"] = "EWS Managed API: its package is not available to build the sample against.",
    };

    /// <summary>
    /// The findings left after <c>dotnet format analyzers</c> has applied every code fix of the package (the first
    /// action where a fix offers several, which for the OAuth migration is app-only), as rule ID and file name, once per
    /// finding. These are the findings no code fix handles.
    /// </summary>
    public static readonly IReadOnlyList<(string RuleId, string File)> FindingsLeftAfterFixes =
    [
        // Configuration files: code fixes only edit C# documents.
        ("LA1001", "app.config"),
        ("LA1003", "app.config"),
        ("LA2001", "app.config"),
        ("LA1001", "appsettings.json"),
        ("LA1001", "appsettings.json"), // the archive server's password, in a section its host names as mail
        ("LA1003", "appsettings.json"),
        ("LA2001", "appsettings.json"),

        // smtp.fabrikam.com is a known third-party server: Entra ID tokens do not work there, so LA1002 offers no OAuth
        // fix, and LA3002 (an app password read from settings) has no code fix.
        ("LA1002", "AlertNotifier.cs"),
        ("LA3002", "AlertNotifier.cs"),

        // The archive server comes from configuration, which names a third-party POP server: the OAuth actions assume
        // Microsoft 365 there, so the light bulb offers them and dotnet format leaves the password authentication as is.
        ("LA1002", "MailboxArchiver.cs"),

        // LA1004 has no code fix: the right token depends on the app, and the long-term answer is Microsoft Graph.
        ("LA1004", "FreeBusyLookup.cs"),
    ];

    /// <summary>
    /// The made-up secrets in the sample's code and configuration files. No build output, SARIF log or message may
    /// contain any of them.
    /// </summary>
    public static readonly IReadOnlyList<string> Secrets =
    [
        "qmvtzkprhwjcxdnb",
        "Kp7#vLq2!mZ9wR4x",
        "Wq4!rT9zXc2#Lm7v",
        "Hx8$dN3qPz6&Kt1w",
        "vjrk bnfw ltpq hzme",
        "Bn5%gY8mRw2*Qz4j",
        "Tg5~nB8.qW3_zX6cV9mK2lP4jH7fD1sA0eR3tY6u",
    ];

    /// <summary>Each secret as it may be written out: as is, and without spaces for the grouped app password.</summary>
    public static IEnumerable<string> SecretForms =>
        Secrets.SelectMany(secret => new[] { secret, secret.Replace(" ", string.Empty, StringComparison.Ordinal) }).Distinct(StringComparer.Ordinal);
}
