using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace LegacyAuthAnalyzers.Tests.Contracts;

/// <summary>
/// A search for a rule ID reaches the shared code that decides it: every file of the sink, transport, value and
/// configuration model names in its doc comments the rule of each analyzer that uses one of its types, and a file that
/// only other shared code uses names at least one rule. "Uses" is read from the source: a rule file that mentions a
/// type declared in the model file, by name, in code (not in a comment).
/// </summary>
public sealed partial class SharedFileRuleIdsTests
{
    private static readonly string[] ModelFolders = ["Credentials", "Transport", "Values", "Configuration"];

    private static readonly Lazy<IReadOnlyList<RuleFile>> s_ruleFiles = new(ReadRuleFiles);

    public static TheoryData<string> ModelFiles => new(ModelFilePaths());

    [Fact]
    public void RuleAnalyzers_UseTypesOfTheModelFolders()
    {
        // The usage detection must see something, or the theories below would pass on nothing.
        var rules = s_ruleFiles.Value;
        Assert.True(rules.Count >= 15, $"Only {rules.Count} rule files found under src/LegacyAuthAnalyzers/Rules.");
        Assert.Contains(rules, rule => rule.Id == DiagnosticIds.OpportunisticTls && rule.Identifiers.Contains("MailKitTransportAnalysis"));
        Assert.Contains(ModelFilePaths(), path => ServedRules(path).Count > 1);
    }

    [Theory]
    [MemberData(nameof(ModelFiles))]
    public void ModelFile_NamesEveryRuleWhoseAnalyzerUsesIt(string path)
    {
        var named = NamedRuleIds(path);

        var missing = ServedRules(path).Where(id => !named.Contains(id)).ToList();

        Assert.True(
            missing.Count == 0,
            $"{path} is used by the analyzers of {string.Join(", ", missing)}, which its doc comments do not name.");
    }

    [Theory]
    [MemberData(nameof(ModelFiles))]
    public void ModelFile_NamesAtLeastOneRule(string path)
    {
        Assert.True(NamedRuleIds(path).Count > 0, $"{path} names no rule ID in its doc comments.");
    }

    /// <summary>The IDs of the rules whose analyzer files mention a type this file declares.</summary>
    private static SortedSet<string> ServedRules(string path)
    {
        var types = DeclaredTypeNames(Parse(path));
        return new SortedSet<string>(
            s_ruleFiles.Value.Where(rule => rule.Identifiers.Overlaps(types)).Select(rule => rule.Id),
            StringComparer.Ordinal);
    }

    private static HashSet<string> NamedRuleIds(string path) =>
        Parse(path).GetRoot().DescendantTrivia()
            .Where(trivia => trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia))
            .SelectMany(trivia => RuleId().Matches(trivia.ToFullString()).Select(match => match.Value))
            .ToHashSet(StringComparer.Ordinal);

    private static HashSet<string> DeclaredTypeNames(SyntaxTree tree) =>
        tree.GetRoot().DescendantNodes()
            .Where(node => node.Parent is BaseNamespaceDeclarationSyntax or CompilationUnitSyntax)
            .Select(node => node switch
            {
                BaseTypeDeclarationSyntax type => type.Identifier.ValueText,
                DelegateDeclarationSyntax @delegate => @delegate.Identifier.ValueText,
                _ => null,
            })
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<string> ModelFilePaths() =>
        ModelFolders
            .SelectMany(folder => Directory.EnumerateFiles(RepositoryFiles.PathOf("src", "LegacyAuthAnalyzers", folder), "*.cs", SearchOption.AllDirectories))
            .Select(file => Path.GetRelativePath(RepositoryFiles.Root, file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    private static IReadOnlyList<RuleFile> ReadRuleFiles() =>
        Directory.EnumerateFiles(RepositoryFiles.PathOf("src", "LegacyAuthAnalyzers", "Rules"), "*.cs", SearchOption.AllDirectories)
            .Select(file => (File: file, Id: RuleId().Match(Path.GetFileName(file))))
            .Where(pair => pair.Id.Success && pair.Id.Index == 0)
            .Select(pair => new RuleFile(
                pair.Id.Value,
                Parse(pair.File).GetRoot().DescendantNodes().OfType<SimpleNameSyntax>().Select(name => name.Identifier.ValueText).ToHashSet(StringComparer.Ordinal)))
            .ToList();

    private static SyntaxTree Parse(string path) =>
        CSharpSyntaxTree.ParseText(File.ReadAllText(Path.IsPathRooted(path) ? path : RepositoryFiles.PathOf(path)), path: path);

    [GeneratedRegex(@"LA\d{4}")]
    private static partial Regex RuleId();

    private sealed record RuleFile(string Id, HashSet<string> Identifiers);
}
