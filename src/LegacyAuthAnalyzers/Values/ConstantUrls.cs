using System.Threading;
using Microsoft.CodeAnalysis.Operations;

namespace LegacyAuthAnalyzers.Values;

/// <summary>
/// The compile-time text of a URL given as a string or as a <c>Uri</c>, for the rules that judge an endpoint.
/// Serves LA1001, LA1002, LA1003, LA1004, LA3001, LA3002 and LA4001.
/// </summary>
internal static class ConstantUrls
{
    // Uri values stored in locals or fields are followed at most this many hops, so the work per value is bounded.
    private const int MaxDepth = 4;

    /// <summary>The URL, or null when it is not known at compile time (or may be one of several hosts); never throws.</summary>
    public static string? Resolve(IOperation? value, CancellationToken cancellationToken)
    {
        try
        {
            return UrlText(value, 0, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>
    /// The text of a <c>Uri</c> value: <c>new Uri(constant)</c>, <c>new Uri(constantBase, relative)</c>, or a local or
    /// field whose every assignment is such a creation of the same host.
    /// </summary>
    private static string? UrlText(IOperation? value, int depth, CancellationToken cancellationToken)
    {
        value = OperationTree.SkipConversions(value);
        if (value is null || depth > MaxDepth)
        {
            return null;
        }

        switch (value)
        {
            case IObjectCreationOperation when UriValues.IsUriCreation(value, out var first):
                return ConstantResolver.TryResolveString(first, cancellationToken, out var text, out _)
                    ? text
                    : UrlText(first, depth + 1, cancellationToken);
            case ILocalReferenceOperation local:
                var assigned = new List<IOperation>();
                return ConstantResolver.TryGetLocalAssignments(local.Local, OperationTree.Root(value), assigned)
                    ? SameHost(assigned, depth, cancellationToken)
                    : null;
            case IFieldReferenceOperation field:
                var values = new List<IOperation>();
                return ConstantResolver.TryGetMemberValues(value, field.Field, values, cancellationToken)
                    ? SameHost(values, depth, cancellationToken)
                    : null;
            default:
                return ConstantResolver.TryResolveString(value, cancellationToken, out var constant, out _) ? constant : null;
        }
    }

    /// <summary>The URL when every value resolves to one host, so a variable that may point elsewhere is not reported.</summary>
    private static string? SameHost(List<IOperation> values, int depth, CancellationToken cancellationToken)
    {
        string? url = null;
        string? host = null;
        foreach (var value in values)
        {
            var text = UrlText(value, depth + 1, cancellationToken);
            var normalized = MailHosts.Normalize(text);
            if (normalized is null || host is not null && !string.Equals(host, normalized, StringComparison.Ordinal))
            {
                return null;
            }

            url ??= text;
            host = normalized;
        }

        return url;
    }
}
