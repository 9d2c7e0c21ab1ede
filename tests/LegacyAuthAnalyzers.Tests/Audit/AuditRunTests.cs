using System.Text.Json;
using LegacyAuthAnalyzers.Audit;
using LegacyAuthAnalyzers.Audit.Model;
using LegacyAuthAnalyzers.Audit.Reports;
using LegacyAuthAnalyzers.Audit.Scanning;
using LegacyAuthAnalyzers.Tests.Robustness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using LegacyAuthAnalyzers.Tests.Infrastructure;
using Xunit;

namespace LegacyAuthAnalyzers.Tests.Audit;

/// <summary>The audit in process: analysis, options, fingerprints, reports, shards and merge, no secret in any output.</summary>
public sealed class AuditRunTests
{
    [Fact]
    public async Task Mail_code_and_config_files_give_findings_with_repository_relative_locations()
    {
        using var tree = new TestTree();
        var root = tree.Repository("support");
        tree.Write("support/src/Support.csproj", AuditSources.MailKitProject);
        tree.Write("support/src/InboxReader.cs", AuditSources.InboxReader);
        tree.Write("support/src/appsettings.json", AuditSources.AppSettings);

        var result = await RunAsync(root);

        var repository = Assert.Single(result.Repositories);
        Assert.Equal(2, repository.FilesScanned);

        // The 16-letter literal is reported as an app password (LA3001) rather than as any hard-coded password.
        Assert.Contains(repository.Findings, f => f is { RuleId: "LA3001", Location.Path: "src/InboxReader.cs", Location.Line: 12 });
        Assert.Contains(repository.Findings, f => f is { RuleId: "LA1003", Location.Path: "src/InboxReader.cs" } && f.Message.Contains("IMAP", StringComparison.Ordinal));
        Assert.Contains(repository.Findings, f => f is { RuleId: "LA1001", Location.Path: "src/appsettings.json", Location.Line: 6 });
        Assert.All(repository.Findings, f => Assert.Matches("^[0-9a-f]{32}$", f.Fingerprint));
    }

    [Fact]
    public async Task Editorconfig_and_globalconfig_severities_apply_as_in_a_build()
    {
        using var tree = new TestTree();
        var root = tree.Repository("reports");
        tree.Write("reports/Reports.csproj", AuditSources.PlainProject);
        tree.Write("reports/ReportSender.cs", AuditSources.ReportSender);
        var baseline = await RunAsync(root);
        Assert.Contains(baseline.Findings, f => f is { RuleId: "LA1003", Severity: Severity.Warning });

        tree.Write("reports/.editorconfig", "root = true\n[*.cs]\ndotnet_diagnostic.LA1003.severity = error\n");
        var raised = await RunAsync(root);
        Assert.Contains(raised.Findings, f => f is { RuleId: "LA1003", Severity: Severity.Error });

        tree.Write("reports/.editorconfig", "root = true\n[*.cs]\ndotnet_diagnostic.LA1003.severity = none\n");
        var silenced = await RunAsync(root);
        Assert.DoesNotContain(silenced.Findings, f => f.RuleId == "LA1003");

        File.Delete(Path.Combine(root, ".editorconfig"));
        tree.Write("reports/.globalconfig", "is_global = true\ndotnet_diagnostic.LA1003.severity = error\n");
        var global = await RunAsync(root);
        Assert.Contains(global.Findings, f => f is { RuleId: "LA1003", Severity: Severity.Error });
    }

    [Fact]
    public async Task The_severity_preset_of_the_project_applies_and_the_repository_s_own_settings_win()
    {
        using var tree = new TestTree();
        var root = tree.Repository("reports");
        tree.Write("reports/Directory.Build.props", "<Project><PropertyGroup><LegacyAuthAnalyzersPreset>all-warnings</LegacyAuthAnalyzersPreset></PropertyGroup></Project>");
        tree.Write("reports/Reports.csproj", AuditSources.PlainProject.Replace("</TargetFramework>", "</TargetFramework><LegacyAuthAnalyzersPreset>All-Errors</LegacyAuthAnalyzersPreset>", StringComparison.Ordinal));
        tree.Write("reports/ReportSender.cs", AuditSources.ReportSender);
        tree.Write("reports/Other.cs", AuditSources.ReportSender.Replace("Contoso.Reports", "Contoso.Other", StringComparison.Ordinal));
        tree.Write("reports/.editorconfig", "root = true\n[Other.cs]\ndotnet_diagnostic.LA1003.severity = warning\n");

        var result = await RunAsync(root);

        // The project's preset wins over Directory.Build.props; the .editorconfig entry wins over the preset.
        Assert.Contains(result.Findings, f => f is { RuleId: "LA1003", Severity: Severity.Error, Location.Path: "ReportSender.cs" });
        Assert.Contains(result.Findings, f => f is { RuleId: "LA1003", Severity: Severity.Warning, Location.Path: "Other.cs" });
    }

    [Fact]
    public async Task The_sample_shows_every_rule_its_build_shows_as_warnings_and_no_secret()
    {
        var samples = Path.Combine(LegacyAuthAnalyzers.Tests.EndToEnd.Repository.Root, "samples");

        var result = await RunAsync(samples);

        // The sample's project sets the all-warnings preset, so every finding is a warning, as in its build; and, as
        // the sample build tests require of the build, every rule of the package is reported but the listed ones.
        Assert.All(result.Findings, f => Assert.Equal(Severity.Warning, f.Severity));
        var expected = LegacyAuthAnalyzers.Audit.Analysis.AnalyzerCatalog.Instance.Rules.Select(rule => rule.Id)
            .Where(id => !LegacyAuthAnalyzers.Tests.EndToEnd.SampleExpectations.RulesNotInSample.ContainsKey(id));
        Assert.Equal(expected.Order(), result.Findings.Select(f => f.RuleId).Distinct().Order());

        var console = new StringWriter();
        ConsoleReport.Write(result, plain: true, console);
        foreach (var output in new[] { console.ToString(), JsonReport.Serialize(result), MarkdownReport.Render(result), SarifWriter.Serialize(result.Repositories[0]) })
        {
            Assert.Null(SecretOracle.Leaked(output, LegacyAuthAnalyzers.Tests.EndToEnd.SampleExpectations.Secrets));
        }
    }

    [Fact]
    public async Task Fingerprints_stay_when_lines_move_and_differ_between_findings()
    {
        using var tree = new TestTree();
        var root = tree.Repository("support");
        tree.Write("support/InboxReader.cs", AuditSources.InboxReader);
        var before = (await RunAsync(root)).Findings.ToList();

        tree.Write("support/InboxReader.cs", "// moved\n\n\n" + AuditSources.InboxReader.Replace("public void Read()", "public void Other() { }\n\n        public void Read()", StringComparison.Ordinal));
        var after = (await RunAsync(root)).Findings.ToList();

        Assert.NotEmpty(before);
        Assert.Equal(before.Select(f => (f.RuleId, f.Fingerprint)).Order(), after.Select(f => (f.RuleId, f.Fingerprint)).Order());
        Assert.All(after, f => Assert.Contains(before, b => b.Fingerprint == f.Fingerprint && b.Location.Line < f.Location.Line));
        Assert.Equal(before.Count, before.Select(f => f.Fingerprint).Distinct().Count());
    }

    [Fact]
    public async Task Broken_files_are_counted_and_never_stop_the_run()
    {
        using var tree = new TestTree();
        var root = tree.Repository("broken");
        tree.Write("broken/Malformed.cs", "class { void ( => \"unterminated\n #if namespace }}}}");
        tree.WriteBytes("broken/Binary.cs", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);
        tree.WriteBytes("broken/Latin1.cs", System.Text.Encoding.Latin1.GetBytes("// Passwörter\nclass L { }"));
        tree.Write("broken/web.config", "<configuration><system.net><mailSettings><smtp><network password=");
        tree.Write("broken/InboxReader.cs", AuditSources.InboxReader);

        var result = await RunAsync(root);

        var repository = Assert.Single(result.Repositories);
        Assert.Equal(3, repository.FilesScanned);
        Assert.Equal(1, repository.SkippedByReason["binary"]);
        Assert.Equal(1, repository.SkippedByReason["notUtf8"]);
        Assert.Equal(0, repository.AnalyzerErrors);
        Assert.Contains(repository.Findings, f => f is { RuleId: "LA3001", Location.Path: "InboxReader.cs" });
    }

    [Fact]
    public async Task Sarif_logs_validate_against_the_sarif_2_1_0_schema_and_use_relative_uris()
    {
        using var tree = new TestTree();
        var root = tree.Repository("support");
        tree.Write("support/src/My Project/Support.csproj", AuditSources.MailKitProject);
        tree.Write("support/src/My Project/InboxReader.cs", AuditSources.InboxReader);
        tree.Write("support/src/My Project/appsettings.json", AuditSources.AppSettings);
        var result = await RunAsync(root);

        var sarif = SarifWriter.Serialize(Assert.Single(result.Repositories));

        Assert.Empty(SarifSchema.Errors(sarif));
        using var document = JsonDocument.Parse(sarif);
        var run = document.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        Assert.Contains(rules, rule => rule.GetProperty("id").GetString() == "LA1003" && rule.GetProperty("helpUri").GetString()!.EndsWith("docs/rules/LA1003.md", StringComparison.Ordinal));
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        foreach (var r in results)
        {
            var location = r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
            Assert.Equal("SRCROOT", location.GetProperty("uriBaseId").GetString());
            Assert.StartsWith("src/My%20Project/", location.GetProperty("uri").GetString(), StringComparison.Ordinal);
            Assert.Equal(rules[r.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString(), r.GetProperty("ruleId").GetString());
            Assert.Matches("^[0-9a-f]{32}$", r.GetProperty("partialFingerprints").GetProperty("legacyAuthFinding/v1").GetString());
        }

        // A schema violation is caught: the validator is not a check that cannot fail.
        Assert.NotEmpty(SarifSchema.Errors(sarif.Replace("\"version\": \"2.1.0\"", "\"version\": \"2.0.0\"", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Json_report_round_trips_and_markdown_names_dates_and_next_steps()
    {
        using var tree = new TestTree();
        var root = tree.Repository("support");
        tree.Write("support/Support.csproj", AuditSources.MailKitProject);
        tree.Write("support/InboxReader.cs", AuditSources.InboxReader);
        tree.Write("support/appsettings.json", AuditSources.AppSettings);
        var result = await RunAsync(root);

        var json = JsonReport.Serialize(result);
        using (var document = JsonDocument.Parse(json))
        {
            Assert.Equal(JsonReport.SchemaVersion, document.RootElement.GetProperty("schemaVersion").GetInt32());
            var finding = document.RootElement.GetProperty("findings")[0];
            foreach (var property in new[] { "ruleId", "severity", "repository", "path", "line", "column", "message" })
            {
                Assert.True(finding.TryGetProperty(property, out _), property);
            }

            var repository = document.RootElement.GetProperty("repositories")[0];
            Assert.Equal(2, repository.GetProperty("filesScanned").GetInt32());
        }

        var path = Path.Combine(tree.Root, "report.json");
        File.WriteAllText(path, json);
        Assert.Equal(json, JsonReport.Serialize(JsonReport.Read(path)));

        var markdown = MarkdownReport.Render(result);
        Assert.Contains("## What breaks when", markdown, StringComparison.Ordinal);
        Assert.Contains("| since October 2022 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| end of December 2026 |", markdown, StringComparison.Ordinal);
        Assert.Contains("`dotnet format analyzers --diagnostics LA3001 --severity info`", markdown, StringComparison.Ordinal);
        Assert.Contains("| `InboxReader.cs` | support |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shards_merged_give_the_same_totals_as_one_run()
    {
        using var tree = new TestTree();
        for (var i = 0; i < 6; i++)
        {
            tree.Repository($"org/repo{i}");
            tree.Write($"org/repo{i}/InboxReader.cs", AuditSources.InboxReader);
            if (i % 2 == 0)
            {
                tree.Write($"org/repo{i}/appsettings.json", AuditSources.AppSettings);
            }
        }

        var org = Path.Combine(tree.Root, "org");
        var whole = Path.Combine(tree.Root, "whole.json");
        Assert.Equal(0, await Program.Main(["audit", org, "--no-progress", "--jobs", "1", "--json", whole]));
        for (var k = 1; k <= 3; k++)
        {
            Assert.Equal(0, await Program.Main(["audit", org, "--no-progress", "--jobs", "1", "--shard", $"{k}/3", "--json", Path.Combine(tree.Root, "shards", $"{k}.json")]));
        }

        var merged = Path.Combine(tree.Root, "merged.json");
        var sarif = Path.Combine(tree.Root, "sarif");
        Assert.Equal(0, await Program.Main(["merge", Path.Combine(tree.Root, "shards"), "--no-progress", "--json", merged, "--sarif", sarif]));

        var one = JsonReport.Read(whole);
        var all = JsonReport.Read(merged);
        Assert.Equal(6, all.Repositories.Count);
        Assert.Equal(one.FilesScanned, all.FilesScanned);
        Assert.Equal(one.Findings.Count(), all.Findings.Count());
        Assert.Equal(one.Findings.Select(f => (f.Repository, f.Fingerprint)).Order(), all.Findings.Select(f => (f.Repository, f.Fingerprint)).Order());
        Assert.Equal(6, Directory.GetFiles(sarif, "*.sarif").Length);

        // The same shard twice is an overlap, a usage error.
        Assert.Equal(2, await Program.Main(["merge", Path.Combine(tree.Root, "shards", "1.json"), Path.Combine(tree.Root, "shards", "1.json"), "--no-progress"]));
    }

    [Fact]
    public async Task Exit_codes_follow_fail_on_and_usage_errors()
    {
        using var tree = new TestTree();
        var root = tree.Repository("support");
        tree.Write("support/InboxReader.cs", AuditSources.InboxReader);

        Assert.Equal(0, await Program.Main(["audit", root, "--no-progress"]));
        Assert.Equal(1, await Program.Main(["audit", root, "--no-progress", "--fail-on", "warning"]));
        Assert.Equal(0, await Program.Main(["audit", root, "--no-progress", "--fail-on", "none"]));
        Assert.Equal(2, await Program.Main(["audit", root, "--fail-on", "sometimes"]));
        Assert.Equal(2, await Program.Main(["audit", root, "--frobnicate"]));
        Assert.Equal(2, await Program.Main(["audit"]));
        Assert.Equal(2, await Program.Main(["audit", Path.Combine(tree.Root, "missing")]));
        Assert.Equal(2, await Program.Main(["scan", root]));
        Assert.Equal(2, await Program.Main(["audit", root, "--shard", "4/3"]));
    }

    [Fact]
    public async Task No_output_shows_a_secret_of_the_scanned_code()
    {
        using var tree = new TestTree();
        var root = tree.Repository("support");
        var source = tree.Write("support/InboxReader.cs", AuditSources.InboxReader);
        var settings = tree.Write("support/appsettings.json", AuditSources.AppSettings);
        var result = await RunAsync(root);

        // The robustness suite's oracle finds the secrets independently of the analyzers.
        var compilation = CSharpCompilation.Create("oracle", [CSharpSyntaxTree.ParseText(File.ReadAllText(source))], TestReferences.All);
        var secrets = SecretOracle.Find(compilation, [new ConfigFile("appsettings.json", settings, File.ReadAllText(settings))]);
        Assert.Contains(AuditSources.AppPassword, secrets);
        Assert.Contains(AuditSources.ConfigPassword, secrets);

        var console = new StringWriter();
        ConsoleReport.Write(result, plain: true, console);
        foreach (var output in new[] { console.ToString(), JsonReport.Serialize(result), MarkdownReport.Render(result), SarifWriter.Serialize(result.Repositories[0]) })
        {
            Assert.Null(SecretOracle.Leaked(output, secrets));
        }
    }

    [Fact]
    public void Control_characters_from_the_scanned_tree_never_reach_the_terminal_or_the_report()
    {
        var finding = new Finding(
            "LA2001",
            Severity.Warning,
            "repo\u001b]0;owned\u0007",
            new SourceSpan("src/Evil\u001b[2J.cs", 3, 5, 3, 20),
            "SmtpClient connects to 'smtp.\u001b[31mcontoso.com\nfake: error LA0000' without TLS",
            [],
            new string('0', 32));
        var result = new AuditResult([new RepositoryResult(finding.Repository, 1, 1, 0, 0, new Dictionary<string, int>(), 0, [finding])], null);

        var console = new StringWriter();
        ConsoleReport.Write(result, plain: true, console);
        var markdown = MarkdownReport.Render(result);

        Assert.DoesNotContain(console.ToString(), c => char.IsControl(c) && c != '\r' && c != '\n');
        Assert.Single(console.ToString().Split('\n'), line => line.Contains("warning LA2001:", StringComparison.Ordinal));
        Assert.DoesNotContain('\u001b', markdown);
    }

    private static Task<AuditResult> RunAsync(string root) =>
        Auditor.RunAsync([new Repository(Path.GetFileName(root), root)], jobs: 1, ScanLimits.Default, shard: null, progress: null, CancellationToken.None);
}
