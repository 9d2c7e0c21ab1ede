using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LegacyAuthAnalyzers.DocGen;

/// <summary>One rule as the documentation shows it.</summary>
internal sealed record RuleInfo(string Id, string Title, DiagnosticSeverity DefaultSeverity, bool HasCodeFix, string? NoCodeFixReason = null);

/// <summary>
/// The rules the package ships, read by reflection from the analyzer and code fix assemblies, so that rules and fixes
/// added later appear in the documentation without touching this tool.
/// </summary>
internal static class RuleCatalog
{
    public const string CodeFixesAssemblyName = "LegacyAuthAnalyzers.CodeFixes";

    private const string OptionPrefix = "legacy_auth.";

    public static Assembly AnalyzerAssembly => typeof(DiagnosticIds).Assembly;

    // Nothing in this tool uses a type of the code fix assembly, so it is loaded by name from the output folder.
    public static Assembly CodeFixesAssembly => Assembly.Load(new AssemblyName(CodeFixesAssemblyName));

    public static IReadOnlyList<RuleInfo> Load() => Load(AnalyzerAssembly, CodeFixesAssembly);

    /// <summary>Every diagnostic some exported C# analyzer supports, in ID order; one entry per ID.</summary>
    public static IReadOnlyList<RuleInfo> Load(Assembly analyzers, Assembly codeFixes)
    {
        var fixable = ExportedInstances<CodeFixProvider, ExportCodeFixProviderAttribute>(codeFixes, a => a.Languages)
            .SelectMany(fixer => fixer.FixableDiagnosticIds)
            .ToHashSet(StringComparer.Ordinal);

        var reasons = ExportedInstances<DiagnosticAnalyzer, DiagnosticAnalyzerAttribute>(analyzers, a => a.Languages)
            .Select(analyzer => (Analyzer: analyzer, Reason: NoCodeFixReason(analyzer.GetType())))
            .Where(pair => pair.Reason is not null)
            .SelectMany(pair => pair.Analyzer.SupportedDiagnostics.Select(d => (d.Id, pair.Reason)))
            .GroupBy(pair => pair.Id, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First().Reason, StringComparer.Ordinal);

        return ExportedInstances<DiagnosticAnalyzer, DiagnosticAnalyzerAttribute>(analyzers, a => a.Languages)
            .SelectMany(analyzer => analyzer.SupportedDiagnostics)
            .GroupBy(descriptor => descriptor.Id, StringComparer.Ordinal)
            .Select(group => group.First())
            .Select(d => new RuleInfo(d.Id, d.Title.ToString(), d.DefaultSeverity, fixable.Contains(d.Id), reasons.GetValueOrDefault(d.Id)))
            .OrderBy(rule => rule.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The reason of the analyzer's <c>[NoCodeFix("…")]</c> marker, read by name: the attribute is internal.</summary>
    public static string? NoCodeFixReason(Type analyzerType)
    {
        var marker = analyzerType.GetCustomAttributes(inherit: false).FirstOrDefault(attribute => attribute.GetType().Name == "NoCodeFixAttribute");
        return marker?.GetType().GetProperty("Reason")?.GetValue(marker) as string;
    }

    /// <summary>The <c>legacy_auth.*</c> option keys: every string constant of the analyzer assembly with that prefix.</summary>
    public static IReadOnlyList<string> OptionKeys(Assembly analyzers) =>
        analyzers.GetTypes()
            .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(field => field.IsLiteral && field.FieldType == typeof(string))
            .Select(field => (string?)field.GetRawConstantValue())
            .OfType<string>()
            .Where(value => value.StartsWith(OptionPrefix, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    private static IEnumerable<TBase> ExportedInstances<TBase, TAttribute>(Assembly assembly, Func<TAttribute, string[]> languages)
        where TAttribute : Attribute =>
        assembly.GetTypes()
            .Where(type => type.IsClass && !type.IsAbstract && typeof(TBase).IsAssignableFrom(type))
            .Where(type => type.GetCustomAttributes<TAttribute>().Any(attribute => languages(attribute).Contains(LanguageNames.CSharp)))
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .Select(type => (TBase)Activator.CreateInstance(type)!);
}
