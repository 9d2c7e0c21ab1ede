using System.Text;

namespace LegacyAuthAnalyzers.Audit.Scanning;

/// <summary>The outcome of reading one file: its text, or why there is none.</summary>
internal readonly record struct ReadResult(string? Text, SkipReason? Skipped, bool Failed)
{
    public static ReadResult Ok(string text) => new(text, null, false);

    public static ReadResult Skip(SkipReason reason) => new(null, reason, false);

    public static ReadResult Fail() => new(null, null, true);
}

/// <summary>
/// Reads a source or configuration file as strict UTF-8, with a size limit. Binary and non-UTF-8 files are reported,
/// never decoded with replacement characters: a mangled file would give findings at wrong columns or none at all.
/// </summary>
internal static class SourceFileReader
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static ReadResult Read(string path, long maxBytes)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (info.LinkTarget is not null)
            {
                return ReadResult.Skip(SkipReason.SymbolicLink);
            }

            if (info.Length > maxBytes)
            {
                return ReadResult.Skip(SkipReason.TooLarge);
            }

            // FileShare.ReadWrite: a file another process is writing is read as it is now, not reported as failed.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
            bytes = new byte[Math.Min(stream.Length, maxBytes + 1)];
            var total = 0;
            int read;
            while (total < bytes.Length && (read = stream.Read(bytes, total, bytes.Length - total)) > 0)
            {
                total += read;
            }

            if (total > maxBytes)
            {
                return ReadResult.Skip(SkipReason.TooLarge);
            }

            Array.Resize(ref bytes, total);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return ReadResult.Fail();
        }

        return Decode(bytes);
    }

    public static ReadResult Decode(ReadOnlySpan<byte> bytes)
    {
        var start = 0;
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            start = 3;
        }
        else if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            return ReadResult.Skip(SkipReason.NotUtf8);
        }

        var content = bytes[start..];
        if (content.IndexOf((byte)0) >= 0)
        {
            return ReadResult.Skip(SkipReason.Binary);
        }

        try
        {
            return ReadResult.Ok(s_strictUtf8.GetString(content));
        }
        catch (DecoderFallbackException)
        {
            return ReadResult.Skip(SkipReason.NotUtf8);
        }
    }
}
