using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LegacyAuthAnalyzers.Configuration;

/// <summary>Everything a configuration-file rule gets for one mail section.</summary>
internal readonly struct ConfigSectionContext
{
    private readonly AdditionalFileAnalysisContext fileContext;
    private readonly MailConfigDocument document;

    public ConfigSectionContext(AdditionalFileAnalysisContext fileContext, MailConfigDocument document, MailConfigSection section, LegacyAuthOptions options)
    {
        this.fileContext = fileContext;
        this.document = document;
        Section = section;
        Options = options;
    }

    public MailConfigSection Section { get; }

    public LegacyAuthOptions Options { get; }

    /// <summary>Which library reads the file's TLS switches, from the code of the same compilation.</summary>
    public SettingReader Reader => SettingReaders.For(fileContext.Compilation, fileContext.CancellationToken);

    /// <summary>What the transport policy says of the port (and mode) of <paramref name="port"/>'s group of settings.</summary>
    public TransportAssessment Assess(ConfigSetting port, TlsMode mode) =>
        TransportPolicy.Assess(Section.Protocol(port), Section.HostFor(port), port.AsInt32, mode);

    /// <summary>What the transport policy says of a <c>SecureSocketOptions</c> setting with the port beside it.</summary>
    public TransportAssessment AssessMode(ConfigSetting options) =>
        TransportPolicy.Assess(Section.Protocol(options), Section.HostFor(options), Section.Pick(ConfigRole.Port, options.Prefix)?.AsInt32, options.AsTlsMode);

    /// <summary>Whether the host that <paramref name="setting"/> goes with is a local test server.</summary>
    public bool IsLocalHost(ConfigSetting? setting) => MailHosts.IsLocal(Section.HostFor(setting), Options);

    /// <summary>
    /// Reports a transport finding at <paramref name="setting"/> when its host is known and is not a local test server
    /// (LA2001, LA2002), nor a placeholder such as "host": the host is the message's second argument, after <paramref name="description"/>.
    /// </summary>
    public void ReportForRemoteHost(DiagnosticDescriptor descriptor, ConfigSetting setting, string description, params object?[] moreArgs)
    {
        var host = Section.HostFor(setting);
        if (host is not null && !MailHosts.IsLocal(host, Options) && !MailHosts.IsPlaceholder(host))
        {
            Report(descriptor, setting.Span, new object?[] { description, "'" + host + "'" }.Concat(moreArgs).ToArray());
        }
    }

    /// <summary>Reports at <paramref name="span"/> of the file. The arguments must never carry a configuration value that may be a secret.</summary>
    public void Report(DiagnosticDescriptor descriptor, TextSpan span, params object?[] messageArgs) =>
        fileContext.ReportDiagnostic(Diagnostic.Create(descriptor, document.Location(span), messageArgs));
}

/// <summary>
/// The registration the configuration-file rules share. There is one small analyzer per rule ID, so each rule can be
/// switched off, suppressed and documented on its own, while <see cref="MailConfigFiles"/> parses each file once for
/// all of them.
/// Serves LA1001, LA1003, LA1005, LA2001, LA2002, LA2003 and LA3001.
/// </summary>
internal static class ConfigFileAnalysis
{
    /// <remarks>
    /// Registered directly rather than at compilation start: no library type gates these rules (System.Net.Mail
    /// reads web.config in every framework, and an appsettings password leaks whichever library uses it), and a
    /// project without configuration files among its AdditionalFiles never reaches the callback.
    /// </remarks>
    public static void Register(AnalysisContext context, TestProjectFinding finding, Action<ConfigSectionContext> onSection)
    {
        context.RegisterAdditionalFileAction(fileContext =>
        {
            var file = fileContext.AdditionalFile;
            if (!MailConfigFiles.IsCandidate(file.Path))
            {
                return;
            }

            var document = MailConfigFiles.Get(file, fileContext.CancellationToken);
            if (document.Sections.IsEmpty || !TestProjects.Reports(fileContext.Compilation, fileContext.Options, finding))
            {
                return;
            }

            var options = LegacyAuthOptions.For(fileContext.Options, file);
            foreach (var section in document.Sections)
            {
                onSection(new ConfigSectionContext(fileContext, document, section, options));
            }
        });
    }
}
