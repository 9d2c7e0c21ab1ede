namespace Calendar.Sync;

public sealed class ServiceAccount
{
    public string User { get; set; } = string.Empty;
    public string Password { get; set; } = string.Empty;
    public string Domain { get; set; } = string.Empty;
}
