using System.Diagnostics;
using System.Runtime;
using LegacyAuthAnalyzers.Benchmarks;

if (args.Length > 0 && args[0] == "audit-tree")
{
    return AuditTree.Write(args[1..]);
}

BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(BenchmarkOptions.Usage);
    return 2;
}

if (options.Help)
{
    Console.WriteLine(BenchmarkOptions.Usage);
    return 0;
}

var variants = options.Variants.Count == 0
    ? Harness.AllVariants
    : [.. Harness.AllVariants.Where(variant => options.Variants.Contains(variant.Name, StringComparer.OrdinalIgnoreCase))];
if (variants.Length == 0)
{
    Console.Error.WriteLine("No such variant; choose from: " + string.Join(", ", Harness.AllVariants.Select(variant => variant.Name)));
    return 2;
}

var analyzers = Harness.LoadAnalyzers();
Console.WriteLine($"LegacyAuthAnalyzers benchmark: {analyzers.Length} analyzers, .NET {Environment.Version}, {Environment.ProcessorCount} cores, "
    + $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC");
#if DEBUG
Console.WriteLine("Note: a Debug build of the analyzers and the benchmark; pass -c Release for numbers worth quoting.");
#endif
Console.WriteLine();
var stopwatch = Stopwatch.StartNew();
var harness = new Harness(options, Console.Out);
var results = new List<VariantResult>();
try
{
    if (options.Warmup > 0)
    {
        Console.WriteLine("Warm-up (not measured)");
        await harness.WarmUpAsync(variants.FirstOrDefault(variant => variant.IncludeMail) ?? variants[0], analyzers);
        Console.WriteLine();
    }

    foreach (var variant in variants)
    {
        Console.WriteLine($"== {variant.Name}: {variant.Description}");
        var result = await harness.RunAsync(variant, analyzers);
        Report.Variant(Console.Out, result, analyzers, options);
        results.Add(result);
    }
}
catch (BenchmarkException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 3;
}

Report.Summary(Console.Out, results, options, stopwatch.Elapsed);
return options.Check && !results.All(Report.WithinBudget) ? 1 : 0;
