using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LegacyAuthAnalyzers.Tests.Robustness;

/// <summary>Every analyzer and code fix the package exports, found by reflection so new rules are covered.</summary>
internal static class PackageUnderTest
{
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = Create<DiagnosticAnalyzer, DiagnosticAnalyzerAttribute>(typeof(Descriptors).Assembly);

    public static ImmutableArray<CodeFixProvider> Fixers { get; } = Create<CodeFixProvider, ExportCodeFixProviderAttribute>(Assembly.Load("LegacyAuthAnalyzers.CodeFixes"));

    private static ImmutableArray<T> Create<T, TAttribute>(Assembly assembly)
        where TAttribute : Attribute =>
        assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(T).IsAssignableFrom(type) && type.GetCustomAttribute<TAttribute>() is not null)
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .Select(type => (T)Activator.CreateInstance(type)!)
            .ToImmutableArray();
}
