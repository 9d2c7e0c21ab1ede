namespace LegacyAuthAnalyzers.Audit.Scanning;

/// <summary>Why a file was not analyzed. Each is counted per repository and shown in every report.</summary>
internal enum SkipReason
{
    /// <summary>Larger than <see cref="ScanLimits.MaxFileBytes"/>.</summary>
    TooLarge,

    /// <summary>Contains NUL bytes: not source text.</summary>
    Binary,

    /// <summary>Not valid UTF-8 (a UTF-16 or legacy code page file).</summary>
    NotUtf8,

    /// <summary>A symbolic link; links are never followed, so nothing outside the scanned root is read.</summary>
    SymbolicLink,

    /// <summary>Beyond <see cref="ScanLimits.MaxFilesPerRepository"/>.</summary>
    FileLimit,
}
