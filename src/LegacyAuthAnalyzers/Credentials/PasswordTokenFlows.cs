using System.Threading;
using Microsoft.CodeAnalysis.Operations;

namespace LegacyAuthAnalyzers.Credentials;

/// <summary>
/// The username/password token flows (resource owner password credentials, ROPC) in one place: MSAL
/// <c>AcquireTokenByUsernamePassword</c>, ADAL <c>UserPasswordCredential</c>, Azure.Identity
/// <c>UsernamePasswordCredential</c>, and hand-made token requests with <c>grant_type=password</c>. LA4003 reports the
/// flow; LA1001 and LA3001 report the hard-coded password it sends (<see cref="SignInPasswordSites"/>).
/// Serves LA1001, LA1002, LA1003, LA3001, LA3002 and LA4003.
/// </summary>
internal sealed class PasswordTokenFlows
{
    public const string RopcMethodName = "AcquireTokenByUsernamePassword";

    private readonly INamedTypeSymbol? adalUserPasswordCredential;
    private readonly INamedTypeSymbol? azureUsernamePasswordCredential;

    public PasswordTokenFlows(KnownTypes types)
    {
        Msal = types.Get(KnownType.Microsoft_Identity_Client_PublicClientApplicationBuilder)?.ContainingAssembly;
        adalUserPasswordCredential = types.Get(KnownType.Microsoft_IdentityModel_Clients_ActiveDirectory_UserPasswordCredential);
        azureUsernamePasswordCredential = types.Get(KnownType.Azure_Identity_UsernamePasswordCredential);
        StringContent = types.Get(KnownType.System_Net_Http_StringContent);
        FormUrlEncodedContent = types.Get(KnownType.System_Net_Http_FormUrlEncodedContent);
    }

    public IAssemblySymbol? Msal { get; }

    public INamedTypeSymbol? StringContent { get; }

    public INamedTypeSymbol? FormUrlEncodedContent { get; }

    public bool HasHttp => StringContent is not null || FormUrlEncodedContent is not null;

    public bool HasPasswordCredentials => adalUserPasswordCredential is not null || azureUsernamePasswordCredential is not null;

    /// <summary>An MSAL <c>AcquireTokenByUsernamePassword</c> call, on a public client or any other MSAL type.</summary>
    public bool IsRopcCall(IInvocationOperation invocation) =>
        invocation.TargetMethod.Name == RopcMethodName && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingAssembly, Msal);

    /// <summary>ADAL's <c>UserPasswordCredential</c> or Azure.Identity's <c>UsernamePasswordCredential</c>.</summary>
    public bool IsPasswordCredential(ITypeSymbol? type) =>
        type is not null
        && (SymbolEqualityComparer.Default.Equals(type, adalUserPasswordCredential) || SymbolEqualityComparer.Default.Equals(type, azureUsernamePasswordCredential));

    /// <summary>A ("grant_type", "password") pair: <c>Add("grant_type", "password")</c> or <c>["grant_type"] = "password"</c>.</summary>
    public static bool IsPasswordGrantPair(IOperation element, CancellationToken cancellationToken) => element switch
    {
        IInvocationOperation { Arguments.Length: 2 } add =>
            IsGrantTypeKey(add.Arguments[0].Value) && IsPasswordGrant(add.Arguments[1].Value, cancellationToken),
        ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Arguments.Length: 1 } indexer } assignment =>
            IsGrantTypeKey(indexer.Arguments[0].Value) && IsPasswordGrant(assignment.Value, cancellationToken),
        _ => false,
    };

    // The key must be written as a constant; resolving it through variables would cost work on every pair of every
    // collection initializer in the compilation.
    public static bool IsGrantTypeKey(IOperation value) =>
        value.ConstantValue is { HasValue: true, Value: "grant_type" };

    /// <summary>The grant type's value is <c>password</c>.</summary>
    public static bool IsPasswordGrant(IOperation value, CancellationToken cancellationToken) =>
        ConstantResolver.TryResolveString(value, cancellationToken, out var text, out _) && text == "password";
}

/// <summary>Finds the password grant in a request body, form-encoded or JSON.</summary>
internal static class PasswordGrantText
{
    public static bool Contains(string? text)
    {
        if (text is null)
        {
            return false;
        }

        return ContainsForm(text) || ContainsJson(text);
    }

    /// <summary>
    /// Where the value of the form field <paramref name="name"/> starts (<c>…&amp;password=</c>), or -1: the field name
    /// must start the text or follow a separator, so that <c>grant_type=password</c> is not the <c>password</c> field.
    /// </summary>
    public static int FormValueStart(string text, string name)
    {
        var pair = name + "=";
        for (var index = text.IndexOf(pair, StringComparison.Ordinal); index >= 0; index = text.IndexOf(pair, index + 1, StringComparison.Ordinal))
        {
            var before = index == 0 ? '&' : text[index - 1];
            if (!IsWordCharacter(before) && before != '=')
            {
                return index + pair.Length;
            }
        }

        return -1;
    }

    // grant_type=password&…, not grant_type=password_reset or similar.
    private static bool ContainsForm(string text)
    {
        const string Pair = "grant_type=password";
        for (var index = text.IndexOf(Pair, StringComparison.Ordinal); index >= 0; index = text.IndexOf(Pair, index + 1, StringComparison.Ordinal))
        {
            var before = index == 0 ? '&' : text[index - 1];
            var after = index + Pair.Length == text.Length ? '&' : text[index + Pair.Length];
            if (!IsWordCharacter(before) && !IsWordCharacter(after))
            {
                return true;
            }
        }

        return false;
    }

    // "grant_type" : "password"
    private static bool ContainsJson(string text)
    {
        const string Key = "\"grant_type\"";
        for (var index = text.IndexOf(Key, StringComparison.Ordinal); index >= 0; index = text.IndexOf(Key, index + 1, StringComparison.Ordinal))
        {
            var position = SkipWhitespace(text, index + Key.Length);
            if (position < text.Length && text[position] == ':'
                && string.CompareOrdinal(text, SkipWhitespace(text, position + 1), "\"password\"", 0, 10) == 0)
            {
                return true;
            }
        }

        return false;
    }

    private static int SkipWhitespace(string text, int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }

        return position;
    }

    private static bool IsWordCharacter(char c) => char.IsLetterOrDigit(c) || c is '_' or '-';
}
