namespace LegacyAuthAnalyzers.Credentials;

/// <summary>Which kind of mail credential sink a site is; the fixes choose their rewrite by it.</summary>
internal enum CredentialSinkKind
{
    MailKitAuthenticate,
    SaslMechanism,
    SmtpClientCredentials,
    EwsWebCredentials,
    EwsCredentials,
    ConnectionUri,
    Custom,

    /// <summary>The password of a username/password token flow (ROPC): MSAL, ADAL, Azure.Identity or a password grant.</summary>
    TokenFlow,

    /// <summary>The user-info of an HTTP Basic header sent to an Exchange endpoint.</summary>
    HttpBasicHeader,
}

/// <summary>
/// A place where a password reaches a mail server (SPEC §3).
/// Serves LA1001, LA1002, LA1003, LA1005, LA3001 and LA3002.
/// </summary>
internal sealed class CredentialSite
{
    public CredentialSite(
        CredentialSinkKind kind, IOperation sink, string api, string parameterName, IOperation? password, MailEndpoint endpoint, Func<string, string?>? extractPassword = null)
    {
        Kind = kind;
        Sink = sink;
        Api = api;
        ParameterName = parameterName;
        Password = password;
        Endpoint = endpoint;
        ExtractPassword = extractPassword;
    }

    public CredentialSinkKind Kind { get; }

    /// <summary>The call, creation or assignment that authenticates: where LA1002 and LA1003 report.</summary>
    public IOperation Sink { get; }

    /// <summary>The API as the message names it, for example <c>ImapClient.Authenticate</c>.</summary>
    public string Api { get; }

    public string ParameterName { get; }

    /// <summary>The expression that supplies the password; for a connection URI, the URI. Null when unknown.</summary>
    public IOperation? Password { get; }

    public MailEndpoint Endpoint { get; }

    /// <summary>
    /// Takes the password out of the constant text of <see cref="Password"/> when the constant holds more than the
    /// password (a form body, a Basic header's user-info); null when the constant is the password.
    /// </summary>
    public Func<string, string?>? ExtractPassword { get; }

    public string? Host => Endpoint.Host;
}
