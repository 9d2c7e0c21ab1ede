using LegacyAuthAnalyzers.Rules;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LegacyAuthAnalyzers.Tests.Rules;

/// <summary>The five analyzers built on the shared credential-site analysis, as a build runs them together.</summary>
internal static class CredentialRules
{
    public static DiagnosticAnalyzer[] CreateAnalyzers() =>
    [
        new LA1001_HardCodedMailCredentialAnalyzer(),
        new LA1002_PasswordAuthenticationAnalyzer(),
        new LA1003_Microsoft365BasicAuthenticationAnalyzer(),
        new LA3001_AppPasswordShapedSecretAnalyzer(),
        new LA3002_AppPasswordByNameAnalyzer(),
    ];
}
