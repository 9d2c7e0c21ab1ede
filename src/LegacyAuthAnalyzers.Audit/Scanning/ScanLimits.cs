namespace LegacyAuthAnalyzers.Audit.Scanning;

/// <summary>Bounds on what one repository may make the audit read, so a hostile or huge tree cannot exhaust it.</summary>
internal sealed record ScanLimits(long MaxFileBytes, int MaxFilesPerRepository)
{
    public static readonly ScanLimits Default = new(MaxFileBytes: 1024 * 1024, MaxFilesPerRepository: 200_000);
}
