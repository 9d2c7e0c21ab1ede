using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using LegacyAuthAnalyzers.CodeFixes.Fixes.OAuth;
using LegacyAuthAnalyzers;
using LegacyAuthAnalyzers.Tests.Infrastructure;
using LegacyAuthAnalyzers.Tests.RealWorld;
using Xunit;
using Xunit.Abstractions;

namespace LegacyAuthAnalyzers.Tests.Fixes;

/// <summary>
/// <c>dotnet format analyzers</c> applies the app-only OAuth fix (the first action each finding offers) to a small
/// project outside the repository, through the Fix All provider over the whole solution, and the result builds with
/// no LA1003 finding left, no password left and one token provider class.
/// </summary>
[Trait(TestCategories.Name, TestCategories.EndToEnd)]
public sealed class DotnetFormatTests(ITestOutputHelper output)
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(8);

    [Fact]
    public async Task DotnetFormatAnalyzers_AppliesTheAppOnlyFixAndTheProjectBuilds()
    {
        var directory = Directory.CreateTempSubdirectory("legacy-auth-format-");
        try
        {
            WriteProject(directory.FullName);

            var before = await RunAsync(directory.FullName, "build", "-nologo", "-v:q", "-p:TreatWarningsAsErrors=false");
            Assert.True(before.ExitCode == 0, before.Output);
            Assert.Contains("LA1003", before.Output, StringComparison.Ordinal);

            var format = await RunAsync(directory.FullName, "format", "analyzers", "--diagnostics", "LA1003", "--severity", "info", "--no-restore", "-v", "diag");
            Assert.True(format.ExitCode == 0, format.Output);

            var after = await RunAsync(directory.FullName, "build", "-nologo", "-v:q", "--no-restore", "-p:TreatWarningsAsErrors=false");
            Assert.True(after.ExitCode == 0, after.Output);
            Assert.DoesNotContain("LA1003", after.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(": error ", after.Output, StringComparison.Ordinal);

            var sources = Directory.GetFiles(directory.FullName, "*.cs", SearchOption.AllDirectories)
                .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .ToList();
            var code = string.Join("\n", sources.Select(File.ReadAllText));

            // MSBuildWorkspace would list a new file as an explicit Compile item, a duplicate for SDK-style projects: the
            // provider goes into a fixed file instead, once, and the project file stays as it was.
            Assert.Single(Regex.Matches(code, "static class " + MailTokenProviderTemplate.TypeName + "\\b"));
            Assert.DoesNotContain(sources, path => Path.GetFileName(path) == MailTokenProviderTemplate.FileName);
            Assert.DoesNotContain("<Compile", File.ReadAllText(Path.Combine(directory.FullName, "Mailer.csproj")), StringComparison.Ordinal);
            Assert.DoesNotContain("Fmt-Sync-Secret1", code, StringComparison.Ordinal);
            Assert.DoesNotContain("Fmt-Async-Secret2", code, StringComparison.Ordinal);
            Assert.DoesNotContain("Fmt-Smtp-Secret3", code, StringComparison.Ordinal);
            Assert.Contains("SaslMechanismOAuth2", code, StringComparison.Ordinal);
            Assert.Contains("MailTokenProvider.GetAppOnlyToken", code, StringComparison.Ordinal);
            Assert.Contains("MimeMessage.CreateFromMailMessage(message)", code, StringComparison.Ordinal);
        }
        finally
        {
            try
            {
                directory.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A build server may still hold a file for a moment; the temp folder is cleaned up by the OS.
            }
        }
    }

    /// <summary>
    /// The realistic projects (the ones whose own code compiles without the EWS stub), written out as one project:
    /// <c>dotnet format analyzers</c> fixes every finding of the rules whose fixes apply in bulk, and the project then
    /// builds with those rules as errors. The same build fails before the fixes, so the check can fail.
    /// </summary>
    [Fact]
    public async Task DotnetFormatAnalyzers_OnRealisticProjects_BuildsWithTheFixedRulesAsErrors()
    {
        string[] projects = ["BlogSmtpMailer", "ConstantsMailer", "HealthCheckedSender", "HostedSmtpSender", "LogSinkTransport", "NotificationMailer", "OutlookAccountMailer"];
        string[] rules = [DiagnosticIds.HardCodedMailCredential, DiagnosticIds.Microsoft365BasicAuthentication, DiagnosticIds.CertificateValidationDisabled];
        var asErrors = "-p:WarningsAsErrors=" + string.Join("%3B", rules);
        var directory = Directory.CreateTempSubdirectory("legacy-auth-format-real-");
        try
        {
            WriteProjectFile(directory.FullName);
            foreach (var name in projects)
            {
                foreach (var (path, text, _) in RealWorldProject.Load(name).Files)
                {
                    var target = Path.Combine(directory.FullName, name, path);
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.WriteAllText(target, text);
                }
            }

            var before = await RunAsync(directory.FullName, "build", "-nologo", "-v:q", asErrors);
            Assert.True(before.ExitCode != 0, before.Output);
            Assert.All(rules, rule => Assert.Contains("error " + rule, before.Output, StringComparison.Ordinal));

            var format = await RunAsync(directory.FullName, ["format", "analyzers", "--diagnostics", .. rules, "--severity", "info", "--no-restore"]);
            Assert.True(format.ExitCode == 0, format.Output);

            var after = await RunAsync(directory.FullName, "build", "-nologo", "-v:q", "--no-restore", asErrors);
            Assert.True(after.ExitCode == 0, after.Output);
            Assert.DoesNotContain(": error ", after.Output, StringComparison.Ordinal);
            Assert.All(rules, rule => Assert.DoesNotContain(rule, after.Output, StringComparison.Ordinal));
        }
        finally
        {
            try
            {
                directory.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A build server may still hold a file for a moment; the temp folder is cleaned up by the OS.
            }
        }
    }

    private static void WriteProject(string directory)
    {
        WriteProjectFile(directory);

        File.WriteAllText(Path.Combine(directory, "Inbox.cs"), """
            using System.Threading;
            using System.Threading.Tasks;
            using MailKit.Net.Imap;
            using MailKit.Net.Smtp;

            namespace Contoso.Mailer;

            public static class Inbox
            {
                public static void Login(SmtpClient client)
                {
                    client.Connect("smtp.office365.com", 587, MailKit.Security.SecureSocketOptions.StartTls);
                    client.Authenticate("reports@contoso.com", "Fmt-Sync-Secret1");
                }

                public static async Task<int> CountAsync(CancellationToken cancellationToken)
                {
                    using var client = new ImapClient();
                    await client.ConnectAsync("outlook.office365.com", 993, true, cancellationToken);
                    await client.AuthenticateAsync("inbox@contoso.com", "Fmt-Async-Secret2", cancellationToken);
                    return client.Inbox.Count;
                }
            }
            """);

        File.WriteAllText(Path.Combine(directory, "Reports.cs"), """
            using System.Net;
            using System.Net.Mail;

            namespace Contoso.Mailer.Reports;

            public static class ReportMailer
            {
                public static void Send(MailMessage message)
                {
                    using var client = new SmtpClient("smtp.office365.com", 587)
                    {
                        EnableSsl = true,
                        Credentials = new NetworkCredential("reports@contoso.com", "Fmt-Smtp-Secret3"),
                    };
                    client.Send(message);
                }
            }
            """);
    }

    /// <summary>An SDK-style project on the pinned mail and identity packages, with the analyzers built next to the tests.</summary>
    private static void WriteProjectFile(string directory)
    {
        var testOutput = AppContext.BaseDirectory;
        var versions = PackageVersions();
        File.WriteAllText(Path.Combine(directory, "Mailer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <RootNamespace>Contoso.Mailer</RootNamespace>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="MailKit" Version="{versions["MailKit"]}" />
                <PackageReference Include="MimeKit" Version="{versions["MimeKit"]}" />
                <PackageReference Include="Microsoft.Identity.Client" Version="{versions["Microsoft.Identity.Client"]}" />
              </ItemGroup>
              <ItemGroup>
                <Analyzer Include="{Path.Combine(testOutput, "LegacyAuthAnalyzers.dll")}" />
                <Analyzer Include="{Path.Combine(testOutput, "LegacyAuthAnalyzers.CodeFixes.dll")}" />
              </ItemGroup>
            </Project>
            """);
    }

    /// <summary>The versions the repository pins centrally, so the sample restores from the same packages.</summary>
    private static Dictionary<string, string> PackageVersions()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Directory.Packages.props")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        return XDocument.Load(Path.Combine(root.FullName, "Directory.Packages.props"))
            .Descendants("PackageVersion")
            .ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!);
    }

    private async Task<(int ExitCode, string Output)> RunAsync(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";

        using var process = Process.Start(start)!;
        var text = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        await process.WaitForExitAsync(timeout.Token);
        text.Append(await stdout).Append(await stderr);
        output.WriteLine("dotnet " + string.Join(' ', arguments));
        output.WriteLine(text.ToString());
        return (process.ExitCode, text.ToString());
    }
}
