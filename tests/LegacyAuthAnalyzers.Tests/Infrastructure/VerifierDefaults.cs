using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace LegacyAuthAnalyzers.Tests.Infrastructure;

/// <summary>The project settings shared by the analyzer and code fix verifiers.</summary>
internal static class VerifierDefaults
{
    /// <summary>
    /// A reference set with no reference-assembly package and no packages resolves to nothing without touching
    /// NuGet, whereas the framework's defaults download reference packs. The real references come from
    /// <see cref="TestReferences"/> through <see cref="AddReferences"/>.
    /// </summary>
    public static ReferenceAssemblies NoDownload { get; } = new("net10.0");

    /// <summary>
    /// Nullable enabled, and CS1701/CS1702 suppressed as the .NET SDK does: MSAL and ADAL were built against older
    /// System.Runtime versions, which would otherwise surface in tests that set CompilerDiagnostics to Warnings.
    /// </summary>
    public static CompilationOptions WithDefaults(CompilationOptions options)
        => ((CSharpCompilationOptions)options)
            .WithNullableContextOptions(NullableContextOptions.Enable)
            .WithSpecificDiagnosticOptions(options.SpecificDiagnosticOptions
                .SetItem("CS1701", ReportDiagnostic.Suppress)
                .SetItem("CS1702", ReportDiagnostic.Suppress));

    public static ParseOptions WithDefaults(ParseOptions options, LanguageVersion languageVersion)
        => ((CSharpParseOptions)options).WithLanguageVersion(languageVersion);

    /// <summary>
    /// Adds <paramref name="references"/> to every project of the solution, so additional projects get the
    /// framework too (they resolve no reference assemblies of their own either).
    /// </summary>
    public static Solution AddReferences(Solution solution, ImmutableArray<MetadataReference> references)
    {
        foreach (var projectId in solution.ProjectIds)
        {
            solution = solution.AddMetadataReferences(projectId, references);
        }

        return solution;
    }
}
