using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using LegacyAuthAnalyzers.DocGen;
using Microsoft.CodeAnalysis.Diagnostics;
using LegacyAuthAnalyzers.Tests.Infrastructure;
using Xunit;

namespace LegacyAuthAnalyzers.Tests.EndToEnd;

/// <summary>The NuGet package as a user gets it: its layout, its metadata, and a new project that installs it.</summary>
[Collection(ProcessTestCollection.Name)]
[Trait(TestCategories.Name, TestCategories.EndToEnd)]
public sealed class PackageTests : IClassFixture<PackedPackageFixture>
{
    private const string AnalyzerFolder = "analyzers/dotnet/cs/";

    private readonly PackedPackageFixture package;

    public PackageTests(PackedPackageFixture package)
    {
        this.package = package;
    }

    [Fact]
    public void Package_HasBothAnalyzerAssembliesAndNothingElseToReference()
    {
        var entries = Entries();

        Assert.Equal(
            [AnalyzerFolder + "LegacyAuthAnalyzers.CodeFixes.dll", AnalyzerFolder + "LegacyAuthAnalyzers.dll"],
            entries.Where(entry => entry.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(entries, entry => entry.StartsWith("lib/", StringComparison.OrdinalIgnoreCase) || entry.StartsWith("ref/", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Package_AnalyzerAssemblyHasEveryAnalyzerOfTheBuild()
    {
        var expected = typeof(Descriptors).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type))
            .Select(type => type.FullName!)
            .ToList();

        using var archive = ZipFile.OpenRead(package.PackagePath);
        using var image = new MemoryStream();
        using (var entry = archive.GetEntry(AnalyzerFolder + "LegacyAuthAnalyzers.dll")!.Open())
        {
            entry.CopyTo(image);
        }

        image.Position = 0;
        using var pe = new PEReader(image);
        var metadata = pe.GetMetadataReader();
        var packed = metadata.TypeDefinitions
            .Select(handle => metadata.GetTypeDefinition(handle))
            .Select(type => metadata.GetString(type.Namespace) + "." + metadata.GetString(type.Name))
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(expected);
        Assert.All(expected, name => Assert.Contains(name, packed));
    }

    [Fact]
    public void Package_HasBuildTransitivePropsTargetsAndEveryPreset()
    {
        var entries = Entries();

        Assert.Contains("buildTransitive/LegacyAuthAnalyzers.props", entries);
        Assert.Contains("buildTransitive/LegacyAuthAnalyzers.targets", entries);
        Assert.All(DocumentationGenerator.Presets, preset => Assert.Contains($"buildTransitive/presets/{preset.Name}.globalconfig", entries));
    }

    [Fact]
    public void Package_ReadmeIsTheRepositoryReadmeWithAbsoluteLinks()
    {
        var readme = PackedText("README.md");

        Assert.Equal(PackageReadme.Render(File.ReadAllText(Path.Combine(Repository.Root, "README.md")), ProjectLinks.Url), readme);
        var targets = PackageReadme.LinkTargets(readme).ToList();
        Assert.Contains(targets, target => target == ProjectLinks.Url + "/blob/main/docs/rules/LA1001.md");
        Assert.All(targets, target => Assert.False(PackageReadme.IsRelative(target), $"relative link '{target}' in the packed README"));
        Assert.DoesNotMatch(@"(?:href|src)=""(?!https?://)", readme);
    }

    [Fact]
    public void Nuspec_HasProjectRepositoryIconTagsAndReleaseNotesFromTheDeclaredUrl()
    {
        var metadata = Nuspec().Root!.Elements().Single(element => element.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().SingleOrDefault(element => element.Name.LocalName == name)?.Value;

        Assert.Equal(ProjectLinks.Url, DeclaredProjectUrl());
        Assert.Equal(ProjectLinks.Url, Value("projectUrl"));
        var repository = metadata.Elements().Single(element => element.Name.LocalName == "repository");
        Assert.Equal("git", (string?)repository.Attribute("type"));
        Assert.Equal(ProjectLinks.Url + ".git", (string?)repository.Attribute("url"));
        Assert.Matches("^[0-9a-f]{40}$", (string?)repository.Attribute("commit") ?? string.Empty);
        Assert.Contains(ProjectLinks.Url + "/blob/main/CHANGELOG.md", Value("releaseNotes"), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Repository.Root, "CHANGELOG.md")), "the release notes point at a CHANGELOG.md that does not exist");
        Assert.Contains("analyzers", (Value("tags") ?? string.Empty).Split(' '));
        Assert.Contains("oauth", (Value("tags") ?? string.Empty).Split(' '));

        var icon = Value("icon");
        Assert.False(string.IsNullOrEmpty(icon), "no icon");
        using var archive = ZipFile.OpenRead(package.PackagePath);
        using var image = new MemoryStream();
        using (var entry = archive.GetEntry(icon!)!.Open())
        {
            entry.CopyTo(image);
        }

        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, image.ToArray()[..4]);
    }

    [Fact]
    public void PackedDescriptors_HelpLinksStartWithTheDeclaredUrl()
    {
        var descriptors = typeof(Descriptors).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type))
            .SelectMany(type => ((DiagnosticAnalyzer)Activator.CreateInstance(type)!).SupportedDiagnostics)
            .ToList();

        Assert.NotEmpty(descriptors);
        Assert.All(descriptors, descriptor => Assert.StartsWith(DeclaredProjectUrl() + "/", descriptor.HelpLinkUri, StringComparison.Ordinal));

        // The packed analyzer assembly holds the same URL the loaded one does: its help links come from one constant.
        using var archive = ZipFile.OpenRead(package.PackagePath);
        using var image = new MemoryStream();
        using (var entry = archive.GetEntry(AnalyzerFolder + "LegacyAuthAnalyzers.dll")!.Open())
        {
            entry.CopyTo(image);
        }

        image.Position = 0;
        using var pe = new PEReader(image);
        var metadata = pe.GetMetadataReader();
        var strings = new List<string>();
        for (var handle = MetadataTokens.UserStringHandle(1); !handle.IsNil; handle = metadata.GetNextHandle(handle))
        {
            strings.Add(metadata.GetUserString(handle));
        }

        Assert.Contains(strings, text => text.StartsWith(DeclaredProjectUrl() + "/blob/main/docs/rules/", StringComparison.Ordinal));
        Assert.DoesNotContain(strings, text => text.StartsWith("https://github.com/", StringComparison.Ordinal) && !text.StartsWith(DeclaredProjectUrl(), StringComparison.Ordinal));
    }

    [Fact]
    public void Nuspec_IsDevelopmentDependencyWithLicenseReadmeAndNoDependencies()
    {
        var metadata = Nuspec().Root!.Elements().Single(element => element.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().SingleOrDefault(element => element.Name.LocalName == name)?.Value;

        Assert.Equal("LegacyAuthAnalyzers", Value("id"));
        Assert.Equal("true", Value("developmentDependency"));
        Assert.Equal("README.md", Value("readme"));
        var license = metadata.Elements().Single(element => element.Name.LocalName == "license");
        Assert.Equal("expression", (string?)license.Attribute("type"));
        Assert.Equal("MIT", license.Value);
        var dependencies = metadata.Elements().Where(element => element.Name.LocalName == "dependencies").SelectMany(element => element.Descendants());
        Assert.DoesNotContain(dependencies, element => element.Name.LocalName == "dependency");
    }

    [Fact]
    public async Task InstalledPackage_ReportsFindingsInAPlainBuild()
    {
        using var consumer = CreateConsumer();

        var build = await DotNet.RunAsync(consumer.Path, "build", "-p:LegacyAuthAnalyzersSarifDirectory=sarif");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("warning LA3001", build.Output, StringComparison.Ordinal);
        Assert.Contains("warning LA1003", build.Output, StringComparison.Ordinal);
        Assert.True(Directory.Exists(consumer.Combine("packages", "legacyauthanalyzers", package.Version)), "The package was not restored into the test's own packages folder.");

        // The package's SARIF switch: one log per project, where CI can upload it.
        var sarif = SarifLog.Load(consumer.Combine("sarif", "Consumer.net10.0.sarif"));
        Assert.Contains(sarif.OurResults, result => result.RuleId == "LA3001" && result.FileName == "Mailer.cs");
    }

    [Fact]
    public async Task InstalledPackage_AllErrorsPresetFailsTheBuild()
    {
        using var consumer = CreateConsumer();

        var build = await DotNet.RunAsync(consumer.Path, "build", "-p:LegacyAuthAnalyzersPreset=all-errors");

        Assert.True(build.ExitCode != 0, build.ToString());
        Assert.Contains("error LA3001", build.Output, StringComparison.Ordinal);
        Assert.Contains("error LA1003", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstalledPackage_UnknownPresetIsAnError()
    {
        using var consumer = CreateConsumer();

        var build = await DotNet.RunAsync(consumer.Path, "build", "-p:LegacyAuthAnalyzersPreset=strict");

        Assert.True(build.ExitCode != 0, build.ToString());
        Assert.Contains("error LAPRESET", build.Output, StringComparison.Ordinal);
    }

    /// <summary>LegacyAuthAnalyzersProjectUrl as Directory.Build.props declares it.</summary>
    private static string DeclaredProjectUrl()
    {
        var props = XDocument.Load(Path.Combine(Repository.Root, "Directory.Build.props"));
        return Assert.Single(props.Descendants(), element => element.Name.LocalName == "LegacyAuthAnalyzersProjectUrl").Value.Trim();
    }

    private string PackedText(string entryName)
    {
        using var archive = ZipFile.OpenRead(package.PackagePath);
        using var reader = new StreamReader(archive.GetEntry(entryName)!.Open());
        return reader.ReadToEnd();
    }

    private List<string> Entries()
    {
        using var archive = ZipFile.OpenRead(package.PackagePath);
        return archive.Entries.Select(entry => entry.FullName.Replace('\\', '/')).ToList();
    }

    private XDocument Nuspec()
    {
        using var archive = ZipFile.OpenRead(package.PackagePath);
        var entry = Assert.Single(archive.Entries, entry => entry.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase) && !entry.FullName.Contains('/'));
        using var stream = entry.Open();
        return XDocument.Load(stream);
    }

    /// <summary>
    /// A new class library that references only the package, restored from the local feed into a packages folder of its
    /// own (the global package cache stays clean), with nuget.org as the source for anything else.
    /// </summary>
    private TempFolder CreateConsumer()
    {
        var folder = new TempFolder("consumer");
        File.WriteAllText(folder.Combine("nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{package.FeedFolder}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="local">
                  <package pattern="LegacyAuthAnalyzers" />
                </packageSource>
                <packageSource key="nuget.org">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
            </configuration>
            """);

        // Stop MSBuild's search for these files at the temp folder.
        File.WriteAllText(folder.Combine("Directory.Build.props"), "<Project />\n");
        File.WriteAllText(folder.Combine("Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(folder.Combine("Directory.Packages.props"), "<Project />\n");

        File.WriteAllText(folder.Combine("Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <RestorePackagesPath>{folder.Combine("packages")}</RestorePackagesPath>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="LegacyAuthAnalyzers" Version="{package.Version}" />
              </ItemGroup>
            </Project>
            """);

        File.WriteAllText(folder.Combine("Mailer.cs"), """
            using System.Net;
            using System.Net.Mail;

            namespace Consumer;

            public static class Mailer
            {
                public static void Send(MailMessage message)
                {
                    using var client = new SmtpClient("smtp.office365.com", 587)
                    {
                        EnableSsl = true,
                        Credentials = new NetworkCredential("alerts@contoso.com", "zkqwhvtrmbnsdplc"),
                    };

                    client.Send(message);
                }
            }
            """);
        return folder;
    }
}
