namespace LegacyAuthAnalyzers;

/// <summary>
/// Every key the analyzers put in <c>Diagnostic.Properties</c> for their code fixes, in one place, so an analyzer and
/// its fixer cannot disagree on a name.
/// </summary>
public static class DiagnosticProperties
{
    /// <summary>LA2001-LA2003: the TLS mode that works with the port, a <c>TlsMode</c> name.</summary>
    public const string FixMode = "FixMode";

    /// <summary>LA2001-LA2003: the port to move to, when the port itself cannot work; absent to keep the port.</summary>
    public const string FixPort = "FixPort";

    /// <summary>LA4003: which shape of username/password flow was found, so the fixer knows whether it can help.</summary>
    public const string Kind = "Kind";

    /// <summary>LA4003 <see cref="Kind"/>: <c>AcquireTokenByUsernamePassword</c> on an MSAL public client, which the fix rewrites.</summary>
    public const string MsalPublicClientKind = "MsalPublicClient";

    /// <summary>LA4003 <see cref="Kind"/>: any other shape (ADAL, Azure.Identity, a hand-made request), which gets no fix.</summary>
    public const string OtherKind = "Other";
}
