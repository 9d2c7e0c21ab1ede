using LegacyAuthAnalyzers.DocGen;
using LegacyAuthAnalyzers.Tests.Infrastructure;
using Xunit;

namespace LegacyAuthAnalyzers.Tests.EndToEnd;

/// <summary>
/// The README's bulk-fix command on a copy of the sample: <c>dotnet format analyzers</c> applies every code fix of the
/// package, and the result still builds, with only the findings no fix handles left.
/// </summary>
[Collection(ProcessTestCollection.Name)]
[Trait(TestCategories.Name, TestCategories.EndToEnd)]
public sealed class SampleFixTests
{
    [Fact]
    public async Task DotnetFormat_FixesTheSample_LeavesOnlyFindingsWithoutFix()
    {
        using var copy = SampleCopy.Create("sample-fix");
        var before = copy.ReadSources();
        var ruleIds = RuleCatalog.Load().Select(rule => rule.Id).ToList();

        // --severity info: the Info rules' fixes run too (the sample's preset already makes them warnings).
        string[] format = ["format", "analyzers", copy.ProjectFile, "--severity", "info", "--verbosity", "detailed", "--diagnostics", .. ruleIds];
        var formatted = await DotNet.RunAsync(copy.ProjectFolder, format);
        Assert.True(formatted.ExitCode == 0, formatted.ToString());

        // dotnet format lists what its analysis found: proof that it loaded the analyzers and so the fixes.
        var sampleRules = ruleIds.Except(SampleExpectations.RulesNotInSample.Keys);
        Assert.All(sampleRules, id => Assert.True(formatted.Output.Contains(id, StringComparison.Ordinal), $"dotnet format did not see {id}.{Environment.NewLine}{formatted}"));

        var sarifPath = Path.Combine(copy.Root, "fixed.sarif");
        var build = await copy.BuildWithSarifAsync(sarifPath);
        Assert.True(build.ExitCode == 0, $"The fixed sample does not build.{Environment.NewLine}{Changes(before, copy)}{Environment.NewLine}{build}");

        var sarif = SarifLog.Load(sarifPath);
        var compilerWarnings = sarif.Results.Where(result => !result.IsOurs && result.IsWarningOrError).Select(Describe).ToList();
        Assert.True(compilerWarnings.Count == 0, $"The fixes introduced warnings:{Environment.NewLine}{string.Join(Environment.NewLine, compilerWarnings)}{Environment.NewLine}{Changes(before, copy)}");

        var left = sarif.OurResults.Select(result => $"{result.RuleId} {result.FileName}").Order(StringComparer.Ordinal).ToList();
        var expected = SampleExpectations.FindingsLeftAfterFixes.Select(finding => $"{finding.RuleId} {finding.File}").Order(StringComparer.Ordinal).ToList();
        Assert.True(
            expected.SequenceEqual(left),
            $"Findings left after the fixes differ from SampleExpectations.FindingsLeftAfterFixes.{Environment.NewLine}"
            + $"Expected:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", expected)}{Environment.NewLine}"
            + $"Actual:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", sarif.OurResults.Select(Describe))}{Environment.NewLine}"
            + $"{Changes(before, copy)}{Environment.NewLine}{formatted}");
    }

    private static string Describe(SarifResult result) => $"{result.RuleId} {result.FileName}({result.StartLine},{result.StartColumn}): {result.Message}";

    private static string Changes(IReadOnlyDictionary<string, string> before, SampleCopy copy)
    {
        var after = copy.ReadSources();
        var changed = after.Where(file => !before.TryGetValue(file.Key, out var old) || old != file.Value).Select(file => file.Key).Order(StringComparer.Ordinal).ToList();
        return changed.Count == 0
            ? "dotnet format changed no file."
            : "Files changed by dotnet format:" + string.Concat(changed.Select(name => $"{Environment.NewLine}--- {name}{Environment.NewLine}{after[name]}"));
    }
}
