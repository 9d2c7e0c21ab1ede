namespace Cms.Mail;

public sealed class SmtpSettings
{
    public string Host { get; set; } = string.Empty;
    public int Port { get; set; }
    public int SecureSocketOptions { get; set; }
    public string? Username { get; set; }
    public string? Password { get; set; }
}
