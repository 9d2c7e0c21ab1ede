using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LegacyAuthAnalyzers.Tests.Robustness;

/// <summary>A mutated input and what was done to it.</summary>
internal sealed record Mutation(string Kind, string Text, bool WithoutMailLibraries = false);

/// <summary>
/// Deterministic ways to break a valid source, the shapes an IDE sees while someone types: truncated at several
/// points, tokens deleted, a string left open, braces unbalanced, library types renamed so nothing binds, and the
/// mail libraries removed from the references.
/// </summary>
internal static class Mutations
{
    private static readonly (string From, string To)[] Renames =
    {
        ("MailKit", "MailKat"),
        ("SmtpClient", "SmtpKlient"),
        ("NetworkCredential", "NetworkCredentia1"),
        ("Microsoft.Identity.Client", "Microsoft.Identity.Klient"),
        ("SecureSocketOptions", "SecureSockOptions"),
        ("ExchangeService", "ExchangeServise"),
        ("AuthenticationContext", "AuthContext"),
    };

    public static IEnumerable<Mutation> Of(string source)
    {
        foreach (var fraction in new[] { 0.2, 0.45, 0.7, 0.9 })
        {
            yield return new Mutation($"truncated at {fraction:P0}", source.Substring(0, (int)(source.Length * fraction)));
        }

        var tokens = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens().ToList();
        foreach (var step in new[] { 5, 11 })
        {
            yield return new Mutation($"every {step}th token deleted", DeleteTokens(source, tokens, step));
        }

        var firstString = tokens.FirstOrDefault(t => t.IsKind(SyntaxKind.StringLiteralToken));
        if (firstString.RawKind != 0 && firstString.Span.Length > 1)
        {
            yield return new Mutation("string unterminated", source.Remove(firstString.Span.End - 1, 1));
        }

        var lastBrace = source.LastIndexOf('}');
        if (lastBrace >= 0)
        {
            yield return new Mutation("closing brace removed", source.Remove(lastBrace, 1));
        }

        yield return new Mutation("extra opening braces", source.Insert(source.Length / 2, "{ { ("));

        var renamed = source;
        foreach (var (from, to) in Renames)
        {
            renamed = renamed.Replace(from, to, StringComparison.Ordinal);
        }

        if (!ReferenceEquals(renamed, source) && renamed != source)
        {
            yield return new Mutation("library types renamed", renamed);
        }

        yield return new Mutation("mail libraries removed", source, WithoutMailLibraries: true);
    }

    private static string DeleteTokens(string source, List<SyntaxToken> tokens, int step)
    {
        var builder = new StringBuilder(source);
        for (var i = tokens.Count - 1; i >= 0; i--)
        {
            if (i % step == step - 1)
            {
                builder.Remove(tokens[i].SpanStart, tokens[i].Span.Length);
            }
        }

        return builder.ToString();
    }
}
