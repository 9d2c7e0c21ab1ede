using LegacyAuthAnalyzers.Infrastructure;
using LegacyAuthAnalyzers.Infrastructure.Config;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LegacyAuthAnalyzers.Rules.Config;

/// <summary>
/// LA2001 in configuration files: <c>enableSsl="false"</c> or a <c>&lt;network&gt;</c> element without
/// <c>enableSsl</c> (System.Net.Mail's default is no TLS), <c>"SecureSocketOptions": "None"</c>, and
/// <c>"EnableSsl": false</c> or <c>"UseSsl": false</c> unless MailKit alone reads them (then they mean opportunistic
/// STARTTLS, LA2002's), each to a known host that is not a local test server.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LA2001_MailWithoutTlsConfigAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LA2001_MailWithoutTls);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        ConfigFileAnalysis.Register(context, TestProjectFinding.ServerConnection, AnalyzeSection);
    }

    private static void AnalyzeSection(ConfigSectionContext context)
    {
        var section = context.Section;
        if (section.Kind == MailConfigSectionKind.SystemNetMail)
        {
            AnalyzeNetworkElement(context, section);
            return;
        }

        foreach (var options in section.All(ConfigRole.SecureSocketOptions))
        {
            if (context.AssessMode(options).Issue == TransportIssue.NoTls)
            {
                context.ReportForRemoteHost(Descriptors.LA2001_MailWithoutTls, options, context.Section.Describe(options));
            }
        }

        var reader = context.Reader;
        if (reader == SettingReader.MailKit)
        {
            return;
        }

        foreach (var tls in section.All(ConfigRole.TlsSwitch))
        {
            // Where SecureSocketOptions is set next to the switch, it decides the mode and is checked above.
            if (tls.AsBoolean == false && section.Pick(ConfigRole.SecureSocketOptions, tls.Prefix) is null)
            {
                var description = context.Section.Describe(tls);
                context.ReportForRemoteHost(Descriptors.LA2001_MailWithoutTls, tls, reader == SettingReader.Either ? description + " (no TLS if the SmtpClient of .NET reads it, opportunistic STARTTLS if MailKit does)" : description);
            }
        }
    }

    private static void AnalyzeNetworkElement(ConfigSectionContext context, MailConfigSection section)
    {
        var host = section.HostFor(null);
        if (!section.DeliversOverNetwork || host is null || MailHosts.IsLocal(host, context.Options) || MailHosts.IsPlaceholder(host))
        {
            return;
        }

        var tls = section.First(ConfigRole.TlsSwitch);
        if (tls is null)
        {
            context.Report(Descriptors.LA2001_MailWithoutTls, section.ElementSpan, section.Describe(null) + " (enableSsl not set)", "'" + host + "'");
        }
        else if (tls.AsBoolean == false)
        {
            context.Report(Descriptors.LA2001_MailWithoutTls, tls.Span, section.Describe(null), "'" + host + "'");
        }
    }
}
