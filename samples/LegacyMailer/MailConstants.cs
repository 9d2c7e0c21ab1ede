namespace LegacyMailer;

/// <summary>Mailbox settings shared by the report jobs, kept in one place since the move off the old VB tool.</summary>
internal static class MailConstants
{
    public const string SmtpHost = "smtp.office365.com";
    public const int SmtpPort = 587;

    public const string ImapHost = "outlook.office365.com";

    public const string ReportsMailbox = "reports@contoso.com";
    public const string SupportMailbox = "support@contoso.com";

    // Generated for the reports mailbox when per-user MFA was switched on.
    public const string ReportsAppPassword = "qmvtzkprhwjcxdnb";
}
