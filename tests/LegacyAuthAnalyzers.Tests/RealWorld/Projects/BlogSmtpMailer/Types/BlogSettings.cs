namespace Blog.Core;

public sealed class BlogSettings
{
    public static BlogSettings Instance { get; } = new();

    public string SmtpServer { get; set; } = string.Empty;
    public int SmtpServerPort { get; set; } = 25;
    public string SmtpUserName { get; set; } = string.Empty;
    public string SmtpPassword { get; set; } = string.Empty;
    public bool EnableSsl { get; set; }
}
