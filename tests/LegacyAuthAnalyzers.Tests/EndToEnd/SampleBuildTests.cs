using System.Text.RegularExpressions;
using LegacyAuthAnalyzers.DocGen;
using LegacyAuthAnalyzers.Tests.Infrastructure;
using Xunit;

namespace LegacyAuthAnalyzers.Tests.EndToEnd;

/// <summary>
/// <c>dotnet build samples/LegacyMailer</c>, the README's first command, on a copy of the sample: what it prints and
/// the SARIF log CI uploads.
/// </summary>
[Collection(ProcessTestCollection.Name)]
[Trait(TestCategories.Name, TestCategories.EndToEnd)]
public sealed partial class SampleBuildTests : IClassFixture<SampleBuildFixture>
{
    private readonly SampleBuildFixture build;

    public SampleBuildTests(SampleBuildFixture build)
    {
        this.build = build;
    }

    [Fact]
    public void SampleBuild_ReportsEveryRuleTheSampleCovers()
    {
        var expected = RuleCatalog.Load().Select(rule => rule.Id).Except(SampleExpectations.RulesNotInSample.Keys).Order(StringComparer.Ordinal).ToList();
        var reported = build.Sarif.OurResults.Select(result => result.RuleId).Distinct().Order(StringComparer.Ordinal).ToList();

        Assert.Equal(expected, reported);
    }

    [Fact]
    public void SampleBuild_PrintsEachFindingWithFileAndLine()
    {
        // The sample's preset makes every rule a warning, so every finding is printed, Info rules included.
        var printed = ConsoleWarning().Matches(build.Build.Output)
            .Select(match => (File: Path.GetFileName(match.Groups["file"].Value), Line: int.Parse(match.Groups["line"].Value), Id: match.Groups["id"].Value))
            .ToHashSet();
        var findings = build.Sarif.OurResults.Select(result => (File: result.FileName, Line: result.StartLine, Id: result.RuleId)).ToList();

        Assert.NotEmpty(findings);
        Assert.All(findings, finding => Assert.Contains(finding, printed));
    }

    [Fact]
    public void SampleBuild_HasNoCompilerWarnings()
    {
        var others = build.Sarif.Results.Where(result => !result.IsOurs && result.IsWarningOrError).Select(result => $"{result.RuleId} {result.FileName}({result.StartLine}): {result.Message}");

        Assert.Empty(others);
    }

    [Fact]
    public void SampleBuild_WritesSarif21WithHelpUrisAndLocations()
    {
        Assert.Equal("2.1.0", build.Sarif.Version);
        var results = build.Sarif.OurResults.ToList();
        Assert.NotEmpty(results);
        Assert.All(results, result =>
        {
            Assert.Equal("warning", result.Level);
            Assert.NotNull(result.FilePath);
            Assert.True(File.Exists(result.FilePath), $"{result.RuleId} points to {result.FilePath}, which does not exist.");
            Assert.StartsWith(build.Copy.ProjectFolder, result.FilePath, StringComparison.Ordinal);
            Assert.True(result.StartLine > 0 && result.StartColumn > 0, $"{result.RuleId} in {result.FileName} has no line and column.");
        });

        foreach (var id in results.Select(result => result.RuleId).Distinct())
        {
            Assert.True(build.Sarif.HelpUris.TryGetValue(id, out var helpUri), $"The SARIF log has no rule entry for {id}.");
            Assert.Equal(Descriptors.HelpLinkBase + id + ".md", helpUri);
        }
    }

    [Fact]
    public void SampleBuild_OutputAndSarifContainNoSecret()
    {
        Assert.All(SampleExpectations.SecretForms, secret =>
        {
            Assert.DoesNotContain(secret, build.Sarif.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, build.Build.Output, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void SampleSecrets_AreTheSecretsInTheSample()
    {
        // Keeps SampleExpectations.Secrets honest: a secret list that no longer matches the sample would prove nothing.
        var sources = string.Join('\n', build.Copy.ReadSources().Values);

        Assert.All(SampleExpectations.Secrets, secret => Assert.Contains(secret, sources, StringComparison.Ordinal));
    }

    [Fact]
    public void SampleBuild_PrintsWhatTheReadmeShows()
    {
        // The README's listing of the sample's build (paths shortened, help links cut) is what the build prints.
        var printed = ConsoleFinding().Matches(build.Build.Output)
            .Select(match => $"samples/LegacyMailer/{Path.GetFileName(match.Groups["file"].Value)}({match.Groups["position"].Value}): warning {match.Groups["id"].Value}: {match.Groups["message"].Value}")
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = readme.IndexOf("$ dotnet build samples/LegacyMailer", StringComparison.Ordinal);
        Assert.True(start >= 0, "The README no longer shows the sample's build.");
        var listing = readme.Substring(start, readme.IndexOf("```", start, StringComparison.Ordinal) - start).Split('\n');
        var shown = listing.Where(line => line.StartsWith("samples/LegacyMailer/", StringComparison.Ordinal)).ToList();

        Assert.True(
            printed.Order(StringComparer.Ordinal).SequenceEqual(shown.Order(StringComparer.Ordinal)),
            "The README's sample listing is out of date. The build prints:" + Environment.NewLine + string.Join(Environment.NewLine, printed));
        Assert.Contains($"    {printed.Count} Warning(s)", listing);
    }

    // "path/File.cs(12,34): warning LA1001: message [project]" as MSBuild prints compiler diagnostics.
    [GeneratedRegex(@"^\s*(?<file>.+?)\((?<line>\d+),\d+\): warning (?<id>LA\d{4}):", RegexOptions.Multiline)]
    private static partial Regex ConsoleWarning();

    // The same line with its position, message and the help link that ends it.
    [GeneratedRegex(@"^\s*(?<file>.+?)\((?<position>\d+,\d+)\): warning (?<id>LA\d{4}): (?<message>.*?) \(https://\S+\) \[", RegexOptions.Multiline)]
    private static partial Regex ConsoleFinding();
}
