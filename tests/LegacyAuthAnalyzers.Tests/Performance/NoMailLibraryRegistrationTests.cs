using System.Collections.Immutable;
using System.Reflection;
using LegacyAuthAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace LegacyAuthAnalyzers.Tests.Performance;

/// <summary>
/// SPEC §7 for every analyzer the package exports, found by reflection so that rules added later are held to it too:
/// a project that references no mail library pays for no analysis callback at all, and one that has nothing but the
/// base class library (System.Net.Mail included) pays only for object creations and assignments.
/// <para>
/// Each analyzer's <c>Initialize</c> is driven with recording contexts instead of the compiler's. The only actions
/// allowed without a mail library are additional-file and compilation(-end) actions: a configuration-file rule needs
/// them to look for <c>web.config</c> or <c>appsettings.json</c>, and they cost nothing per line of code. Where a rule
/// registers a compilation action, it is run on the compilation with no additional files and must report nothing.
/// </para>
/// </summary>
public sealed class NoMailLibraryRegistrationTests
{
    private const string OrdinarySource = """
        using System;
        using System.Linq;
        using System.Net;
        using System.Net.Http;

        namespace Contoso.Orders;

        public sealed record Order(Guid Id, string Customer, decimal Total);

        public sealed class OrderClient
        {
            private readonly HttpClient http = new(new HttpClientHandler { Credentials = new NetworkCredential("svc", "not-mail") });

            public string Host { get; set; } = "orders.internal";

            public void Connect(string host, int port) => Host = host + ":" + port;

            public decimal Sum(Order[] orders) => orders.Where(o => o.Total > 0).Sum(o => o.Total);
        }
        """;

    private static readonly string[] MailLibraryTypes =
    [
        "System.Net.Mail.SmtpClient",
        "MailKit.MailService",
        "Microsoft.Exchange.WebServices.Data.ExchangeService",
        "Microsoft.IdentityModel.Clients.ActiveDirectory.AuthenticationContext",
        "Microsoft.Identity.Client.PublicClientApplicationBuilder",
        "Azure.Identity.UsernamePasswordCredential",
    ];

    public static TheoryData<string> ExportedAnalyzerNames
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var type in ExportedAnalyzerTypes())
            {
                data.Add(type.FullName!);
            }

            return data;
        }
    }

    [Fact]
    public void ExportedAnalyzers_IncludeEveryCredentialRule()
    {
        var names = ExportedAnalyzerTypes().Select(type => type.Name).ToList();

        Assert.Contains(nameof(global::LegacyAuthAnalyzers.Rules.LA1001_HardCodedMailCredentialAnalyzer), names);
        Assert.Contains(nameof(global::LegacyAuthAnalyzers.Rules.LA1002_PasswordAuthenticationAnalyzer), names);
        Assert.Contains(nameof(global::LegacyAuthAnalyzers.Rules.LA1003_Microsoft365BasicAuthenticationAnalyzer), names);
        Assert.Contains(nameof(global::LegacyAuthAnalyzers.Rules.LA3001_AppPasswordShapedSecretAnalyzer), names);
        Assert.Contains(nameof(global::LegacyAuthAnalyzers.Rules.LA3002_AppPasswordByNameAnalyzer), names);
    }

    [Fact]
    public void ReferenceSetWithoutMailLibraries_ResolvesNoMailType()
    {
        var compilation = CreateCompilation(TestReferences.WithoutSystemNetMail);

        foreach (var metadataName in MailLibraryTypes)
        {
            Assert.Null(compilation.GetTypeByMetadataName(metadataName));
        }

        Assert.Empty(compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
    }

    [Theory]
    [MemberData(nameof(ExportedAnalyzerNames))]
    public void NoMailLibraryReferenced_RegistersNoCodeAction(string analyzerName)
    {
        var compilation = CreateCompilation(TestReferences.WithoutSystemNetMail);

        var recording = Record(analyzerName, compilation);

        Assert.True(
            recording.OperationActions.Count == 0,
            $"{analyzerName} registers for {Describe(recording.OperationActions)} operations in a project that references no mail library.");
        Assert.True(
            recording.OtherCodeActions.Count == 0,
            $"{analyzerName} registers {string.Join("; ", recording.OtherCodeActions)} actions in a project that references no mail library.");
        AssertCompilationActionsReportNothing(recording, compilation);
    }

    [Theory]
    [MemberData(nameof(ExportedAnalyzerNames))]
    public void OnlyBaseClassLibrary_RegistersOnlyCreationAndAssignmentActions(string analyzerName)
    {
        var compilation = CreateCompilation(TestReferences.WithoutMailLibraries);

        var recording = Record(analyzerName, compilation);

        var kinds = recording.OperationActions.SelectMany(kinds => kinds).Distinct().ToList();
        // "Property assignments" (SPEC §7) include `+=` on a callback property such as
        // ServicePointManager.ServerCertificateValidationCallback, which is a compound assignment.
        Assert.All(kinds, kind => Assert.True(
            kind is OperationKind.ObjectCreation or OperationKind.SimpleAssignment or OperationKind.CompoundAssignment,
            $"{analyzerName} registers for {kind} operations in a project whose only mail API is System.Net.Mail."));
        Assert.True(
            recording.OtherCodeActions.Count == 0,
            $"{analyzerName} registers {string.Join("; ", recording.OtherCodeActions)} actions in a project whose only mail API is System.Net.Mail.");
        AssertCompilationActionsReportNothing(recording, compilation);
    }

    [Fact]
    public void MailKitReferenced_RecordsOperationActions()
    {
        // Proves the recording sees registrations at all, so the empty results above mean something.
        var compilation = CreateCompilation(TestReferences.All);

        var recording = Record(typeof(global::LegacyAuthAnalyzers.Rules.LA1001_HardCodedMailCredentialAnalyzer).FullName!, compilation);

        var kinds = recording.OperationActions.SelectMany(kinds => kinds).ToList();
        Assert.Contains(OperationKind.Invocation, kinds);
        Assert.Contains(OperationKind.ObjectCreation, kinds);
        Assert.Contains(OperationKind.SimpleAssignment, kinds);
    }

    private static IEnumerable<Type> ExportedAnalyzerTypes() =>
        new[] { typeof(DiagnosticIds).Assembly, Assembly.Load(new AssemblyName("LegacyAuthAnalyzers.CodeFixes")) }
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => !type.IsAbstract
                && typeof(DiagnosticAnalyzer).IsAssignableFrom(type)
                && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(type => type.FullName, StringComparer.Ordinal);

    private static CSharpCompilation CreateCompilation(ImmutableArray<MetadataReference> references) =>
        CSharpCompilation.Create(
            "Ordinary",
            [CSharpSyntaxTree.ParseText(OrdinarySource, new CSharpParseOptions(LanguageVersion.Latest), path: "/0/Test0.cs")],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private static Recording Record(string analyzerName, Compilation compilation)
    {
        var type = ExportedAnalyzerTypes().Single(candidate => candidate.FullName == analyzerName);
        var analyzer = (DiagnosticAnalyzer)Activator.CreateInstance(type)!;
        var recording = new Recording(analyzer);
        var context = new RecordingAnalysisContext(recording);
        analyzer.Initialize(context);

        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);
        foreach (var start in context.CompilationStartActions)
        {
            start(new RecordingCompilationStartContext(recording, compilation, options));
        }

        return recording;
    }

    private static string Describe(List<ImmutableArray<OperationKind>> actions) =>
        string.Join("; ", actions.Select(kinds => string.Join(", ", kinds)));

    private static void AssertCompilationActionsReportNothing(Recording recording, Compilation compilation)
    {
        var reported = new List<Diagnostic>();
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);
        foreach (var action in recording.CompilationActions)
        {
            action(new CompilationAnalysisContext(compilation, options, reported.Add, _ => true, CancellationToken.None));
        }

        Assert.Empty(reported);
    }

    /// <summary>Everything one analyzer registered, at analysis start and at compilation start.</summary>
    private sealed class Recording(DiagnosticAnalyzer analyzer)
    {
        public DiagnosticAnalyzer Analyzer { get; } = analyzer;

        /// <summary>The kinds of each operation action.</summary>
        public List<ImmutableArray<OperationKind>> OperationActions { get; } = [];

        /// <summary>Syntax, symbol, semantic model, code block and operation block actions, by name.</summary>
        public List<string> OtherCodeActions { get; } = [];

        public List<Action<CompilationAnalysisContext>> CompilationActions { get; } = [];

        public int AdditionalFileActions { get; set; }
    }

    private sealed class RecordingAnalysisContext(Recording recording) : AnalysisContext
    {
        public List<Action<CompilationStartAnalysisContext>> CompilationStartActions { get; } = [];

        public override void EnableConcurrentExecution()
        {
        }

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode)
        {
        }

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => CompilationStartActions.Add(action);

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => recording.CompilationActions.Add(action);

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => recording.AdditionalFileActions++;

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => recording.OtherCodeActions.Add("semantic model");

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) =>
            recording.OtherCodeActions.Add("symbol " + string.Join(",", symbolKinds));

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) =>
            recording.OtherCodeActions.Add("symbol start " + symbolKind);

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) =>
            recording.OtherCodeActions.Add("code block start");

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => recording.OtherCodeActions.Add("code block");

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => recording.OtherCodeActions.Add("syntax tree");

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            recording.OtherCodeActions.Add("syntax node " + string.Join(",", syntaxKinds));

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
            recording.OperationActions.Add(operationKinds);

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) =>
            recording.OtherCodeActions.Add("operation block start");

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => recording.OtherCodeActions.Add("operation block");
    }

    private sealed class RecordingCompilationStartContext(Recording recording, Compilation compilation, AnalyzerOptions options)
        : CompilationStartAnalysisContext(compilation, options, CancellationToken.None)
    {
        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => recording.CompilationActions.Add(action);

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => recording.AdditionalFileActions++;

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => recording.OtherCodeActions.Add("semantic model");

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) =>
            recording.OtherCodeActions.Add("symbol " + string.Join(",", symbolKinds));

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) =>
            recording.OtherCodeActions.Add("symbol start " + symbolKind);

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) =>
            recording.OtherCodeActions.Add("code block start");

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => recording.OtherCodeActions.Add("code block");

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => recording.OtherCodeActions.Add("syntax tree");

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            recording.OtherCodeActions.Add("syntax node " + string.Join(",", syntaxKinds));

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
            recording.OperationActions.Add(operationKinds);

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) =>
            recording.OtherCodeActions.Add("operation block start");

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => recording.OtherCodeActions.Add("operation block");
    }
}
