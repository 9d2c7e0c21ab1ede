using System.Threading;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LegacyAuthAnalyzers.Credentials;

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

    /// <summary>
    /// Where the secret lives, when that is not on the sink's line: the const, field, property or local that holds it,
    /// so the IDE and SARIF point at the line to change.
    /// </summary>
    public IEnumerable<Location>? AdditionalLocations =>
        Resolved.DeclarationLocation is { } declaration && !SourceLines.OnSameLine(declaration, Location) ? new[] { declaration } : null;
}

/// <summary>Shared by LA1001, LA3001 and LA1005: the hard-coded secret at a site, or none.</summary>
internal static class HardCodedSecrets
{
    public static bool TryFind(CredentialSite site, CancellationToken cancellationToken, out HardCodedSecret secret)
    {
        secret = default;
        var expression = site.Password;
        if (site.Kind == CredentialSinkKind.ConnectionUri
            && OperationTree.SkipConversions(expression) is IObjectCreationOperation { Arguments.Length: > 0 } uri)
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
            || !(ConstantResolver.TryResolveString(expression, cancellationToken, out var value, out var resolved)
                || TryResolveShippedDefault(expression, cancellationToken, out value, out resolved)))
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

    /// <summary>
    /// A secret that is not a constant in the strict sense but still ships in the binary: the literal initializer of a
    /// field or property that other code may overwrite (<c>private string mailPass = "…"; public string MailPass { get
    /// => mailPass; set => mailPass = value; }</c>), and the password of a <c>NetworkCredential</c> read back through
    /// <c>.Password</c> or <c>.SecurePassword</c>.
    /// </summary>
    private static bool TryResolveShippedDefault(IOperation expression, CancellationToken cancellationToken, out string value, out ResolvedConstant resolved)
    {
        value = string.Empty;
        resolved = default;
        var current = OperationTree.SkipConversions(expression);
        if (current is IPropertyReferenceOperation { Property.Name: "Password" or "SecurePassword", Instance: { } credential }
            && credential.Type?.Name == "NetworkCredential"
            && credential.SemanticModel is { } model)
        {
            var password = NetworkCredentials.Find(credential, KnownTypes.For(model.Compilation), cancellationToken).Password;
            return password is not null
                && (ConstantResolver.TryResolveString(password, cancellationToken, out value, out resolved)
                    || TryResolveInitializer(password, cancellationToken, out value, out resolved));
        }

        return TryResolveInitializer(current, cancellationToken, out value, out resolved);
    }

    private static bool TryResolveInitializer(IOperation? expression, CancellationToken cancellationToken, out string value, out ResolvedConstant resolved)
    {
        value = string.Empty;
        resolved = default;
        if (ShippedDefaults.Resolve(expression, cancellationToken) is not { Value.Value: string text } shipped)
        {
            return false;
        }

        value = text;
        resolved = new ResolvedConstant(text, shipped.Value.Source ?? shipped.Owner);
        return true;
    }
}
