using System.Diagnostics;
using System.Text;
using LegacyAuthAnalyzers.Tests.Infrastructure;
using Xunit;

namespace LegacyAuthAnalyzers.Tests.Rules.Config;

/// <summary>
/// A throwaway project outside the repository, referencing the analyzers the way the sample does and importing the
/// package's build files, is built with a plain <c>dotnet build</c>: the configuration-file findings appear with file
/// and line, and disappear when the project opts out.
/// </summary>
[Trait(TestCategories.Name, TestCategories.EndToEnd)]
public sealed class ConfigFileBuildTests : IDisposable
{
    private const string WebConfig = """
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <system.net>
            <mailSettings>
              <smtp deliveryMethod="Network" from="alerts@contoso.com">
                <network host="mail.contoso.com" port="587" userName="alerts@contoso.com" password="Wint3r-Is-C0ming!" enableSsl="false" />
              </smtp>
            </mailSettings>
          </system.net>
        </configuration>
        """;

    private const string AppSettings = """
        {
          // Outgoing mail
          "Smtp": {
            "Host": "mail.contoso.com",
            "Port": 587,
            "Password": "Tr0ub4dor&3xyz",
          },
        }
        """;

    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);

    private readonly string root = Path.Combine(Path.GetTempPath(), "LegacyAuthAnalyzers.ConfigBuild." + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file for a moment; the temp folder is cleaned by the OS eventually.
        }
    }

    [Fact]
    public async Task PlainBuildOfProjectWithConfigFiles_ReportsDiagnostic()
    {
        // The project already lists web.config: the package's targets must not add it a second time.
        var project = CreateProject(
            "OptIn",
            """
            <ItemGroup><AdditionalFiles Include="web.config" /></ItemGroup>
            <PropertyGroup><LegacyAuthAnalyzersExcludeConfigFiles>Web.Legacy.config;archive/**</LegacyAuthAnalyzersExcludeConfigFiles></PropertyGroup>
            """);
        WriteFile(Path.Combine(project, "Web.Legacy.config"), WebConfig);
        WriteFile(Path.Combine(project, "archive", "appsettings.json"), AppSettings);

        // Copies in bin and node_modules are build output and dependencies, not the project's configuration; the
        // excluded files are the project's choice.
        WriteFile(Path.Combine(project, "bin", "Release", "web.config"), WebConfig);
        WriteFile(Path.Combine(project, "node_modules", "mailer", "app.config"), WebConfig);

        var (exitCode, output) = await BuildAsync(project);

        Assert.True(exitCode == 0, output);
        var webConfig = Path.Combine(project, "web.config");
        var appSettings = Path.Combine(project, "appsettings.json");
        AssertReportedOnce(output, webConfig, WebConfig, "Wint3r-Is-C0ming!", "LA1001");
        AssertReportedOnce(output, webConfig, WebConfig, "false", "LA2001");
        AssertReportedOnce(output, appSettings, AppSettings, "Tr0ub4dor&3xyz", "LA1001");
        Assert.DoesNotContain(LaWarnings(output), line => line.StartsWith(Path.Combine(project, "bin"), StringComparison.Ordinal));
        Assert.DoesNotContain(LaWarnings(output), line => line.StartsWith(Path.Combine(project, "node_modules"), StringComparison.Ordinal));
        Assert.DoesNotContain("Wint3r-Is-C0ming!", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Tr0ub4dor&3xyz", output, StringComparison.Ordinal);
        Assert.Equal(3, LaWarnings(output).Count);
    }

    [Fact]
    public async Task TestProject_ReportsSecretsButNoTransportFinding()
    {
        // IsTestProject reaches the analyzers through the package's CompilerVisibleProperty.
        var project = CreateProject("Tests", "<PropertyGroup><IsTestProject>true</IsTestProject></PropertyGroup>");

        var (exitCode, output) = await BuildAsync(project);

        Assert.True(exitCode == 0, output);
        AssertReportedOnce(output, Path.Combine(project, "web.config"), WebConfig, "Wint3r-Is-C0ming!", "LA1001");
        AssertReportedOnce(output, Path.Combine(project, "appsettings.json"), AppSettings, "Tr0ub4dor&3xyz", "LA1001");
        Assert.DoesNotContain(LaWarnings(output), line => line.Contains("warning LA2001", StringComparison.Ordinal));
        Assert.Equal(2, LaWarnings(output).Count);
    }

    [Fact]
    public async Task ProjectThatOptsOut_NoDiagnostic()
    {
        var project = CreateProject("OptOut", "<PropertyGroup><LegacyAuthAnalyzersIncludeConfigFiles>false</LegacyAuthAnalyzersIncludeConfigFiles></PropertyGroup>");

        var (exitCode, output) = await BuildAsync(project);

        Assert.True(exitCode == 0, output);
        Assert.Empty(LaWarnings(output));
    }

    private static void AssertReportedOnce(string output, string path, string content, string value, string id)
    {
        var index = content.IndexOf("\"" + value + "\"", StringComparison.Ordinal) + 1;
        var lineStart = content.LastIndexOf('\n', index - 1) + 1;
        var line = content.Take(index).Count(c => c == '\n') + 1;
        var column = index - lineStart + 1;
        var expected = $"{path}({line},{column}): warning {id}:";

        Assert.True(LaWarnings(output).Count(l => l.StartsWith(expected, StringComparison.Ordinal)) == 1, $"Expected '{expected}' once in:\n{output}");
    }

    /// <summary>The LA warnings as the build reports them, without the repetition in the closing summary.</summary>
    private static List<string> LaWarnings(string output) =>
        output.Split('\n')
            .Select(line => line.Trim())
            .TakeWhile(line => line is not ("Build succeeded." or "Build FAILED."))
            .Where(line => line.Contains(": warning LA", StringComparison.Ordinal))
            .ToList();

    private string CreateProject(string name, string projectItems)
    {
        var repository = FindRepositoryRoot();
        var buildFiles = Path.Combine(repository, "src", "LegacyAuthAnalyzers.Package", "buildTransitive");
        var analyzer = Path.Combine(repository, "src", "LegacyAuthAnalyzers", "LegacyAuthAnalyzers.csproj");
        var folder = Path.Combine(root, name);

        // Explicit SDK imports put the package's props before the project body and its targets after, as NuGet does;
        // nothing from the folders above (the temp folder's parents) may leak in.
        WriteFile(Path.Combine(folder, name + ".csproj"), $"""
            <Project>
              <PropertyGroup>
                <ImportDirectoryBuildProps>false</ImportDirectoryBuildProps>
                <ImportDirectoryBuildTargets>false</ImportDirectoryBuildTargets>
                <ImportDirectoryPackagesProps>false</ImportDirectoryPackagesProps>
              </PropertyGroup>
              <Import Project="{Path.Combine(buildFiles, "LegacyAuthAnalyzers.props")}" />
              <Import Project="Sdk.props" Sdk="Microsoft.NET.Sdk" />
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{analyzer}" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
              </ItemGroup>
              {projectItems}
              <Import Project="Sdk.targets" Sdk="Microsoft.NET.Sdk" />
              <Import Project="{Path.Combine(buildFiles, "LegacyAuthAnalyzers.targets")}" />
            </Project>
            """);
        WriteFile(Path.Combine(folder, "Mailer.cs"), "namespace Consumer;\n\npublic static class Mailer\n{\n}\n");
        WriteFile(Path.Combine(folder, "web.config"), WebConfig);
        WriteFile(Path.Combine(folder, "appsettings.json"), AppSettings);
        return folder;
    }

    private static async Task<(int ExitCode, string Output)> BuildAsync(string project)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = project,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // No build servers: nothing may outlive the test.
        foreach (var argument in new[] { "build", "-nologo", "--disable-build-servers", "-p:UseSharedCompilation=false" })
        {
            start.ArgumentList.Add(argument);
        }

        // The test host runs under MSBuild's environment when started by 'dotnet test'; the child build must find its own.
        foreach (var variable in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(variable);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(BuildTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet build did not finish within {BuildTimeout}.");
        }

        output.Append(await stdout).Append(await stderr);
        return (process.ExitCode, output.ToString());
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LegacyAuthAnalyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("LegacyAuthAnalyzers.sln not found above " + AppContext.BaseDirectory);
    }

    private static void WriteFile(string path, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
