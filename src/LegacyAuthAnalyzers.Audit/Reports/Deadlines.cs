using LegacyAuthAnalyzers.Audit.Model;

namespace LegacyAuthAnalyzers.Audit.Reports;

/// <summary>A Microsoft date a finding is tied to. <see cref="Date"/> sorts; null means no date, a risk today.</summary>
internal sealed record Deadline(DateOnly? Date, string When, string Text);

/// <summary>
/// What breaks when: the Microsoft date each rule (and, for Microsoft 365 Basic authentication, each finding's
/// protocol) is tied to. The dates are Microsoft's announcements as of December 2026.
/// </summary>
internal static class Deadlines
{
    public static readonly Deadline ImapPopEwsBasic = new(new DateOnly(2022, 10, 1), "since October 2022",
        "Exchange Online disabled Basic authentication for IMAP, POP and EWS in October 2022 (permanent)");

    public static readonly Deadline AdalSupport = new(new DateOnly(2023, 6, 30), "since 30 June 2023",
        "ADAL is out of support since 30 June 2023, with no security fixes");

    public static readonly Deadline OutlookCom = new(new DateOnly(2024, 9, 16), "since 16 September 2024",
        "Outlook.com stopped Basic authentication and app passwords on 16 September 2024");

    public static readonly Deadline LegacyTls = new(new DateOnly(2026, 7, 1), "July to December 2026",
        "Exchange Online rejects TLS 1.0 and 1.1 on POP and IMAP between July and December 2026");

    public static readonly Deadline Ews = new(new DateOnly(2026, 10, 1), "1 October 2026",
        "EWS in Exchange Online works only for allow-listed apps from 1 October 2026; shutdown announced for 1 April 2027");

    public static readonly Deadline SmtpAuth = new(new DateOnly(2026, 12, 31), "end of December 2026",
        "Exchange Online disables SMTP AUTH Basic authentication (app passwords included) by default at the end of December 2026");

    public static readonly Deadline None = new(null, "no Microsoft date",
        "No Microsoft date: a security risk today (leaked secret, plaintext or unverified connection, or a password flow)");

    public static Deadline ForRule(string ruleId) => ruleId switch
    {
        "LA1003" or "LA3001" or "LA3002" => SmtpAuth,
        "LA1004" => ImapPopEwsBasic,
        "LA2005" => LegacyTls,
        "LA4001" => Ews,
        "LA4002" => AdalSupport,
        _ => None,
    };

    /// <summary>The date of one finding: LA1003's message names the protocol and service, which decide it.</summary>
    public static Deadline For(Finding finding)
    {
        if (finding.RuleId == "LA1003")
        {
            if (finding.Message.Contains("Outlook.com stopped", StringComparison.Ordinal))
            {
                return OutlookCom;
            }

            if (finding.Message.Contains("in 2022", StringComparison.Ordinal))
            {
                return ImapPopEwsBasic;
            }
        }

        return ForRule(finding.RuleId);
    }
}
