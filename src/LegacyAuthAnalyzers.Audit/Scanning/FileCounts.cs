namespace LegacyAuthAnalyzers.Audit.Scanning;

/// <summary>What happened to the files of one repository: analyzed, skipped (with the reason) or failed to read.</summary>
internal sealed class FileCounts
{
    private readonly object gate = new();
    private readonly SortedDictionary<string, int> skipped = new(StringComparer.Ordinal);
    private int scanned;
    private int failed;

    public int Scanned { get { lock (gate) { return scanned; } } }

    public int Failed { get { lock (gate) { return failed; } } }

    public int Skipped { get { lock (gate) { return skipped.Values.Sum(); } } }

    public IReadOnlyDictionary<string, int> SkippedByReason
    {
        get { lock (gate) { return new SortedDictionary<string, int>(skipped, StringComparer.Ordinal); } }
    }

    public void AddScanned(int count = 1)
    {
        lock (gate) { scanned += count; }
    }

    public void AddFailed(int count = 1)
    {
        lock (gate) { failed += count; }
    }

    public void AddSkipped(SkipReason reason) => AddSkipped(Name(reason), 1);

    public void AddSkipped(string reason, int count)
    {
        lock (gate)
        {
            skipped[reason] = skipped.GetValueOrDefault(reason) + count;
        }
    }

    public static string Name(SkipReason reason) => reason switch
    {
        SkipReason.TooLarge => "tooLarge",
        SkipReason.Binary => "binary",
        SkipReason.NotUtf8 => "notUtf8",
        SkipReason.SymbolicLink => "symbolicLink",
        SkipReason.FileLimit => "fileLimit",
        _ => reason.ToString(),
    };
}
