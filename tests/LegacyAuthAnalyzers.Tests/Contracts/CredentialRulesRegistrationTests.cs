using System.Collections.Immutable;
using LegacyAuthAnalyzers.Rules;
using LegacyAuthAnalyzers.Tests.Infrastructure;
using LegacyAuthAnalyzers.Tests.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace LegacyAuthAnalyzers.Tests.Contracts;

/// <summary>
/// SPEC §7: the credential rules register at compilation start and register nothing they cannot use. Each analyzer's
/// Initialize is driven with recording contexts, so the test sees exactly which actions it asks the compiler for.
/// </summary>
public sealed class CredentialRulesRegistrationTests
{
    public static TheoryData<string> CredentialAnalyzerNames => new(CredentialRules.CreateAnalyzers().Select(analyzer => analyzer.GetType().Name));

    [Theory]
    [MemberData(nameof(CredentialAnalyzerNames))]
    public void Initialize_RegistersOnlyACompilationStartAction(string analyzerName)
    {
        var context = Initialize(analyzerName);

        Assert.True(context.ConcurrentExecutionEnabled);
        Assert.Equal(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics, context.GeneratedCodeAnalysis);
        Assert.Single(context.CompilationStartActions);
        Assert.Empty(context.OtherRegistrations);
    }

    [Theory]
    [MemberData(nameof(CredentialAnalyzerNames))]
    public void WithoutAnyMailLibrary_RegistersNothing(string analyzerName)
    {
        var start = Start(analyzerName, TestReferences.WithoutSystemNetMail);

        Assert.Empty(start.Registrations);
    }

    [Theory]
    [MemberData(nameof(CredentialAnalyzerNames))]
    public void WithOnlyTheFramework_RegistersSimpleAssignmentsOnly(string analyzerName)
    {
        var start = Start(analyzerName, TestReferences.WithoutMailLibraries);

        // System.Net.Mail ships with .NET: its SmtpClient.Credentials sink is an assignment. The secrets of sign-ins that
        // need no library (Basic headers, password grant bodies) are read only where a mail or identity library is
        // referenced, so a project with .NET alone pays for nothing more.
        var expected = new[] { OperationKind.SimpleAssignment };
        var registration = Assert.Single(start.Registrations);
        Assert.Equal("Operation", registration.Kind);
        Assert.Equal(expected, registration.OperationKinds.Order().ToArray());
    }

    [Fact]
    public void WithOnlyTheFramework_AppPasswordSettingDeclarationsAreNotAnalyzed()
    {
        var start = Start(nameof(LA3001_AppPasswordShapedSecretAnalyzer), TestReferences.WithoutMailLibraries);

        Assert.DoesNotContain(start.Registrations, r => r.OperationKinds.Contains(OperationKind.FieldInitializer) || r.OperationKinds.Contains(OperationKind.PropertyInitializer));
    }

    [Theory]
    [MemberData(nameof(CredentialAnalyzerNames))]
    public void WithMailLibraries_RegistersEverySinkKind(string analyzerName)
    {
        var start = Start(analyzerName, TestReferences.All);

        Assert.All(start.Registrations, r => Assert.Equal("Operation", r.Kind));
        var kinds = start.Registrations.SelectMany(r => r.OperationKinds).ToHashSet();
        Assert.Superset(new HashSet<OperationKind> { OperationKind.SimpleAssignment, OperationKind.Invocation, OperationKind.ObjectCreation }, kinds);
    }

    [Fact]
    public void WithMailLibraries_AppPasswordSettingDeclarationsAreAnalyzed()
    {
        var start = Start(nameof(LA3001_AppPasswordShapedSecretAnalyzer), TestReferences.All);

        Assert.Contains(start.Registrations, r => r.OperationKinds.Contains(OperationKind.FieldInitializer) && r.OperationKinds.Contains(OperationKind.PropertyInitializer));
    }

    [Theory]
    [MemberData(nameof(CredentialAnalyzerNames))]
    public void WithDeclaredCredentialSinkAndNoMailLibrary_RegistersCallsAndCreations(string analyzerName)
    {
        var options = ImmutableDictionary<string, string>.Empty.Add("legacy_auth.credential_sinks", "Contoso.Mail.Mailer.Login(password)");
        var start = Start(analyzerName, TestReferences.WithoutSystemNetMail, options);

        var kinds = start.Registrations.SelectMany(r => r.OperationKinds).ToHashSet();
        Assert.Equal(new HashSet<OperationKind> { OperationKind.Invocation, OperationKind.ObjectCreation }, kinds);
    }

    private static RecordingAnalysisContext Initialize(string analyzerName)
    {
        var analyzer = CredentialRules.CreateAnalyzers().Single(a => a.GetType().Name == analyzerName);
        var context = new RecordingAnalysisContext();
        analyzer.Initialize(context);
        return context;
    }

    private static RecordingCompilationStartContext Start(
        string analyzerName, ImmutableArray<MetadataReference> references, ImmutableDictionary<string, string>? options = null)
    {
        var compilation = AnalyzerRunner.Compile("namespace Contoso.Mail { public sealed class Mailer { public void Login(string password) { } } }", references);
        var start = new RecordingCompilationStartContext(compilation, AnalyzerRunner.CreateOptions(options ?? ImmutableDictionary<string, string>.Empty));
        foreach (var action in Initialize(analyzerName).CompilationStartActions)
        {
            action(start);
        }

        return start;
    }

    internal sealed record Registration(string Kind, ImmutableArray<OperationKind> OperationKinds);

    private sealed class RecordingAnalysisContext : AnalysisContext
    {
        public List<Action<CompilationStartAnalysisContext>> CompilationStartActions { get; } = [];

        public List<string> OtherRegistrations { get; } = [];

        public bool ConcurrentExecutionEnabled { get; private set; }

        public GeneratedCodeAnalysisFlags? GeneratedCodeAnalysis { get; private set; }

        public override void EnableConcurrentExecution() => ConcurrentExecutionEnabled = true;

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => GeneratedCodeAnalysis = analysisMode;

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => CompilationStartActions.Add(action);

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => OtherRegistrations.Add("Compilation");

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => OtherRegistrations.Add("SemanticModel");

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => OtherRegistrations.Add("Symbol");

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => OtherRegistrations.Add("SymbolStart");

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => OtherRegistrations.Add("CodeBlockStart");

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => OtherRegistrations.Add("CodeBlock");

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => OtherRegistrations.Add("SyntaxTree");

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => OtherRegistrations.Add("AdditionalFile");

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => OtherRegistrations.Add("SyntaxNode");

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => OtherRegistrations.Add("OperationBlockStart");

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => OtherRegistrations.Add("OperationBlock");

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => OtherRegistrations.Add("Operation");
    }

    private sealed class RecordingCompilationStartContext(Compilation compilation, AnalyzerOptions options)
        : CompilationStartAnalysisContext(compilation, options, CancellationToken.None)
    {
        public List<Registration> Registrations { get; } = [];

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => Add("CompilationEnd");

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => Add("SemanticModel");

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => Add("Symbol");

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => Add("SymbolStart");

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => Add("CodeBlockStart");

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => Add("CodeBlock");

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => Add("SyntaxTree");

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => Add("AdditionalFile");

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => Add("SyntaxNode");

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => Add("OperationBlockStart");

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => Add("OperationBlock");

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds)
            => Registrations.Add(new Registration("Operation", operationKinds));

        private void Add(string kind) => Registrations.Add(new Registration(kind, ImmutableArray<OperationKind>.Empty));
    }
}
