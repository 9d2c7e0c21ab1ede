using System.Globalization;
using System.Text;

namespace LegacyAuthAnalyzers.Audit.Scanning;

/// <summary>
/// Shard K of N (1-based): the repositories whose name hashes to K. The hash (FNV-1a over the lower-case UTF-8
/// name) is the same on every machine and in every run, so N CI jobs given the same paths split them without
/// talking to each other, and every repository lands in exactly one shard.
/// </summary>
internal readonly record struct Shard(int Index, int Count)
{
    public static Shard Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count >= 1 && index >= 1 && index <= count)
        {
            return new Shard(index, count);
        }

        throw new UsageException($"--shard takes K/N with 1 <= K <= N, for example 2/8; got '{text}'.");
    }

    public bool Contains(string repositoryName) => Bucket(repositoryName, Count) == Index - 1;

    public static int Bucket(string name, int count)
    {
        const uint OffsetBasis = 2166136261;
        const uint Prime = 16777619;
        var hash = OffsetBasis;
        foreach (var b in Encoding.UTF8.GetBytes(name.ToLowerInvariant()))
        {
            hash = unchecked((hash ^ b) * Prime);
        }

        return (int)(hash % (uint)count);
    }

    /// <summary>
    /// The repository name a clone of <paramref name="urlOrPath"/> gets: its last path segment without <c>.git</c>
    /// (<c>https://github.com/contoso/mailer.git</c> is cloned into <c>mailer</c>, which the audit names <c>mailer</c>).
    /// </summary>
    public static string RepositoryName(string urlOrPath)
    {
        var trimmed = urlOrPath.Trim().TrimEnd('/', '\\');
        var name = trimmed[(trimmed.LastIndexOfAny(['/', '\\', ':']) + 1)..];
        return name.EndsWith(".git", StringComparison.OrdinalIgnoreCase) ? name[..^4] : name;
    }

    public override string ToString() => $"{Index}/{Count}";
}
