using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using LegacyAuthAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LegacyAuthAnalyzers.Tests.Robustness;

/// <summary>What one input did to the package: timings, diagnostics, and every problem found.</summary>
internal sealed class RobustnessResult
{
    public required RobustnessInput Input { get; init; }

    public string Name => Input.Name;

    public TimeSpan CompileTime { get; init; }

    public TimeSpan AnalyzerTime { get; init; }

    public int DiagnosticCount { get; init; }

    public int FixesApplied { get; init; }

    public int SecretsChecked { get; init; }

    public ImmutableArray<Diagnostic> Diagnostics { get; init; }

    public List<string> Problems { get; } = new();
}

/// <summary>
/// Runs every analyzer and code fix of the package over one input inside a real workspace, and records any
/// exception (thrown, or reported as AD0001), any message, property or SARIF result that contains a secret of the
/// input, and how long analysis took next to compilation.
/// </summary>
internal static class RobustnessHarness
{
    private const int MaxFixedDiagnosticsPerInput = 8;

    public const string CustomSinkEditorConfig = """
        root = true
        [*.cs]
        legacy_auth.credential_sinks = Contoso.Mail.Mailer.Login(password), Contoso.Mail.Mailer..ctor(secret), Broken(, .x()
        legacy_auth.microsoft365_hosts = mail.contoso.com
        legacy_auth.local_hosts = mailsink
        legacy_auth.token_provider = Contoso.Auth.Tokens.GetMailToken
        """;

    public static async Task<RobustnessResult> RunAsync(
        RobustnessInput input,
        IReadOnlyList<ConfigFile>? configFiles = null,
        string? editorConfig = null,
        bool applyFixes = true,
        ImmutableArray<DiagnosticAnalyzer>? analyzers = null)
    {
        configFiles ??= Array.Empty<ConfigFile>();
        var analyzerSet = analyzers ?? PackageUnderTest.Analyzers;
        using var workspace = new AdhocWorkspace();
        var project = CreateProject(workspace, input, configFiles, editorConfig);
        var compilation = (await project.GetCompilationAsync().ConfigureAwait(false))!;

        var compileWatch = Stopwatch.StartNew();
        _ = compilation.GetDiagnostics();
        compileWatch.Stop();

        var exceptions = new ConcurrentQueue<string>();
        var options = new CompilationWithAnalyzersOptions(
            project.AnalyzerOptions,
            onAnalyzerException: (exception, analyzer, _) => exceptions.Enqueue($"{analyzer.GetType().Name} threw {exception.GetType().Name}: {exception.Message}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);

        var analyzerWatch = Stopwatch.StartNew();
        var diagnostics = await compilation.WithAnalyzers(analyzerSet, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None).ConfigureAwait(false);
        analyzerWatch.Stop();

        var secrets = SecretOracle.Find(compilation, configFiles);
        var result = new RobustnessResult
        {
            Input = input,
            CompileTime = compileWatch.Elapsed,
            AnalyzerTime = analyzerWatch.Elapsed,
            DiagnosticCount = diagnostics.Length,
            SecretsChecked = secrets.Count,
            Diagnostics = diagnostics,
            FixesApplied = applyFixes ? await ApplyFixesAsync(project, diagnostics, exceptions).ConfigureAwait(false) : 0,
        };

        result.Problems.AddRange(exceptions.Select(e => $"{input.Name}: {e}"));
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Id == "AD0001")
            {
                result.Problems.Add($"{input.Name}: AD0001 {diagnostic.GetMessage(CultureInfo.InvariantCulture)}");
            }

            if (LeakIn(diagnostic, secrets) is { } where)
            {
                // Name the rule and the place, never the secret itself.
                result.Problems.Add($"{input.Name}: {diagnostic.Id} leaks a secret in its {where}");
            }
        }

        return result;
    }

    /// <summary>Where a diagnostic shows a secret: its message, a property, or its SARIF result. Null when nowhere.</summary>
    public static string? LeakIn(Diagnostic diagnostic, IReadOnlyCollection<string> secrets)
    {
        if (SecretOracle.Leaked(diagnostic.GetMessage(CultureInfo.InvariantCulture), secrets) is not null)
        {
            return "message";
        }

        foreach (var property in diagnostic.Properties)
        {
            if (SecretOracle.Leaked(property.Key, secrets) is not null || SecretOracle.Leaked(property.Value, secrets) is not null)
            {
                return "properties";
            }
        }

        return SecretOracle.Leaked(ToSarif(diagnostic), secrets) is not null ? "SARIF result" : null;
    }

    /// <summary>The SARIF 2.1 result and rule a build's error log writes for the diagnostic.</summary>
    public static string ToSarif(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        var descriptor = diagnostic.Descriptor;
        return JsonSerializer.Serialize(new
        {
            ruleId = diagnostic.Id,
            level = diagnostic.Severity.ToString().ToLowerInvariant(),
            message = new { text = diagnostic.GetMessage(CultureInfo.InvariantCulture) },
            locations = new[]
            {
                new
                {
                    physicalLocation = new
                    {
                        artifactLocation = new { uri = span.Path },
                        region = new { startLine = span.StartLinePosition.Line + 1, startColumn = span.StartLinePosition.Character + 1 },
                    },
                },
            },
            properties = diagnostic.Properties,
            rule = new
            {
                id = descriptor.Id,
                shortDescription = descriptor.Title.ToString(CultureInfo.InvariantCulture),
                fullDescription = descriptor.Description.ToString(CultureInfo.InvariantCulture),
                helpUri = descriptor.HelpLinkUri,
                tags = descriptor.CustomTags,
            },
        });
    }

    private static Project CreateProject(AdhocWorkspace workspace, RobustnessInput input, IReadOnlyList<ConfigFile> configFiles, string? editorConfig)
    {
        var projectId = ProjectId.CreateNewId();
        var references = input.WithoutMailLibraries ? TestReferences.WithoutMailLibraries : TestReferences.All;
        var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            projectId,
            VersionStamp.Default,
            "RobustnessInput",
            "RobustnessInput",
            LanguageNames.CSharp,
            filePath: "/src/RobustnessInput.csproj",
            compilationOptions: new CSharpCompilationOptions(
                input.ConsoleApplication ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                allowUnsafe: true),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: references));

        for (var i = 0; i < input.Sources.Count; i++)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), $"Input{i}.cs", SourceText.From(input.Sources[i]), filePath: $"/src/Input{i}.cs");
        }

        foreach (var file in configFiles)
        {
            solution = solution.AddAdditionalDocument(DocumentId.CreateNewId(projectId), Path.GetFileName(file.Path), SourceText.From(file.Text), filePath: "/src" + file.Path);
        }

        if (editorConfig is not null)
        {
            solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".editorconfig", SourceText.From(editorConfig), filePath: "/src/.editorconfig");
        }

        return solution.GetProject(projectId)!;
    }

    /// <summary>Registers and computes every code action for a bounded number of diagnostics, and Fix All in the document.</summary>
    private static async Task<int> ApplyFixesAsync(Project project, ImmutableArray<Diagnostic> diagnostics, ConcurrentQueue<string> problems)
    {
        var applied = 0;
        foreach (var diagnostic in diagnostics.Where(d => d.Location.IsInSource).Take(MaxFixedDiagnosticsPerInput))
        {
            var document = project.GetDocument(diagnostic.Location.SourceTree);
            if (document is null)
            {
                continue;
            }

            foreach (var fixer in PackageUnderTest.Fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                try
                {
                    var actions = new List<CodeAction>();
                    await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None)).ConfigureAwait(false);
                    foreach (var action in actions.SelectMany(Flatten))
                    {
                        applied += await ComputeAsync(action, project.Solution).ConfigureAwait(false);
                    }

                    if (fixer.GetFixAllProvider() is { } fixAll && actions.FirstOrDefault()?.EquivalenceKey is { } key)
                    {
                        var context = new FixAllContext(document, fixer, FixAllScope.Document, key, new[] { diagnostic.Id }, new FixedDiagnostics(diagnostics), CancellationToken.None);
                        if (await fixAll.GetFixAsync(context).ConfigureAwait(false) is { } fixAllAction)
                        {
                            applied += await ComputeAsync(fixAllAction, project.Solution).ConfigureAwait(false);
                        }
                    }
                }
                catch (Exception exception)
                {
                    problems.Enqueue($"{fixer.GetType().Name} threw {exception.GetType().Name} fixing {diagnostic.Id}: {exception.Message}");
                }
            }
        }

        return applied;
    }

    private static IEnumerable<CodeAction> Flatten(CodeAction action) =>
        action.NestedActions.IsDefaultOrEmpty ? new[] { action } : action.NestedActions.SelectMany(Flatten);

    private static async Task<int> ComputeAsync(CodeAction action, Solution original)
    {
        var count = 0;
        foreach (var operation in await action.GetOperationsAsync(CancellationToken.None).ConfigureAwait(false))
        {
            if (operation is not ApplyChangesOperation apply)
            {
                continue;
            }

            foreach (var projectChanges in apply.ChangedSolution.GetChanges(original).GetProjectChanges())
            {
                foreach (var id in projectChanges.GetChangedDocuments().Concat(projectChanges.GetAddedDocuments()))
                {
                    var changed = apply.ChangedSolution.GetDocument(id);
                    if (changed is not null)
                    {
                        _ = await changed.GetSyntaxRootAsync().ConfigureAwait(false);
                        count++;
                    }
                }
            }
        }

        return count;
    }

    /// <summary>Hands Fix All the diagnostics the analyzers already produced.</summary>
    private sealed class FixedDiagnostics(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult(diagnostics.Where(d => d.Location.SourceTree is { } tree && tree.FilePath == document.FilePath));

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(diagnostics.Where(d => !d.Location.IsInSource));
    }
}
