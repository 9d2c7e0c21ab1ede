using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace LegacyAuthAnalyzers.Tests.Infrastructure;

/// <summary>
/// Runs <typeparamref name="TAnalyzer"/> and applies <typeparamref name="TCodeFix"/>, with the same project
/// settings as <see cref="CSharpAnalyzerVerifier{TAnalyzer}"/>. Alias it per test file:
/// <c>using Verify = CSharpCodeFixVerifier&lt;XAnalyzer, XCodeFix&gt;;</c>.
/// </summary>
public static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static DiagnosticResult Diagnostic()
        => CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic();

    public static DiagnosticResult Diagnostic(string diagnosticId)
        => CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic(diagnosticId);

    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor)
        => CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic(descriptor);

    public static Task VerifyAnalyzerAsync([StringSyntax("C#-test")] string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Verifies that <paramref name="source"/> has no diagnostic to fix and stays as it is.</summary>
    public static Task VerifyCodeFixAsync([StringSyntax("C#-test")] string source, [StringSyntax("C#-test")] string fixedSource)
        => VerifyCodeFixAsync(source, DiagnosticResult.EmptyDiagnosticResults, fixedSource);

    public static Task VerifyCodeFixAsync([StringSyntax("C#-test")] string source, DiagnosticResult expected, [StringSyntax("C#-test")] string fixedSource)
        => VerifyCodeFixAsync(source, [expected], fixedSource);

    public static Task VerifyCodeFixAsync([StringSyntax("C#-test")] string source, DiagnosticResult[] expected, [StringSyntax("C#-test")] string fixedSource)
        => VerifyCodeFixAsync(source, expected, fixedSource, codeActionEquivalenceKey: null);

    /// <param name="codeActionEquivalenceKey">Picks the code action when the fixer offers several; <see langword="null"/> takes the first.</param>
    public static Task VerifyCodeFixAsync([StringSyntax("C#-test")] string source, DiagnosticResult[] expected, [StringSyntax("C#-test")] string fixedSource, string? codeActionEquivalenceKey)
    {
        var test = new Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = codeActionEquivalenceKey,
        };

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = VerifierDefaults.NoDownload;
            SolutionTransforms.Add((solution, _) => VerifierDefaults.AddReferences(solution, References));
        }

        /// <summary>Every metadata reference of the test project; <see cref="TestReferences.All"/> by default.</summary>
        public ImmutableArray<MetadataReference> References { get; set; } = TestReferences.All;

        public LanguageVersion LanguageVersion { get; set; } = LanguageVersion.Latest;

        /// <summary>With <see cref="CodeFixTestBehaviors.FixOne"/>: which of the fixable findings (in source order) gets the fix.</summary>
        public Func<ImmutableArray<Diagnostic>, Diagnostic?>? DiagnosticSelector { get; set; }

        protected override Diagnostic? TrySelectDiagnosticToFix(ImmutableArray<Diagnostic> fixableDiagnostics)
            => DiagnosticSelector is null ? base.TrySelectDiagnosticToFix(fixableDiagnostics) : DiagnosticSelector(fixableDiagnostics);

        protected override CompilationOptions CreateCompilationOptions()
            => VerifierDefaults.WithDefaults(base.CreateCompilationOptions());

        protected override ParseOptions CreateParseOptions()
            => VerifierDefaults.WithDefaults(base.CreateParseOptions(), LanguageVersion);
    }
}
