using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace LegacyAuthAnalyzers.Tests.Infrastructure;

/// <summary>
/// Runs <typeparamref name="TAnalyzer"/> over test sources compiled against <see cref="TestReferences"/>, with the
/// latest C# version and nullable enabled. Alias it per test file: <c>using Verify = CSharpAnalyzerVerifier&lt;X&gt;;</c>.
/// </summary>
public static class CSharpAnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic()
        => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic();

    public static DiagnosticResult Diagnostic(string diagnosticId)
        => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(diagnosticId);

    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor)
        => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(descriptor);

    public static Task VerifyAnalyzerAsync([StringSyntax("C#-test")] string source, params DiagnosticResult[] expected)
        => VerifyAnalyzerAsync(source, TestReferences.All, expected);

    /// <param name="references">The full reference set, for example <see cref="TestReferences.WithoutMailLibraries"/>.</param>
    public static Task VerifyAnalyzerAsync([StringSyntax("C#-test")] string source, ImmutableArray<MetadataReference> references, params DiagnosticResult[] expected)
    {
        var test = new Test
        {
            TestCode = source,
            References = references,
        };

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = VerifierDefaults.NoDownload;
            SolutionTransforms.Add((solution, _) => VerifierDefaults.AddReferences(solution, References));
        }

        /// <summary>Every metadata reference of the test project; <see cref="TestReferences.All"/> by default.</summary>
        public ImmutableArray<MetadataReference> References { get; set; } = TestReferences.All;

        public LanguageVersion LanguageVersion { get; set; } = LanguageVersion.Latest;

        protected override CompilationOptions CreateCompilationOptions()
            => VerifierDefaults.WithDefaults(base.CreateCompilationOptions());

        protected override ParseOptions CreateParseOptions()
            => VerifierDefaults.WithDefaults(base.CreateParseOptions(), LanguageVersion);
    }
}
