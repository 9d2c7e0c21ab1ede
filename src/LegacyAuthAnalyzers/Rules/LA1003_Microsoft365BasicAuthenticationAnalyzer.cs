using Microsoft.CodeAnalysis.Diagnostics;

namespace LegacyAuthAnalyzers.Rules;

/// <summary>LA1003: password authentication to a Microsoft 365 or Outlook.com host, where Basic auth is switched off.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LA1003_Microsoft365BasicAuthenticationAnalyzer : DiagnosticAnalyzer
{
    private const string PersonalAccountStatus =
        "the user is a personal Outlook.com account, and Outlook.com stopped accepting Basic authentication and app passwords on 16 September 2024";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LA1003_Microsoft365BasicAuthentication);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();

        // Secrets in generated code (designer files, scaffolded settings) leak just the same.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        CredentialSiteAnalysis.Register(context, TestProjectFinding.Migration, AnalyzeSite);
    }

    private static void AnalyzeSite(CredentialSiteContext context)
    {
        var host = context.Site.Host;
        if (!MailHosts.IsMicrosoft365(host, context.Options))
        {
            return;
        }

        // A personal account signs in to the Microsoft 365 hosts too, but lost Basic auth with Outlook.com (DOMAIN §1).
        var status = !MailHosts.IsOutlookCom(host)
            && MailHosts.IsPersonalAccount(CredentialUsers.ConstantUser(context.Site, context.Types, context.OperationContext.CancellationToken))
            ? PersonalAccountStatus
            : Status(host!, context.Site.Endpoint.Protocol);
        context.Report(
            Descriptors.LA1003_Microsoft365BasicAuthentication,
            context.Site.Sink.Syntax.GetLocation(),
            SourceLines.FromAnotherStatement(context.Site.Sink, context.Site.Password),
            context.Site.Api,
            "'" + host + "'",
            status);
    }

    /// <summary>What Microsoft switched off for this host and protocol, and when (DOMAIN §1).</summary>
    internal static string Status(string host, MailProtocol protocol)
    {
        if (MailHosts.IsOutlookCom(host))
        {
            return "Outlook.com stopped accepting Basic authentication and app passwords on 16 September 2024";
        }

        return protocol switch
        {
            MailProtocol.Imap => "Exchange Online disabled Basic authentication for IMAP in 2022",
            MailProtocol.Pop3 => "Exchange Online disabled Basic authentication for POP in 2022",
            MailProtocol.Ews => "Exchange Online disabled Basic authentication for EWS in 2022",
            MailProtocol.Smtp => "Exchange Online disables SMTP AUTH Basic authentication by default at the end of December 2026",
            _ => "Exchange Online has disabled Basic authentication for IMAP, POP and EWS and disables it for SMTP AUTH at the end of December 2026",
        };
    }
}
