using System.Threading;

namespace LegacyAuthAnalyzers.Infrastructure;

/// <summary>A hard-coded, non-placeholder secret that reaches a credential site.</summary>
internal readonly struct HardCodedSecret
{
    public HardCodedSecret(string value, ResolvedConstant resolved, IOperation expression)
    {
        Value = value;
        Resolved = resolved;
        Expression = expression;
    }

    /// <summary>The secret itself: for shape checks only, never for a message.</summary>
    public string Value { get; }

    public ResolvedConstant Resolved { get; }

    /// <summary>The expression at the sink that carries the secret.</summary>
    public IOperation Expression { get; }

    public Location Location => Expression.Syntax.GetLocation();

    public IEnumerable<Location>? AdditionalLocations =>
        Resolved.DeclarationLocation is { } declaration ? new[] { declaration } : null;
}

/// <summary>Shared by LA1001, LA3001 and LA1005: the hard-coded secret at a site, or none.</summary>
internal static class HardCodedSecrets
{
    public static bool TryFind(CredentialSite site, CancellationToken cancellationToken, out HardCodedSecret secret)
    {
        secret = default;
        var expression = site.Password;
        if (site.Kind == CredentialSinkKind.ConnectionUri
            && ConstantResolver.Unwrap(expression) is Microsoft.CodeAnalysis.Operations.IObjectCreationOperation { Arguments.Length: > 0 } uri)
        {
            // new Uri("smtp://user:pass@host"): the squiggle belongs on the text that holds the password.
            expression = uri.Arguments[0].Value;
        }

        return TryFind(expression, site.Kind == CredentialSinkKind.ConnectionUri ? ConnectionUris.Password : site.ExtractPassword, cancellationToken, out secret);
    }

    /// <summary>
    /// The hard-coded, non-placeholder secret that <paramref name="expression"/> carries: the same constant resolution
    /// and placeholder model for every kind of secret (mail passwords, token-flow passwords, client secrets).
    /// </summary>
    /// <param name="extract">Takes the secret out of a larger constant (the password of a URI); null when the constant is the secret.</param>
    public static bool TryFind(IOperation? expression, Func<string, string?>? extract, CancellationToken cancellationToken, out HardCodedSecret secret)
    {
        secret = default;
        if (expression is null
            || !ConstantResolver.TryResolveString(expression, cancellationToken, out var value, out var resolved))
        {
            return false;
        }

        if (extract is not null)
        {
            value = extract(value) ?? string.Empty;
        }

        if (SecretShapes.IsPlaceholder(value))
        {
            return false;
        }

        secret = new HardCodedSecret(value, resolved, expression);
        return true;
    }
}
