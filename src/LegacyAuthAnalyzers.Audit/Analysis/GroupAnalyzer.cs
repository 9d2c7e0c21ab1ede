using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using LegacyAuthAnalyzers.Audit.Model;
using LegacyAuthAnalyzers.Audit.Scanning;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LegacyAuthAnalyzers.Audit.Analysis;

/// <summary>A finding before its fingerprint is known, with the code element it sits in.</summary>
internal sealed record RawFinding(Finding Finding, string Context);

/// <summary>The findings of one group, and how many analyzer exceptions the driver caught.</summary>
internal sealed record GroupResult(IReadOnlyList<RawFinding> Findings, int AnalyzerErrors);

/// <summary>
/// Builds one compilation from a group's files and runs every analyzer of the package over it, in this process.
/// The compilation is never emitted; nothing of the scanned tree is loaded or executed.
/// </summary>
internal static class GroupAnalyzer
{
    private static readonly CSharpParseOptions s_parseOptions = new(LanguageVersion.Latest, DocumentationMode.None);

    public static async Task<GroupResult> AnalyzeAsync(ProjectGroup group, ScanLimits limits, FileCounts counts, CancellationToken cancellationToken)
    {
        var trees = new List<SyntaxTree>(group.Sources.Count);
        foreach (var path in group.Sources)
        {
            if (Read(path, limits, counts) is { } text)
            {
                trees.Add(CSharpSyntaxTree.ParseText(SourceText.From(text, Encoding.UTF8), s_parseOptions, path, cancellationToken));
            }
        }

        var additionalFiles = new List<AdditionalText>();
        foreach (var path in group.ConfigFiles)
        {
            if (Read(path, limits, counts) is { } text)
            {
                additionalFiles.Add(new InMemoryAdditionalText(path, text));
            }
        }

        if (trees.Count == 0 && additionalFiles.Count == 0)
        {
            return new GroupResult([], 0);
        }

        var providers = CreateConfigProviders(group, limits);
        // Nullable analysis is off: no rule reads nullability, and with it on every semantic query of the analyzers
        // would run the nullable walker over its method (about 15% of the audit's time).
        var compilationOptions = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            allowUnsafe: true,
            nullableContextOptions: NullableContextOptions.Disable,
            concurrentBuild: false);
        if (providers is not null)
        {
            compilationOptions = compilationOptions.WithSyntaxTreeOptionsProvider(providers.TreeOptions);
        }

        var references = LibraryReferences.For(LibraryReferences.Select(group.PackageNames), group.TargetsNetFramework);
        var compilation = CSharpCompilation.Create(
            "audit-" + Path.GetFileNameWithoutExtension(group.ProjectPath ?? "loose"),
            trees,
            references,
            compilationOptions);

        var analyzerErrors = 0;
        var analyzerOptions = new AnalyzerOptions(additionalFiles.ToImmutableArray<AdditionalText>(), providers?.Options ?? EmptyOptions.Instance);
        var withAnalyzers = compilation.WithAnalyzers(
            AnalyzerCatalog.Instance.Analyzers,
            new CompilationWithAnalyzersOptions(
                analyzerOptions,
                onAnalyzerException: (_, _, _) => Interlocked.Increment(ref analyzerErrors),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false));

        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        var findings = new List<RawFinding>();
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Id == "AD0001")
            {
                // An analyzer threw; the driver caught it. Counted, never shown: its text could quote the code.
                analyzerErrors = Math.Max(analyzerErrors, 1);
                continue;
            }

            if (diagnostic.Severity == DiagnosticSeverity.Hidden || diagnostic.IsSuppressed || !diagnostic.Location.IsInSource && diagnostic.Location.Kind != LocationKind.ExternalFile)
            {
                continue;
            }

            findings.Add(ToFinding(diagnostic, group.Repository));
        }

        return new GroupResult(findings, analyzerErrors);
    }

    private static string? Read(string path, ScanLimits limits, FileCounts counts)
    {
        var result = SourceFileReader.Read(path, limits.MaxFileBytes);
        if (result.Text is { } text)
        {
            counts.AddScanned();
            return text;
        }

        if (result.Skipped is { } reason)
        {
            counts.AddSkipped(reason);
        }
        else
        {
            counts.AddFailed();
        }

        return null;
    }

    private static AnalyzerConfigProviders? CreateConfigProviders(ProjectGroup group, ScanLimits limits)
    {
        var configs = new List<AnalyzerConfig>();
        if (Presets.Get(group.Preset) is { } preset)
        {
            configs.Add(preset);
        }

        foreach (var path in group.AnalyzerConfigFiles)
        {
            if (SourceFileReader.Read(path, limits.MaxFileBytes).Text is { } text)
            {
                configs.Add(AnalyzerConfig.Parse(text, path));
            }
        }

        // Malformed config files are reported by a build as warnings and ignored; so are they here.
        return configs.Count == 0 ? null : new AnalyzerConfigProviders(AnalyzerConfigSet.Create(configs, out _));
    }

    private static RawFinding ToFinding(Diagnostic diagnostic, Repository repository)
    {
        var location = Span(diagnostic.Location, repository);
        var related = diagnostic.AdditionalLocations
            .Where(additional => additional.IsInSource || additional.Kind == LocationKind.ExternalFile)
            .Select(additional => Span(additional, repository))
            .ToList();

        var finding = new Finding(
            diagnostic.Id,
            diagnostic.Severity switch
            {
                DiagnosticSeverity.Error => Severity.Error,
                DiagnosticSeverity.Warning => Severity.Warning,
                _ => Severity.Info,
            },
            repository.Name,
            location,
            diagnostic.GetMessage(CultureInfo.InvariantCulture),
            related,
            Fingerprint: string.Empty);
        return new RawFinding(finding, Context(diagnostic.Location));
    }

    private static SourceSpan Span(Location location, Repository repository)
    {
        var lineSpan = location.GetLineSpan();
        var relative = Path.GetRelativePath(repository.Root, lineSpan.Path).Replace(Path.DirectorySeparatorChar, '/');
        return new SourceSpan(
            relative,
            lineSpan.StartLinePosition.Line + 1,
            lineSpan.StartLinePosition.Character + 1,
            lineSpan.EndLinePosition.Line + 1,
            lineSpan.EndLinePosition.Character + 1);
    }

    /// <summary>
    /// The type and member a finding sits in ("Mailer.Send"), which survives lines moving above it; empty for
    /// configuration files, where the message names the key.
    /// </summary>
    private static string Context(Location location)
    {
        if (location.SourceTree is not { } tree)
        {
            return string.Empty;
        }

        var node = tree.GetRoot().FindNode(location.SourceSpan, getInnermostNodeForTie: true);
        var names = new List<string>();
        for (var current = node; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case BaseTypeDeclarationSyntax type:
                    names.Add(type.Identifier.ValueText);
                    break;
                case MethodDeclarationSyntax method:
                    names.Add(method.Identifier.ValueText);
                    break;
                case PropertyDeclarationSyntax property:
                    names.Add(property.Identifier.ValueText);
                    break;
                case ConstructorDeclarationSyntax:
                    names.Add(".ctor");
                    break;
                case VariableDeclaratorSyntax variable when current.Parent?.Parent is FieldDeclarationSyntax:
                    names.Add(variable.Identifier.ValueText);
                    break;
                case LocalFunctionStatementSyntax local:
                    names.Add(local.Identifier.ValueText);
                    break;
            }
        }

        names.Reverse();
        return string.Join('.', names);
    }

    private sealed class EmptyOptions : AnalyzerConfigOptionsProvider
    {
        public static readonly EmptyOptions Instance = new();

        public override AnalyzerConfigOptions GlobalOptions { get; } = new NoOptions();

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;

        private sealed class NoOptions : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value)
            {
                value = null!;
                return false;
            }
        }
    }
}
