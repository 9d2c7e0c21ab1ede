using System.Runtime.CompilerServices;
using System.Threading;

namespace LegacyAuthAnalyzers.Configuration;

/// <summary>
/// The configuration files the rules read (<c>*.config</c> and <c>appsettings*.json</c>), parsed at most once per
/// file however many rules report from them: the parse is cached per <see cref="AdditionalText"/>, which the host
/// shares between all analyzers of a compilation.
/// Serves LA1001, LA1003, LA1005, LA2001, LA2002, LA2003 and LA3001.
/// </summary>
internal static class MailConfigFiles
{
    // Real configuration files are a few kilobytes; a multi-megabyte one is data, and reading it is not worth the time.
    internal const int MaxLength = 1024 * 1024;

    private static readonly ConditionalWeakTable<AdditionalText, Entry> Cache = new();

    private enum FileKind
    {
        None,
        Xml,
        Json,
    }

    /// <summary>Whether the file is one the rules read, by its name alone: no text is loaded for any other file.</summary>
    public static bool IsCandidate(string? path) => KindOf(path) != FileKind.None;

    /// <summary>The file's mail sections; empty when it has none, cannot be read or is malformed. Never throws but for cancellation.</summary>
    public static MailConfigDocument Get(AdditionalText file, CancellationToken cancellationToken)
    {
        var kind = KindOf(file.Path);
        return kind == FileKind.None ? MailConfigDocument.Empty : Cache.GetValue(file, static _ => new Entry()).Get(file, kind, cancellationToken);
    }

    private static FileKind KindOf(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return FileKind.None;
        }

        var name = System.IO.Path.GetFileName(path);
        if (name.EndsWith(".config", StringComparison.OrdinalIgnoreCase))
        {
            return FileKind.Xml;
        }

        return name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            ? FileKind.Json
            : FileKind.None;
    }

    private static MailConfigDocument Parse(AdditionalText file, FileKind kind, CancellationToken cancellationToken)
    {
        try
        {
            var source = file.GetText(cancellationToken);
            if (source is null || source.Length == 0 || source.Length > MaxLength)
            {
                return MailConfigDocument.Empty;
            }

            var text = source.ToString();
            var fileName = System.IO.Path.GetFileName(file.Path);
            var sections = kind == FileKind.Xml
                ? XmlMailConfigParser.Parse(source, text, fileName, cancellationToken)
                : JsonMailConfigParser.Parse(text, fileName, cancellationToken);
            return sections.IsEmpty ? MailConfigDocument.Empty : new MailConfigDocument(file.Path, source, sections);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // An analyzer must never throw: a file that cannot be read has no findings.
            return MailConfigDocument.Empty;
        }
    }

    /// <summary>
    /// One file's parse. The lock makes the rules that ask at the same time wait for a single parse instead of each
    /// doing it; a cancelled parse leaves nothing behind, so the next caller parses again.
    /// </summary>
    private sealed class Entry
    {
        private readonly object gate = new();
        private MailConfigDocument? document;

        public MailConfigDocument Get(AdditionalText file, FileKind kind, CancellationToken cancellationToken)
        {
            var cached = Volatile.Read(ref document);
            if (cached is not null)
            {
                return cached;
            }

            lock (gate)
            {
                if (document is null)
                {
                    Volatile.Write(ref document, Parse(file, kind, cancellationToken));
                }

                return document!;
            }
        }
    }
}
