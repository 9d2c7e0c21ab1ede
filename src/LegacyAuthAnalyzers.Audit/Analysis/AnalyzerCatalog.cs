using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LegacyAuthAnalyzers.Audit.Analysis;

/// <summary>
/// Every C# analyzer of the package, found by reflection in its own assembly (never in the scanned tree), the rules
/// they report and the rules that have a code fix.
/// </summary>
internal sealed class AnalyzerCatalog
{
    private static readonly Lazy<AnalyzerCatalog> s_instance = new(Create);

    private AnalyzerCatalog(ImmutableArray<DiagnosticAnalyzer> analyzers, IReadOnlyList<DiagnosticDescriptor> rules, IReadOnlySet<string> fixable)
    {
        Analyzers = analyzers;
        Rules = rules;
        Fixable = fixable;
    }

    public static AnalyzerCatalog Instance => s_instance.Value;

    public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

    /// <summary>One descriptor per rule ID, ordered by ID.</summary>
    public IReadOnlyList<DiagnosticDescriptor> Rules { get; }

    /// <summary>The rule IDs a code fix of the package fixes.</summary>
    public IReadOnlySet<string> Fixable { get; }

    public DiagnosticDescriptor? Rule(string id) => Rules.FirstOrDefault(rule => rule.Id == id);

    private static AnalyzerCatalog Create()
    {
        var analyzers = Instances<DiagnosticAnalyzer>(typeof(Descriptors).Assembly, type =>
            type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is { } attribute && attribute.Languages.Contains(LanguageNames.CSharp));

        var rules = analyzers.SelectMany(analyzer => analyzer.SupportedDiagnostics)
            .GroupBy(rule => rule.Id, StringComparer.Ordinal)
            .Select(group => group.First())
            .OrderBy(rule => rule.Id, StringComparer.Ordinal)
            .ToList();

        var fixable = Instances<CodeFixProvider>(typeof(CodeFixes.Fixes.LA2001_MailWithoutTlsCodeFix).Assembly, type =>
                type.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null)
            .SelectMany(fix => fix.FixableDiagnosticIds)
            .ToHashSet(StringComparer.Ordinal);

        return new AnalyzerCatalog(analyzers.ToImmutableArray(), rules, fixable);
    }

    private static List<T> Instances<T>(Assembly assembly, Func<Type, bool> exported)
        where T : class =>
        assembly.GetTypes()
            .Where(type => typeof(T).IsAssignableFrom(type) && !type.IsAbstract && type.GetConstructor(Type.EmptyTypes) is not null && exported(type))
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .Select(type => (T)Activator.CreateInstance(type)!)
            .ToList();
}
