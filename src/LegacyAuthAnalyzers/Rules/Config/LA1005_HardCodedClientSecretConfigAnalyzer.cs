using LegacyAuthAnalyzers.Infrastructure;
using LegacyAuthAnalyzers.Infrastructure.Config;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LegacyAuthAnalyzers.Rules.Config;

/// <summary>
/// LA1005 in configuration files: a real (non-placeholder) <c>ClientSecret</c> or <c>client_secret</c> kept with mail
/// settings in appsettings*.json or a .config file's appSettings. The mail settings beside it are what make it a mail
/// app's secret, so no code has to be looked at.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LA1005_HardCodedClientSecretConfigAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LA1005_HardCodedClientSecret);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        ConfigFileAnalysis.Register(context, TestProjectFinding.Secret, AnalyzeSection);
    }

    private static void AnalyzeSection(ConfigSectionContext context)
    {
        foreach (var secret in context.Section.All(ConfigRole.ClientSecret))
        {
            if (SecretShapes.IsPlaceholder(secret.Value))
            {
                continue;
            }

            context.Report(
                Descriptors.LA1005_HardCodedClientSecret,
                secret.Span,
                context.Section.Describe(secret),
                secret.Value!.Length);
        }
    }
}
