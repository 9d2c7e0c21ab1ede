namespace Reporting.Configuration;

public enum SmtpEncryption
{
    None,
    StartTls,
    Ssl,
}

public sealed class EmailOptions
{
    public string SmtpHost { get; init; } = "localhost";
    public int SmtpPort { get; init; } = 25;
    public SmtpEncryption SmtpEncryption { get; init; }
    public string? SmtpUser { get; init; }
    public string? SmtpPassword { get; init; }
}
