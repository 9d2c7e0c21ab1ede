using System.Collections.Immutable;
using LegacyAuthAnalyzers.Tests.Infrastructure;
using LegacyAuthAnalyzers.Tests.Robustness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LegacyAuthAnalyzers.Tests.Fixes;

/// <summary>
/// Applies every code action and every Fix All (document, project and solution scope, with each offered equivalence
/// key and with none, as <c>dotnet format</c> may ask) of every fixer of the package to a multi-file project, and
/// records each result that adds a compiler error, leaves the finding in place, or throws.
/// </summary>
internal static class FixSuite
{
    /// <param name="References">The project's metadata references; <see cref="TestReferences.All"/> when null.</param>
    public sealed record Input(string Name, (string Path, string Source)[] Sources, OutputKind OutputKind = OutputKind.DynamicallyLinkedLibrary, string? EditorConfig = null, ImmutableArray<MetadataReference>? References = null);

    public sealed class Outcome
    {
        public int Actions { get; set; }

        public int FixAlls { get; set; }

        public List<string> Failures { get; } = new();

        public override string ToString() => $"{Actions} actions, {FixAlls} Fix All runs; failures:\n" + string.Join("\n", Failures);
    }

    private static readonly FixAllScope[] Scopes = { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

    public static async Task<Outcome> RunAsync(Input input, Outcome? outcome = null)
    {
        outcome ??= new Outcome();
        using var workspace = new AdhocWorkspace();
        var solution = Create(workspace, input);
        var before = await ErrorsAsync(solution);
        var findings = await FindingsAsync(solution);

        foreach (var fixer in PackageUnderTest.Fixers)
        {
            var fixable = findings.Where(d => fixer.FixableDiagnosticIds.Contains(d.Id)).ToImmutableArray();
            var keys = new HashSet<string?> { null };
            var withActions = new HashSet<string>();
            foreach (var diagnostic in fixable)
            {
                var document = solution.GetDocument(diagnostic.Location.SourceTree)!;
                var actions = new List<CodeAction>();
                await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
                foreach (var action in actions.SelectMany(Flatten))
                {
                    keys.Add(action.EquivalenceKey);
                    withActions.Add(diagnostic.Id);
                    outcome.Actions++;
                    var what = $"{input.Name}: {diagnostic.Id} at {diagnostic.Location.GetLineSpan().StartLinePosition} '{action.Title}'";
                    await CheckAsync(outcome, what, solution, before, findings, diagnostic.Id, () => ApplyAsync(action, solution));
                }
            }

            if (fixable.IsEmpty || fixer.GetFixAllProvider() is not { } provider)
            {
                continue;
            }

            foreach (var id in fixable.Select(d => d.Id).Distinct())
            {
                var first = fixable.First(d => d.Id == id);
                var document = solution.GetDocument(first.Location.SourceTree)!;
                foreach (var key in keys)
                {
                    foreach (var scope in Scopes.Where(s => provider.GetSupportedFixAllScopes().Contains(s)))
                    {
                        outcome.FixAlls++;
                        var context = new FixAllContext(document, fixer, scope, key!, new[] { id }, new Provider(findings.Where(d => d.Id == id).ToImmutableArray()), CancellationToken.None);
                        var what = $"{input.Name}: Fix All {id} {scope} key '{key ?? "(none)"}'";
                        await CheckAsync(outcome, what, solution, before, findings, withActions.Contains(id) ? id : null, async () =>
                        {
                            var action = await provider.GetFixAsync(context);
                            return action is null ? solution : await ApplyAsync(action, solution);
                        });
                    }
                }
            }
        }

        return outcome;
    }

    private static IEnumerable<CodeAction> Flatten(CodeAction action) =>
        action.NestedActions.IsDefaultOrEmpty ? new[] { action } : action.NestedActions.SelectMany(Flatten);

    private static async Task CheckAsync(Outcome outcome, string what, Solution solution, IReadOnlyList<string> before, ImmutableArray<Diagnostic> findings, string? fixedId, Func<Task<Solution>> apply)
    {
        try
        {
            var after = await apply();
            var errors = await ErrorsAsync(after);
            foreach (var error in errors.Except(before))
            {
                outcome.Failures.Add(what + ": new error " + error);
            }

            if (fixedId is not null && !ReferenceEquals(after, solution))
            {
                var left = (await FindingsAsync(after)).Count(d => d.Id == fixedId);
                if (left >= findings.Count(d => d.Id == fixedId))
                {
                    outcome.Failures.Add(what + ": the finding is still there");
                }
            }
        }
        catch (Exception ex)
        {
            outcome.Failures.Add(what + ": threw " + ex.GetType().Name + ": " + ex.Message);
        }
    }

    private static async Task<Solution> ApplyAsync(CodeAction action, Solution solution)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        return operations.OfType<ApplyChangesOperation>().SingleOrDefault()?.ChangedSolution ?? solution;
    }

    /// <summary>The input as a one-project solution, its non-C# files as additional documents.</summary>
    public static Solution Create(Workspace workspace, Input input)
    {
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            projectId,
            VersionStamp.Default,
            "RealShape",
            "RealShape",
            LanguageNames.CSharp,
            filePath: "/src/RealShape.csproj",
            compilationOptions: new CSharpCompilationOptions(input.OutputKind, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: input.References ?? TestReferences.All));

        foreach (var (path, source) in input.Sources)
        {
            var documentId = DocumentId.CreateNewId(projectId);
            var filePath = "/src/" + path;
            solution = path.EndsWith(".cs", StringComparison.Ordinal)
                ? solution.AddDocument(documentId, path, SourceText.From(source), filePath: filePath)
                : solution.AddAdditionalDocument(documentId, path, SourceText.From(source), filePath: filePath);
        }

        if (input.EditorConfig is not null)
        {
            solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".editorconfig", SourceText.From(input.EditorConfig), filePath: "/src/.editorconfig");
        }

        return solution;
    }

    /// <summary>Every finding of every analyzer of the package in the solution's one project.</summary>
    public static async Task<ImmutableArray<Diagnostic>> FindingsAsync(Solution solution)
    {
        var project = solution.Projects.Single();
        var compilation = (await project.GetCompilationAsync())!;
        var diagnostics = await compilation.WithAnalyzers(PackageUnderTest.Analyzers, project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync();
        return diagnostics.Where(d => d.Location.IsInSource).ToImmutableArray();
    }

    /// <summary>Compiler errors by ID and message, so that moved code is not taken for a new error.</summary>
    private static async Task<IReadOnlyList<string>> ErrorsAsync(Solution solution)
    {
        var compilation = (await solution.Projects.Single().GetCompilationAsync())!;
        return compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.Id + " " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
    }

    private sealed class Provider(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult(diagnostics.Where(d => d.Location.SourceTree?.FilePath == document.FilePath));

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(diagnostics.Where(d => !d.Location.IsInSource));
    }
}
