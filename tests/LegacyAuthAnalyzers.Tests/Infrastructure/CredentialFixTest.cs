using System.Diagnostics.CodeAnalysis;
using LegacyAuthAnalyzers.CodeFixes.Fixes.OAuth;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace LegacyAuthAnalyzers.Tests.Infrastructure;

/// <summary>
/// Runs a credential code fix the way the OAuth migration tests need it: the fixed code must compile against the real
/// MailKit, MimeKit and MSAL assemblies with no warning, the expected token provider (when the fix adds one) is
/// taken from the fixer's own template, and no secret of the original source may remain in any fixed document.
/// </summary>
internal static class CredentialFixTest
{
    public const string ProviderPath = "/0/" + MailTokenProviderTemplate.FileName;

    public static string Provider(string? namespaceName, UserSignIn signIn = UserSignIn.Interactive, bool fileScoped = true) =>
        MailTokenProviderTemplate.Generate(namespaceName, fileScoped, nullableAnnotations: true, signIn);

    public static async Task VerifyAsync<TAnalyzer, TCodeFix>(
        [StringSyntax("C#-test")] string source,
        [StringSyntax("C#-test")] string fixedSource,
        string equivalenceKey,
        DiagnosticResult[] expected,
        string? addedProvider,
        IReadOnlyList<string> secrets,
        Action<CSharpCodeFixVerifier<TAnalyzer, TCodeFix>.Test>? configure = null)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        foreach (var secret in secrets)
        {
            Assert.Contains(secret, source, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, fixedSource, StringComparison.Ordinal);
        }

        var test = Create<TAnalyzer, TCodeFix>(equivalenceKey);
        test.TestState.Sources.Add(source);
        test.FixedState.Sources.Add(fixedSource);
        if (addedProvider is not null)
        {
            test.FixedState.Sources.Add((ProviderPath, addedProvider));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        configure?.Invoke(test);
        await test.RunAsync(CancellationToken.None);
    }

    /// <summary>
    /// For a site whose host the code does not know: the OAuth action is offered on the site, but Fix All (and so
    /// <c>dotnet format</c>) never applies it, so the source and its finding stay as they are.
    /// </summary>
    public static Action<CSharpCodeFixVerifier<TAnalyzer, TCodeFix>.Test> FixAllLeavesUnknownHost<TAnalyzer, TCodeFix>(string source, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new() =>
        test =>
        {
            test.BatchFixedState.Sources.Add(source);
            test.BatchFixedState.ExpectedDiagnostics.AddRange(expected);
        };

    /// <summary>A fix test whose fixed state must compile without warnings, documentation warnings aside.</summary>
    public static CSharpCodeFixVerifier<TAnalyzer, TCodeFix>.Test Create<TAnalyzer, TCodeFix>(string equivalenceKey)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixVerifier<TAnalyzer, TCodeFix>.Test
        {
            CodeActionEquivalenceKey = equivalenceKey,
            CompilerDiagnostics = CompilerDiagnostics.Warnings,
        };

        // Test sources are parsed with documentation comments on, which no ordinary project is: public types without
        // XML comments are not what these tests are about. Additional projects get the verifier's CS1701/CS1702
        // suppression here too, as the .NET SDK does for every project.
        test.SolutionTransforms.Add((solution, _) =>
        {
            foreach (var projectId in solution.ProjectIds)
            {
                var options = solution.GetProject(projectId)!.CompilationOptions!;
                solution = solution.WithProjectCompilationOptions(projectId, options.WithSpecificDiagnosticOptions(
                    options.SpecificDiagnosticOptions
                        .SetItem("CS1591", ReportDiagnostic.Suppress)
                        .SetItem("CS1701", ReportDiagnostic.Suppress)
                        .SetItem("CS1702", ReportDiagnostic.Suppress)));
            }

            return solution;
        });

        return test;
    }
}
