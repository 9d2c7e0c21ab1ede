using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LegacyAuthAnalyzers.Audit.Analysis;

/// <summary>
/// The options of a project's <c>.editorconfig</c> and <c>.globalconfig</c> files, given to the analyzers and to
/// the compiler's severity filter the way a build gives them: per file, plus the global options.
/// </summary>
internal sealed class AnalyzerConfigProviders
{
    private readonly AnalyzerConfigSet set;
    private readonly ConcurrentDictionary<string, AnalyzerConfigOptionsResult> results = new(StringComparer.Ordinal);

    public AnalyzerConfigProviders(AnalyzerConfigSet set)
    {
        this.set = set;
        Options = new OptionsProvider(this);
        TreeOptions = new TreeOptionsProvider(this);
    }

    public AnalyzerConfigOptionsProvider Options { get; }

    public SyntaxTreeOptionsProvider TreeOptions { get; }

    private AnalyzerConfigOptionsResult For(string path) => results.GetOrAdd(path, set.GetOptionsForSourcePath);

    private sealed class OptionsProvider(AnalyzerConfigProviders owner) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(owner.set.GlobalConfigOptions.AnalyzerOptions);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new DictionaryOptions(owner.For(tree.FilePath).AnalyzerOptions);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new DictionaryOptions(owner.For(textFile.Path).AnalyzerOptions);
    }

    private sealed class TreeOptionsProvider(AnalyzerConfigProviders owner) : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) =>
            owner.For(tree.FilePath).AnalyzerOptions.TryGetValue("generated_code", out var value) && bool.TryParse(value, out var generated)
                ? (generated ? GeneratedKind.MarkedGenerated : GeneratedKind.NotGenerated)
                : GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            owner.For(tree.FilePath).TreeOptions.TryGetValue(diagnosticId, out severity);

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            owner.set.GlobalConfigOptions.TreeOptions.TryGetValue(diagnosticId, out severity);
    }

    private sealed class DictionaryOptions(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override IEnumerable<string> Keys => values.Keys;

        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
