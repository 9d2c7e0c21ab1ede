namespace LegacyAuthAnalyzers.Transport;

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
/// The one transport policy of the package (LA2001, LA2002, LA2003), for code and configuration files alike: what a
/// (protocol, host, port, TLS mode) does at run time, with the consequence a message states and the pair that works.
/// The MailKit connection model, the System.Net.Mail model and the configuration-file analyzers all ask it, so the same
/// inputs get the same answer wherever they are written.
/// Serves LA1001, LA1003, LA1005, LA2001, LA2002, LA2003 and LA3001.
/// </summary>
internal static class TransportPolicy
{
    public const string HandshakeFails = "the TLS handshake fails because the server greets in plaintext and expects STARTTLS";
    public const string Hangs = "the client waits for a plaintext greeting that never comes and hangs until the timeout";
    public const string MicrosoftRejectsPort465 = "Microsoft 365 and Outlook.com do not offer SMTP there, so the connection fails";
    public const string SystemNetMailHangsOn465 = "it cannot do implicit TLS, so it waits for a plaintext greeting that never comes and hangs until the timeout";

    /// <summary>
    /// Decides the concern of a connection. A mismatch wins over the others: a connection that fails or hangs never
    /// sends anything, in plaintext or not.
    /// </summary>
    /// <param name="port">The constant port; 0 for the library's default port; null when it comes from configuration.</param>
    public static TransportAssessment Assess(MailProtocol protocol, string? host, int? port, TlsMode mode)
    {
        // Whatever the mode, Microsoft's SMTP hosts do not answer on 465.
        if (port == MailPorts.SmtpImplicitTls && protocol is MailProtocol.Smtp or MailProtocol.Unknown && MailPorts.RejectsImplicitTls(host))
        {
            return new TransportAssessment(TransportIssue.PortMismatch, TlsMode.StartTls, MailPorts.SmtpSubmission, MicrosoftRejectsPort465);
        }

        if (mode == TlsMode.Unknown)
        {
            return default;
        }

        var implicitPort = port is { } constant && MailPorts.IsImplicitTls(constant, protocol);
        switch (mode)
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
                // Auto picks implicit TLS on the implicit-TLS port and opportunistic STARTTLS on every other port,
                // a port from configuration included: only a constant implicit-TLS port makes it safe.
                return !implicitPort
                    ? new TransportAssessment(TransportIssue.OpportunisticTls, TlsMode.StartTls, null, string.Empty)
                    : default;
            case TlsMode.StartTls:
                return implicitPort
                    ? new TransportAssessment(TransportIssue.PortMismatch, TlsMode.SslOnConnect, null, Hangs)
                    : default;
            case TlsMode.SslOnConnect:
                return port is { } startTlsPort && MailPorts.IsStartTls(startTlsPort, protocol)
                    ? new TransportAssessment(TransportIssue.PortMismatch, TlsMode.StartTls, null, HandshakeFails)
                    : default;
            default:
                return default;
        }
    }

    /// <summary>
    /// System.Net.Mail's <c>SmtpClient</c>: <c>EnableSsl</c> means required STARTTLS and false means none; it has no
    /// implicit TLS, so port 465 hangs whatever the switch says.
    /// </summary>
    public static TransportAssessment AssessSystemNetMail(string? host, int? port, bool? enableSsl)
    {
        if (port == MailPorts.SmtpImplicitTls)
        {
            return MailPorts.RejectsImplicitTls(host)
                ? new TransportAssessment(TransportIssue.PortMismatch, TlsMode.StartTls, MailPorts.SmtpSubmission, MicrosoftRejectsPort465)
                : new TransportAssessment(TransportIssue.PortMismatch, TlsMode.StartTls, MailPorts.SmtpSubmission, SystemNetMailHangsOn465);
        }

        return enableSsl == false
            ? new TransportAssessment(TransportIssue.NoTls, TlsMode.StartTls, null, string.Empty)
            : default;
    }
}
