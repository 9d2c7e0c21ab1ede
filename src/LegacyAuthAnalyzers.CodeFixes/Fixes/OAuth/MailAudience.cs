using System.Threading;
using Microsoft.CodeAnalysis.Operations;

namespace LegacyAuthAnalyzers.CodeFixes.Fixes.OAuth;

/// <summary>Whose accounts a credential site signs in to, as far as the fix can tell: it decides the OAuth actions.</summary>
internal enum MailAudience
{
    /// <summary>A known server that is not Microsoft's: Entra ID tokens do not work there, no OAuth action.</summary>
    ThirdParty,

    /// <summary>
    /// The host is not in the code and no configuration file of the project names it: the OAuth actions assume
    /// Microsoft 365, say so in their title, and are never applied in bulk (Fix All, <c>dotnet format</c>).
    /// </summary>
    Unknown,

    /// <summary>Exchange Online work or school accounts: app-only and signed-in-user tokens from the tenant.</summary>
    Organization,

    /// <summary>Outlook.com, Hotmail and Live accounts: only a signed-in user, through the <c>consumers</c> authority.</summary>
    PersonalAccount,
}

/// <summary>Decides the <see cref="MailAudience"/> of a credential site.</summary>
internal static class MailAudiences
{
    // A host name as a whole configuration value: "pop.fabrikam.com", "smtp.office365.com:587", "imaps://imap.example.org".
    private static readonly System.Text.RegularExpressions.Regex HostName = new(
        @"(?<=[""'=/@]|^)[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\.)+[A-Za-z]{2,63}(?=[""':/]|$)",
        System.Text.RegularExpressions.RegexOptions.Multiline | System.Text.RegularExpressions.RegexOptions.CultureInvariant,
        TimeSpan.FromMilliseconds(200));

    public static MailAudience Of(FixTarget target, DocumentAnalysis analysis, string ruleId, CancellationToken cancellationToken)
    {
        var site = target.Site;
        var host = site.Host;
        var isLA1003 = ruleId == DiagnosticIds.Microsoft365BasicAuthentication;
        MailAudience audience;
        if (host is null)
        {
            // LA1003 without a host in the code: the analyzer found Microsoft 365 by other evidence.
            audience = isLA1003 ? MailAudience.Organization : FromConfiguration(analysis, cancellationToken);
        }
        else if (MailHosts.IsOutlookCom(host))
        {
            return MailAudience.PersonalAccount;
        }
        else
        {
            audience = isLA1003 || MailHosts.IsMicrosoft365(host, analysis.Options) ? MailAudience.Organization : MailAudience.ThirdParty;
        }

        // outlook.office365.com serves both work and personal mailboxes: the user name tells them apart.
        return audience == MailAudience.Organization && IsPersonalUser(site, analysis, cancellationToken) ? MailAudience.PersonalAccount : audience;
    }

    /// <summary>
    /// The audience that the project's configuration files name: when every mail host they hold is Microsoft's, the
    /// host the code reads from configuration is one of them. A single third-party or unknown host makes it unknown.
    /// </summary>
    private static MailAudience FromConfiguration(DocumentAnalysis analysis, CancellationToken cancellationToken)
    {
        var organization = false;
        var personal = false;
        foreach (var file in analysis.Document.Project.AnalyzerOptions.AdditionalFiles)
        {
            if (!MailConfigFiles.IsCandidate(file.Path))
            {
                continue;
            }

            var hosts = new List<string>();
            foreach (var section in MailConfigFiles.Get(file, cancellationToken).Sections)
            {
                foreach (var setting in section.Settings)
                {
                    if (setting.Role is ConfigRole.Host or ConfigRole.Url && MailHosts.Normalize(setting.Value) is { } host)
                    {
                        hosts.Add(host);
                    }
                }
            }

            // A mail server named under a key the sections do not read (an "Archive" section's "Host") counts too: one
            // third-party server anywhere in the configuration is enough to doubt the code's host.
            if (file.GetText(cancellationToken) is not { Length: <= MailConfigFiles.MaxLength } text)
            {
                return MailAudience.Unknown;
            }

            try
            {
                foreach (System.Text.RegularExpressions.Match match in HostName.Matches(text.ToString()))
                {
                    if (LooksLikeMailServer(match.Value))
                    {
                        hosts.Add(match.Value.ToLowerInvariant());
                    }
                }
            }
            catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
            {
                return MailAudience.Unknown;
            }

            foreach (var host in hosts)
            {
                if (MailHosts.IsOutlookCom(host))
                {
                    personal = true;
                }
                else if (MailHosts.IsMicrosoft365(host, analysis.Options))
                {
                    organization = true;
                }
                else
                {
                    return MailAudience.Unknown;
                }
            }
        }

        return (organization, personal) switch
        {
            (true, false) => MailAudience.Organization,
            (false, true) => MailAudience.PersonalAccount,
            _ => MailAudience.Unknown,
        };
    }

    /// <summary>A host whose first label names a mail service: <c>smtp.…</c>, <c>imap.…</c>, <c>pop3.…</c>, <c>mail.…</c>, <c>exchange.…</c>.</summary>
    private static bool LooksLikeMailServer(string host)
    {
        var label = host.Substring(0, host.IndexOf('.')).ToLowerInvariant();
        return label.Contains("mail") || label.StartsWith("smtp", StringComparison.Ordinal) || label.StartsWith("imap", StringComparison.Ordinal)
            || label.StartsWith("pop", StringComparison.Ordinal) || label is "exchange" or "owa" or "outlook" or "ews";
    }

    /// <summary>
    /// Whether the site's user name is a constant personal Microsoft account: read and judged as LA1003 reads and judges
    /// it for its message, so that a finding that says "personal account" never gets an app-only fix.
    /// </summary>
    private static bool IsPersonalUser(CredentialSite site, DocumentAnalysis analysis, CancellationToken cancellationToken) =>
        MailHosts.IsPersonalAccount(CredentialUsers.ConstantUser(site, analysis.Types, cancellationToken));
}
