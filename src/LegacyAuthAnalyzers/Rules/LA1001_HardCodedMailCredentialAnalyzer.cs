using LegacyAuthAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LegacyAuthAnalyzers.Rules;

/// <summary>LA1001: a compile-time-constant password reaches a mail credential sink.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LA1001_HardCodedMailCredentialAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LA1001_HardCodedMailCredential);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();

        // Secrets in generated code (designer files, scaffolded settings) leak just the same.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        CredentialSiteAnalysis.Register(context, TestProjectFinding.Secret, AnalyzeSite, includeSignInSites: true);
    }

    private static void AnalyzeSite(CredentialSiteContext context)
    {
        if (context.IsLocalHost
            || !HardCodedSecrets.TryFind(context.Site, context.OperationContext.CancellationToken, out var secret)
            || SecretShapes.IsAppPasswordShaped(secret.Value))
        {
            // App-password-shaped values are LA3001's more specific finding.
            return;
        }

        context.Report(
            Descriptors.LA1001_HardCodedMailCredential,
            secret.Location,
            secret.AdditionalLocations,
            context.Site.Api,
            secret.Value.Length,
            SecretRemedies.PasswordInCode);
    }
}
