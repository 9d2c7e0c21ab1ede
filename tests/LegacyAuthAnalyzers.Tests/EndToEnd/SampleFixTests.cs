using LegacyAuthAnalyzers.DocGen;
using LegacyAuthAnalyzers.Tests.Infrastructure;
using Xunit;

namespace LegacyAuthAnalyzers.Tests.EndToEnd;

/// <summary>
/// The README's bulk-fix commands, as written in its "Fix in bulk" section and in that order, on a copy of the sample:
/// <c>dotnet format analyzers</c> applies every code fix of the package, the result still builds, with only the
/// findings no fix handles left, and the README's CI check then finds nothing pending.
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
        var commands = ReadmeFormatCommands();
        var fixing = commands.Where(c => !c.Contains("--verify-no-changes")).ToList();
        var verifying = commands.Except(fixing).ToList();
        Assert.True(fixing.Count >= 3 && verifying.Count == 1, "The README's \"Fix in bulk\" block changed shape:" + Environment.NewLine + string.Join(Environment.NewLine, commands));

        // The README's rules, in its order, together cover every fixable rule of the catalog.
        var fixedRules = fixing.SelectMany(c => c.Split(' ')).Where(word => word.StartsWith("LA", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        Assert.All(ruleIds.Except(fixedRules), id => Assert.Contains(id, RuleCatalog.Load().Where(rule => !rule.HasCodeFix).Select(rule => rule.Id)));

        var output = new System.Text.StringBuilder();
        foreach (var command in fixing)
        {
            var formatted = await DotNet.RunAsync(copy.ProjectFolder, [.. Arguments(command, copy.ProjectFile), "--verbosity", "detailed"]);
            Assert.True(formatted.ExitCode == 0, formatted.ToString());
            output.AppendLine(formatted.Output);

            // dotnet format lists what its analysis found: proof that it loaded the analyzers and so the fixes. An
            // earlier command may have fixed some of a later one's findings (an OAuth rewrite removes the password),
            // not all of them.
            var rules = command.Split(' ').Where(word => word.StartsWith("LA", StringComparison.Ordinal)).ToList();
            Assert.True(rules.Any(id => formatted.Output.Contains(id, StringComparison.Ordinal)), $"dotnet format saw none of {string.Join(", ", rules)}.{Environment.NewLine}{formatted}");
        }

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
            + $"{Changes(before, copy)}{Environment.NewLine}{output}");

        var verified = await DotNet.RunAsync(copy.ProjectFolder, Arguments(verifying[0], copy.ProjectFile));
        Assert.True(verified.ExitCode == 0, $"The README's CI check reports a pending fix after the bulk fixes.{Environment.NewLine}{verified}");
    }

    /// <summary>The <c>dotnet format analyzers</c> lines of the README's "Fix in bulk" section.</summary>
    private static List<string> ReadmeFormatCommands()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        var section = readme.Substring(readme.IndexOf("## Fix in bulk", StringComparison.Ordinal));
        var block = section.Substring(section.IndexOf("```bash", StringComparison.Ordinal));
        block = block.Substring(0, block.IndexOf("```", 7, StringComparison.Ordinal));
        return block.Split('\n').Select(line => line.Trim()).Where(line => line.StartsWith("dotnet format analyzers ", StringComparison.Ordinal)).ToList();
    }

    /// <summary>A README command's arguments, on the sample's project instead of <c>MyApp.sln</c>.</summary>
    private static string[] Arguments(string command, string projectFile) =>
        command.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(word => word == "MyApp.sln" ? projectFile : word).ToArray();

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
