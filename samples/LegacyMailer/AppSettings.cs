using System.IO;
using System.Text.Json;

namespace LegacyMailer;

/// <summary>The parts of appsettings.json the jobs read.</summary>
internal sealed class AppSettings
{
    public ArchiveSettings Archive { get; set; } = new();

    public NotificationSettings Notifications { get; set; } = new();

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static AppSettings Load(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<AppSettings>(File.ReadAllText(path), JsonOptions) ?? new AppSettings() : new AppSettings();
}

internal sealed class ArchiveSettings
{
    public string Host { get; set; } = string.Empty;

    public string UserName { get; set; } = string.Empty;

    public string Password { get; set; } = string.Empty;
}

internal sealed class NotificationSettings
{
    public string From { get; set; } = string.Empty;

    public string OnCall { get; set; } = string.Empty;

    public string UserName { get; set; } = string.Empty;

    public string AppPassword { get; set; } = string.Empty;
}
