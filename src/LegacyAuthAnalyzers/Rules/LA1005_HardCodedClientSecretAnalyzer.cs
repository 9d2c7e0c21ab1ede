using Microsoft.CodeAnalysis.Diagnostics;

namespace LegacyAuthAnalyzers.Rules;

/// <summary>
/// LA1005: a compile-time-constant OAuth client secret (resolved and judged as LA1001 resolves and judges passwords)
/// reaches MSAL <c>WithClientSecret</c> or <c>ConfidentialClientApplicationOptions.ClientSecret</c>, Azure.Identity <c>ClientSecretCredential</c> or ADAL <c>ClientCredential</c> in
/// a compilation whose code uses a mail, EWS or Microsoft Graph API (<see cref="MailApiUsage"/>). Once mail code moves
/// to OAuth, the client secret is the credential that leaks.
/// </summary>
/// <remarks>
/// Registers only where MSAL, Azure.Identity or ADAL is referenced, and then only for invocations and assignments (MSAL)
/// and object creations, each rejected by one name or symbol comparison. Whether the code uses a mail API is asked last, once a
/// hard-coded secret is found, because it walks the compilation's source (once).
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LA1005_HardCodedClientSecretAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LA1005_HardCodedClientSecret);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();

        // Secrets in generated code (scaffolded settings, service clients) leak just the same.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(static start =>
        {
            var sites = new ClientSecretSites(KnownTypes.For(start.Compilation));
            if (sites.HasInvocations)
            {
                start.RegisterOperationAction(operationContext => Analyze(operationContext, sites), OperationKind.Invocation);
            }

            if (sites.HasCreations)
            {
                start.RegisterOperationAction(operationContext => Analyze(operationContext, sites), OperationKind.ObjectCreation);
            }

            if (sites.HasAssignments)
            {
                start.RegisterOperationAction(operationContext => Analyze(operationContext, sites), OperationKind.SimpleAssignment);
            }
        });
    }

    private static void Analyze(OperationAnalysisContext context, ClientSecretSites sites)
    {
        try
        {
            if (!sites.TryGet(context.Operation, out var site)
                || !HardCodedSecrets.TryFind(site.Secret, null, context.CancellationToken, out var secret)
                || !MailApiUsage.UsesMailApi(context.Compilation, context.CancellationToken))
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.LA1005_HardCodedClientSecret,
                secret.Location,
                secret.AdditionalLocations,
                site.Api,
                secret.Value.Length));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // An analyzer must never throw: an unexpected shape is simply not a finding.
        }
    }
}
