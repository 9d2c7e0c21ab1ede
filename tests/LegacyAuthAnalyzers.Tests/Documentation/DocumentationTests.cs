using System.Reflection;
using LegacyAuthAnalyzers.DocGen;
using LegacyAuthAnalyzers.Tests.EndToEnd;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace LegacyAuthAnalyzers.Tests.Documentation;

/// <summary>
/// The README rules table, the rule page titles and the severity presets are generated from the descriptors by
/// tools/LegacyAuthAnalyzers.DocGen; these tests fail when they are stale and pin the generator's behaviour.
/// </summary>
public sealed class DocumentationTests
{
    private static readonly RuleInfo Warning = new("LA1001", "Hard-coded mail credential", DiagnosticSeverity.Warning, HasCodeFix: true);
    private static readonly RuleInfo Info = new("LA1002", "Password-based mail authentication", DiagnosticSeverity.Info, HasCodeFix: false);

    [Fact]
    public void GeneratedDocumentation_IsUpToDate()
    {
        var result = DocumentationGenerator.Generate(Repository.Root, RuleCatalog.Load(), RuleCatalog.OptionKeys(RuleCatalog.AnalyzerAssembly));
        var stale = DocumentationGenerator.StaleFiles(Repository.Root, result).Select(file => file.RelativePath);

        Assert.Empty(result.Errors);
        Assert.True(
            !stale.Any(),
            $"Out of date: {string.Join(", ", stale)}. Run 'dotnet run --project tools/LegacyAuthAnalyzers.DocGen' and commit the result.");
    }

    [Fact]
    public void RuleCatalog_ListsEveryDiagnosticOfEveryExportedAnalyzerOnce()
    {
        var supported = typeof(Descriptors).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .SelectMany(type => ((DiagnosticAnalyzer)Activator.CreateInstance(type)!).SupportedDiagnostics)
            .Select(descriptor => descriptor.Id)
            .Distinct()
            .Order(StringComparer.Ordinal);

        Assert.Equal(supported, RuleCatalog.Load().Select(rule => rule.Id));
    }

    [Fact]
    public void RuleCatalog_CodeFixColumnFollowsTheFixers()
    {
        var fixable = Assembly.Load(RuleCatalog.CodeFixesAssemblyName).GetTypes()
            .Where(type => !type.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(type) && type.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null)
            .SelectMany(type => ((CodeFixProvider)Activator.CreateInstance(type)!).FixableDiagnosticIds)
            .ToHashSet(StringComparer.Ordinal);

        Assert.All(RuleCatalog.Load(), rule => Assert.Equal(fixable.Contains(rule.Id), rule.HasCodeFix));
    }

    [Fact]
    public void OptionKeys_IncludeTheSharedOptions()
    {
        var keys = RuleCatalog.OptionKeys(RuleCatalog.AnalyzerAssembly);

        Assert.Contains("legacy_auth.credential_sinks", keys);
        Assert.Contains("legacy_auth.microsoft365_hosts", keys);
        Assert.Contains("legacy_auth.local_hosts", keys);
        Assert.Contains("legacy_auth.token_provider", keys);
    }

    [Fact]
    public void RulesTable_HasLinkedIdTitleSeverityAndCodeFixColumns()
    {
        var table = DocumentationGenerator.RenderRulesTable([Warning, Info]);

        Assert.Equal(
            "| ID | Title | Default severity | Code fix |\n"
            + "|----|-------|------------------|----------|\n"
            + "| [LA1001](docs/rules/LA1001.md) | Hard-coded mail credential | Warning | yes |\n"
            + "| [LA1002](docs/rules/LA1002.md) | Password-based mail authentication | Info | no |\n",
            table);
    }

    [Fact]
    public void ReplaceBetweenMarkers_KeepsEverythingOutsideTheMarkers()
    {
        var readme = "# Title\n\n<!-- rules:start -->\nold table\n<!-- rules:end -->\n\nMore text.\n";

        Assert.Equal(
            "# Title\n\n<!-- rules:start -->\nnew table\n<!-- rules:end -->\n\nMore text.\n",
            DocumentationGenerator.ReplaceBetweenMarkers(readme, "new table\n"));
    }

    [Fact]
    public void ReplaceBetweenMarkers_WithoutMarkers_ReturnsNull()
    {
        Assert.Null(DocumentationGenerator.ReplaceBetweenMarkers("# Title\n<!-- rules:end -->\n<!-- rules:start -->\n", "table\n"));
    }

    [Theory]
    [InlineData("# LA1001: Old title\n\n## Cause\n", "# LA1001: Hard-coded mail credential\n\n## Cause\n")]
    [InlineData("# LA1001: Old title\r\n\r\n## Cause\r\n", "# LA1001: Hard-coded mail credential\r\n\r\n## Cause\r\n")]
    [InlineData("# LA1001: Hard-coded mail credential\n## Cause\n", "# LA1001: Hard-coded mail credential\n## Cause\n")]
    public void WithTitleLine_ReplacesOnlyTheFirstLine(string page, string expected)
    {
        Assert.Equal(expected, DocumentationGenerator.WithTitleLine(page, Warning));
    }

    [Theory]
    [InlineData("none", "none", "none")]
    [InlineData("recommended", "error", "warning")]
    [InlineData("all-warnings", "warning", "warning")]
    [InlineData("all-errors", "error", "error")]
    public void Preset_SetsEveryRuleAndLetsTheProjectOverride(string name, string warningRule, string infoRule)
    {
        var preset = DocumentationGenerator.Presets.Single(p => p.Name == name);
        var lines = DocumentationGenerator.RenderPreset(preset, [Warning, Info]).Split('\n');

        Assert.Contains("is_global = true", lines);
        Assert.Contains("global_level = -1", lines);
        Assert.Contains($"dotnet_diagnostic.LA1001.severity = {warningRule}", lines);
        Assert.Contains($"dotnet_diagnostic.LA1002.severity = {infoRule}", lines);
    }

    [Fact]
    public void Generate_ReportsAnUndocumentedOption()
    {
        var result = DocumentationGenerator.Generate(Repository.Root, [Warning], ["legacy_auth.not_in_the_readme"]);

        Assert.Contains(result.Errors, error => error.Contains("legacy_auth.not_in_the_readme", StringComparison.Ordinal));
    }
}
