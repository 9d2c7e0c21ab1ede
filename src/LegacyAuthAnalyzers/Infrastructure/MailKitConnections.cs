using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis.Operations;

namespace LegacyAuthAnalyzers.Infrastructure;

/// <summary>Which <c>Connect</c> overload a MailKit call uses, which decides how a fix rewrites it.</summary>
internal enum ConnectShape
{
    Options,
    UseSsl,
    Uri,
}

/// <summary>The transport concern of a mail connection; at most one per connection (SPEC §2: one finding per concern per site).</summary>
internal enum TransportIssue
{
    None,
    NoTls,
    OpportunisticTls,
    PortMismatch,
}

/// <summary>What is wrong with a connection's TLS setting, how to say it, and the pair that works.</summary>
internal readonly struct TransportAssessment
{
    public TransportAssessment(TransportIssue issue, TlsMode fixMode, int? fixPort, string consequence)
    {
        Issue = issue;
        FixMode = fixMode;
        FixPort = fixPort;
        Consequence = consequence;
    }

    public TransportIssue Issue { get; }

    /// <summary>The mode that works with the (possibly corrected) port.</summary>
    public TlsMode FixMode { get; }

    /// <summary>The port to move to, when the port itself cannot work (465 to Microsoft 365); null to keep it.</summary>
    public int? FixPort { get; }

    /// <summary>For a mismatch: what happens at run time.</summary>
    public string Consequence { get; }
}

/// <summary>
/// A MailKit <c>Connect</c>/<c>ConnectAsync</c> call with its host, port and TLS mode resolved where they are constant
/// (through <see cref="ConstantResolver"/>): the <c>SecureSocketOptions</c> overloads (with <c>Auto</c> given or
/// defaulted), the <c>bool useSsl</c> overloads and the <c>Uri</c> overloads.
/// </summary>
internal sealed class MailKitConnection
{
    public const string HandshakeFails = "the TLS handshake fails because the server greets in plaintext and expects STARTTLS";
    public const string Hangs = "the client waits for a plaintext greeting that never comes and hangs until the timeout";
    public const string Microsoft365RejectsPort465 = "Microsoft 365 does not offer SMTP there, so the connection fails";

    /// <summary>Stands for a part of a URI that is not constant.</summary>
    private const char Unknown = '\u0001';

    private static readonly char[] AuthorityEnds = { '/', '?', '#' };

    private MailKitConnection(IInvocationOperation invocation, ConnectShape shape, MailProtocol protocol)
    {
        Invocation = invocation;
        Shape = shape;
        Protocol = protocol;
    }

    public IInvocationOperation Invocation { get; }

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
            var typeName = Invocation.Instance?.Type?.Name is { Length: > 0 } name ? name : Invocation.TargetMethod.ContainingType.Name;
            return typeName + "." + Invocation.TargetMethod.Name;
        }
    }

    public string HostDisplay => Host is null ? "a mail server" : "'" + Host + "'";

    public static bool IsConnectName(string name) => name is "Connect" or "ConnectAsync";

    /// <summary>MailKit's <c>MailService</c> or anything implementing <c>IMailService</c> (<c>ISmtpClient</c>, …).</summary>
    public static bool TryGet(IInvocationOperation invocation, KnownTypes types, CancellationToken cancellationToken, out MailKitConnection connection)
    {
        connection = null!;
        try
        {
            var method = invocation.TargetMethod;
            if (!IsConnectName(method.Name) || !types.IsMailKitService(method.ContainingType))
            {
                return false;
            }

            var result = Create(invocation, types, cancellationToken);
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
    public TransportAssessment Assess()
    {
        if (Mode == TlsMode.Unknown)
        {
            return default;
        }

        if (HasConstantPort && Port == MailPorts.SmtpImplicitTls && Protocol is MailProtocol.Smtp or MailProtocol.Unknown && MailPorts.RejectsImplicitTls(Host))
        {
            return new TransportAssessment(TransportIssue.PortMismatch, TlsMode.StartTls, MailPorts.SmtpSubmission, Microsoft365RejectsPort465);
        }

        var implicitPort = HasConstantPort && MailPorts.IsImplicitTls(Port, Protocol);
        switch (Mode)
        {
            case TlsMode.None:
                return implicitPort
                    ? new TransportAssessment(TransportIssue.PortMismatch, TlsMode.SslOnConnect, null, Hangs)
                    : new TransportAssessment(TransportIssue.NoTls, TlsMode.StartTls, null, string.Empty);
            case TlsMode.StartTlsWhenAvailable:
                return implicitPort
                    ? new TransportAssessment(TransportIssue.PortMismatch, TlsMode.SslOnConnect, null, Hangs)
                    : new TransportAssessment(TransportIssue.OpportunisticTls, TlsMode.StartTls, null, string.Empty);
            case TlsMode.Auto:
                // Auto picks implicit TLS on the implicit-TLS port and opportunistic STARTTLS on every other port.
                return HasConstantPort && !implicitPort
                    ? new TransportAssessment(TransportIssue.OpportunisticTls, TlsMode.StartTls, null, string.Empty)
                    : default;
            case TlsMode.StartTls:
                return implicitPort
                    ? new TransportAssessment(TransportIssue.PortMismatch, TlsMode.SslOnConnect, null, Hangs)
                    : default;
            case TlsMode.SslOnConnect:
                return HasConstantPort && MailPorts.IsStartTls(Port, Protocol)
                    ? new TransportAssessment(TransportIssue.PortMismatch, TlsMode.StartTls, null, HandshakeFails)
                    : default;
            default:
                return default;
        }
    }

    /// <summary>The mode as the code spells it, for messages.</summary>
    public string ModeDisplay => Shape switch
    {
        ConnectShape.UseSsl => Mode == TlsMode.SslOnConnect ? "implicit TLS (useSsl: true)" : "opportunistic STARTTLS (useSsl: false)",
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
        ConnectShape.UseSsl => Mode == TlsMode.SslOnConnect ? "useSsl: true" : "useSsl: false",
        ConnectShape.Uri => Mode switch
        {
            TlsMode.None => "'?starttls=never'",
            TlsMode.StartTls => "'?starttls=always'",
            _ => "'" + UriScheme + "://'",
        },
        _ => ModeDisplay,
    };

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

    private static MailKitConnection? Create(IInvocationOperation invocation, KnownTypes types, CancellationToken cancellationToken)
    {
        IArgumentOperation? host = null;
        IArgumentOperation? port = null;
        IArgumentOperation? options = null;
        IArgumentOperation? useSsl = null;
        IArgumentOperation? uri = null;
        foreach (var argument in invocation.Arguments)
        {
            var parameter = argument.Parameter;
            switch (parameter?.Name)
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
                case "uri" when parameter.Type.Name == "Uri":
                    uri = argument;
                    break;
            }
        }

        var protocol = HostResolver.ProtocolOf(invocation.Instance?.Type ?? invocation.TargetMethod.ContainingType, types);
        if (uri is not null)
        {
            return FromUri(invocation, uri, protocol, cancellationToken);
        }

        MailKitConnection connection;
        if (options is not null)
        {
            connection = new MailKitConnection(invocation, ConnectShape.Options, protocol) { ModeArgument = options };
            if (options.ArgumentKind == ArgumentKind.DefaultValue)
            {
                connection.Mode = TlsMode.Auto;
                connection.ModeIsDefault = true;
            }
            else
            {
                connection.Mode = ResolveOptions(options.Value, types, cancellationToken);
            }
        }
        else if (useSsl is not null)
        {
            connection = new MailKitConnection(invocation, ConnectShape.UseSsl, protocol) { ModeArgument = useSsl };
            connection.Mode = ConstantResolver.TryResolve(useSsl.Value, cancellationToken, out var resolved) && resolved.Value is bool ssl
                ? ssl ? TlsMode.SslOnConnect : TlsMode.StartTlsWhenAvailable
                : TlsMode.Unknown;
        }
        else
        {
            return null;
        }

        connection.Host = host is null ? null : HostResolver.HostOfValue(host.Value, cancellationToken);
        connection.PortArgument = port;
        if (port is null || port.ArgumentKind == ArgumentKind.DefaultValue)
        {
            connection.HasConstantPort = true;
            connection.Port = 0;
        }
        else if (ConstantResolver.TryResolveInt32(port.Value, cancellationToken, out var number))
        {
            connection.HasConstantPort = true;
            connection.Port = number;
        }

        return connection;
    }

    private static TlsMode ResolveOptions(IOperation value, KnownTypes types, CancellationToken cancellationToken)
    {
        if (!ConstantResolver.TryResolve(value, cancellationToken, out var resolved) || resolved.Value is null
            || types.Get(KnownType.MailKit_Security_SecureSocketOptions) is not { } enumType)
        {
            return TlsMode.Unknown;
        }

        // Map by member name rather than by number, so the mapping follows the library's own declaration.
        foreach (var member in enumType.GetMembers())
        {
            if (member is IFieldSymbol { HasConstantValue: true } field && Equals(field.ConstantValue, resolved.Value)
                && Enum.TryParse<TlsMode>(field.Name, out var mode) && mode != TlsMode.Unknown)
            {
                return mode;
            }
        }

        return TlsMode.Unknown;
    }

    private static MailKitConnection? FromUri(IInvocationOperation invocation, IArgumentOperation uri, MailProtocol protocol, CancellationToken cancellationToken)
    {
        var connection = new MailKitConnection(invocation, ConnectShape.Uri, protocol) { ModeArgument = uri };
        var text = ConnectionUris.Resolve(uri.Value, cancellationToken) ?? UriTemplate(uri.Value, cancellationToken);
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

    /// <summary>
    /// The URI as far as it is constant, each part that is not written as <see cref="Unknown"/>:
    /// <c>$"smtp://{settings.Host}:{settings.Port}"</c> is still an <c>smtp://</c> URI without <c>starttls=always</c>.
    /// </summary>
    private static string? UriTemplate(IOperation? value, CancellationToken cancellationToken)
    {
        value = ConstantResolver.Unwrap(value);
        if (value is IObjectCreationOperation { Arguments.Length: > 0 } creation)
        {
            value = ConstantResolver.Unwrap(creation.Arguments[0].Value);
        }

        if (value is not (IInterpolatedStringOperation or IBinaryOperation { OperatorKind: BinaryOperatorKind.Add }))
        {
            return null;
        }

        var template = new System.Text.StringBuilder();
        AppendTemplate(value, template, 0, cancellationToken);
        return template.ToString();
    }

    private static void AppendTemplate(IOperation? value, System.Text.StringBuilder template, int depth, CancellationToken cancellationToken)
    {
        value = ConstantResolver.Unwrap(value);
        if (value is null || depth > 8)
        {
            template.Append(Unknown);
            return;
        }

        if (ConstantResolver.TryResolveString(value, cancellationToken, out var text, out _))
        {
            template.Append(text);
            return;
        }

        switch (value)
        {
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolatedStringTextOperation { Text.ConstantValue.Value: string literal })
                    {
                        template.Append(literal);
                    }
                    else if (part is IInterpolationOperation { Alignment: null, FormatString: null } hole)
                    {
                        AppendTemplate(hole.Expression, template, depth + 1, cancellationToken);
                    }
                    else
                    {
                        template.Append(Unknown);
                    }
                }

                break;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation when concatenation.Type?.SpecialType == SpecialType.System_String:
                AppendTemplate(concatenation.LeftOperand, template, depth + 1, cancellationToken);
                AppendTemplate(concatenation.RightOperand, template, depth + 1, cancellationToken);
                break;
            default:
                template.Append(Unknown);
                break;
        }
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
