using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;

namespace LegacyAuthAnalyzers.Benchmarks;

/// <summary>Prints medians per variant and a closing summary.</summary>
internal static class Report
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Ms(TimeSpan time) => time.TotalMilliseconds.ToString("#,0.0", Invariant) + " ms";

    public static string Percent(double ratio) => (ratio * 100).ToString("0.00", Invariant) + "%";

    public static string Mb(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("#,0", Invariant) + " MB";

    public static void Variant(TextWriter output, VariantResult result, ImmutableArray<DiagnosticAnalyzer> analyzers, BenchmarkOptions options)
    {
        var rounds = result.Rounds;
        var ratios = rounds.Select(round => round.Ratio).ToList();
        output.WriteLine(
            $"  {result.Corpus.Sources.Count:#,0} files ({result.Corpus.MailFiles} with mail code), {result.Corpus.Lines:#,0} lines, "
            + $"{(result.Variant.MailLibraries ? result.Corpus.ConfigFiles.Count : 0)} config files; median of {rounds.Count} rounds after {options.Warmup} warm-up, "
            + (options.Concurrent ? "concurrent" : "one thread"));
        var compile = Median(rounds, r => r.Compile);
        var compileCpu = Median(rounds, r => r.CompileCpu);

        // One thread busy for the whole wall time shows as equal CPU time; much less CPU means the process waited.
        var busy = !options.Concurrent && compileCpu < compile * 0.8 ? " (CPU well below wall time: other processes competed for the cores)" : string.Empty;
        output.WriteLine(
            $"  compile alone (GetDiagnostics)                    {Ms(compile),12}   allocated {Mb(Median(rounds, r => r.CompileAllocated))}, CPU {Ms(compileCpu)}{busy}");
        output.WriteLine($"  compile with analyzers (GetAnalyzerDiagnostics)   {Ms(Median(rounds, r => r.CompileWithAnalyzers)),12}   allocated {Mb(Median(rounds, r => r.CompileWithAnalyzersAllocated))}");
        output.WriteLine(
            $"  analyzers, summed execution time                  {Ms(Median(rounds, r => r.AnalyzerTotal)),12}   = {Percent(Median(ratios))} of compile "
            + $"(rounds {Percent(ratios.Min())}-{Percent(ratios.Max())}); budget {Percent(result.Variant.Budget)}: {(WithinBudget(result) ? "within" : "EXCEEDED")}");

        output.WriteLine("  per analyzer (median, share of compile, actions registered):");
        for (var i = 0; i < analyzers.Length; i++)
        {
            var index = i;
            var time = Median(rounds, r => r.PerAnalyzer[index]);
            var ids = string.Join(",", analyzers[i].SupportedDiagnostics.Select(d => d.Id).Distinct());
            output.WriteLine(
                $"    {ids,-14} {analyzers[i].GetType().Name,-52} {Ms(time),10} {Percent(time.TotalMilliseconds / compile.TotalMilliseconds),7}   {Actions(result.Telemetry[i])}");
        }

        if (options.Baseline)
        {
            var baseline = Median(rounds, r => r.Baseline);
            output.WriteLine($"    {"(baseline)",-14} {"an empty operation action on the same kinds",-52} {Ms(baseline),10} {Percent(baseline.TotalMilliseconds / compile.TotalMilliseconds),7}");
        }

        output.WriteLine("  diagnostics: " + (result.DiagnosticCounts.Count == 0
            ? "none"
            : string.Join(", ", result.DiagnosticCounts.Select(pair => $"{pair.Key} x{pair.Value}"))));
        output.WriteLine();
    }

    public static void Summary(TextWriter output, IReadOnlyList<VariantResult> results, BenchmarkOptions options, TimeSpan elapsed)
    {
        output.WriteLine($"Summary: medians of {options.Rounds} rounds, {options.Files:#,0} files, {(options.Concurrent ? "concurrent" : "one thread")}");
        output.WriteLine("| Variant | Compile | Compile with analyzers | Analyzers | Analyzers / compile | Budget |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var result in results)
        {
            var rounds = result.Rounds;
            output.WriteLine(
                $"| {result.Variant.Name} | {Ms(Median(rounds, r => r.Compile))} | {Ms(Median(rounds, r => r.CompileWithAnalyzers))} | "
                + $"{Ms(Median(rounds, r => r.AnalyzerTotal))} | {Percent(Median(rounds.Select(r => r.Ratio).ToList()))} | "
                + $"{(WithinBudget(result) ? "≤ " : "> ")}{Percent(result.Variant.Budget)} |");
        }

        using var process = Process.GetCurrentProcess();
        var gc = GC.GetGCMemoryInfo(GCKind.Any);
        output.WriteLine();
        output.WriteLine(
            $"Memory: peak working set {Mb(process.PeakWorkingSet64)}, allocated in total {Mb(GC.GetTotalAllocatedBytes())}, "
            + $"GC counts gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, "
            + $"total GC pause {GC.GetTotalPauseDuration().TotalMilliseconds.ToString("#,0", Invariant)} ms, heap after last GC {Mb(gc.HeapSizeBytes)}");
        output.WriteLine($"Elapsed: {elapsed.TotalSeconds.ToString("0", Invariant)} s");
    }

    public static bool WithinBudget(VariantResult result) =>
        Median(result.Rounds.Select(round => round.Ratio).ToList()) <= result.Variant.Budget;

    private static string Actions(AnalyzerTelemetryInfo info)
    {
        var parts = new List<string>();
        Add(parts, "operation", info.OperationActionsCount);
        Add(parts, "operation block", info.OperationBlockActionsCount + info.OperationBlockStartActionsCount + info.OperationBlockEndActionsCount);
        Add(parts, "syntax node", info.SyntaxNodeActionsCount);
        Add(parts, "syntax tree", info.SyntaxTreeActionsCount);
        Add(parts, "semantic model", info.SemanticModelActionsCount);
        Add(parts, "symbol", info.SymbolActionsCount + info.SymbolStartActionsCount + info.SymbolEndActionsCount);
        Add(parts, "code block", info.CodeBlockActionsCount + info.CodeBlockStartActionsCount + info.CodeBlockEndActionsCount);
        Add(parts, "additional file", info.AdditionalFileActionsCount);
        Add(parts, "compilation", info.CompilationActionsCount + info.CompilationEndActionsCount);
        return parts.Count == 0 ? "none beyond compilation start" : string.Join(", ", parts);
    }

    private static void Add(List<string> parts, string name, int count)
    {
        if (count > 0)
        {
            parts.Add($"{name} {count}");
        }
    }

    private static TimeSpan Median(IReadOnlyList<RoundResult> rounds, Func<RoundResult, TimeSpan> select) =>
        TimeSpan.FromTicks((long)Median(rounds.Select(round => (double)select(round).Ticks).ToList()));

    private static long Median(IReadOnlyList<RoundResult> rounds, Func<RoundResult, long> select) =>
        (long)Median(rounds.Select(round => (double)select(round)).ToList());

    private static double Median(List<double> values)
    {
        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
