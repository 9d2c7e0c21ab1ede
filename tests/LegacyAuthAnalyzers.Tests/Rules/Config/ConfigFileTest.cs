using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using LegacyAuthAnalyzers.Tests.Infrastructure;

namespace LegacyAuthAnalyzers.Tests.Rules.Config;

/// <summary>Runs a configuration-file analyzer over one additional file (with markup) beside an empty C# file.</summary>
internal static class ConfigFileTest
{
    public const string Code = "internal static class Program { }";

    public static Task VerifyAsync<TAnalyzer>(string path, string content, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
        => VerifyAsync<TAnalyzer>(path, content, editorConfig: null, expected);

    public static Task VerifyAsync<TAnalyzer>(string path, string content, string? editorConfig, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerVerifier<TAnalyzer>.Test { TestCode = Code };
        test.TestState.AdditionalFiles.Add((path, content));
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", editorConfig));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }
}
