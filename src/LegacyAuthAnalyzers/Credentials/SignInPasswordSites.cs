using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LegacyAuthAnalyzers.Credentials;

/// <summary>
/// The other ways code signs in to Exchange with a password, as credential sites for the hard-coded secret rules
/// (LA1001, LA3001): the password of a username/password token flow (<see cref="PasswordTokenFlows"/>, the flows
/// LA4003 reports) and the user-info of an HTTP Basic header sent to an Exchange endpoint
/// (<see cref="HttpBasicAuthorizations"/>, the headers LA1004 reports). They are found by the same code as those
/// rules, so the two findings of one flow always agree.
/// Serves LA1001, LA1002, LA1003, LA3001 and LA3002.
/// </summary>
internal sealed class SignInPasswordSites
{
    private const string PasswordParameter = "password";
    private const string PasswordGrantApi = "The grant_type=password token request";

    private readonly KnownTypes types;
    private readonly PasswordTokenFlows flows;
    private readonly HttpBasicAuthorizations basic;

    private SignInPasswordSites(KnownTypes types)
    {
        this.types = types;
        flows = new PasswordTokenFlows(types);
        basic = new HttpBasicAuthorizations(types);
    }

    /// <summary>
    /// The sites for one compilation, or null where not even System.Net.Mail is referenced: the same gate as LA4003 and
    /// LA1004, so a project without mail code pays for nothing (SPEC §7).
    /// </summary>
    public static SignInPasswordSites? For(KnownTypes types) => types.HasMailApi ? new SignInPasswordSites(types) : null;

    /// <summary>
    /// Object creations and indexer assignments everywhere a mail API is referenced; calls and anonymous request bodies
    /// only where a mail or identity library is, as LA4003 and LA1004 do.
    /// </summary>
    public ImmutableArray<OperationKind> OperationKinds =>
        types.HasMailLibrary
            ? ImmutableArray.Create(OperationKind.ObjectCreation, OperationKind.SimpleAssignment, OperationKind.Invocation, OperationKind.AnonymousObjectCreation)
            : ImmutableArray.Create(OperationKind.ObjectCreation, OperationKind.SimpleAssignment);

    /// <summary>One name, shape or symbol comparison that rejects nearly every operation.</summary>
    public bool IsCandidate(IOperation operation) => operation switch
    {
        IInvocationOperation invocation => invocation.TargetMethod.Name == PasswordTokenFlows.RopcMethodName || basic.MayWriteBasicHeader(invocation),
        IObjectCreationOperation creation => creation.Arguments.Length > 0 && IsSinkType(creation.Type) || HasGrantTypeKey(creation.Initializer),
        ISimpleAssignmentOperation assignment => basic.MayWriteBasicHeader(assignment),
        IAnonymousObjectCreationOperation anonymous => anonymous.Initializers.Any(static i => i is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "grant_type" } }),
        _ => false,
    };

    public bool TryGet(IOperation operation, AnalyzerOptions options, CancellationToken cancellationToken, out CredentialSite site)
    {
        CredentialSite? found = null;
        try
        {
            found = operation switch
            {
                IInvocationOperation invocation => FromInvocation(invocation, options, cancellationToken),
                IObjectCreationOperation creation => FromCreation(creation, options, cancellationToken),
                ISimpleAssignmentOperation assignment => BasicHeader(assignment, basic.BasicHeaderAssigned(assignment, cancellationToken), options, cancellationToken),
                IAnonymousObjectCreationOperation anonymous => FromAnonymousBody(anonymous, cancellationToken),
                _ => null,
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // An analyzer must never throw: an unexpected shape is simply not a site.
            found = null;
        }

        site = found!;
        return found is not null;
    }

    /// <summary>
    /// A request body written as an initializer of two or more pairs, one of them keyed <c>grant_type</c>: without that
    /// key no body is a password grant, so the initializers of ordinary objects and collections stop here.
    /// </summary>
    private static bool HasGrantTypeKey(IObjectOrCollectionInitializerOperation? initializer)
    {
        if (initializer is not { Initializers.Length: > 1 })
        {
            return false;
        }

        foreach (var element in initializer.Initializers)
        {
            if (PairOf(element)?.Key == "grant_type")
            {
                return true;
            }
        }

        return false;
    }

    private bool IsSinkType(ITypeSymbol? type) =>
        type is not null
        && (flows.IsPasswordCredential(type)
            || SymbolEqualityComparer.Default.Equals(type, basic.HeaderValue)
            || SymbolEqualityComparer.Default.Equals(type, flows.StringContent)
            || SymbolEqualityComparer.Default.Equals(type, flows.FormUrlEncodedContent));

    private CredentialSite? FromInvocation(IInvocationOperation invocation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        if (flows.IsRopcCall(invocation))
        {
            var typeName = OperationTree.ReceiverTypeName(invocation.Instance, invocation.TargetMethod);
            return TokenFlow(invocation, typeName + "." + PasswordTokenFlows.RopcMethodName, Argument(invocation.Arguments, PasswordParameter));
        }

        return BasicHeader(invocation, basic.BasicHeaderAdded(invocation, cancellationToken), options, cancellationToken);
    }

    private CredentialSite? FromCreation(IObjectCreationOperation creation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var type = creation.Type;
        if (flows.IsPasswordCredential(type))
        {
            return TokenFlow(creation, "new " + type!.Name, Argument(creation.Arguments, PasswordParameter));
        }

        if (basic.IsBasicHeaderValue(creation, out var credentials))
        {
            return credentials is null ? null : BasicCredentials(creation, HttpBasicAuthorizations.HeaderValueApi, StringPart.Of(credentials, cancellationToken), options, cancellationToken);
        }

        if (SymbolEqualityComparer.Default.Equals(type, flows.StringContent))
        {
            return creation.Arguments.Length > 0 ? FromFormText(creation, creation.Arguments[0].Value, cancellationToken) : null;
        }

        if (SymbolEqualityComparer.Default.Equals(type, flows.FormUrlEncodedContent))
        {
            // new FormUrlEncodedContent(new[] { new KeyValuePair<string, string>("grant_type", "password"), … })
            return creation.Arguments.Length > 0 && OperationTree.SkipConversions(creation.Arguments[0].Value) is IArrayCreationOperation { Initializer: { } array }
                ? FromPairs(creation, array.ElementValues.Select(PairOf), cancellationToken)
                : null;
        }

        // new Dictionary<string, string> { { "grant_type", "password" }, { "password", … } } and its list and indexer forms.
        return creation.Initializer is { } initializer ? FromPairs(creation, initializer.Initializers.Select(PairOf), cancellationToken) : null;
    }

    private static CredentialSite? TokenFlow(IOperation sink, string api, IOperation? password) =>
        password is null ? null : new CredentialSite(CredentialSinkKind.TokenFlow, sink, api, PasswordParameter, StringBehindSecureString(password) ?? password, default);

    /// <summary>
    /// The string a <c>SecureString</c> local was filled from, character by character, as the older MSAL and ADAL
    /// overloads wanted: <c>foreach (char c in password) securePassword.AppendChar(c);</c>. Null for any other value.
    /// </summary>
    private static IOperation? StringBehindSecureString(IOperation password)
    {
        if (OperationTree.SkipConversions(password) is not ILocalReferenceOperation { Local.Type.Name: "SecureString" } secure)
        {
            return null;
        }

        foreach (var operation in OperationTree.Root(secure).Descendants())
        {
            if (operation is IForEachLoopOperation { LoopControlVariable: IVariableDeclaratorOperation { Symbol: var character } } loop
                && loop.Body.Descendants().Any(inner => inner is IInvocationOperation { TargetMethod.Name: "AppendChar", Arguments.Length: 1 } append
                    && append.Instance is ILocalReferenceOperation target
                    && SymbolEqualityComparer.Default.Equals(target.Local, secure.Local)
                    && OperationTree.SkipConversions(append.Arguments[0].Value) is ILocalReferenceOperation appended
                    && SymbolEqualityComparer.Default.Equals(appended.Local, character)))
            {
                return OperationTree.SkipConversions(loop.Collection);
            }
        }

        return null;
    }

    /// <summary>A token request body with <c>grant_type=password</c> whose <c>password</c> pair has a value.</summary>
    private static CredentialSite? FromPairs(IOperation sink, IEnumerable<(string? Key, IOperation Value)?> pairs, CancellationToken cancellationToken)
    {
        var isPasswordGrant = false;
        IOperation? password = null;
        foreach (var pair in pairs)
        {
            switch (pair?.Key)
            {
                case "grant_type":
                    isPasswordGrant |= PasswordTokenFlows.IsPasswordGrant(pair.Value.Value, cancellationToken);
                    break;
                case PasswordParameter:
                    password = pair.Value.Value;
                    break;
            }
        }

        return isPasswordGrant ? TokenFlow(sink, PasswordGrantApi, password) : null;
    }

    /// <summary>
    /// The key and value of one element of a request body: <c>Add(k, v)</c>, <c>Add(new KeyValuePair(k, v))</c>,
    /// <c>[k] = v</c>, <c>new KeyValuePair(k, v)</c>. Keys count only when written as constants, as LA4003 reads them.
    /// </summary>
    private static (string? Key, IOperation Value)? PairOf(IOperation element) => OperationTree.SkipConversions(element) switch
    {
        IInvocationOperation { Arguments.Length: 2 } add => (KeyOf(add.Arguments[0].Value), add.Arguments[1].Value),
        IInvocationOperation { Arguments.Length: 1 } add => PairOf(add.Arguments[0].Value),
        IObjectCreationOperation { Arguments.Length: 2 } pair => (KeyOf(pair.Arguments[0].Value), pair.Arguments[1].Value),
        ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Arguments.Length: 1 } indexer } assignment => (KeyOf(indexer.Arguments[0].Value), assignment.Value),
        _ => null,
    };

    private static string? KeyOf(IOperation key) => key.ConstantValue is { HasValue: true, Value: string text } ? text : null;

    /// <summary><c>new { grant_type = "password", username = …, password = … }</c>, posted by an HTTP helper library.</summary>
    private static CredentialSite? FromAnonymousBody(IAnonymousObjectCreationOperation anonymous, CancellationToken cancellationToken) =>
        FromPairs(
            anonymous,
            anonymous.Initializers.Select(initializer => initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment
                ? ((string? Key, IOperation Value)?)(property.Property.Name, assignment.Value)
                : null),
            cancellationToken);

    /// <summary><c>"grant_type=password&amp;username=" + user + "&amp;password=" + password</c>: the value of the password field.</summary>
    private static CredentialSite? FromFormText(IOperation sink, IOperation body, CancellationToken cancellationToken)
    {
        if (!PasswordGrantText.Contains(TemplateText.Of(body, cancellationToken)))
        {
            return null;
        }

        var parts = StringPart.Split(body, cancellationToken);
        for (var i = 0; i < parts.Count; i++)
        {
            var text = parts[i].Value;
            var start = text is null ? -1 : PasswordGrantText.FormValueStart(text, PasswordParameter);
            if (start < 0)
            {
                continue;
            }

            if (start < text!.Length && text[start] != '&')
            {
                // The password is written into the constant itself.
                var offset = parts[i].Offset;
                return new CredentialSite(CredentialSinkKind.TokenFlow, sink, PasswordGrantApi, PasswordParameter, parts[i].Operation, default, value => FormField(value.Substring(offset)));
            }

            var endsThere = i + 2 >= parts.Count || parts[i + 2].Value is { } next && next.StartsWith("&", StringComparison.Ordinal);
            return start == text.Length && i + 1 < parts.Count && endsThere
                ? new CredentialSite(CredentialSinkKind.TokenFlow, sink, PasswordGrantApi, PasswordParameter, parts[i + 1].Operation, default)
                : null;
        }

        return null;
    }

    private static string? FormField(string text)
    {
        var start = PasswordGrantText.FormValueStart(text, PasswordParameter);
        if (start < 0)
        {
            return null;
        }

        var end = text.IndexOf('&', start);
        return end < 0 ? text.Substring(start) : text.Substring(start, end - start);
    }

    private static CredentialSite? BasicHeader(IOperation sink, IOperation? headerValue, AnalyzerOptions options, CancellationToken cancellationToken) =>
        headerValue is not null && HttpBasicAuthorizations.CredentialsOfHeader(headerValue, cancellationToken) is { } credentials
            ? BasicCredentials(sink, HttpBasicAuthorizations.HeaderWriteApi, credentials, options, cancellationToken)
            : null;

    /// <summary>
    /// The password in the base64 user-info of a Basic header sent to Exchange: a constant base64 value, or
    /// <c>Convert.ToBase64String(encoding.GetBytes(user + ":" + password))</c> and its interpolated forms.
    /// </summary>
    private static CredentialSite? BasicCredentials(IOperation sink, string api, StringPart credentials, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        (IOperation Expression, Func<string, string?>? Extract)? password;
        if (credentials.Text is not null)
        {
            var offset = credentials.Offset;
            password = (credentials.Operation, value => AfterColon(DecodeBase64(value.Substring(offset))));
        }
        else
        {
            password = UserInfo(EncodedText(credentials.Operation), cancellationToken);
        }

        if (password is not { } found)
        {
            return null;
        }

        var tree = sink.Syntax.SyntaxTree;
        var host = HttpBasicAuthorizations.ExchangeHostFor(sink, LegacyAuthOptions.For(options, tree), cancellationToken);
        return host is null
            ? null
            : new CredentialSite(CredentialSinkKind.HttpBasicHeader, sink, api, PasswordParameter, found.Expression, new MailEndpoint(host, MailProtocol.Ews), found.Extract);
    }

    /// <summary>The text that <c>Convert.ToBase64String(encoding.GetBytes(text))</c> encodes, through locals of one assignment.</summary>
    private static IOperation? EncodedText(IOperation credentials)
    {
        var toBase64 = SingleValue(credentials) as IInvocationOperation;
        if (toBase64 is not { TargetMethod: { Name: "ToBase64String", ContainingType.Name: "Convert" }, Arguments.Length: > 0 }
            || SingleValue(toBase64.Arguments[0].Value) is not IInvocationOperation { TargetMethod.Name: "GetBytes", Arguments.Length: > 0 } getBytes
            || getBytes.TargetMethod.ContainingType?.ContainingNamespace?.ToDisplayString() != "System.Text")
        {
            return null;
        }

        return getBytes.Arguments[0].Value;
    }

    /// <summary>The password of <c>user:password</c>: the part after the first colon, alone or written into that constant.</summary>
    private static (IOperation Expression, Func<string, string?>? Extract)? UserInfo(IOperation? userInfo, CancellationToken cancellationToken)
    {
        var parts = StringPart.Split(userInfo, cancellationToken);
        for (var i = 0; i < parts.Count; i++)
        {
            var text = parts[i].Value;
            var colon = text?.IndexOf(':') ?? -1;
            if (colon < 0)
            {
                continue;
            }

            if (colon < text!.Length - 1)
            {
                // "svc@contoso.com:P4ss" in one constant; anything after it makes the password a mix.
                var offset = parts[i].Offset;
                return i == parts.Count - 1 ? (parts[i].Operation, value => AfterColon(value.Substring(offset))) : null;
            }

            return i == parts.Count - 2 ? (parts[i + 1].Operation, null) : null;
        }

        return null;
    }

    private static IOperation? SingleValue(IOperation? operation)
    {
        var unwrapped = OperationTree.SkipConversions(operation);
        if (unwrapped is ILocalReferenceOperation local)
        {
            var values = new List<IOperation>();
            return ConstantResolver.TryGetLocalAssignments(local.Local, OperationTree.Root(local), values) && values.Count == 1
                ? OperationTree.SkipConversions(values[0])
                : null;
        }

        return unwrapped;
    }

    private static string? AfterColon(string? userInfo)
    {
        var colon = userInfo?.IndexOf(':') ?? -1;
        return colon < 0 ? null : userInfo!.Substring(colon + 1);
    }

    private static string? DecodeBase64(string text)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(text.Trim()));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static IOperation? Argument(ImmutableArray<IArgumentOperation> arguments, string parameterName)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Name == parameterName)
            {
                return argument.Value;
            }
        }

        return null;
    }
}
