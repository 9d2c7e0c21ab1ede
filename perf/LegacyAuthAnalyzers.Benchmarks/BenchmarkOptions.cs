using System.Globalization;

namespace LegacyAuthAnalyzers.Benchmarks;

/// <summary>Command-line options; the defaults are the documented full run.</summary>
internal sealed class BenchmarkOptions
{
    public const string Usage = """
        Measures the LegacyAuthAnalyzers analyzers against compile time on a generated corpus.

        Usage: dotnet run -c Release --project perf/LegacyAuthAnalyzers.Benchmarks -- [options]

          --files <n>        C# files per corpus (default 2000, at least 100)
          --rounds <n>       measured rounds per variant; medians are reported (default 5)
          --warmup <n>       unmeasured rounds first, on at most 300 files (default 1)
          --quick            a fast check: 400 files, 2 rounds, 1 warm-up
          --variant <name>   ordinary, mail or no-mail-libraries; repeat to pick several (default: all three)
          --concurrent       let the compiler and the analyzer driver use every core (default: one thread,
                             so compile time and summed analyzer time are the same kind of number)
          --baseline         also run an analyzer that registers the same operation kinds and does nothing: the
                             driver's own cost per callback, for comparison
          --check            exit with code 1 when a variant's analyzer time exceeds its budget
          --dump <folder>    also write the generated corpora there
          --help             this text
        """;

    public int Files { get; private set; } = 2000;

    public int Rounds { get; private set; } = 5;

    public int Warmup { get; private set; } = 1;

    public bool Concurrent { get; private set; }

    public bool Check { get; private set; }

    public bool Baseline { get; private set; }

    public bool Help { get; private set; }

    public string? DumpFolder { get; private set; }

    public IReadOnlyList<string> Variants { get; private set; } = [];

    public static BenchmarkOptions Parse(string[] args)
    {
        var options = new BenchmarkOptions();
        var variants = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--files":
                    options.Files = Math.Max(100, Number(args, ref i));
                    break;
                case "--rounds":
                    options.Rounds = Math.Max(1, Number(args, ref i));
                    break;
                case "--warmup":
                    options.Warmup = Math.Max(0, Number(args, ref i));
                    break;
                case "--quick":
                    options.Files = 400;
                    options.Rounds = 2;
                    options.Warmup = 1;
                    break;
                case "--variant":
                    variants.Add(Value(args, ref i));
                    break;
                case "--concurrent":
                    options.Concurrent = true;
                    break;
                case "--baseline":
                    options.Baseline = true;
                    break;
                case "--check":
                    options.Check = true;
                    break;
                case "--dump":
                    options.DumpFolder = Value(args, ref i);
                    break;
                case "--help" or "-h" or "-?":
                    options.Help = true;
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{args[i]}'.");
            }
        }

        options.Variants = variants;
        return options;
    }

    private static string Value(string[] args, ref int i) =>
        ++i < args.Length ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value.");

    private static int Number(string[] args, ref int i)
    {
        var text = Value(args, ref i);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"{args[i - 1]} needs a whole number, not '{text}'.");
    }
}
