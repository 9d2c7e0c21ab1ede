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

/// <summary>Shared by LA1001 and LA3001: the hard-coded password at a site, or none.</summary>
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

        if (expression is null
            || !ConstantResolver.TryResolveString(expression, cancellationToken, out var value, out var resolved))
        {
            return false;
        }

        if (site.Kind == CredentialSinkKind.ConnectionUri)
        {
            value = ConnectionUris.Password(value) ?? string.Empty;
        }

        if (SecretShapes.IsPlaceholder(value))
        {
            return false;
        }

        secret = new HardCodedSecret(value, resolved, expression);
        return true;
    }
}
