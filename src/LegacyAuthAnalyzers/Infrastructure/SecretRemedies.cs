namespace LegacyAuthAnalyzers.Infrastructure;

/// <summary>
/// The end of the LA1001 and LA3001 messages: what to do with the secret. A value in code goes to an environment
/// variable or a secret store (the code fix reads it from an environment variable); a value in a configuration file is
/// in configuration already, so it moves out of the file.
/// </summary>
internal static class SecretRemedies
{
    public const string PasswordInCode = "read it from an environment variable or a secret store, or switch to OAuth 2.0";

    public const string PasswordInConfigFile = "move the value to a secret store, user secrets or an environment variable, or switch to OAuth 2.0";

    public const string AppPasswordInCode = "revoke it and switch to OAuth 2.0, or keep its replacement in an environment variable or a secret store";

    public const string AppPasswordInConfigFile = "revoke it and switch to OAuth 2.0, or keep its replacement in a secret store, user secrets or an environment variable";
}
