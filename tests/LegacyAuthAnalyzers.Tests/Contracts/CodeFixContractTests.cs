using System.Collections.Immutable;
using System.Composition;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Xunit;

namespace LegacyAuthAnalyzers.Tests.Contracts;

/// <summary>
/// What every code fix provider of the package promises, checked by reflection over the code fix assembly so that
/// fixers added later are covered without touching this file.
/// </summary>
public sealed class CodeFixContractTests
{
    private const string CodeFixAssemblyName = "LegacyAuthAnalyzers.CodeFixes";

    public static TheoryData<string> FixerTypeNames
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var type in FixerTypes(CodeFixAssembly()))
            {
                data.Add(type.FullName!);
            }

            // xunit refuses an empty theory; the placeholder row checks that there is indeed no fixer yet.
            if (data.Count == 0)
            {
                data.Add(string.Empty);
            }

            return data;
        }
    }

    [Fact]
    public void CodeFixAssembly_IsTheShippedOne()
    {
        var assembly = CodeFixAssembly();

        Assert.Equal(CodeFixAssemblyName, assembly.GetName().Name);
        Assert.Equal(Path.GetDirectoryName(typeof(Descriptors).Assembly.Location), Path.GetDirectoryName(assembly.Location));
    }

    [Fact]
    public void ExportedTypes_AreAllCodeFixProviders()
    {
        var exported = CodeFixAssembly().GetTypes().Where(type => type.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null);

        Assert.All(exported, type => Assert.True(typeof(CodeFixProvider).IsAssignableFrom(type) && !type.IsAbstract, $"{type.Name} is exported but is not a code fix provider."));
    }

    [Theory]
    [MemberData(nameof(FixerTypeNames))]
    public void CodeFixProvider_KeepsTheContract(string fixerTypeName)
    {
        var fixers = FixerTypes(CodeFixAssembly());
        if (fixerTypeName.Length == 0)
        {
            Assert.Empty(fixers);
            return;
        }

        Assert.Empty(Violations(fixers.Single(type => type.FullName == fixerTypeName)));
    }

    /// <summary>Every rule of C# code has a fixer or says why it has none ([NoCodeFix]), never both.</summary>
    [Fact]
    public void EveryRule_HasAFixerOrANoCodeFixReason()
    {
        var fixable = FixerTypes(CodeFixAssembly())
            .SelectMany(type => ((CodeFixProvider)Activator.CreateInstance(type)!).FixableDiagnosticIds)
            .ToHashSet(StringComparer.Ordinal);
        var codeAnalyzers = typeof(Descriptors).Assembly.GetTypes()
            .Where(type => type.Namespace == "LegacyAuthAnalyzers.Rules" && type.GetCustomAttribute<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzerAttribute>() is not null);

        foreach (var type in codeAnalyzers)
        {
            var marker = type.GetCustomAttribute<LegacyAuthAnalyzers.Roslyn.NoCodeFixAttribute>();
            var analyzer = (Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer)Activator.CreateInstance(type)!;
            foreach (var id in analyzer.SupportedDiagnostics.Select(d => d.Id))
            {
                Assert.True(fixable.Contains(id) != (marker is not null), $"{type.Name}: {id} must have a fixer or a [NoCodeFix] reason, not both or neither.");
                Assert.True(marker is null || marker.Reason.Length > 0, type.Name + ": the [NoCodeFix] reason is empty.");
            }
        }
    }

    [Fact]
    public void ContractCheck_AcceptsAWellFormedFixer()
        => Assert.Empty(Violations(typeof(WellFormedFixer)));

    [Fact]
    public void ContractCheck_RejectsAFixerThatBreaksEveryRule()
    {
        var violations = Violations(typeof(MalformedFixer));

        Assert.Contains(violations, v => v.Contains("sealed", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("[ExportCodeFixProvider", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("[Shared]", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("LA9999", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("Fix All", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("equivalence key", StringComparison.Ordinal));
    }

    /// <summary>Everything wrong with a fixer type; empty when it keeps the contract.</summary>
    internal static List<string> Violations(Type fixerType)
    {
        var violations = new List<string>();
        if (!fixerType.IsSealed)
        {
            violations.Add($"{fixerType.Name} is not sealed.");
        }

        var export = fixerType.GetCustomAttribute<ExportCodeFixProviderAttribute>();
        if (export is null || !export.Languages.SequenceEqual([LanguageNames.CSharp]) || export.Name != fixerType.Name)
        {
            violations.Add($"{fixerType.Name} needs [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof({fixerType.Name}))].");
        }

        if (fixerType.GetCustomAttribute<SharedAttribute>() is null)
        {
            violations.Add($"{fixerType.Name} needs [Shared].");
        }

        var fixer = (CodeFixProvider)Activator.CreateInstance(fixerType, nonPublic: true)!;
        var knownIds = typeof(DiagnosticIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.Name != nameof(DiagnosticIds.Category))
            .Select(field => (string)field.GetRawConstantValue()!)
            .ToHashSet(StringComparer.Ordinal);
        if (fixer.FixableDiagnosticIds.IsDefaultOrEmpty)
        {
            violations.Add($"{fixerType.Name} fixes no diagnostic.");
        }

        foreach (var id in fixer.FixableDiagnosticIds.IsDefault ? ImmutableArray<string>.Empty : fixer.FixableDiagnosticIds)
        {
            if (!knownIds.Contains(id))
            {
                violations.Add($"{fixerType.Name} claims to fix {id}, which is not a rule of the package.");
            }
        }

        if (fixer.GetFixAllProvider() is null)
        {
            violations.Add($"{fixerType.Name} offers no Fix All.");
        }

        // Stable equivalence keys live in public constants of the fixer, so tests and users can name an action.
        var keys = fixerType.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Concat(fixerType.GetNestedTypes().SelectMany(nested => nested.GetFields(BindingFlags.Public | BindingFlags.Static)))
            .Where(field => field.IsLiteral && field.FieldType == typeof(string))
            .Select(field => (string?)field.GetRawConstantValue())
            .ToList();
        if (keys.Count == 0 || keys.Any(string.IsNullOrWhiteSpace))
        {
            violations.Add($"{fixerType.Name} declares no public constant equivalence key, or an empty one.");
        }

        return violations;
    }

    private static Assembly CodeFixAssembly() => Assembly.Load(CodeFixAssemblyName);

    private static List<Type> FixerTypes(Assembly assembly)
        => assembly.GetTypes().Where(type => typeof(CodeFixProvider).IsAssignableFrom(type) && !type.IsAbstract).OrderBy(type => type.FullName, StringComparer.Ordinal).ToList();

    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WellFormedFixer)), Shared]
    private sealed class WellFormedFixer : CodeFixProvider
    {
        public const string EquivalenceKey = "LA1001.Sample";

        public override ImmutableArray<string> FixableDiagnosticIds => [DiagnosticIds.HardCodedMailCredential];

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override Task RegisterCodeFixesAsync(CodeFixContext context) => Task.CompletedTask;
    }

    private class MalformedFixer : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ["LA9999"];

        public override Task RegisterCodeFixesAsync(CodeFixContext context) => Task.CompletedTask;
    }
}
