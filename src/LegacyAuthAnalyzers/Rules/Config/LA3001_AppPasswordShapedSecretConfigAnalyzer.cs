using LegacyAuthAnalyzers.Infrastructure;
using LegacyAuthAnalyzers.Infrastructure.Config;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LegacyAuthAnalyzers.Rules.Config;

/// <summary>
/// LA3001 in configuration files: a mail password shaped like an app password (16 lower-case letters, or four groups
/// of four). It replaces LA1001 on the same value.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LA3001_AppPasswordShapedSecretConfigAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LA3001_AppPasswordShapedSecret);

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
            if (!SecretShapes.IsAppPasswordShaped(password.Value) || !password.IsHardCodedSecret || context.IsLocalHost(password))
            {
                continue;
            }

            context.Report(
                Descriptors.LA3001_AppPasswordShapedSecret,
                password.Span,
                context.Section.Describe(password),
                SecretShapes.DescribeAppPassword(password.Value!),
                SecretRemedies.AppPasswordInConfigFile);
        }
    }
}
