using System.Threading;
using Microsoft.CodeAnalysis.Operations;

namespace LegacyAuthAnalyzers.Values;

/// <summary>
/// Mail connection URIs such as <c>smtp://user:pass@host:587</c>.
/// Serves LA1001, LA1002, LA1003, LA1005, LA2001, LA2002, LA2003, LA3001 and LA3002.
/// </summary>
internal static class ConnectionUris
{
    private static readonly string[] MailSchemes = { "smtp", "smtps", "imap", "imaps", "pop", "pops", "pop3", "pop3s" };

    /// <summary>The constant text of a URI expression: a string, or <c>new Uri(constant)</c>.</summary>
    public static string? Resolve(IOperation? uri, CancellationToken cancellationToken)
    {
        return ConstantResolver.TryResolveString(UriValues.TextOperand(uri), cancellationToken, out var text, out _) ? text : null;
    }

    /// <summary>
    /// The text of a URI built at run time (<c>$"smtp://{user}:{password}@{host}:587"</c>, concatenation, a local
    /// holding <c>new Uri(…)</c>), with each part not known at compile time as a NUL: enough to see the scheme, whether
    /// there is a password, and a constant host. Null when there is no constant text at all.
    /// </summary>
    public static string? Template(IOperation? uri, CancellationToken cancellationToken)
    {
        uri = OperationTree.SkipConversions(uri);
        if (uri is ILocalReferenceOperation local)
        {
            var values = new List<IOperation>();
            uri = ConstantResolver.TryGetLocalAssignments(local.Local, OperationTree.Root(local), values) && values.Count == 1
                ? OperationTree.SkipConversions(values[0])
                : null;
        }

        uri = UriValues.TextOperand(uri);
        return uri is null ? null : TemplateText.Of(uri, cancellationToken);
    }

    /// <summary>The host of a URI or template; null when the host is not known at compile time.</summary>
    public static string? Host(string uri)
    {
        var host = MailHosts.Normalize(uri);
        return host is null || host.IndexOf('\0') >= 0 ? null : host;
    }

    public static bool IsMailUri(string uri)
    {
        var colon = uri.IndexOf("://", StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }

        var scheme = uri.Substring(0, colon);
        foreach (var mail in MailSchemes)
        {
            if (string.Equals(scheme, mail, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    public static bool HasPassword(string uri) => IsMailUri(uri) && Password(uri) is { Length: > 0 };

    /// <summary>The password of the URI's user info, URL-decoded; null when there is none.</summary>
    public static string? Password(string uri)
    {
        var userInfo = UserInfo(uri);
        var colon = userInfo?.IndexOf(':') ?? -1;
        return colon < 0 ? null : Uri.UnescapeDataString(userInfo!.Substring(colon + 1));
    }

    /// <summary>The user name of the URI's user info, URL-decoded; null when there is none or it is not constant.</summary>
    public static string? User(string uri)
    {
        var userInfo = UserInfo(uri);
        var colon = userInfo?.IndexOf(':') ?? -1;
        var user = colon < 0 ? userInfo : userInfo!.Substring(0, colon);
        return user is not { Length: > 0 } || user.IndexOf('\0') >= 0 ? null : Uri.UnescapeDataString(user);
    }

    private static string? UserInfo(string uri)
    {
        var start = uri.IndexOf("://", StringComparison.Ordinal) + 3;
        var slash = uri.IndexOf('/', start);
        var authorityEnd = slash < 0 ? uri.Length : slash;
        var at = uri.LastIndexOf('@', authorityEnd - 1, authorityEnd - start);
        return at < 0 ? null : uri.Substring(start, at - start);
    }
}
