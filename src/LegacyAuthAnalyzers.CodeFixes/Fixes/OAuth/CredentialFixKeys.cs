namespace LegacyAuthAnalyzers.CodeFixes.Fixes.OAuth;

/// <summary>The equivalence keys of one rule's credential fixes: public constants on each fixer, mapped here.</summary>
internal sealed class CredentialFixKeys
{
    public CredentialFixKeys(string ruleId, string appOnly, string signedInUser, string? readFromEnvironment)
    {
        RuleId = ruleId;
        AppOnly = appOnly;
        SignedInUser = signedInUser;
        ReadFromEnvironment = readFromEnvironment;
    }

    public string RuleId { get; }

    public string AppOnly { get; }

    public string SignedInUser { get; }

    /// <summary>Null for the rules whose finding is not a hard-coded secret (LA1002, LA1003).</summary>
    public string? ReadFromEnvironment { get; }

    public string Key(CredentialFixKind kind) => kind switch
    {
        CredentialFixKind.OAuthAppOnly => AppOnly,
        CredentialFixKind.OAuthSignedInUser => SignedInUser,
        _ => ReadFromEnvironment ?? string.Empty,
    };

    public CredentialFixKind? Kind(string? key) =>
        key == AppOnly ? CredentialFixKind.OAuthAppOnly
        : key == SignedInUser ? CredentialFixKind.OAuthSignedInUser
        : key is not null && key == ReadFromEnvironment ? CredentialFixKind.ReadFromEnvironment
        : null;
}
