using LegacyAuthAnalyzers.Infrastructure;
using LegacyAuthAnalyzers.Infrastructure.Config;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LegacyAuthAnalyzers.Rules.Config;

/// <summary>LA1001 in configuration files: a real (non-placeholder) mail password in web.config, app.config or appsettings*.json.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LA1001_HardCodedMailCredentialConfigAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LA1001_HardCodedMailCredential);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        ConfigFileAnalysis.Register(context, TestProjectFinding.Secret, AnalyzeSection);
    }

    private static void AnalyzeSection(ConfigSectionContext context)
    {
        foreach (var password in context.Section.All(ConfigRole.Password))
        {
            // App-password-shaped values are LA3001's more specific finding; local test servers are not worth one.
            if (!password.IsHardCodedSecret || SecretShapes.IsAppPasswordShaped(password.Value) || context.IsLocalHost(password))
            {
                continue;
            }

            context.Report(
                Descriptors.LA1001_HardCodedMailCredential,
                password.Span,
                context.Section.Describe(password),
                password.Value!.Length,
                SecretRemedies.PasswordInConfigFile);
        }
    }
}
