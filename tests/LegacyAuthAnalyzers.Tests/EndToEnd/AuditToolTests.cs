using System.Diagnostics;
using System.Text;
using System.Text.Json;
using LegacyAuthAnalyzers.Tests.Audit;
using LegacyAuthAnalyzers.Tests.Infrastructure;
using LegacyAuthAnalyzers.Tests.Robustness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace LegacyAuthAnalyzers.Tests.EndToEnd;

/// <summary>
/// <c>dotnet pack</c> of the legacy-auth tool, <c>dotnet tool install</c> from that folder into a temp tool path,
/// then <c>legacy-auth audit</c> over a tree of small repositories: findings, exit code, SARIF valid against the
/// 2.1.0 schema, Markdown and JSON, and nothing of the scanned tree built, loaded, run or followed out of the root.
/// </summary>
[Collection(ProcessTestCollection.Name)]
public sealed class AuditToolTests
{
    private const string WebConfigPassword = "Vx9#mailPassw0rd";

    private static string AuditProject => Path.Combine(Repository.Root, "src", "LegacyAuthAnalyzers.Audit", "LegacyAuthAnalyzers.Audit.csproj");

    [Fact]
    public async Task Packed_and_installed_tool_audits_a_tree_of_repositories_safely()
    {
        using var feed = new TempFolder("audit-feed");
        using var tools = new TempFolder("audit-tools");
        using var tree = new TestTree();

        var pack = await DotNet.RunAsync(Repository.Root, "pack", AuditProject, "--output", feed.Path);
        Assert.True(pack.ExitCode == 0, pack.ToString());

        // Its own NuGet.config: only the folder feed, and a packages folder of its own so the machine's cache keeps
        // no stale copy of the tool.
        var config = Path.Combine(tools.Path, "nuget.config");
        File.WriteAllText(config, $"""
            <configuration>
              <config><add key="globalPackagesFolder" value="{Path.Combine(tools.Path, "packages")}" /></config>
              <packageSources><clear /><add key="feed" value="{feed.Path}" /></packageSources>
            </configuration>
            """);
        var install = await DotNet.RunAsync(tools.Path, "tool", "install", "LegacyAuthAnalyzers.Audit", "--tool-path", Path.Combine(tools.Path, "bin"), "--configfile", config, "--version", "0.1.0");
        Assert.True(install.ExitCode == 0, install.ToString());

        var org = CreateRepositories(tree);
        var outputs = Path.Combine(tree.Root, "out");
        var audit = await RunToolAsync(Path.Combine(tools.Path, "bin", "legacy-auth"), "audit", org, "--jobs", "2", "--json", Path.Combine(outputs, "audit.json"), "--report", Path.Combine(outputs, "audit.md"), "--sarif", Path.Combine(outputs, "sarif"));

        // The .editorconfig of 'mailer' makes LA3001 an error, and --fail-on defaults to error.
        Assert.True(audit.ExitCode == 1, audit.ToString());

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outputs, "audit.json")));
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        var repositories = root.GetProperty("repositories").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);
        Assert.Equal(["broken", "empty", "mailer", "reports", "scripts"], repositories.Keys.Order());
        var findings = root.GetProperty("findings").EnumerateArray()
            .Select(f => (Repository: f.GetProperty("repository").GetString(), Rule: f.GetProperty("ruleId").GetString(), Path: f.GetProperty("path").GetString(), Severity: f.GetProperty("severity").GetString()))
            .ToList();

        // MailKit from a PackageReference, with configuration files and an .editorconfig.
        Assert.Contains(("mailer", "LA3001", "src/InboxReader.cs", "error"), findings);
        Assert.Contains(("mailer", "LA1003", "src/InboxReader.cs", "warning"), findings);
        Assert.Contains(("mailer", "LA1001", "src/appsettings.json", "warning"), findings);

        // System.Net.Mail in a project that names no package, and its web.config.
        Assert.Contains(("reports", "LA1003", "ReportSender.cs", "warning"), findings);
        Assert.Contains(("reports", "LA1001", "web.config", "warning"), findings);

        // No project file: the code is one group with every library referenced.
        Assert.Contains(("scripts", "LA3001", "tools/InboxReader.cs", "warning"), findings);

        // A malformed, a binary and a non-UTF-8 file: counted, never fatal.
        var broken = repositories["broken"];
        Assert.Equal(1, broken.GetProperty("skippedByReason").GetProperty("binary").GetInt32());
        Assert.Equal(1, broken.GetProperty("skippedByReason").GetProperty("notUtf8").GetInt32());
        Assert.Equal(1, broken.GetProperty("filesScanned").GetInt32());
        Assert.Equal(0, broken.GetProperty("analysisErrors").GetInt32());
        Assert.Equal(0, repositories["empty"].GetProperty("filesScanned").GetInt32());

        // Safety: nothing built, no analyzer of the tree loaded, no symbolic link followed.
        Assert.False(File.Exists(Path.Combine(tree.Root, "pwned-by-targets")), "Directory.Build.targets ran");
        Assert.False(File.Exists(Path.Combine(tree.Root, "pwned-by-analyzer")), "the planted analyzer was loaded");
        Assert.Equal(2, repositories["mailer"].GetProperty("skippedByReason").GetProperty("symbolicLink").GetInt32());
        Assert.DoesNotContain(findings, f => f.Path!.StartsWith("etc/", StringComparison.Ordinal) || f.Path == "passwd.config");
        Assert.False(Directory.Exists(Path.Combine(org, "mailer", "src", "obj")), "the scanned project was restored or built");

        // One SARIF log per repository, each valid against the SARIF 2.1.0 schema.
        var sarifFiles = Directory.GetFiles(Path.Combine(outputs, "sarif"), "*.sarif").Select(Path.GetFileName).Order().ToList();
        Assert.Equal(["broken.sarif", "empty.sarif", "mailer.sarif", "reports.sarif", "scripts.sarif"], sarifFiles);
        foreach (var file in Directory.GetFiles(Path.Combine(outputs, "sarif")))
        {
            Assert.Empty(SarifSchema.Errors(File.ReadAllText(file)));
        }

        var markdown = File.ReadAllText(Path.Combine(outputs, "audit.md"));
        Assert.Contains("## What breaks when", markdown, StringComparison.Ordinal);
        Assert.Contains("| end of December 2026 |", markdown, StringComparison.Ordinal);
        Assert.Contains("## Fix first", markdown, StringComparison.Ordinal);
        Assert.Contains("| `src/InboxReader.cs` | mailer |", markdown, StringComparison.Ordinal);
        Assert.Contains("| broken | 0 | 0 | 0 |", markdown, StringComparison.Ordinal);

        // No secret of the tree in any output: the robustness suite's oracle finds them independently.
        var secrets = Secrets(org);
        Assert.Contains(AuditSources.AppPassword, secrets);
        Assert.Contains(WebConfigPassword, secrets);
        foreach (var output in Directory.GetFiles(outputs, "*", SearchOption.AllDirectories).Select(File.ReadAllText).Append(audit.Output))
        {
            Assert.Null(SecretOracle.Leaked(output, secrets));
        }

        // --fail-on none: the same findings, exit code 0.
        var lenient = await RunToolAsync(Path.Combine(tools.Path, "bin", "legacy-auth"), "audit", org, "--fail-on", "none");
        Assert.True(lenient.ExitCode == 0, lenient.ToString());
        Assert.Contains("mailer/src/InboxReader.cs(12,", lenient.Output, StringComparison.Ordinal);
    }

    private static string CreateRepositories(TestTree tree)
    {
        tree.Repository("org/mailer");
        tree.Write("org/mailer/src/Mailer.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup>
              <ItemGroup>
                <PackageReference Include="MailKit" Version="4.3.0" />
                <Analyzer Include="../evil/Evil.dll" />
              </ItemGroup>
              <Import Project="../evil/evil.targets" />
            </Project>
            """);
        tree.Write("org/mailer/src/InboxReader.cs", AuditSources.InboxReader);
        tree.Write("org/mailer/src/appsettings.json", AuditSources.AppSettings);
        tree.Write("org/mailer/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.LA3001.severity = error\n");

        // What a hostile repository plants: MSBuild that runs a command, an analyzer that writes a file when loaded,
        // and links out of the repository.
        var exec = $"""
            <Project>
              <Target Name="Pwn" BeforeTargets="Restore;Build;CoreCompile">
                <Exec Command="touch {Path.Combine(tree.Root, "pwned-by-targets")}" />
              </Target>
            </Project>
            """;
        tree.Write("org/mailer/Directory.Build.targets", exec);
        tree.Write("org/mailer/evil/evil.targets", exec);
        tree.WriteBytes("org/mailer/evil/Evil.dll", CompileMaliciousAnalyzer(Path.Combine(tree.Root, "pwned-by-analyzer")));
        Directory.CreateSymbolicLink(Path.Combine(tree.Root, "org", "mailer", "etc"), "/etc");
        File.CreateSymbolicLink(Path.Combine(tree.Root, "org", "mailer", "passwd.config"), "/etc/passwd");

        tree.Repository("org/reports");
        tree.Write("org/reports/Reports.csproj", AuditSources.PlainProject);
        tree.Write("org/reports/ReportSender.cs", AuditSources.ReportSender);
        tree.Write("org/reports/web.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <system.net>
                <mailSettings>
                  <smtp from="reports@contoso.com">
                    <network host="smtp.office365.com" port="587" userName="reports@contoso.com" password="{WebConfigPassword}" enableSsl="true" />
                  </smtp>
                </mailSettings>
              </system.net>
            </configuration>
            """);

        tree.Repository("org/scripts");
        tree.Write("org/scripts/tools/InboxReader.cs", AuditSources.InboxReader);

        tree.Repository("org/broken");
        tree.Write("org/broken/Broken.csproj", AuditSources.PlainProject);
        tree.Write("org/broken/Malformed.cs", "class { void ( => \"unterminated\n #if namespace }}}}");
        tree.WriteBytes("org/broken/Binary.cs", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]);
        tree.WriteBytes("org/broken/Legacy.cs", Encoding.Latin1.GetBytes("// Kennwörter\nclass Legacy { }"));

        tree.Repository("org/empty");
        return Path.Combine(tree.Root, "org");
    }

    /// <summary>A real analyzer assembly whose static constructor writes <paramref name="marker"/>: it shows whether anyone loads it.</summary>
    private static byte[] CompileMaliciousAnalyzer(string marker)
    {
        var source = $$"""
            using System.Collections.Immutable;
            using Microsoft.CodeAnalysis;
            using Microsoft.CodeAnalysis.Diagnostics;

            [DiagnosticAnalyzer(LanguageNames.CSharp)]
            public sealed class Evil : DiagnosticAnalyzer
            {
                static Evil() => System.IO.File.WriteAllText(@"{{marker}}", "loaded");
                public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray<DiagnosticDescriptor>.Empty;
                public override void Initialize(AnalysisContext context) { }
            }
            """;
        var compilation = CSharpCompilation.Create(
            "Evil",
            [CSharpSyntaxTree.ParseText(source)],
            [.. TestReferences.Net100, MetadataReference.CreateFromFile(typeof(DiagnosticAnalyzer).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        return image.ToArray();
    }

    private static HashSet<string> Secrets(string org)
    {
        var sources = Directory.GetFiles(org, "*.cs", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint })
            .Where(path => !path.EndsWith("Binary.cs", StringComparison.Ordinal) && !path.EndsWith("Legacy.cs", StringComparison.Ordinal))
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), path: path));
        var configs = Directory.GetFiles(org, "*.*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint })
            .Where(path => path.EndsWith(".config", StringComparison.Ordinal) || path.EndsWith(".json", StringComparison.Ordinal))
            .Select(path => new ConfigFile(Path.GetFileName(path), path, File.ReadAllText(path)));
        return SecretOracle.Find(CSharpCompilation.Create("oracle", sources, TestReferences.All), configs);
    }

    private static async Task<CommandResult> RunToolAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(DotNet.DefaultTimeout);
        await process.WaitForExitAsync(timeout.Token);
        return new CommandResult("legacy-auth " + string.Join(' ', arguments), process.ExitCode, await output + await error, stopwatch.Elapsed);
    }
}
