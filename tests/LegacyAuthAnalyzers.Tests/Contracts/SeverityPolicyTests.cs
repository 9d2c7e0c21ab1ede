using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LegacyAuthAnalyzers.Tests.Contracts;

/// <summary>
/// The default severities of SPEC §2 as the descriptor factory derives them from each rule's kind of finding
/// (<see cref="Descriptors.DefaultSeverity"/>): every rule's severity is the one the SPEC table gives, and the policy
/// itself maps defects to Warning and advice to Info.
/// </summary>
public sealed partial class SeverityPolicyTests
{
    /// <summary>The "Default" column of the rules table in SPEC §2, one entry per rule.</summary>
    private static readonly IReadOnlyDictionary<string, DiagnosticSeverity> SpecDefaults = new Dictionary<string, DiagnosticSeverity>(StringComparer.Ordinal)
    {
        [DiagnosticIds.HardCodedMailCredential] = DiagnosticSeverity.Warning,
        [DiagnosticIds.PasswordAuthentication] = DiagnosticSeverity.Info,
        [DiagnosticIds.Microsoft365BasicAuthentication] = DiagnosticSeverity.Warning,
        [DiagnosticIds.HttpBasicToExchange] = DiagnosticSeverity.Warning,
        [DiagnosticIds.HardCodedClientSecret] = DiagnosticSeverity.Warning,
        [DiagnosticIds.MailWithoutTls] = DiagnosticSeverity.Warning,
        [DiagnosticIds.OpportunisticTls] = DiagnosticSeverity.Info,
        [DiagnosticIds.PortTlsMismatch] = DiagnosticSeverity.Warning,
        [DiagnosticIds.CertificateValidationDisabled] = DiagnosticSeverity.Warning,
        [DiagnosticIds.LegacyTlsVersion] = DiagnosticSeverity.Warning,
        [DiagnosticIds.AppPasswordShapedSecret] = DiagnosticSeverity.Warning,
        [DiagnosticIds.AppPasswordByName] = DiagnosticSeverity.Info,
        [DiagnosticIds.EwsToExchangeOnline] = DiagnosticSeverity.Warning,
        [DiagnosticIds.AdalInUse] = DiagnosticSeverity.Warning,
        [DiagnosticIds.UsernamePasswordTokenFlow] = DiagnosticSeverity.Warning,
    };

    public static TheoryData<string> DescriptorIds => new(AllDescriptors().Select(descriptor => descriptor.Id));

    [Fact]
    public void SpecTable_HasExactlyTheRulesOfThePackage()
    {
        Assert.Equal(
            SpecDefaults.Keys.Order(StringComparer.Ordinal),
            AllDescriptors().Select(descriptor => descriptor.Id).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void Descriptor_HasSpecsDefaultSeverityAndIsEnabled(string id)
    {
        var descriptor = AllDescriptors().Single(d => d.Id == id);

        Assert.Equal(SpecDefaults[id], descriptor.DefaultSeverity);
        Assert.True(descriptor.IsEnabledByDefault, $"{id} is not enabled by default; every rule is on and switched off with dotnet_diagnostic.{id}.severity.");
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void RulePage_StatesTheDescriptorsSeverityWhereItNamesOne(string id)
    {
        var descriptor = AllDescriptors().Single(d => d.Id == id);
        var page = RepositoryFiles.Read("docs", "rules", id + ".md");

        var stated = DefaultSeverityRow().Match(page);
        if (stated.Success)
        {
            Assert.Equal(descriptor.DefaultSeverity.ToString(), stated.Groups["severity"].Value);
        }
    }

    [Fact]
    public void Policy_DefectsWarnAndAdviceInforms()
    {
        Assert.Equal(DiagnosticSeverity.Warning, Descriptors.DefaultSeverity(FindingKind.Defect));
        Assert.Equal(DiagnosticSeverity.Info, Descriptors.DefaultSeverity(FindingKind.Advice));
    }

    [Fact]
    public void Policy_GivesEveryKindOfFindingAWarningOrInfo()
    {
        // A new kind must be placed in the policy: SPEC §2 knows no Error and no hidden rule.
        Assert.All(
            Enum.GetValues<FindingKind>(),
            kind => Assert.Contains(Descriptors.DefaultSeverity(kind), new[] { DiagnosticSeverity.Warning, DiagnosticSeverity.Info }));
    }

    [Fact]
    public void Descriptors_UseBothSeveritiesOfThePolicy()
    {
        // The SPEC table has Warning and Info rules; a factory that gave every rule one severity would fail above,
        // and this names the failure plainly.
        var severities = AllDescriptors().Select(descriptor => descriptor.DefaultSeverity).Distinct().Order().ToList();

        Assert.Equal([DiagnosticSeverity.Info, DiagnosticSeverity.Warning], severities);
    }

    private static List<DiagnosticDescriptor> AllDescriptors() =>
        typeof(Descriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
            .Select(field => (DiagnosticDescriptor)field.GetValue(null)!)
            .ToList();

    [GeneratedRegex(@"^\| Default severity \| (?<severity>\w+) \|", RegexOptions.Multiline)]
    private static partial Regex DefaultSeverityRow();
}
