using Microsoft.CodeAnalysis.Diagnostics;

namespace LegacyAuthAnalyzers.Rules;

/// <summary>LA1002: password authentication to a mail server that is not known to be Microsoft 365.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LA1002_PasswordAuthenticationAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LA1002_PasswordAuthentication);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();

        // Secrets in generated code (designer files, scaffolded settings) leak just the same.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        CredentialSiteAnalysis.Register(context, TestProjectFinding.ServerConnection, AnalyzeSite);
    }

    private static void AnalyzeSite(CredentialSiteContext context)
    {
        // Microsoft 365 hosts are LA1003's; local test servers are not worth a finding.
        if (context.IsLocalHost || MailHosts.IsMicrosoft365(context.Site.Host, context.Options))
        {
            return;
        }

        var host = context.Site.Host is { } known ? "'" + known + "'" : "a mail server";
        context.Report(Descriptors.LA1002_PasswordAuthentication, context.Site.Sink.Syntax.GetLocation(), SourceLines.FromAnotherStatement(context.Site.Sink, context.Site.Password), context.Site.Api, host);
    }
}
