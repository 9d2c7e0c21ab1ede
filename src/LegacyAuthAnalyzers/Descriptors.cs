namespace LegacyAuthAnalyzers;

/// <summary>
/// All diagnostic descriptors, created through one factory so that every rule carries the same category,
/// a CWE tag, a help link to its page under docs/rules, and a default severity chosen by one policy
/// (<see cref="DefaultSeverity"/>) from the kind of finding the rule gives.
/// </summary>
public static class Descriptors
{
    public const string HelpLinkBase = ProjectLinks.FileUrl + "docs/rules/";

    public static readonly DiagnosticDescriptor LA1001_HardCodedMailCredential = Create(
        DiagnosticIds.HardCodedMailCredential,
        "Hard-coded mail credential",
        "{0} receives a hard-coded {1}-character password; {2}",
        FindingKind.Defect,
        "A password written into the source reaches a mail credential sink. Anyone with read access to the repository, a build log or the binary has the mailbox. Move to OAuth 2.0 with MSAL where the server supports it, otherwise keep the secret out of the source and out of checked-in configuration files: in an environment variable, user secrets or a secret store.",
        "CWE-798");

    public static readonly DiagnosticDescriptor LA1002_PasswordAuthentication = Create(
        DiagnosticIds.PasswordAuthentication,
        "Password-based mail authentication",
        "{0} logs in to {1} with a password (Basic authentication); prefer OAuth 2.0 where the server supports it",
        FindingKind.Advice,
        "The code authenticates to a mail server with a user name and password. Password authentication bypasses multi-factor authentication and is being switched off by large mail providers; OAuth 2.0 (SASL XOAUTH2) is the replacement where the server offers it.",
        "CWE-287");

    public static readonly DiagnosticDescriptor LA1003_Microsoft365BasicAuthentication = Create(
        DiagnosticIds.Microsoft365BasicAuthentication,
        "Basic authentication to Microsoft 365 or Outlook.com",
        "{0} logs in to {1} with a password, but {2}; use OAuth 2.0 with MSAL",
        FindingKind.Defect,
        "Microsoft has disabled Basic authentication in Exchange Online for IMAP, POP and EWS, stopped it for Outlook.com, and disables SMTP AUTH Basic by default at the end of December 2026. Password logins to these hosts fail or are about to fail; OAuth 2.0 with MSAL is the only way in.",
        "CWE-287");

    public static readonly DiagnosticDescriptor LA1004_HttpBasicToExchange = Create(
        DiagnosticIds.HttpBasicToExchange,
        "HTTP Basic authorization to an Exchange endpoint",
        "{0} sends HTTP Basic authorization to the Exchange endpoint '{1}': the password travels with every request and Exchange Online rejects it; use an OAuth 2.0 bearer token",
        FindingKind.Defect,
        "HTTP Basic authorization is sent to an Exchange Online or EWS endpoint. Exchange Online no longer accepts Basic authentication for EWS, and the header carries the password on every request.",
        "CWE-287");

    public static readonly DiagnosticDescriptor LA1005_HardCodedClientSecret = Create(
        DiagnosticIds.HardCodedClientSecret,
        "Hard-coded OAuth client secret of a mail app",
        "{0} receives a hard-coded {1}-character client secret; read it from the environment or a secret store, or use a certificate or a managed identity",
        FindingKind.Defect,
        "The client secret of an app that reads or sends mail through Microsoft 365 is written into the source or a configuration file. Whoever has the repository, a build log or the binary can request tokens as the app, and app-only mail permissions reach every mailbox the app may access. Read the secret from the environment or a secret store, or better, authenticate the app with a certificate or a managed identity.",
        "CWE-798");

    public static readonly DiagnosticDescriptor LA2001_MailWithoutTls = Create(
        DiagnosticIds.MailWithoutTls,
        "Mail connection without TLS",
        "{0} means no TLS to {1}; credentials and mail travel in plaintext",
        FindingKind.Defect,
        "The mail connection never negotiates TLS, so passwords, tokens and message contents cross the network in plaintext.",
        "CWE-319");

    public static readonly DiagnosticDescriptor LA2002_OpportunisticTls = Create(
        DiagnosticIds.OpportunisticTls,
        "Opportunistic TLS on a mail connection",
        "{0} uses opportunistic STARTTLS to {1}, which an attacker can strip; require TLS with {2}",
        FindingKind.Advice,
        "Opportunistic STARTTLS falls back to plaintext when the server does not advertise STARTTLS, which an active attacker can arrange by removing the advertisement.",
        "CWE-319");

    public static readonly DiagnosticDescriptor LA2003_PortTlsMismatch = Create(
        DiagnosticIds.PortTlsMismatch,
        "Mail port and TLS mode do not match",
        "{0} uses {1} on port {2}: {3}; use {4}",
        FindingKind.Defect,
        "The port and the TLS mode cannot work together: implicit TLS on a STARTTLS port fails the handshake, and STARTTLS or plaintext on an implicit-TLS port waits for a greeting that never comes.",
        "CWE-319");

    public static readonly DiagnosticDescriptor LA2004_CertificateValidationDisabled = Create(
        DiagnosticIds.CertificateValidationDisabled,
        "Certificate validation disabled for mail",
        "{0} accepts every server certificate; anyone on the network path can read the mail and the credentials",
        FindingKind.Defect,
        "A certificate validation callback that returns true regardless of the errors turns TLS into encryption with an unknown party.",
        "CWE-295");

    public static readonly DiagnosticDescriptor LA2005_LegacyTlsVersion = Create(
        DiagnosticIds.LegacyTlsVersion,
        "Legacy TLS version on a mail client",
        "{0} allows {1}; remove the setting and let the operating system choose",
        FindingKind.Defect,
        "SSL 2.0, SSL 3.0, TLS 1.0 and TLS 1.1 are broken or deprecated, and Exchange Online rejects TLS 1.0 and 1.1 on POP and IMAP.",
        "CWE-327");

    public static readonly DiagnosticDescriptor LA3001_AppPasswordShapedSecret = Create(
        DiagnosticIds.AppPasswordShapedSecret,
        "App password in code",
        "{0} receives a hard-coded value shaped like an app password ({1}); {2}",
        FindingKind.Defect,
        "An app password is a static key to the whole mailbox that bypasses multi-factor authentication. One written into the source is a leaked mailbox: revoke it.",
        "CWE-798");

    public static readonly DiagnosticDescriptor LA3002_AppPasswordByName = Create(
        DiagnosticIds.AppPasswordByName,
        "App password used for mail",
        "{0} receives an app password from '{1}', which bypasses multi-factor authentication; move to OAuth 2.0",
        FindingKind.Advice,
        "A value named as an app password flows to a mail credential sink. App passwords bypass multi-factor authentication and no longer work with Outlook.com or Exchange Online protocols other than SMTP AUTH.",
        "CWE-287");

    public static readonly DiagnosticDescriptor LA4001_EwsToExchangeOnline = Create(
        DiagnosticIds.EwsToExchangeOnline,
        "EWS to Exchange Online",
        "ExchangeService targets Exchange Online ('{0}'), where EWS works only for apps the organization allows from October 2026 and is shut down in April 2027; migrate to Microsoft Graph",
        FindingKind.Defect,
        "From 1 October 2026 Exchange Web Services in Exchange Online works only for apps an organization lists in EwsAllowedAppIDs, and it is announced to shut down on 1 April 2027. Microsoft Graph is the replacement.",
        "CWE-477");

    public static readonly DiagnosticDescriptor LA4002_AdalInUse = Create(
        DiagnosticIds.AdalInUse,
        "ADAL in use",
        "ADAL's AuthenticationContext is out of support since June 2023 and gets no security fixes; use MSAL",
        FindingKind.Defect,
        "The Active Directory Authentication Library (Microsoft.IdentityModel.Clients.ActiveDirectory) has been out of all support, security fixes included, since 30 June 2023. MSAL.NET replaces it.",
        "CWE-1104");

    public static readonly DiagnosticDescriptor LA4003_UsernamePasswordTokenFlow = Create(
        DiagnosticIds.UsernamePasswordTokenFlow,
        "Username/password token flow (ROPC)",
        "{0} uses the user's password to get a token (ROPC), which cannot do multi-factor authentication or Conditional Access; use device code, interactive sign-in or client credentials",
        FindingKind.Defect,
        "The resource owner password credentials flow sends the user's password to the token endpoint. It cannot satisfy multi-factor authentication or Conditional Access and is obsolete in MSAL and Azure.Identity.",
        "CWE-522");

    /// <summary>
    /// The severity policy of SPEC §2: Warning only where real code gives no known false positives, Info for the
    /// noisier checks, which advise rather than prove. Every rule is on by default and switchable with
    /// <c>dotnet_diagnostic.LAxxxx.severity</c>.
    /// </summary>
    internal static DiagnosticSeverity DefaultSeverity(FindingKind finding) => finding switch
    {
        FindingKind.Defect => DiagnosticSeverity.Warning,
        _ => DiagnosticSeverity.Info,
    };

    private static DiagnosticDescriptor Create(
        string id, string title, string messageFormat, FindingKind finding, string description, string cwe)
    {
#pragma warning disable RS0030 // This factory is the one place allowed to call the constructor.
        return new DiagnosticDescriptor(
            id,
            title,
            messageFormat,
            DiagnosticIds.Category,
            DefaultSeverity(finding),
            isEnabledByDefault: true,
            description: description,
            helpLinkUri: HelpLinkBase + id + ".md",
            customTags: new[] { cwe });
#pragma warning restore RS0030
    }
}
