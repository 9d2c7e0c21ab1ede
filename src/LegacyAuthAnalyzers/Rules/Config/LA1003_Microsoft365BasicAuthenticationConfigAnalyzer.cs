using LegacyAuthAnalyzers.Infrastructure;
using LegacyAuthAnalyzers.Infrastructure.Config;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LegacyAuthAnalyzers.Rules.Config;

/// <summary>
/// LA1003 in configuration files: a mail password configured for a Microsoft 365 or Outlook.com host. Any password
/// key counts, placeholders and empty values included: the app is set up to log on with a password there, wherever
/// the value comes from at run time.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LA1003_Microsoft365BasicAuthenticationConfigAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LA1003_Microsoft365BasicAuthentication);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        ConfigFileAnalysis.Register(context, TestProjectFinding.Migration, AnalyzeSection);
    }

    private static void AnalyzeSection(ConfigSectionContext context)
    {
        // With defaultCredentials="true" System.Net.Mail logs on as the Windows account, not with the password.
        if (context.Section.UsesDefaultCredentials)
        {
            return;
        }

        foreach (var password in context.Section.All(ConfigRole.Password))
        {
            var host = context.Section.HostFor(password);
            if (host is null || !MailHosts.IsMicrosoft365(host, context.Options))
            {
                continue;
            }

            context.Report(
                Descriptors.LA1003_Microsoft365BasicAuthentication,
                password.Span,
                context.Section.Describe(password),
                "'" + host + "'",
                Rules.LA1003_Microsoft365BasicAuthenticationAnalyzer.Status(host, context.Section.Protocol(password)));
        }
    }
}
