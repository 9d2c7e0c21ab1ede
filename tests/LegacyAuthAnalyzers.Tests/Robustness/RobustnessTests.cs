using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using LegacyAuthAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using LegacyAuthAnalyzers.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace LegacyAuthAnalyzers.Tests.Robustness;

/// <summary>
/// The package never throws, never hangs and never shows a secret, on every source the test suite uses, on broken
/// versions of them, on pathological inputs and on malformed configuration files.
/// </summary>
[Collection(RobustnessCollection.Name)]
[Trait(TestCategories.Name, TestCategories.Robustness)]
public sealed class RobustnessTests(ITestOutputHelper output)
{
    // Generous: analysis may take this many times the compiler's own time on the same input plus the reference time,
    // so only a hang or a blow-up fails, never a slow machine.
    private const int TimeBoundFactor = 25;

    [Fact]
    public async Task TestSuiteSourcesAndTheirMutations_NoExceptionNoLeakNoHang()
    {
        var corpus = TestSourceCorpus.All;
        Assert.True(corpus.Count >= 10, $"Only {corpus.Count} C# sources were found in the test files: the corpus reader is broken.");

        var inputs = new List<RobustnessInput>();
        foreach (var source in corpus)
        {
            inputs.Add(RobustnessInput.Single(source.Name, source.Text));
            inputs.AddRange(Mutations.Of(source.Text).Select(m => RobustnessInput.Single($"{source.Name} ({m.Kind})", m.Text, m.WithoutMailLibraries)));
        }

        var baseline = await BaselineAsync();
        var results = await RunAllAsync(inputs, applyFixes: true);
        await AssertCleanAsync(results, baseline);
        output.WriteLine($"{corpus.Count} test sources, {inputs.Count - corpus.Count} mutations, {results.Sum(r => r.DiagnosticCount)} diagnostics, {results.Sum(r => r.FixesApplied)} fixed documents computed, {results.Sum(r => r.SecretsChecked)} secrets checked.");
    }

    [Fact]
    public async Task PathologicalInputs_NoExceptionNoLeakNoHang()
    {
        var inputs = PathologicalInputs.All().ToList();
        var baseline = await BaselineAsync();

        // One at a time: each input's time is compared with its own compile time, undisturbed by the others.
        var results = new List<RobustnessResult>();
        foreach (var input in inputs)
        {
            results.Add(await RobustnessHarness.RunAsync(input));
        }

        await AssertCleanAsync(results, baseline);

        // The inputs wrap real sinks: the analyzers must still find them, or the test proves nothing.
        Assert.Contains(results, r => r.DiagnosticCount > 0 && r.Name == "10,000-line method");
        Assert.Contains(results, r => r.DiagnosticCount > 0 && r.Name == "partial classes across files");
        output.WriteLine($"{inputs.Count} pathological inputs, {results.Sum(r => r.DiagnosticCount)} diagnostics; baseline {baseline.TotalMilliseconds:F0} ms.");
        foreach (var result in results)
        {
            output.WriteLine($"  {result.Name}: compile {result.CompileTime.TotalMilliseconds:F0} ms, analyzers {result.AnalyzerTime.TotalMilliseconds:F0} ms, {result.DiagnosticCount} diagnostics");
        }
    }

    [Fact]
    public async Task CustomSinkOptions_OnEverySource_NoException()
    {
        const string CustomSink = """
            namespace Contoso.Mail
            {
                public sealed class Mailer
                {
                    public Mailer(string secret) { }
                    public void Login(string user, string password) { }
                }

                public static class Use
                {
                    public static void Run() => new Mailer("Ctor-Secret-1234").Login("ops@contoso.com", "Custom-Pa55word!");
                }
            }
            """;
        var inputs = TestSourceCorpus.All.Select(s => new RobustnessInput(s.Name + " (custom sinks)", new[] { s.Text, CustomSink })).ToList();
        var baseline = await BaselineAsync();
        var results = await RunAllAsync(inputs, applyFixes: false, editorConfig: RobustnessHarness.CustomSinkEditorConfig);
        await AssertCleanAsync(results, baseline, r => RobustnessHarness.RunAsync(r.Input, editorConfig: RobustnessHarness.CustomSinkEditorConfig, applyFixes: false));

        // The options reach the analyzers: the declared sink is reported in every input.
        var missing = results.Where(r => !r.Diagnostics.Any(d => d.Location.SourceTree?.FilePath == "/src/Input1.cs")).Select(r => r.Name).ToList();
        Assert.True(missing.Count == 0, "The declared sinks were not reported in: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task MalformedConfigFiles_NoExceptionNoLeakNoHang()
    {
        var source = RobustnessInput.Single("config host", """
            public static class Program { public static void Main() { } }
            """);
        var baseline = await BaselineAsync();
        var files = ConfigInputs.All().ToList();
        var results = new ConcurrentBag<RobustnessResult>();
        await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (file, _) =>
            results.Add(await RobustnessHarness.RunAsync(source with { Name = file.Name }, new[] { file }, applyFixes: false)));

        await AssertCleanAsync(results.ToList(), baseline, r => RobustnessHarness.RunAsync(r.Input, files.Where(f => f.Name == r.Name).ToList(), applyFixes: false));
        output.WriteLine($"{files.Count} configuration files.");
    }

    [Fact]
    public void LeakCheck_CatchesASecretInAMessage()
    {
        // The check itself must be able to fail: a diagnostic that shows a piece of the secret is caught.
        var secrets = new[] { "Sup3r-Secret-Value" };
        var leaking = Diagnostic.Create(Descriptors.LA1001_HardCodedMailCredential, Location.None, "x", "Secret-Val", "y");
        var clean = Diagnostic.Create(Descriptors.LA1001_HardCodedMailCredential, Location.None, "SmtpClient.Credentials", 18, "password");
        var inProperties = Diagnostic.Create(Descriptors.LA1001_HardCodedMailCredential, Location.None, ImmutableDictionary<string, string?>.Empty.Add("k", "Sup3r-Secret-Value"), "a", 1, "b");

        Assert.Equal("message", RobustnessHarness.LeakIn(leaking, secrets));
        Assert.Null(RobustnessHarness.LeakIn(clean, secrets));
        Assert.Equal("properties", RobustnessHarness.LeakIn(inProperties, secrets));
    }

    [Fact]
    public async Task ExceptionCheck_CatchesAThrowingAnalyzer()
    {
        var input = RobustnessInput.Single("throwing", "class C { void M() { var x = 1; } }");
        var result = await RobustnessHarness.RunAsync(input, applyFixes: false, analyzers: ImmutableArray.Create<DiagnosticAnalyzer>(new ThrowingAnalyzer()));
        Assert.NotEmpty(result.Problems);
    }

    [Fact]
    public void SecretOracle_FindsPasswordsAndSkipsPlaceholders()
    {
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "oracle",
            new[]
            {
                Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("""
                    class C
                    {
                        const string SmtpPassword = "Oracle-Pa55word";
                        string placeholder = "${SMTP_PASSWORD}";
                        void M(System.Net.NetworkCredential c) { c.Password = "Assigned-Pa55"; var uri = "imaps://me:Uri-Pa55word@imap.example.org"; }
                    }
                    """),
            },
            Infrastructure.TestReferences.Net100);

        var secrets = SecretOracle.Find(compilation, new[] { new ConfigFile("c", "/appsettings.json", """{ "Smtp": { "Password": "Json-Pa55word" } }""") });

        Assert.Equal(new[] { "Assigned-Pa55", "Json-Pa55word", "Oracle-Pa55word", "Uri-Pa55word" }, secrets.Order(StringComparer.Ordinal));
    }

    private static async Task<List<RobustnessResult>> RunAllAsync(IReadOnlyList<RobustnessInput> inputs, bool applyFixes, string? editorConfig = null)
    {
        var results = new ConcurrentBag<RobustnessResult>();
        await Parallel.ForEachAsync(inputs, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (input, _) =>
            results.Add(await RobustnessHarness.RunAsync(input, editorConfig: editorConfig, applyFixes: applyFixes)));
        return results.OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Analyzer time on the reference input in this run (median of three): the yardstick for "too slow", measured on
    /// the same machine under the same load as the inputs it judges.
    /// </summary>
    private static async Task<TimeSpan> BaselineAsync()
    {
        var runs = new List<RobustnessResult>();
        for (var i = 0; i < 3; i++)
        {
            runs.Add(await RobustnessHarness.RunAsync(PathologicalInputs.Reference, applyFixes: false));
        }

        return Median(runs);
    }

    private static TimeSpan Median(IEnumerable<RobustnessResult> results)
    {
        var times = results.Select(r => r.AnalyzerTime).Order().ToList();
        return times.Count == 0 ? TimeSpan.Zero : times[times.Count / 2];
    }

    private static async Task AssertCleanAsync(List<RobustnessResult> results, TimeSpan baseline, Func<RobustnessResult, Task<RobustnessResult>>? remeasure = null)
    {
        remeasure ??= r => RobustnessHarness.RunAsync(r.Input, applyFixes: false);
        var problems = results.SelectMany(r => r.Problems).ToList();
        foreach (var result in results)
        {
            var bound = TimeBoundFactor * (result.CompileTime + baseline);
            if (result.AnalyzerTime <= bound)
            {
                continue;
            }

            // Measure an outlier once more on its own: a hang or a blow-up repeats, a scheduling hiccup does not.
            var again = await remeasure(result);
            var againBound = TimeBoundFactor * (again.CompileTime + baseline);
            if (again.AnalyzerTime > againBound)
            {
                problems.Add($"{result.Name}: analysis took {again.AnalyzerTime.TotalMilliseconds:F0} ms, over {againBound.TotalMilliseconds:F0} ms ({TimeBoundFactor} x (compile {again.CompileTime.TotalMilliseconds:F0} ms + baseline {baseline.TotalMilliseconds:F0} ms))");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Take(50)));
    }

#pragma warning disable RS1036, RS1038, RS1041 // A deliberately broken analyzer for the check above; never shipped.
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class ThrowingAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptors.LA1001_HardCodedMailCredential);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterSyntaxTreeAction(_ => throw new InvalidOperationException("deliberate"));
        }
    }
#pragma warning restore RS1036, RS1038, RS1041
}

/// <summary>The robustness tests share the two cores; they do not run beside each other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RobustnessCollection
{
    public const string Name = "Robustness";
}
