namespace LegacyAuthAnalyzers.CodeFixes.Fixes.OAuth;

/// <summary>The code actions the credential fixes offer, in the order they are registered.</summary>
internal enum CredentialFixKind
{
    /// <summary>OAuth 2.0 with an app-only (client credentials) token. First, so that <c>dotnet format</c> applies it.</summary>
    OAuthAppOnly,

    /// <summary>OAuth 2.0 with a signed-in user's token.</summary>
    OAuthSignedInUser,

    /// <summary>The hard-coded password becomes an environment variable read.</summary>
    ReadFromEnvironment,
}
