using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using LegacyAuthAnalyzers.Tests.Infrastructure;

namespace LegacyAuthAnalyzers.Tests.Rules.Config;

/// <summary>Runs a configuration-file analyzer over one additional file (with markup) beside an empty C# file.</summary>
internal static class ConfigFileTest
{
    public const string Code = "internal static class Program { }";

    /// <summary>Code that sends with System.Net.Mail, so TLS switches in configuration are read as System.Net.Mail reads them.</summary>
    public const string SystemNetMailCode = "using System.Net.Mail; internal static class Program { static SmtpClient Create() => new SmtpClient(); }";

    public static Task VerifyAsync<TAnalyzer>(string path, string content, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
        => VerifyAsync<TAnalyzer>(path, content, editorConfig: null, expected);

    public static Task VerifyAsync<TAnalyzer>(string path, string content, string? editorConfig, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
        => VerifyWithCodeAsync<TAnalyzer>(Code, path, content, editorConfig, expected);

    /// <summary>As <see cref="VerifyAsync{TAnalyzer}(string, string, DiagnosticResult[])"/>, beside the given C# code.</summary>
    public static Task VerifyWithCodeAsync<TAnalyzer>(string code, string path, string content, string? editorConfig, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerVerifier<TAnalyzer>.Test { TestCode = code };
        test.TestState.AdditionalFiles.Add((path, content));
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", editorConfig));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }
}
