using Xunit;
using System.Text;
using LegacyAuthAnalyzers.Audit;
using LegacyAuthAnalyzers.Audit.Analysis;
using LegacyAuthAnalyzers.Audit.Scanning;

namespace LegacyAuthAnalyzers.Tests.Audit;

/// <summary>How the audit finds repositories, groups their files into compilations and what it refuses to read.</summary>
public sealed class ScanningTests
{
    [Fact]
    public void Files_belong_to_their_nearest_project_and_the_rest_form_one_group()
    {
        using var tree = new TestTree();
        var root = tree.Repository("shop");
        tree.Write("shop/src/Web/Web.csproj", AuditSources.PlainProject);
        tree.Write("shop/src/Web/Startup.cs", "class Startup { }");
        tree.Write("shop/src/Web/Controllers/Home.cs", "class Home { }");
        tree.Write("shop/src/Web/Mail/Mail.csproj", AuditSources.MailKitProject);
        tree.Write("shop/src/Web/Mail/Sender.cs", "class Sender { }");
        tree.Write("shop/src/Web/Mail/appsettings.Production.json", "{}");
        tree.Write("shop/tools/build.cs", "class Build { }");

        var groups = Scan(root, out _);

        Assert.Equal(3, groups.Count);
        var web = groups.Single(g => g.ProjectPath?.EndsWith("Web.csproj", StringComparison.Ordinal) == true);
        Assert.Equal(["Home.cs", "Startup.cs"], web.Sources.Select(Path.GetFileName).Order());
        var mail = groups.Single(g => g.ProjectPath?.EndsWith("Mail.csproj", StringComparison.Ordinal) == true);
        Assert.Equal(["Sender.cs"], mail.Sources.Select(Path.GetFileName));
        Assert.Equal(["appsettings.Production.json"], mail.ConfigFiles.Select(Path.GetFileName));
        Assert.Contains("MailKit", mail.PackageNames);
        var loose = groups.Single(g => g.ProjectPath is null);
        Assert.Equal(["build.cs"], loose.Sources.Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("bin/Debug/Generated.cs")]
    [InlineData("obj/Debug/net8.0/App.AssemblyInfo.cs")]
    [InlineData("node_modules/pkg/x.cs")]
    [InlineData("packages/MailKit.4.0.0/content/Sample.cs")]
    [InlineData("vendor/lib/Mail.cs")]
    [InlineData("third_party/smtp/Client.cs")]
    [InlineData("generated/Client.cs")]
    [InlineData(".git/hooks/x.cs")]
    [InlineData("src/Views.g.cs")]
    public void Build_output_version_control_generated_and_vendored_files_are_not_read(string path)
    {
        using var tree = new TestTree();
        var root = tree.Repository("repo");
        tree.Write("repo/App.cs", "class App { }");
        tree.Write(Path.Combine("repo", path), "class Skipped { }");

        var groups = Scan(root, out _);

        Assert.Equal(["App.cs"], groups.SelectMany(g => g.Sources).Select(Path.GetFileName));
    }

    [Fact]
    public void Packages_come_from_project_packages_config_directory_build_props_and_referenced_projects()
    {
        using var tree = new TestTree();
        var root = tree.Repository("legacy");
        tree.Write("legacy/Directory.Build.props", """<Project><ItemGroup><PackageReference Include="Azure.Identity" /></ItemGroup></Project>""");
        tree.Write("legacy/Core/Core.csproj", """<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="MimeKit" /></ItemGroup></Project>""");
        tree.Write("legacy/Core/Core.cs", "class Core { }");
        tree.Write("legacy/App/App.csproj", """
            <Project ToolsVersion="15.0" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
              <PropertyGroup><TargetFrameworkVersion>v4.7.2</TargetFrameworkVersion></PropertyGroup>
              <ItemGroup>
                <Reference Include="Microsoft.Exchange.WebServices, Version=15.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35" />
                <ProjectReference Include="..\Core\Core.csproj" />
              </ItemGroup>
            </Project>
            """);
        tree.Write("legacy/App/packages.config", """<packages><package id="Microsoft.IdentityModel.Clients.ActiveDirectory" version="3.19.8" /></packages>""");
        tree.Write("legacy/App/Program.cs", "class Program { }");

        var app = Scan(root, out _).Single(g => g.ProjectPath?.EndsWith("App.csproj", StringComparison.Ordinal) == true);

        Assert.True(app.TargetsNetFramework);
        Assert.Equal(
            ["Azure.Identity", "Microsoft.Exchange.WebServices", "Microsoft.IdentityModel.Clients.ActiveDirectory", "MimeKit"],
            app.PackageNames.Order(StringComparer.Ordinal));
        Assert.Equal(
            [Library.MimeKit, Library.Msal, Library.Adal, Library.AzureIdentity, Library.ExchangeWebServices],
            LibraryReferences.Select(app.PackageNames).Order());
    }

    [Fact]
    public void A_project_naming_no_known_library_gets_all_of_them_and_one_naming_mailkit_gets_mailkit_and_mimekit()
    {
        Assert.Equal(Enum.GetValues<Library>().Order(), LibraryReferences.Select(["Newtonsoft.Json", "Serilog"]).Order());
        Assert.Equal([Library.MailKit, Library.MimeKit], LibraryReferences.Select(["MailKit", "Newtonsoft.Json"]).Order());

        var mailKitOnly = LibraryReferences.For(LibraryReferences.Select(["MailKit"]), netFramework: false);
        var names = mailKitOnly.Select(r => Path.GetFileNameWithoutExtension(r.Display)).ToList();
        Assert.Contains("MailKit", names);
        Assert.Contains("MimeKit", names);
        Assert.DoesNotContain("Microsoft.Identity.Client", names);
        Assert.DoesNotContain(LibraryReferences.ExchangeWebServicesAssemblyName, names);
    }

    [Fact]
    public void Project_files_are_read_as_xml_without_dtds_or_entities()
    {
        const string Hostile = """
            <?xml version="1.0"?>
            <!DOCTYPE Project [ <!ENTITY leak SYSTEM "file:///etc/passwd"> ]>
            <Project><ItemGroup><PackageReference Include="&leak;" /></ItemGroup></Project>
            """;

        Assert.Same(ProjectFile.Empty, ProjectFile.Parse(Hostile));
        Assert.Same(ProjectFile.Empty, ProjectFile.Parse("<Project><ItemGroup>"));
        Assert.True(ProjectFile.Parse("<Project><PropertyGroup><TargetFrameworks>net8.0;net48</TargetFrameworks></PropertyGroup></Project>").TargetsNetFramework);
        Assert.False(ProjectFile.Parse("<Project><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>").TargetsNetFramework);
    }

    [Fact]
    public void Binary_non_utf8_and_oversized_files_are_skipped_with_their_reason()
    {
        Assert.Equal("class A { }", SourceFileReader.Decode("class A { }"u8).Text);
        Assert.Equal("class A { }", SourceFileReader.Decode([0xEF, 0xBB, 0xBF, .. "class A { }"u8]).Text);
        Assert.Equal(SkipReason.Binary, SourceFileReader.Decode([0x4D, 0x5A, 0x90, 0x00, 0x03]).Skipped);
        Assert.Equal(SkipReason.NotUtf8, SourceFileReader.Decode(Encoding.Latin1.GetBytes("// Passwörter")).Skipped);
        Assert.Equal(SkipReason.NotUtf8, SourceFileReader.Decode([0xFF, 0xFE, .. Encoding.Unicode.GetBytes("class A { }")]).Skipped);

        using var tree = new TestTree();
        var big = tree.Write("big.cs", new string('/', 2048));
        Assert.Equal(SkipReason.TooLarge, SourceFileReader.Read(big, maxBytes: 1024).Skipped);
        Assert.True(SourceFileReader.Read(Path.Combine(tree.Root, "missing.cs"), 1024).Failed);
    }

    [Fact]
    public void Symbolic_links_are_never_followed_out_of_the_root()
    {
        using var tree = new TestTree();
        var root = tree.Repository("repo");
        tree.Write("repo/App.cs", "class App { }");
        var outside = tree.Write("outside/Secret.cs", "class Secret { }");
        Directory.CreateSymbolicLink(Path.Combine(root, "etc"), "/etc");
        Directory.CreateSymbolicLink(Path.Combine(root, "linked"), Path.GetDirectoryName(outside)!);
        File.CreateSymbolicLink(Path.Combine(root, "Linked.cs"), outside);
        File.CreateSymbolicLink(Path.Combine(root, "web.config"), "/etc/passwd");

        var groups = Scan(root, out var counts);

        var read = groups.SelectMany(g => g.Sources.Concat(g.ConfigFiles).Concat(g.AnalyzerConfigFiles)).ToList();
        Assert.Equal([Path.Combine(root, "App.cs")], read);
        Assert.Equal(4, counts.SkippedByReason["symbolicLink"]);
    }

    [Fact]
    public void Files_beyond_the_limit_are_counted_not_read()
    {
        using var tree = new TestTree();
        var root = tree.Repository("repo");
        for (var i = 0; i < 5; i++)
        {
            tree.Write($"repo/F{i}.cs", "class F { }");
        }

        var groups = RepositoryScanner.Scan(new Repository("repo", root), ScanLimits.Default with { MaxFilesPerRepository = 3 }, new FileCounts());
        Assert.Equal(3, groups.Sum(g => g.Sources.Count));
    }

    [Fact]
    public void Discovery_takes_a_repository_a_folder_of_repositories_a_list_file_and_a_plain_folder()
    {
        using var tree = new TestTree();
        tree.Repository("org/alpha");
        tree.Repository("org/beta");
        Directory.CreateDirectory(Path.Combine(tree.Root, "org", "not-a-repo"));
        tree.Write("plain/App.cs", "class App { }");
        var list = tree.Write("repos.txt", "# repositories\norg/alpha\n\nplain\n");

        Assert.Equal(["alpha", "beta"], RepositoryDiscovery.Discover([Path.Combine(tree.Root, "org")]).Select(r => r.Name));
        Assert.Equal(["beta"], RepositoryDiscovery.Discover([Path.Combine(tree.Root, "org", "beta")]).Select(r => r.Name));
        Assert.Equal(["alpha", "plain"], RepositoryDiscovery.Discover([list]).Select(r => r.Name));
        Assert.Throws<UsageException>(() => RepositoryDiscovery.Discover([Path.Combine(tree.Root, "nowhere")]));
    }

    [Fact]
    public void Shards_split_repositories_stably_and_completely()
    {
        var names = Enumerable.Range(0, 200).Select(i => $"repo-{i}").ToList();
        var shards = Enumerable.Range(1, 4).Select(k => new Shard(k, 4)).ToList();

        foreach (var name in names)
        {
            Assert.Single(shards, shard => shard.Contains(name));
        }

        Assert.All(shards, shard => Assert.InRange(names.Count(shard.Contains), 30, 70));

        // FNV-1a of "contoso-mailer": the split must not change between versions, or CI matrices would reshuffle.
        Assert.Equal(3, Shard.Bucket("Contoso-Mailer", 4));
        Assert.Equal(new Shard(3, 8), Shard.Parse("3/8"));

        // `legacy-auth shard` names a clone the way discovery names its folder.
        Assert.Equal("mailer", Shard.RepositoryName("https://github.com/contoso/mailer.git"));
        Assert.Equal("mailer", Shard.RepositoryName("git@github.com:contoso/mailer.git"));
        Assert.Equal("mailer", Shard.RepositoryName("repos/mailer/"));
        Assert.Throws<UsageException>(() => Shard.Parse("0/4"));
        Assert.Throws<UsageException>(() => Shard.Parse("5/4"));
    }

    private static IReadOnlyList<ProjectGroup> Scan(string root, out FileCounts counts)
    {
        counts = new FileCounts();
        return RepositoryScanner.Scan(new Repository(Path.GetFileName(root), root), ScanLimits.Default, counts);
    }
}
