using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis.Operations;

namespace LegacyAuthAnalyzers.Transport;

/// <summary>Which <c>Connect</c> overload a MailKit call uses, which decides how a fix rewrites it.</summary>
internal enum ConnectShape
{
    Options,
    UseSsl,
    Uri,
}

/// <summary>
/// A MailKit <c>Connect</c>/<c>ConnectAsync</c> call with its host, port and TLS mode resolved where they are constant
/// (through <see cref="ConstantResolver"/>): the <c>SecureSocketOptions</c> overloads (with <c>Auto</c> given or
/// defaulted), the <c>bool useSsl</c> overloads and the <c>Uri</c> overloads.
/// Serves LA2001, LA2002 and LA2003.
/// </summary>
internal sealed class MailKitConnection
{
    /// <summary>Stands for a part of a URI that is not constant: <see cref="TemplateText"/>'s hole.</summary>
    private const char Unknown = '\0';

    private static readonly char[] AuthorityEnds = { '/', '?', '#' };

    private MailKitConnection(MethodCall call, ConnectShape shape, MailProtocol protocol)
    {
        Call = call;
        Shape = shape;
        Protocol = protocol;
    }

    /// <summary>The <c>Connect</c> call, bound or recovered from code that does not fully bind.</summary>
    public MethodCall Call { get; }

    /// <summary>The operation the findings are reported on.</summary>
    public IOperation Operation => Call.Operation;

    /// <summary>The bound invocation; null for a recovered call, which the fixes do not rewrite.</summary>
    public IInvocationOperation? Invocation => Call.Operation as IInvocationOperation;

    public ConnectShape Shape { get; }

    public MailProtocol Protocol { get; }

    public string? Host { get; private set; }

    /// <summary>Whether <see cref="Port"/> is a compile-time constant; false when it comes from configuration.</summary>
    public bool HasConstantPort { get; private set; }

    /// <summary>The constant port; 0 means the library's default port for the mode.</summary>
    public int Port { get; private set; }

    /// <summary>The effective mode MailKit will use; <see cref="TlsMode.Unknown"/> when it comes from configuration.</summary>
    public TlsMode Mode { get; private set; }

    /// <summary>True when <c>Auto</c> comes from the parameter's default value.</summary>
    public bool ModeIsDefault { get; private set; }

    /// <summary>For a setting that differs by branch: the condition of the branch <see cref="Mode"/> comes from.</summary>
    public string? Condition { get; private set; }

    /// <summary>For a setting that differs by branch: the expression that gives <see cref="Mode"/>.</summary>
    public IOperation? ConditionSource { get; private set; }

    /// <summary>
    /// Where the weak setting is written, when that is not on the call's line (the mode argument of a call written over
    /// several lines, the <c>None</c> arm of a switch, a settings default): the findings' additional locations (LA2001,
    /// LA2002), so the IDE and SARIF point at the line to change.
    /// </summary>
    public IEnumerable<Location>? SettingLocations
    {
        get
        {
            var argument = ModeArgument is { IsImplicit: false } ? ModeArgument.Syntax.GetLocation() : null;
            var source = ConditionSource?.Syntax.GetLocation();
            if (argument is null && source is null)
            {
                return null;
            }

            // The argument, the weak value, and the named constant it reads (const DefaultSecurity = Auto) when declared
            // elsewhere.
            var call = Operation.Syntax.GetLocation();
            var locations = new List<Location>(3);
            foreach (var location in new[] { argument, source, ConditionDeclaration })
            {
                if (location is not null && !SourceLines.OnSameLine(location, call) && !locations.Any(l => SourceLines.OnSameLine(l, location)))
                {
                    locations.Add(location);
                }
            }

            return locations.Count == 0 ? null : locations;
        }
    }

    private Location? ConditionDeclaration { get; set; }


    private ImmutableArray<(TlsMode Mode, ValueBranch Branch)> modeBranches;

    /// <summary>The argument that decides the mode: <c>options</c>, <c>useSsl</c> or <c>uri</c>.</summary>
    public IArgumentOperation? ModeArgument { get; private set; }

    public IArgumentOperation? PortArgument { get; private set; }

    /// <summary>For the <c>Uri</c> overloads: the scheme as written.</summary>
    public string? UriScheme { get; private set; }

    /// <summary>The API as messages name it, for example <c>ImapClient.Connect</c>.</summary>
    public string Api
    {
        get
        {
            var typeName = OperationTree.ReceiverTypeName(Call.Instance, Call.Method);
            return typeName + "." + Call.Method.Name;
        }
    }

    public string HostDisplay => Host is null ? "a mail server" : "'" + Host + "'";

    public static bool IsConnectName(string name) => name is "Connect" or "ConnectAsync";

    /// <summary>MailKit's <c>MailService</c> or anything implementing <c>IMailService</c> (<c>ISmtpClient</c>, …).</summary>
    public static bool TryGet(IInvocationOperation invocation, KnownTypes types, CancellationToken cancellationToken, out MailKitConnection connection) =>
        TryGet((IOperation)invocation, types, cancellationToken, out connection);

    /// <summary>A bound <c>Connect</c> invocation, or an invalid one recovered by <see cref="CallRecovery"/>.</summary>
    public static bool TryGet(IOperation operation, KnownTypes types, CancellationToken cancellationToken, out MailKitConnection connection)
    {
        connection = null!;
        try
        {
            if (operation is IInvalidOperation && !IsConnectName(CallRecovery.InvokedName(operation.Syntax) ?? string.Empty))
            {
                return false;
            }

            var call = MethodCall.From(operation);
            var method = call?.Method;
            if (call is null || method is null || method.MethodKind != MethodKind.Ordinary || !IsConnectName(method.Name) || !types.IsMailKitService(method.ContainingType))
            {
                return false;
            }

            var result = Create(call, types, cancellationToken);
            if (result is null)
            {
                return false;
            }

            connection = result;
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>
    /// Decides the concern of the connection. A mismatch wins over the others: a connection that fails or hangs never
    /// sends anything, in plaintext or not.
    /// </summary>
    public TransportAssessment Assess() => Assess(Mode);

    private TransportAssessment Assess(TlsMode mode) =>
        TransportPolicy.Assess(Protocol, Host, HasConstantPort ? Port : null, mode);

    /// <summary>The mode as the code spells it, with the condition under which it applies, for messages.</summary>
    public string ModeDisplay => WithCondition(WrittenMode);

    private string WrittenMode => Shape switch
    {
        ConnectShape.UseSsl => Mode == TlsMode.SslOnConnect ? "implicit TLS (useSsl: true)" : "opportunistic STARTTLS (useSsl: false)",
        _ when Condition is not null => MailPorts.Name(Mode),
        ConnectShape.Uri => Mode switch
        {
            TlsMode.SslOnConnect => "implicit TLS ('" + UriScheme + "://')",
            TlsMode.None => "no TLS ('?starttls=never')",
            TlsMode.StartTls => "STARTTLS ('?starttls=always')",
            _ => "opportunistic STARTTLS ('" + UriScheme + "://')",
        },
        _ => ModeIsDefault ? "SecureSocketOptions.Auto (the default)" : MailPorts.Name(Mode),
    };

    /// <summary>
    /// The setting as the code spells it, for messages that say what it means themselves ("uses opportunistic
    /// STARTTLS"): <c>useSsl: false</c>, <c>'smtp://'</c>, <c>SecureSocketOptions.None</c>.
    /// </summary>
    public string SettingDisplay => Shape switch
    {
        ConnectShape.UseSsl => WithCondition(Mode == TlsMode.SslOnConnect ? "useSsl: true" : "useSsl: false"),
        ConnectShape.Uri => Mode switch
        {
            TlsMode.None => "'?starttls=never'",
            TlsMode.StartTls => "'?starttls=always'",
            _ => "'" + UriScheme + "://'",
        },
        _ => ModeDisplay,
    };

    private string WithCondition(string setting) => Condition is null ? setting : setting + " when " + Condition;

    /// <summary>How to spell the working setting in this call's own terms.</summary>
    public string RemedyDisplay(TlsMode mode) => Shape == ConnectShape.Uri
        ? (mode == TlsMode.SslOnConnect ? "'" + SecureScheme(UriScheme) + "://'" : "'?starttls=always'")
        : MailPorts.Name(mode);

    internal static string SecureScheme(string? scheme) => scheme switch
    {
        null => "smtps",
        "pop3" => "pop3s",
        _ => scheme.EndsWith("s", StringComparison.OrdinalIgnoreCase) ? scheme : scheme + "s",
    };

    private static MailKitConnection? Create(MethodCall call, KnownTypes types, CancellationToken cancellationToken)
    {
        CallArgument? host = null;
        CallArgument? port = null;
        CallArgument? options = null;
        CallArgument? useSsl = null;
        CallArgument? uri = null;
        foreach (var argument in call.Arguments)
        {
            var parameter = argument.Parameter;
            switch (parameter.Name)
            {
                case "host":
                    host = argument;
                    break;
                case "port":
                    port = argument;
                    break;
                case "options" when types.Is(parameter.Type, KnownType.MailKit_Security_SecureSocketOptions):
                    options = argument;
                    break;
                case "useSsl" when parameter.Type.SpecialType == SpecialType.System_Boolean:
                    useSsl = argument;
                    break;
                case "uri" when types.Is(parameter.Type, KnownType.System_Uri):
                    uri = argument;
                    break;
            }
        }

        var protocol = HostResolver.ProtocolOf(call.ReceiverType, types);
        if (uri is not null)
        {
            return FromUri(call, uri, protocol, cancellationToken);
        }

        MailKitConnection connection;
        if (options is not null)
        {
            connection = new MailKitConnection(call, ConnectShape.Options, protocol) { ModeArgument = options.Bound };
            if (options.IsDefault || options.Value is null)
            {
                connection.Mode = TlsMode.Auto;
                connection.ModeIsDefault = true;
            }
            else
            {
                connection.SetBranches(ValueBranches.Of(options.Value, cancellationToken), value => ModeOfOptions(value, types));
            }
        }
        else if (useSsl?.Value is { } useSslValue)
        {
            connection = new MailKitConnection(call, ConnectShape.UseSsl, protocol) { ModeArgument = useSsl.Bound };

            // A flag from configuration is a branch too: its false value is opportunistic STARTTLS.
            connection.SetBranches(ValueBranches.OfFlag(useSslValue, cancellationToken), value => value is bool ssl ? (ssl ? TlsMode.SslOnConnect : TlsMode.StartTlsWhenAvailable) : TlsMode.Unknown);
        }
        else
        {
            return null;
        }

        connection.Host = host?.Value is null ? null : HostResolver.HostOfValue(host.Value, cancellationToken);
        connection.PortArgument = port?.Bound;
        if (port is null || port.IsDefault)
        {
            connection.HasConstantPort = true;
            connection.Port = 0;
        }
        else if (ConstantResolver.TryResolveInt32(port.Value, cancellationToken, out var number))
        {
            connection.HasConstantPort = true;
            connection.Port = number;
        }

        connection.ChooseBranch();
        return connection;
    }

    /// <summary>
    /// Records the modes the setting can take. All equal: that mode, unconditionally. Different: decided in
    /// <see cref="ChooseBranch"/> once the port is known.
    /// </summary>
    private void SetBranches(ImmutableArray<ValueBranch> branches, Func<object?, TlsMode> modeOf)
    {
        var builder = ImmutableArray.CreateBuilder<(TlsMode, ValueBranch)>(branches.Length);
        foreach (var branch in branches)
        {
            var mode = modeOf(branch.Value);
            if (mode != TlsMode.Unknown)
            {
                builder.Add((mode, branch));
            }
        }

        modeBranches = builder.ToImmutable();
        Mode = modeBranches.IsEmpty ? TlsMode.Unknown : modeBranches[0].Mode;
        if (modeBranches.Any(b => b.Mode != Mode))
        {
            Mode = TlsMode.Unknown;
        }
        else if (!modeBranches.IsEmpty)
        {
            // One mode on every path: a condition would only restate where it comes from, unless the one constant is a
            // settings default ("when 'ConnectionSecurity' keeps its default"), which configuration may replace.
            if (modeBranches.Length == 1)
            {
                Condition = modeBranches[0].Branch.Condition;
                ConditionSource = Condition is null ? null : modeBranches[0].Branch.Source;
                ConditionDeclaration = Condition is null ? null : modeBranches[0].Branch.Declaration;
            }

            modeBranches = ImmutableArray<(TlsMode, ValueBranch)>.Empty;
        }
    }

    /// <summary>
    /// The weakest branch decides a conditional setting (SPEC: one finding per concern per site): plaintext before
    /// opportunistic STARTTLS; branches that only mismatch the port are not reported, the code may pair them with
    /// other ports at run time.
    /// </summary>
    private void ChooseBranch()
    {
        if (modeBranches.IsDefaultOrEmpty)
        {
            return;
        }

        (TlsMode Mode, ValueBranch Branch)? weakest = null;
        var weakestIssue = TransportIssue.None;
        foreach (var candidate in modeBranches)
        {
            var issue = Assess(candidate.Mode).Issue;
            if (issue is TransportIssue.NoTls or TransportIssue.OpportunisticTls
                && (weakest is null || (issue == TransportIssue.NoTls && weakestIssue != TransportIssue.NoTls)))
            {
                weakest = candidate;
                weakestIssue = issue;
            }
        }

        if (weakest is { } chosen)
        {
            Mode = chosen.Mode;
            Condition = chosen.Branch.Condition;
            ConditionSource = chosen.Branch.Source;
            ConditionDeclaration = chosen.Branch.Declaration;
        }
    }

    private static TlsMode ModeOfOptions(object? value, KnownTypes types)
    {
        if (value is null || types.Get(KnownType.MailKit_Security_SecureSocketOptions) is not { } enumType)
        {
            return TlsMode.Unknown;
        }

        // Map by member name rather than by number, so the mapping follows the library's own declaration.
        foreach (var member in enumType.GetMembers())
        {
            if (member is IFieldSymbol { HasConstantValue: true } field && Equals(field.ConstantValue, value)
                && Enum.TryParse<TlsMode>(field.Name, out var mode) && mode != TlsMode.Unknown)
            {
                return mode;
            }
        }

        return TlsMode.Unknown;
    }

    private static MailKitConnection? FromUri(MethodCall call, CallArgument uri, MailProtocol protocol, CancellationToken cancellationToken)
    {
        var connection = new MailKitConnection(call, ConnectShape.Uri, protocol) { ModeArgument = uri.Bound };
        var text = ConnectionUris.Resolve(uri.Value, cancellationToken) ?? ConnectionUris.Template(uri.Value, cancellationToken);
        var schemeEnd = text?.IndexOf("://", StringComparison.Ordinal) ?? -1;
        if (text is null || schemeEnd <= 0 || text.IndexOf(Unknown) is >= 0 and var firstUnknown && firstUnknown < schemeEnd || !ConnectionUris.IsMailUri(text))
        {
            connection.Mode = TlsMode.Unknown;
            return connection;
        }

        var scheme = text.Substring(0, schemeEnd).ToLowerInvariant();
        connection.UriScheme = scheme;
        var host = MailHosts.Normalize(text);
        connection.Host = host is null || host.IndexOf(Unknown) >= 0 ? null : host;
        connection.Mode = scheme.EndsWith("s", StringComparison.Ordinal) ? TlsMode.SslOnConnect : StartTlsQuery(text);
        if (UriPort(text, schemeEnd + 3) is { } port)
        {
            connection.HasConstantPort = true;
            connection.Port = port;
        }

        return connection;
    }

    /// <summary>MailKit's reading of <c>?starttls=</c>: always/true/yes require it, never/false/no turn TLS off.</summary>
    private static TlsMode StartTlsQuery(string uri)
    {
        var query = uri.IndexOf('?');
        if (query < 0)
        {
            return TlsMode.StartTlsWhenAvailable;
        }

        var queryText = uri.Substring(query + 1);
        foreach (var pair in queryText.Split('&', ';'))
        {
            var equals = pair.IndexOf('=');
            if (equals <= 0 || !string.Equals(pair.Substring(0, equals).Trim(), "starttls", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            switch (pair.Substring(equals + 1).Trim().ToLowerInvariant())
            {
                case var setting when setting.IndexOf(Unknown) >= 0:
                    return TlsMode.Unknown;
                case "always" or "true" or "yes":
                    return TlsMode.StartTls;
                case "never" or "false" or "no":
                    return TlsMode.None;
                default:
                    return TlsMode.StartTlsWhenAvailable;
            }
        }

        // A query written at run time may carry starttls itself.
        return queryText.IndexOf(Unknown) >= 0 ? TlsMode.Unknown : TlsMode.StartTlsWhenAvailable;
    }

    /// <summary>The port of the URI's authority; 0 when absent (the default port), null when not a number.</summary>
    internal static int? UriPort(string uri, int authorityStart)
    {
        var end = uri.IndexOfAny(AuthorityEnds, authorityStart);
        var authority = end < 0 ? uri.Substring(authorityStart) : uri.Substring(authorityStart, end - authorityStart);
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            authority = authority.Substring(at + 1);
        }

        var bracket = authority.LastIndexOf(']');
        var colon = authority.LastIndexOf(':');
        if (colon < 0 || colon < bracket)
        {
            // A host written at run time may carry its own port.
            return authority.IndexOf(Unknown) >= 0 ? null : 0;
        }

        var digits = authority.Substring(colon + 1);
        if (digits.Length == 0)
        {
            return 0;
        }

        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : null;
    }
}
