using System.Threading;
using Microsoft.CodeAnalysis.Operations;

namespace LegacyAuthAnalyzers.Credentials;

/// <summary>
/// The user name a credential site signs in with, where the site shows it as a constant: the <c>userName</c> of
/// <c>Authenticate</c> or a password SASL mechanism, the <c>username</c> of <c>WebCredentials</c>, or the user of the
/// <c>NetworkCredential</c> the site receives, the user-info of a connection URI. Only the account's kind is read from it (DOMAIN §3: a personal
/// Microsoft account is switched off on a different date); it is never printed.
/// Serves LA1003.
/// </summary>
internal static class CredentialUsers
{
    public static string? ConstantUser(CredentialSite site, KnownTypes types, CancellationToken cancellationToken)
    {
        try
        {
            if (site.Kind == CredentialSinkKind.ConnectionUri)
            {
                // Constant or built at run time: a constant user name shows in the URI's text either way.
                var uri = ConnectionUris.Resolve(site.Password, cancellationToken) ?? ConnectionUris.Template(site.Password, cancellationToken);
                return uri is null ? null : ConnectionUris.User(uri);
            }

            var user = site.Sink switch
            {
                IInvocationOperation invocation => FromArguments(invocation.Arguments, types, cancellationToken),
                IObjectCreationOperation creation => FromArguments(creation.Arguments, types, cancellationToken),
                ISimpleAssignmentOperation assignment => NetworkCredentials.Find(assignment.Value, types, cancellationToken).User,
                _ => null,
            };

            return ConstantResolver.TryResolveString(user, cancellationToken, out var value, out _) ? value : null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return null;
        }
    }

    private static IOperation? FromArguments(ImmutableArray<IArgumentOperation> arguments, KnownTypes types, CancellationToken cancellationToken)
    {
        foreach (var argument in arguments)
        {
            switch (argument.Parameter?.Name)
            {
                case "userName" or "username" or "user":
                    return argument.Value;
                case "credentials":
                    return NetworkCredentials.Find(argument.Value, types, cancellationToken).User;
            }
        }

        return null;
    }
}
