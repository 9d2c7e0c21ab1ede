using System.Security.Cryptography;
using System.Text;
using LegacyAuthAnalyzers.Audit.Model;

namespace LegacyAuthAnalyzers.Audit.Analysis;

/// <summary>
/// SARIF <c>partialFingerprints</c> that stay the same when lines are added or removed around a finding: a hash of
/// the rule, the file, the type and member it sits in and the message (which never holds a secret), numbered when
/// one member has several identical findings. No source text goes into the hash.
/// </summary>
internal static class Fingerprints
{
    public const string Key = "legacyAuthFinding/v1";

    public static IReadOnlyList<Finding> Assign(IEnumerable<RawFinding> findings)
    {
        var result = new List<Finding>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var raw in findings.OrderBy(f => f.Finding.Location.Path, StringComparer.Ordinal)
                     .ThenBy(f => f.Finding.Location.Line).ThenBy(f => f.Finding.Location.Column)
                     .ThenBy(f => f.Finding.RuleId, StringComparer.Ordinal).ThenBy(f => f.Finding.Message, StringComparer.Ordinal))
        {
            var finding = raw.Finding;
            var identity = string.Join('\n', finding.RuleId, finding.Location.Path, raw.Context, finding.Message);
            var ordinal = seen[identity] = seen.GetValueOrDefault(identity) + 1;
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(identity + "\n" + ordinal));
            result.Add(finding with { Fingerprint = Convert.ToHexStringLower(hash, 0, 16) });
        }

        return result;
    }
}
