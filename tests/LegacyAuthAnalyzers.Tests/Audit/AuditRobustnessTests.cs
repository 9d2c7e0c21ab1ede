using System.Text;
using LegacyAuthAnalyzers.Audit;
using LegacyAuthAnalyzers.Audit.Reports;
using LegacyAuthAnalyzers.Audit.Scanning;
using LegacyAuthAnalyzers.Tests.Infrastructure;
using LegacyAuthAnalyzers.Tests.Robustness;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace LegacyAuthAnalyzers.Tests.Audit;

/// <summary>
/// The robustness suite's inputs through the audit: C# sources of the test suite, the pathological inputs and the
/// malformed configuration files, written to disk as repositories. No analyzer exception, no failed group, and the
/// suite's leak oracle finds no secret in any output.
/// </summary>
public sealed class AuditRobustnessTests
{
    [Fact]
    public async Task The_robustness_inputs_audit_without_errors_and_without_leaking_a_secret()
    {
        using var tree = new TestTree();
        var secrets = new HashSet<string>(StringComparer.Ordinal);

        // Every tenth source of the test suite, each its own project (the robustness suite runs them all in process;
        // the sources declare the same types, so one compilation of all of them measures only the binder's errors).
        tree.Repository("corpus");
        var corpus = TestSourceCorpus.All.Where((_, index) => index % 10 == 0).ToList();
        for (var i = 0; i < corpus.Count; i++)
        {
            tree.Write($"corpus/p{i:D4}/P.csproj", AuditSources.PlainProject);
            tree.Write($"corpus/p{i:D4}/Source.cs", corpus[i].Text);
            AddSecrets(secrets, [corpus[i].Text]);
        }

        // Each pathological input in a repository of its own, with a project naming the mail libraries. The huge ones
        // (a 1 MB literal, 5,000 concatenations, a 10,000-line method) cost minutes here and are covered in process by
        // the robustness suite; the audit's own size limit is tested in ScanningTests.
        var inputs = PathologicalInputs.All().Where(input => input.Sources.Sum(source => source.Length) < 50_000).ToList();
        for (var i = 0; i < inputs.Count; i++)
        {
            tree.Repository($"edge{i:D3}");
            tree.Write($"edge{i:D3}/Edge.csproj", AuditSources.MailKitProject);
            for (var j = 0; j < inputs[i].Sources.Count; j++)
            {
                tree.Write($"edge{i:D3}/File{j}.cs", inputs[i].Sources[j]);
            }

            AddSecrets(secrets, inputs[i].Sources);
        }

        // Every configuration input under its own file name, each in its own folder.
        tree.Repository("configs");
        var configs = ConfigInputs.All().ToList();
        for (var i = 0; i < configs.Count; i++)
        {
            tree.WriteBytes($"configs/c{i:D3}/{Path.GetFileName(configs[i].Path)}", Encoding.UTF8.GetBytes(configs[i].Text));
        }

        secrets.UnionWith(SecretOracle.Find(CSharpCompilation.Create("none"), configs));
        Assert.NotEmpty(secrets);

        var repositories = RepositoryDiscovery.Discover([tree.Root]);
        var result = await Auditor.RunAsync(repositories, jobs: 2, ScanLimits.Default, shard: null, progress: null, CancellationToken.None);

        Assert.All(result.Repositories, repository => Assert.True(repository.AnalyzerErrors == 0, $"{repository.Name}: {repository.AnalyzerErrors} analysis errors"));
        Assert.Equal(0, result.FilesFailed);
        Assert.NotEmpty(result.Findings);

        var console = new StringWriter();
        ConsoleReport.Write(result, plain: true, console);
        var outputs = new[] { console.ToString(), JsonReport.Serialize(result), MarkdownReport.Render(result) }
            .Concat(result.Repositories.Select(SarifWriter.Serialize));
        foreach (var output in outputs)
        {
            Assert.Null(SecretOracle.Leaked(output, secrets));
        }
    }

    private static void AddSecrets(HashSet<string> secrets, IEnumerable<string> sources)
    {
        var compilation = CSharpCompilation.Create("oracle", sources.Select(source => CSharpSyntaxTree.ParseText(source)), TestReferences.All);
        secrets.UnionWith(SecretOracle.Find(compilation, []));
    }
}
