using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LegacyAuthAnalyzers.Tests.Infrastructure;

/// <summary>
/// Runs several analyzers together over one compilation and returns their diagnostics as objects, for tests that look
/// at more than the verifiers compare: rules that must not both fire on one site, and message texts. The source must
/// compile without errors, and any analyzer exception fails the test.
/// </summary>
public static class AnalyzerRunner
{
    public static Task<ImmutableArray<Diagnostic>> GetDiagnosticsAsync([StringSyntax("C#-test")] string source, params DiagnosticAnalyzer[] analyzers)
        => GetDiagnosticsAsync(source, TestReferences.All, ImmutableDictionary<string, string>.Empty, analyzers);

    public static Task<ImmutableArray<Diagnostic>> GetDiagnosticsAsync(
        [StringSyntax("C#-test")] string source,
        ImmutableArray<MetadataReference> references,
        ImmutableDictionary<string, string> options,
        params DiagnosticAnalyzer[] analyzers)
        => GetDiagnosticsAsync(source, references, options, ImmutableArray<AdditionalText>.Empty, analyzers);

    /// <param name="additionalFiles">Configuration files, for example from <see cref="AdditionalFile"/>.</param>
    public static async Task<ImmutableArray<Diagnostic>> GetDiagnosticsAsync(
        [StringSyntax("C#-test")] string source,
        ImmutableArray<MetadataReference> references,
        ImmutableDictionary<string, string> options,
        ImmutableArray<AdditionalText> additionalFiles,
        params DiagnosticAnalyzer[] analyzers)
    {
        var compilation = Compile(source, references);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The test source does not compile:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
        }

        var (diagnostics, exceptions) = await RunAsync(compilation, CreateOptions(options, additionalFiles), analyzers);
        if (!exceptions.IsEmpty)
        {
            throw new InvalidOperationException("An analyzer threw:" + Environment.NewLine + string.Join(Environment.NewLine, exceptions));
        }

        return diagnostics;
    }

    /// <summary>Runs the analyzers and returns every diagnostic (AD0001 included) and every exception they threw.</summary>
    public static Task<(ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<Exception> Exceptions)> RunAsync(
        Compilation compilation, ImmutableDictionary<string, string> options, params DiagnosticAnalyzer[] analyzers)
        => RunAsync(compilation, CreateOptions(options), analyzers);

    private static async Task<(ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<Exception> Exceptions)> RunAsync(
        Compilation compilation, AnalyzerOptions options, DiagnosticAnalyzer[] analyzers)
    {
        var exceptions = new ConcurrentQueue<Exception>();
        var withAnalyzers = compilation.WithAnalyzers(
            analyzers.ToImmutableArray(),
            new CompilationWithAnalyzersOptions(
                options,
                onAnalyzerException: (exception, _, _) => exceptions.Enqueue(exception),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false));

        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        return (diagnostics, exceptions.ToImmutableArray());
    }

    public static CSharpCompilation Compile([StringSyntax("C#-test")] string source, ImmutableArray<MetadataReference> references)
        => CSharpCompilation.Create(
            "AnalyzerRunnerTest",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "/0/Test0.cs")],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>Analyzer options where every file and the global configuration see <paramref name="options"/>.</summary>
    public static AnalyzerOptions CreateOptions(ImmutableDictionary<string, string> options)
        => CreateOptions(options, ImmutableArray<AdditionalText>.Empty);

    public static AnalyzerOptions CreateOptions(ImmutableDictionary<string, string> options, ImmutableArray<AdditionalText> additionalFiles)
        => new(additionalFiles, new OptionsProvider(options));

    /// <summary>An additional file (a web.config or appsettings.json) with the given text.</summary>
    public static AdditionalText AdditionalFile(string path, string text) => new InMemoryText(path, text);

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        private readonly Microsoft.CodeAnalysis.Text.SourceText source = Microsoft.CodeAnalysis.Text.SourceText.From(text);

        public override string Path { get; } = path;

        public override Microsoft.CodeAnalysis.Text.SourceText GetText(CancellationToken cancellationToken = default) => source;
    }

    /// <summary>The same options for every file and for the global configuration, as a root .editorconfig gives.</summary>
    private sealed class OptionsProvider(ImmutableDictionary<string, string> values) : AnalyzerConfigOptionsProvider
    {
        private readonly Options options = new(values);

        public override AnalyzerConfigOptions GlobalOptions => options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => options;
    }

    private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
