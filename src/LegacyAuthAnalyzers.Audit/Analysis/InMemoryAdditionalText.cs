using Microsoft.CodeAnalysis.Text;

namespace LegacyAuthAnalyzers.Audit.Analysis;

/// <summary>A configuration file read by the audit (with its limits), handed to the analyzers as an additional file.</summary>
internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText source = SourceText.From(text);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => source;
}
