using System.Collections.Immutable;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using LegacyAuthAnalyzers.Tests.Infrastructure;
using Xunit;

namespace LegacyAuthAnalyzers.Tests.Contracts;

/// <summary>
/// What every rule of the package promises, checked by reflection over the analyzer assembly so that rules added
/// later are covered without touching this file.
/// </summary>
public sealed partial class RuleContractTests
{
    private static readonly Assembly AnalyzerAssembly = typeof(Descriptors).Assembly;

    private static readonly string[] RequiredDocSections =
    [
        "## Cause",
        "## Why it's risky",
        "## Flagged examples",
        "## How to fix",
        "## Configuration",
        "## How to suppress",
    ];

    private const string SmallMailSource = """
        using System;
        using System.Net;
        using System.Threading.Tasks;
        using MailKit.Net.Smtp;
        using MailKit.Security;
        using Microsoft.Exchange.WebServices.Data;
        using Microsoft.Identity.Client;
        using MimeKit;

        public static class Mail
        {
            private const string Password = "Tr0ub4dor&3x";

            public static async Task RunAsync(MimeMessage message, string user)
            {
                using var client = new MailKit.Net.Smtp.SmtpClient();
                client.ServerCertificateValidationCallback = (s, c, h, e) => true;
                await client.ConnectAsync("smtp.office365.com", 465, SecureSocketOptions.StartTlsWhenAvailable);
                await client.AuthenticateAsync(user, Password);
                await client.AuthenticateAsync(new SaslMechanismLogin(new NetworkCredential(user, "qwrtzkbvnhgfdlpx")));
                await client.SendAsync(message);

                using var legacy = new System.Net.Mail.SmtpClient("smtp.office365.com", 465) { Credentials = new NetworkCredential(user, Password) };
                legacy.EnableSsl = false;

                var service = new ExchangeService(ExchangeVersion.Exchange2013_SP1)
                {
                    Url = new Uri("https://outlook.office365.com/EWS/Exchange.asmx"),
                    Credentials = new WebCredentials(user, Password),
                };

                var app = PublicClientApplicationBuilder.Create("client-id").Build();
                await app.AcquireTokenSilent(new[] { "https://outlook.office.com/SMTP.Send" }, user).ExecuteAsync();
            }
        }
        """;

    private const string MalformedSource = """
        using MailKit.Net.Smtp;

        public static class Broken
        {
            public static void Run(SmtpClient client, UnknownType value)
            {
                client.Authenticate(value.User, );
                client.Connect(new System.Uri("imaps://:@"), 
                new System.Net.Mail.SmtpClient { Credentials = new System.Net.NetworkCredential(null, (string)null) };
                var x = $"{undefined}" + client.Authenticate(
        """;

    public static TheoryData<string> AnalyzerTypeNames => new(ExportedAnalyzers().Select(analyzer => analyzer.GetType().FullName!));

    public static TheoryData<string> SupportedDiagnosticIds => new(SupportedDescriptors().Select(descriptor => descriptor.Id));

    public static TheoryData<string> DescriptorIds => new(AllDescriptors().Select(descriptor => descriptor.Id));

    [Fact]
    public void Analyzers_AreFound()
    {
        Assert.NotEmpty(ExportedAnalyzers());
        Assert.Contains(SupportedDescriptors(), descriptor => descriptor.Id == DiagnosticIds.HardCodedMailCredential);
    }

    [Fact]
    public void EveryAnalyzerType_IsSealedAndExportedForCSharpOnly()
    {
        var analyzerTypes = AnalyzerAssembly.GetTypes().Where(type => typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && !type.IsAbstract).ToList();

        Assert.NotEmpty(analyzerTypes);
        foreach (var type in analyzerTypes)
        {
            Assert.True(type.IsSealed, $"{type.Name} is not sealed.");
            var attribute = type.GetCustomAttribute<DiagnosticAnalyzerAttribute>();
            Assert.True(attribute is not null, $"{type.Name} has no [DiagnosticAnalyzer] attribute.");
            Assert.Equal([LanguageNames.CSharp], attribute!.Languages);
            Assert.Matches(IdPattern(), type.Name[..6]);
        }
    }

    [Fact]
    public void DescriptorIds_AreUniqueAndOwnedByOneCodeAnalyzerAndAtMostOneConfigAnalyzer()
    {
        var descriptors = AllDescriptors();
        Assert.Equal(descriptors.Count, descriptors.Select(d => d.Id).Distinct(StringComparer.Ordinal).Count());

        // A rule that also reads configuration files has a second, separate analyzer for them (Rules.Config).
        var owners = ExportedAnalyzers()
            .SelectMany(analyzer => analyzer.SupportedDiagnostics.Select(descriptor => (descriptor.Id, Type: analyzer.GetType())))
            .GroupBy(pair => (pair.Id, IsConfig: pair.Type.Namespace!.EndsWith(".Config", StringComparison.Ordinal)))
            .Where(group => group.Select(pair => pair.Type).Distinct().Count() > 1)
            .Select(group => group.Key.Id)
            .ToList();
        Assert.Empty(owners);
    }

    [Fact]
    public void DiagnosticIdConstants_HaveDescriptorsAndViceVersa()
    {
        var constants = typeof(DiagnosticIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.Name != nameof(DiagnosticIds.Category))
            .Select(field => (string)field.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(constants, AllDescriptors().Select(d => d.Id).Order(StringComparer.Ordinal).ToList());
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void Descriptor_HasIdentityTextsCweAndHelpLink(string id)
    {
        var descriptor = Descriptor(id);

        Assert.Matches(IdPattern(), descriptor.Id);
        Assert.Equal("Security", descriptor.Category);
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Title.ToString()), "empty title");
        Assert.False(string.IsNullOrWhiteSpace(descriptor.MessageFormat.ToString()), "empty message format");
        Assert.True(descriptor.Description.ToString().Length >= 40, "the description should explain the rule, not restate the title");
        Assert.True(descriptor.IsEnabledByDefault);
        Assert.Contains(descriptor.CustomTags, tag => CwePattern().IsMatch(tag));
        Assert.Equal($"{ProjectLinks.Url}/blob/main/docs/rules/{id}.md", descriptor.HelpLinkUri);
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void Descriptor_IsTrackedInAnalyzerReleases(string id)
    {
        var descriptor = Descriptor(id);
        var rows = ReleaseRows();

        Assert.True(rows.TryGetValue(id, out var row), $"{id} is in neither AnalyzerReleases.Shipped.md nor AnalyzerReleases.Unshipped.md.");
        Assert.Equal(descriptor.Category, row.Category);
        Assert.Equal(SeverityName(descriptor.DefaultSeverity), row.Severity);
    }

    [Theory]
    [MemberData(nameof(SupportedDiagnosticIds))]
    public void SupportedDiagnostic_HasRulePage(string id)
    {
        var descriptor = Descriptor(id);
        var path = RepositoryFiles.PathOf("docs", "rules", id + ".md");

        Assert.True(File.Exists(path), $"docs/rules/{id}.md is missing.");
        var text = File.ReadAllText(path);
        Assert.Equal($"# {id}: {descriptor.Title}", text.Split('\n')[0].TrimEnd('\r'));

        var positions = RequiredDocSections.Select(section => IndexOfHeading(text, section)).ToList();
        Assert.All(RequiredDocSections.Zip(positions), pair => Assert.True(pair.Second >= 0, $"docs/rules/{id}.md has no '{pair.First}' section."));
        Assert.Equal(positions.Order().ToList(), positions);

        Assert.Contains(descriptor.CustomTags.First(tag => CwePattern().IsMatch(tag)), text, StringComparison.Ordinal);
        Assert.Contains($"dotnet_diagnostic.{id}.severity", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SupportedDiagnosticIds))]
    public void SupportedDiagnostic_HasReadmeRow(string id)
    {
        var descriptor = Descriptor(id);
        var expected = $"| [{id}](docs/rules/{id}.md) | {descriptor.Title} | {SeverityName(descriptor.DefaultSeverity)} |";

        // The generated table carries a "Code fix" column after these three.
        Assert.Contains(RepositoryFiles.ReadmeRulesTable(), line => line.Trim().StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void ReadmeRulesTable_ListsExactlyTheSupportedRulesInIdOrder()
    {
        var rows = RepositoryFiles.ReadmeRulesTable()
            .Select(line => ReadmeRow().Match(line.Trim()))
            .Where(match => match.Success)
            .Select(match => match.Groups["id"].Value)
            .ToList();

        Assert.Equal(SupportedDescriptors().Select(d => d.Id).Order(StringComparer.Ordinal).ToList(), rows);
    }

    [Theory]
    [MemberData(nameof(AnalyzerTypeNames))]
    public async Task Analyzer_OnEmptySource_RunsCleanly(string analyzerTypeName)
        => await AssertRunsCleanlyAsync(analyzerTypeName, string.Empty, TestReferences.All);

    [Theory]
    [MemberData(nameof(AnalyzerTypeNames))]
    public async Task Analyzer_OnSmallMailSource_RunsCleanly(string analyzerTypeName)
        => await AssertRunsCleanlyAsync(analyzerTypeName, SmallMailSource, TestReferences.All);

    [Theory]
    [MemberData(nameof(AnalyzerTypeNames))]
    public async Task Analyzer_OnMalformedSource_RunsCleanly(string analyzerTypeName)
        => await AssertRunsCleanlyAsync(analyzerTypeName, MalformedSource, TestReferences.All);

    [Theory]
    [MemberData(nameof(AnalyzerTypeNames))]
    public async Task Analyzer_WithoutMailLibraries_RunsCleanly(string analyzerTypeName)
        => await AssertRunsCleanlyAsync(analyzerTypeName, SmallMailSource, TestReferences.WithoutSystemNetMail);

    private static async Task AssertRunsCleanlyAsync(string analyzerTypeName, string source, ImmutableArray<MetadataReference> references)
    {
        var analyzer = ExportedAnalyzers().Single(a => a.GetType().FullName == analyzerTypeName);
        var compilation = AnalyzerRunner.Compile(source, references);

        var (diagnostics, exceptions) = await AnalyzerRunner.RunAsync(compilation, ImmutableDictionary<string, string>.Empty, analyzer);

        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        var supported = analyzer.SupportedDiagnostics.Select(d => d.Id).ToHashSet();
        Assert.All(diagnostics, d => Assert.Contains(d.Id, supported));
    }

    internal static IReadOnlyList<DiagnosticAnalyzer> ExportedAnalyzers()
        => AnalyzerAssembly.GetTypes()
            .Where(type => typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && !type.IsAbstract && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(type => type.Name, StringComparer.Ordinal)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .ToList();

    private static IReadOnlyList<DiagnosticDescriptor> SupportedDescriptors()
        => ExportedAnalyzers().SelectMany(analyzer => analyzer.SupportedDiagnostics).DistinctBy(d => d.Id).OrderBy(d => d.Id, StringComparer.Ordinal).ToList();

    /// <summary>Every descriptor the assembly declares, whether or not an analyzer reports it yet.</summary>
    private static IReadOnlyList<DiagnosticDescriptor> AllDescriptors()
        => AnalyzerAssembly.GetTypes()
            .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(field => field.FieldType == typeof(DiagnosticDescriptor) && !field.DeclaringType!.IsGenericTypeDefinition)
            .Select(field => (DiagnosticDescriptor)field.GetValue(null)!)
            .Concat(SupportedDescriptors())
            .Distinct()
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToList();

    private static DiagnosticDescriptor Descriptor(string id) => AllDescriptors().First(d => d.Id == id);

    private static Dictionary<string, (string Category, string Severity)> ReleaseRows()
    {
        var rows = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var file in new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" })
        {
            foreach (var line in RepositoryFiles.Read("src", "LegacyAuthAnalyzers", file).Split('\n'))
            {
                var cells = line.Split('|').Select(cell => cell.Trim()).ToArray();
                if (cells.Length >= 3 && IdPattern().IsMatch(cells[0]))
                {
                    rows[cells[0]] = (cells[1], cells[2]);
                }
            }
        }

        return rows;
    }

    private static int IndexOfHeading(string text, string heading)
    {
        var match = Regex.Match(text, "^" + Regex.Escape(heading) + @"\s*$", RegexOptions.Multiline);
        return match.Success ? match.Index : -1;
    }

    private static string SeverityName(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Info => "Info",
        DiagnosticSeverity.Warning => "Warning",
        DiagnosticSeverity.Error => "Error",
        _ => "Hidden",
    };

    [GeneratedRegex(@"^LA\d{4}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^CWE-\d+$")]
    private static partial Regex CwePattern();

    [GeneratedRegex(@"^\| \[(?<id>LA\d{4})\]\(docs/rules/\k<id>\.md\) \| [^|]+ \| \w+ \| (yes|no: [^|]+) \|$")]
    private static partial Regex ReadmeRow();
}
