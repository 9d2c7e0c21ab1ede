using System.Globalization;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LegacyAuthAnalyzers.Tests.Infrastructure;

/// <summary>Asserts that no diagnostic message reveals any part of a secret (SPEC §8).</summary>
public static class SecretAssert
{
    private const int ShortestRevealingPart = 4;

    /// <summary>No message contains a substring of <paramref name="secret"/> of 4 or more characters, in any case.</summary>
    public static void NotInMessages(string secret, IEnumerable<Diagnostic> diagnostics)
    {
        var messages = diagnostics.Select(d => d.GetMessage(CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(messages);
        foreach (var message in messages)
        {
            for (var start = 0; start + ShortestRevealingPart <= secret.Length; start++)
            {
                var part = secret.Substring(start, ShortestRevealingPart);
                Assert.False(
                    message.Contains(part, StringComparison.OrdinalIgnoreCase),
                    $"The message reveals part of the secret (characters {start}-{start + ShortestRevealingPart - 1}): {message}");
            }
        }
    }
}
