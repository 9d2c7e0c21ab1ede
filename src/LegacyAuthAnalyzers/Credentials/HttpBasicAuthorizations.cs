using System.Threading;
using Microsoft.CodeAnalysis.Operations;

namespace LegacyAuthAnalyzers.Credentials;

/// <summary>
/// HTTP Basic authorization headers and the Exchange endpoints they go to, in one place: LA1004 reports the header;
/// LA1001 and LA3001 report the hard-coded password in its user-info (<see cref="SignInPasswordSites"/>).
/// Serves LA1001, LA1002, LA1003, LA1004, LA3001 and LA3002.
/// </summary>
internal sealed class HttpBasicAuthorizations
{
    public const string HeaderValueApi = "new AuthenticationHeaderValue(\"Basic\", …)";
    public const string HeaderWriteApi = "The Authorization header";

    private const string BasicPrefix = "Basic ";

    // Parameters that take the address of an HTTP request across HttpClient, HttpRequestMessage, WebClient and WebRequest.
    private static readonly ImmutableHashSet<string> UrlParameterNames = ImmutableHashSet.Create(
        StringComparer.Ordinal, "requestUri", "requestUriString", "uri", "url", "address", "baseAddress", "uriString");

    // Exchange's own HTTP endpoints, wherever the server runs.
    private static readonly string[] ExchangePaths = { "/ews/", "/autodiscover/", "/microsoft-server-activesync" };

    private readonly INamedTypeSymbol? httpRequestHeader;

    public HttpBasicAuthorizations(KnownTypes types)
    {
        HeaderValue = types.Get(KnownType.System_Net_Http_Headers_AuthenticationHeaderValue);
        httpRequestHeader = types.Get(KnownType.System_Net_HttpRequestHeader);
    }

    public INamedTypeSymbol? HeaderValue { get; }

    /// <summary>
    /// <c>new AuthenticationHeaderValue("Basic", parameter)</c>; <paramref name="credentials"/> is the base64 of
    /// <c>user:password</c> (the parameter), or null when the scheme comes alone.
    /// </summary>
    public bool IsBasicHeaderValue(IObjectCreationOperation creation, out IOperation? credentials)
    {
        credentials = null;
        if (!SymbolEqualityComparer.Default.Equals(creation.Type, HeaderValue)
            || creation.Arguments.Length == 0
            || !ConstantResolver.TryResolveString(creation.Arguments[0].Value, CancellationToken.None, out var scheme, out _)
            || !string.Equals(scheme.Trim(), "Basic", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        credentials = creation.Arguments.Length > 1 ? creation.Arguments[1].Value : null;
        return true;
    }

    /// <summary>
    /// <c>headers.Add("Authorization", "Basic …")</c>, <c>TryAddWithoutValidation</c>, <c>Set</c>, and
    /// <c>WebHeaderCollection.Add("Authorization: Basic …")</c> with the header as one line: the header's value, or null.
    /// </summary>
    /// <summary>
    /// The checks of <see cref="BasicHeaderAdded"/> and <see cref="BasicHeaderAssigned"/> that need no symbol walk and no
    /// value resolution: a constant <c>Authorization</c> name, or a one-argument <c>Add</c> of a System.Net collection.
    /// Every <c>Add</c> and indexer write of a compilation is asked this, so it decides before anything is cached.
    /// </summary>
    public bool MayWriteBasicHeader(IOperation operation) => operation switch
    {
        IInvocationOperation { Arguments.Length: 2 } invocation => invocation.TargetMethod.Name is "Add" or "TryAddWithoutValidation" or "Set"
            && IsAuthorizationHeaderName(invocation.Arguments[0].Value),
        IInvocationOperation { Arguments.Length: 1 } invocation => invocation.TargetMethod.Name == "Add" && IsInSystemNet(invocation.TargetMethod.ContainingType),
        ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Arguments.Length: 1 } target } => IsAuthorizationHeaderName(target.Arguments[0].Value),
        _ => false,
    };

    public IOperation? BasicHeaderAdded(IInvocationOperation invocation, CancellationToken cancellationToken)
    {
        // Runs for every Add of every collection: the constant header name rejects them before any symbol is walked.
        if (!MayWriteBasicHeader(invocation))
        {
            return null;
        }

        var arguments = invocation.Arguments;
        return arguments.Length == 2
            ? IsInSystemNet(invocation.TargetMethod.ContainingType) && IsBasicValue(arguments[1].Value, cancellationToken) ? arguments[1].Value : null
            : IsBasicHeaderLine(arguments[0].Value, cancellationToken) ? arguments[0].Value : null;
    }

    /// <summary><c>headers["Authorization"] = "Basic …"</c>: the header's value, or null.</summary>
    public IOperation? BasicHeaderAssigned(ISimpleAssignmentOperation assignment, CancellationToken cancellationToken) =>
        MayWriteBasicHeader(assignment)
        && assignment.Target is IPropertyReferenceOperation target

        // WebHeaderCollection's string indexer is NameValueCollection's: the receiver says whose headers they are.
        && (IsInSystemNet(target.Property.ContainingType) || IsInSystemNet(target.Instance?.Type as INamedTypeSymbol))
        && IsBasicValue(assignment.Value, cancellationToken)
            ? assignment.Value
            : null;

    /// <summary>
    /// The host of the first Exchange endpoint the member of <paramref name="site"/> sends to: a constant URL given to
    /// an HTTP request parameter (<c>requestUri</c>, <c>address</c>, any <c>Uri</c>) or assigned to
    /// <c>BaseAddress</c>, <c>RequestUri</c> or <c>Url</c>. Null when there is none or it is a local test server.
    /// </summary>
    public static string? ExchangeHostFor(IOperation site, LegacyAuthOptions options, CancellationToken cancellationToken)
    {
        var uri = site.SemanticModel is { } model ? KnownTypes.For(model.Compilation).Get(KnownType.System_Uri) : null;
        foreach (var operation in OperationTree.Root(site).Descendants())
        {
            var value = operation switch
            {
                IArgumentOperation { Parameter: { } parameter } argument
                    when SymbolEqualityComparer.Default.Equals(parameter.Type, uri) || parameter.Type.SpecialType == SpecialType.System_String && UrlParameterNames.Contains(parameter.Name)
                    => argument.Value,
                ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "BaseAddress" or "RequestUri" or "Url" } } assignment
                    => assignment.Value,
                _ => null,
            };

            if (value is not null && ExchangeHost(ConstantUrls.Resolve(value, cancellationToken), options) is { } host)
            {
                return host;
            }
        }

        return null;
    }

    /// <summary>The part of a header value after <c>Basic </c>: the base64 credentials, or null when they cannot be told apart.</summary>
    public static StringPart? CredentialsOfHeader(IOperation headerValue, CancellationToken cancellationToken)
    {
        var parts = StringPart.Split(headerValue, cancellationToken);
        if (parts.Count == 0 || parts[0].Text is not { } first || !first.StartsWith(BasicPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (first.Length > BasicPrefix.Length)
        {
            // "Basic dXNlcjpwYXNz": the credentials are written into the constant itself.
            return parts.Count == 1 ? parts[0].Skip(BasicPrefix.Length) : null;
        }

        return parts.Count == 2 ? parts[1] : null;
    }

    private bool IsAuthorizationHeaderName(IOperation value)
    {
        var constant = OperationTree.SkipConversions(value)?.ConstantValue ?? default;
        if (!constant.HasValue)
        {
            return false;
        }

        if (constant.Value is string name)
        {
            return string.Equals(name, "Authorization", StringComparison.OrdinalIgnoreCase);
        }

        // HttpRequestHeader.Authorization, as WebClient.Headers and WebRequest.Headers take it.
        return OperationTree.SkipConversions(value) is IFieldReferenceOperation { Field.Name: "Authorization" } field
            && SymbolEqualityComparer.Default.Equals(field.Field.ContainingType, httpRequestHeader);
    }

    // The scheme name is case-insensitive (RFC 9110): "basic" and "BASIC" are Basic too.
    private static bool IsBasicValue(IOperation value, CancellationToken cancellationToken) =>
        TemplateText.Of(value, cancellationToken) is { } text && StartsWithBasic(text, 0);

    /// <summary><c>"Authorization: Basic " + …</c>, as <c>WebHeaderCollection.Add(string)</c> takes a whole header line.</summary>
    private static bool IsBasicHeaderLine(IOperation value, CancellationToken cancellationToken)
    {
        const string name = "Authorization:";
        return TemplateText.Of(value, cancellationToken) is { } text
            && text.StartsWith(name, StringComparison.OrdinalIgnoreCase)
            && StartsWithBasic(text, name.Length);
    }

    /// <summary>The scheme name, case-insensitive, after any spaces, followed by a space.</summary>
    private static bool StartsWithBasic(string text, int start)
    {
        while (start < text.Length && text[start] == ' ')
        {
            start++;
        }

        return string.Compare(text, start, BasicPrefix, 0, BasicPrefix.Length, StringComparison.OrdinalIgnoreCase) == 0;
    }

    /// <summary>
    /// Declared in <c>System.Net</c> or <c>System.Net.Http.Headers</c>; compared name by name, because it is asked for
    /// indexer assignments and header writes everywhere and a display string would be built for each.
    /// </summary>
    private static bool IsInSystemNet(INamedTypeSymbol? type)
    {
        var ns = type?.ContainingNamespace;
        if (ns is { Name: "Headers", ContainingNamespace: { Name: "Http" } http })
        {
            ns = http.ContainingNamespace;
        }

        return ns is { Name: "Net", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };
    }

    private static string? ExchangeHost(string? url, LegacyAuthOptions options)
    {
        var host = MailHosts.Normalize(url);
        if (host is null || MailHosts.IsLocal(host, options))
        {
            return null;
        }

        if (MailHosts.IsMicrosoft365(host, options))
        {
            return host;
        }

        foreach (var path in ExchangePaths)
        {
            if (url!.IndexOf(path, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return host;
            }
        }

        return null;
    }
}
