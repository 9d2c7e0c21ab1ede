namespace Desk.Mail;

public sealed class MailAccountSettings
{
    public string Sender { get; set; } = string.Empty;
    public string Password { get; set; } = string.Empty;
}
