namespace LegacyAuthAnalyzers.Infrastructure;

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
}

/// <summary>A place where a password reaches a mail server (SPEC §3).</summary>
internal sealed class CredentialSite
{
    public CredentialSite(CredentialSinkKind kind, IOperation sink, string api, string parameterName, IOperation? password, MailEndpoint endpoint)
    {
        Kind = kind;
        Sink = sink;
        Api = api;
        ParameterName = parameterName;
        Password = password;
        Endpoint = endpoint;
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

    public string? Host => Endpoint.Host;
}
