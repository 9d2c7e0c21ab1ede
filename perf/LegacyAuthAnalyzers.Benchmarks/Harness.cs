using System.Collections.Immutable;
using System.Diagnostics;
using System.Reflection;
using System.Runtime;
using LegacyAuthAnalyzers.Benchmarks.Corpus;
using LegacyAuthAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;

namespace LegacyAuthAnalyzers.Benchmarks;

/// <summary>One corpus with one reference set, and the share of compile time the analyzers may take on it.</summary>
internal sealed record Variant(string Name, string Description, bool IncludeMail, bool MailLibraries, double Budget);

/// <summary>What one measured round produced.</summary>
internal sealed record RoundResult(
    TimeSpan Compile,
    TimeSpan CompileCpu,
    TimeSpan CompileWithAnalyzers,
    ImmutableArray<TimeSpan> PerAnalyzer,
    TimeSpan Baseline,
    long CompileAllocated,
    long CompileWithAnalyzersAllocated,
    bool WithoutGc)
{
    public TimeSpan AnalyzerTotal => new(PerAnalyzer.Sum(time => time.Ticks));

    public double Ratio => AnalyzerTotal.TotalMilliseconds / Compile.TotalMilliseconds;
}

/// <summary>Everything measured for one variant, plus what the analyzers registered and reported.</summary>
internal sealed record VariantResult(
    Variant Variant,
    GeneratedCorpus Corpus,
    IReadOnlyList<RoundResult> Rounds,
    ImmutableArray<AnalyzerTelemetryInfo> Telemetry,
    IReadOnlyDictionary<string, int> DiagnosticCounts);

/// <summary>
/// Compiles the corpus from fresh compilations every round: once with the compiler alone, once through
/// <see cref="CompilationWithAnalyzers"/> with every analyzer of the package, reading each analyzer's execution time
/// from the driver's telemetry.
/// </summary>
internal sealed class Harness(BenchmarkOptions options, TextWriter output)
{
    private const long NoGcBudget = 4L * 1024 * 1024 * 1024;
    private const int WarmupFiles = 300;

    public static readonly ImmutableArray<Variant> AllVariants =
    [
        new("ordinary", "ordinary code; MailKit, MimeKit, MSAL, ADAL, Azure.Identity and EWS referenced but unused", IncludeMail: false, MailLibraries: true, Budget: 0.03),
        new("mail", $"1 file in {CorpusGenerator.MailEvery} with mail, EWS, ADAL and MSAL code; every library referenced", IncludeMail: true, MailLibraries: true, Budget: 0.03),
        new("no-mail-libraries", "ordinary code; only the .NET reference assemblies (System.Net.Mail included)", IncludeMail: false, MailLibraries: false, Budget: 0.005),
    ];

    /// <summary>Every concrete analyzer the package exports, found by reflection so rules added later are measured too.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> LoadAnalyzers() =>
        typeof(DiagnosticIds).Assembly.GetTypes()
            .Where(type => !type.IsAbstract
                && typeof(DiagnosticAnalyzer).IsAssignableFrom(type)
                && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is { } attribute
                && attribute.Languages.Contains(LanguageNames.CSharp))
            .OrderBy(type => type.Name, StringComparer.Ordinal)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .ToImmutableArray();

    /// <summary>
    /// Unmeasured rounds on a smaller corpus, so that every code path is compiled by the JIT before the clocks run. The
    /// mail variant is the widest (every template, every library, every rule's site code), so it warms up for all.
    /// </summary>
    public async Task WarmUpAsync(Variant variant, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var setup = Prepare(variant, Math.Min(options.Files, WarmupFiles));
        for (var round = 0; round < options.Warmup; round++)
        {
            var result = await RunRoundAsync(setup, analyzers, checkCompilation: round == 0).ConfigureAwait(false);
            output.WriteLine($"  warm-up {variant.Name}: {Describe(result.Round)}");
        }
    }

    public async Task<VariantResult> RunAsync(Variant variant, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var setup = Prepare(variant, options.Files);
        if (options.DumpFolder is not null)
        {
            Dump(setup.Corpus, Path.Combine(options.DumpFolder, variant.Name));
        }

        var rounds = new List<RoundResult>();
        ImmutableArray<AnalyzerTelemetryInfo> telemetry = default;
        IReadOnlyDictionary<string, int> counts = new Dictionary<string, int>();
        for (var round = 0; round < options.Rounds; round++)
        {
            var result = await RunRoundAsync(setup, analyzers, checkCompilation: round == 0).ConfigureAwait(false);
            output.WriteLine($"  round {round + 1}/{options.Rounds}: {Describe(result.Round)}");
            rounds.Add(result.Round);
            telemetry = result.Telemetry;
            counts = result.Counts;
        }

        return new VariantResult(variant, setup.Corpus, rounds, telemetry, counts);
    }

    private static string Describe(RoundResult round) =>
        $"compile {Report.Ms(round.Compile)}, with analyzers {Report.Ms(round.CompileWithAnalyzers)}, analyzers {Report.Ms(round.AnalyzerTotal)} "
        + $"({Report.Percent(round.Ratio)}){(round.WithoutGc ? string.Empty : ", a collection ran during a phase")}";

    private static Setup Prepare(Variant variant, int files)
    {
        var corpus = CorpusGenerator.Generate(files, variant.IncludeMail);
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = corpus.Sources
            .Select(file => CSharpSyntaxTree.ParseText(file.Text, parseOptions, file.Path))
            .ToImmutableArray();

        // Without a mail library there is no mail configuration either: config-file rules see no files at all.
        var additionalFiles = variant.MailLibraries
            ? corpus.ConfigFiles.Select(file => (AdditionalText)new InMemoryAdditionalText(file.Path, file.Text)).ToImmutableArray()
            : [];
        return new Setup(corpus, trees, variant.MailLibraries ? TestReferences.All : TestReferences.Net100, new AnalyzerOptions(additionalFiles));
    }

    private async Task<(RoundResult Round, ImmutableArray<AnalyzerTelemetryInfo> Telemetry, IReadOnlyDictionary<string, int> Counts)> RunRoundAsync(
        Setup setup,
        ImmutableArray<DiagnosticAnalyzer> analyzers,
        bool checkCompilation)
    {
        var (_, trees, references, analyzerOptions) = setup;
        var baseline = options.Baseline ? new BaselineAnalyzer() : null;
        var driven = baseline is null ? analyzers : analyzers.Add(baseline);
        var compiled = CompileAlone(trees, references, checkCompilation);

        var exceptions = new List<string>();
        var fresh = CreateCompilation(trees, references);
        var allocatedBefore = Settle();
        var withAnalyzers = fresh.WithAnalyzers(
            driven,
            new CompilationWithAnalyzersOptions(
                analyzerOptions,
                onAnalyzerException: (exception, analyzer, _) =>
                {
                    lock (exceptions)
                    {
                        exceptions.Add($"{analyzer.GetType().Name}: {exception.GetType().Name}: {exception.Message}");
                    }
                },
                concurrentAnalysis: options.Concurrent,
                logAnalyzerExecutionTime: true,
                reportSuppressedDiagnostics: false));
        var stopwatch = Stopwatch.StartNew();
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).ConfigureAwait(false);
        var wall = stopwatch.Elapsed;
        var withAnalyzersAllocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var analysisWithoutGc = EndNoGcRegion();

        var crashes = diagnostics.Where(diagnostic => diagnostic.Id is "AD0001" or "AD0002").Select(diagnostic => diagnostic.GetMessage()).ToList();
        if (exceptions.Count > 0 || crashes.Count > 0)
        {
            throw new BenchmarkException("An analyzer threw:" + Environment.NewLine + string.Join(Environment.NewLine, exceptions.Concat(crashes).Distinct()));
        }

        var telemetry = ImmutableArray.CreateBuilder<AnalyzerTelemetryInfo>(analyzers.Length);
        foreach (var analyzer in analyzers)
        {
            telemetry.Add(await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).ConfigureAwait(false));
        }

        var counts = diagnostics
            .GroupBy(diagnostic => diagnostic.Id, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
        var baselineTime = baseline is null
            ? TimeSpan.Zero
            : (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(baseline, CancellationToken.None).ConfigureAwait(false)).ExecutionTime;
        var round = new RoundResult(
            compiled.Wall,
            compiled.Cpu,
            wall,
            telemetry.Select(info => info.ExecutionTime).ToImmutableArray(),
            baselineTime,
            compiled.Allocated,
            withAnalyzersAllocated,
            compiled.WithoutGc && analysisWithoutGc);
        return (round, telemetry.MoveToImmutable(), counts);
    }

    /// <summary>The compiler alone; in a method of its own so that its compilation is garbage before the next phase.</summary>
    private (TimeSpan Wall, TimeSpan Cpu, long Allocated, bool WithoutGc) CompileAlone(
        ImmutableArray<SyntaxTree> trees, ImmutableArray<MetadataReference> references, bool checkCompilation)
    {
        var compilation = CreateCompilation(trees, references);
        var allocatedBefore = Settle();
        var cpuBefore = CpuTime();
        var stopwatch = Stopwatch.StartNew();
        var diagnostics = compilation.GetDiagnostics();
        var wall = stopwatch.Elapsed;
        var cpu = CpuTime() - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var withoutGc = EndNoGcRegion();
        if (checkCompilation)
        {
            EnsureCompiles(diagnostics);
        }

        return (wall, cpu, allocated, withoutGc);
    }

    /// <summary>
    /// A fresh compilation with its references bound and its declarations merged. Both are one-time costs of every
    /// compilation that its first user pays: the analyzer driver would otherwise charge them to whichever analyzer
    /// resolves a type first at compilation start, although the compiler needs them anyway. They are paid here, before
    /// either clock starts, and the clone that <see cref="CompilationWithAnalyzers"/> makes shares them.
    /// </summary>
    private CSharpCompilation CreateCompilation(ImmutableArray<SyntaxTree> trees, ImmutableArray<MetadataReference> references)
    {
        var compilation = CSharpCompilation.Create(
            "Corpus",
            trees,
            references,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                concurrentBuild: options.Concurrent));
        _ = compilation.SourceModule.ReferencedAssemblySymbols;
        _ = compilation.SourceModule.GlobalNamespace.GetMembers();
        return compilation;
    }

    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>A corpus that does not compile measures error recovery, not the analyzers: refuse it.</summary>
    private static void EnsureCompiles(ImmutableArray<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new BenchmarkException(
                $"The generated corpus has {errors.Count} compiler errors, for example:" + Environment.NewLine
                + string.Join(Environment.NewLine, errors.Take(10)));
        }
    }

    /// <summary>
    /// Starts every phase from a collected heap and, where the runtime grants it, with no garbage collection at all until
    /// the phase ends: the analyzer driver times each callback with a stopwatch, and a collection triggered by the
    /// compiler thread while a callback runs would be charged to that analyzer. Starting the no-GC region collects
    /// first, so a separate collection is only needed where the region is refused.
    /// </summary>
    private static long Settle()
    {
        var started = false;
        try
        {
            started = GC.TryStartNoGCRegion(NoGcBudget);
        }
        catch (ArgumentOutOfRangeException)
        {
        }

        if (!started)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        }

        return GC.GetTotalAllocatedBytes(precise: true);
    }

    /// <summary>True when the phase ran without a collection.</summary>
    private static bool EndNoGcRegion()
    {
        if (GCSettings.LatencyMode != GCLatencyMode.NoGCRegion)
        {
            return false;
        }

        GC.EndNoGCRegion();
        return true;
    }

    private static void Dump(GeneratedCorpus corpus, string folder)
    {
        foreach (var file in corpus.Sources.Concat(corpus.ConfigFiles))
        {
            var path = Path.Combine(folder, file.Path.TrimStart('/'));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Text);
        }
    }
}

internal sealed record Setup(GeneratedCorpus Corpus, ImmutableArray<SyntaxTree> Trees, ImmutableArray<MetadataReference> References, AnalyzerOptions Options);

internal sealed class BenchmarkException(string message) : Exception(message);
