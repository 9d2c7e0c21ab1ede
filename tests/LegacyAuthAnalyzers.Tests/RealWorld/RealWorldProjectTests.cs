using System.Collections.Immutable;
using System.Text;
using LegacyAuthAnalyzers.Tests.Infrastructure;
using LegacyAuthAnalyzers.Tests.Robustness;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace LegacyAuthAnalyzers.Tests.RealWorld;

/// <summary>
/// Every analyzer of the package over the realistic projects of <c>RealWorld/Projects</c>, twice: with all of the
/// project's types, and with its own types missing. In each mode the findings must be exactly the expected ones:
/// every expected finding reported, nothing else reported, no analyzer exception.
/// </summary>
public sealed class RealWorldProjectTests(ITestOutputHelper output)
{
    public static TheoryData<string, ProjectMode> Cases()
    {
        var data = new TheoryData<string, ProjectMode>();
        foreach (var name in RealWorldProject.Names())
        {
            data.Add(name, ProjectMode.Bound);
            data.Add(name, ProjectMode.Unbound);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Project_ReportsExactlyTheExpectedFindings(string name, ProjectMode mode)
    {
        var project = RealWorldProject.Load(name);
        var result = await RunAsync(project, mode);

        output.WriteLine(result.Describe());
        Assert.Empty(result.Exceptions);
        Assert.True(result.Missed.IsEmpty && result.Unexpected.IsEmpty, result.Describe());
    }

    [Fact]
    public async Task BoundProjects_CompileWithoutErrors()
    {
        foreach (var name in RealWorldProject.Names())
        {
            var errors = RealWorldProject.Load(name).Compile(ProjectMode.Bound, TestReferences.All)
                .GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, name + ": " + string.Join(Environment.NewLine, errors));
        }
    }

    /// <summary>Per rule, how many expected findings each mode finds: the report the test output shows.</summary>
    [Fact]
    public async Task Report_PerRuleAndMode()
    {
        var totals = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var name in RealWorldProject.Names())
        {
            var project = RealWorldProject.Load(name);
            foreach (var mode in new[] { ProjectMode.Bound, ProjectMode.Unbound })
            {
                var result = await RunAsync(project, mode);
                foreach (var expected in project.Expected.Where(e => e.AppliesTo(mode)))
                {
                    var counts = totals.TryGetValue(expected.Id, out var existing) ? existing : totals[expected.Id] = new int[4];
                    var column = mode == ProjectMode.Bound ? 0 : 2;
                    counts[column + 1]++;
                    if (!result.Missed.Contains(expected))
                    {
                        counts[column]++;
                    }
                }
            }
        }

        var report = new StringBuilder("rule    bound (found/expected)    unbound (found/expected)").AppendLine();
        foreach (var (id, counts) in totals)
        {
            report.AppendLine($"{id}  {counts[0],6}/{counts[1],-20}{counts[2],6}/{counts[3]}");
        }

        output.WriteLine(report.ToString());
        Assert.NotEmpty(totals);
    }

    private static async Task<ProjectResult> RunAsync(RealWorldProject project, ProjectMode mode)
    {
        var compilation = project.Compile(mode, TestReferences.All);
        var (diagnostics, exceptions) = await AnalyzerRunner.RunAsync(compilation, ImmutableDictionary<string, string>.Empty, PackageUnderTest.Analyzers.ToArray());
        var expected = project.Expected.Where(e => e.AppliesTo(mode)).ToImmutableArray();
        var missed = expected.Where(e => !diagnostics.Any(e.Matches)).ToImmutableArray();
        var unexpected = diagnostics.Where(d => !expected.Any(e => e.Matches(d))).ToImmutableArray();
        return new ProjectResult(project.Name, mode, expected, missed, unexpected, exceptions);
    }

    private sealed record ProjectResult(
        string Name, ProjectMode Mode, ImmutableArray<ExpectedFinding> Expected, ImmutableArray<ExpectedFinding> Missed, ImmutableArray<Diagnostic> Unexpected, ImmutableArray<Exception> Exceptions)
    {
        public string Describe()
        {
            var text = new StringBuilder($"{Name} ({Mode}): {Expected.Length - Missed.Length} of {Expected.Length} expected findings").AppendLine();
            foreach (var missed in Missed)
            {
                text.AppendLine($"  missed {missed.Id} in {missed.File} at {missed.Span}");
            }

            foreach (var diagnostic in Unexpected)
            {
                text.AppendLine($"  unexpected {diagnostic}");
            }

            foreach (var exception in Exceptions)
            {
                text.AppendLine($"  exception {exception.GetType().Name}: {exception.Message}");
            }

            return text.ToString();
        }
    }
}
