using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LegacyAuthAnalyzers.Tests.Infrastructure;

/// <summary>
/// Applies one fixer to a project the way <c>dotnet format analyzers</c> does, in process: it asks the fixer for the
/// actions of the first finding only, takes the first action's equivalence key (null when that finding has no fix),
/// and runs the Fix All provider over the solution with that key and every finding of the rule. The
/// Microsoft.CodeAnalysis.Testing verifiers always pass the key of an offered action, so they cannot show what a null
/// key does.
/// </summary>
internal static class DotnetFormatFixAll
{
    public sealed record Result(Solution Before, Solution After, CodeAction? FirstFindingAction, CodeAction? FixAllAction);

    /// <summary>The sources become documents in this order, and the first one's first finding is the one asked for actions.</summary>
    public static async Task<Result> RunAsync(
        DiagnosticAnalyzer analyzer,
        CodeFixProvider fixer,
        string diagnosticId,
        params (string FileName, string Source)[] sources)
    {
        using var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            projectId,
            VersionStamp.Default,
            "FormatTarget",
            "FormatTarget",
            LanguageNames.CSharp,
            filePath: "/src/FormatTarget.csproj",
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: TestReferences.All));

        foreach (var (fileName, source) in sources)
        {
            // Configuration files (appsettings.json, app.config) are additional files, as the package's build props make them.
            solution = fileName.EndsWith(".cs", StringComparison.Ordinal)
                ? solution.AddDocument(DocumentId.CreateNewId(projectId), fileName, SourceText.From(source), filePath: "/src/" + fileName)
                : solution.AddAdditionalDocument(DocumentId.CreateNewId(projectId), fileName, SourceText.From(source), filePath: "/src/" + fileName);
        }

        var project = solution.GetProject(projectId)!;
        var compilation = (await project.GetCompilationAsync())!;
        var all = await compilation
            .WithAnalyzers(ImmutableArray.Create(analyzer), project.AnalyzerOptions)
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None);

        var order = sources.Select(s => "/src/" + s.FileName).ToList();
        var diagnostics = all
            .Where(d => d.Id == diagnosticId && d.Location.SourceTree is not null)
            .OrderBy(d => order.IndexOf(d.Location.SourceTree!.FilePath))
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ToImmutableArray();
        if (diagnostics.IsEmpty)
        {
            throw new InvalidOperationException($"The sources have no {diagnosticId} finding.");
        }

        var first = diagnostics[0];
        var document = solution.GetDocument(first.Location.SourceTree)!;
        CodeAction? firstAction = null;
        await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, first, (action, _) => firstAction ??= action, CancellationToken.None));

        var context = new FixAllContext(
            document,
            fixer,
            FixAllScope.Solution,
            firstAction?.EquivalenceKey!,
            new[] { diagnosticId },
            new Findings(diagnostics),
            CancellationToken.None);
        var fixAll = await fixer.GetFixAllProvider()!.GetFixAsync(context);
        if (fixAll is null)
        {
            return new Result(solution, solution, firstAction, null);
        }

        var operations = await fixAll.GetOperationsAsync(CancellationToken.None);
        var changed = operations.OfType<ApplyChangesOperation>().SingleOrDefault()?.ChangedSolution ?? solution;
        return new Result(solution, changed, firstAction, fixAll);
    }

    public static async Task<string> TextAsync(Solution solution, string fileName)
    {
        var document = solution.Projects.SelectMany(p => p.Documents).Single(d => d.Name == fileName);
        return (await document.GetTextAsync()).ToString();
    }

    /// <summary>The compiler's errors and warnings in the solution's only project, documentation warnings aside.</summary>
    public static async Task<IReadOnlyList<Diagnostic>> CompilerProblemsAsync(Solution solution)
    {
        var compilation = (await solution.Projects.Single().GetCompilationAsync())!;
        return compilation.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id is not ("CS1591" or "CS1701" or "CS1702"))
            .ToList();
    }

    private sealed class Findings(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult(diagnostics.Where(d => d.Location.SourceTree?.FilePath == document.FilePath));

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(diagnostics.Where(d => !d.Location.IsInSource));
    }
}
