using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyAnalyzer = LegacyAuthAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<LegacyAuthAnalyzers.Tests.Infrastructure.SmokeMailKitAnalyzer>;
using VerifyFix = LegacyAuthAnalyzers.Tests.Infrastructure.CSharpCodeFixVerifier<LegacyAuthAnalyzers.Tests.Infrastructure.SmokeSystemNetMailAnalyzer, LegacyAuthAnalyzers.Tests.Infrastructure.SmokeUseMailKitCodeFix>;

namespace LegacyAuthAnalyzers.Tests.Infrastructure;

/// <summary>
/// Proves the verifiers work end to end: real library references, no reference-pack download, the latest C#,
/// nullable enabled, a selectable reference set and output kind, .editorconfig options and code fixes.
/// </summary>
public sealed class VerifierTests
{
    [Fact]
    public async Task MailKitSmtpClientCreation_ReportsDiagnostic()
    {
        const string source = """
            using MailKit.Net.Smtp;

            public static class Mailer
            {
                public static SmtpClient Create() => {|#0:new SmtpClient()|};
            }
            """;

        await VerifyAnalyzer.VerifyAnalyzerAsync(source, VerifyAnalyzer.Diagnostic(SmokeMailKitAnalyzer.Rule).WithLocation(0));
    }

    [Fact]
    public async Task SystemNetMailSmtpClientCreation_NoDiagnostic()
    {
        const string source = """
            public static class Mailer
            {
                public static System.Net.Mail.SmtpClient Create() => new System.Net.Mail.SmtpClient();
            }
            """;

        await VerifyAnalyzer.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task SquareBracketMarkup_ReportsDiagnostic()
    {
        const string source = """
            public static class Mailer
            {
                public static object Create() => [|new MailKit.Net.Smtp.SmtpClient()|];
            }
            """;

        await VerifyAnalyzer.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task WithoutMailLibraries_MailKitDoesNotBind()
    {
        const string source = """
            using {|CS0246:MailKit|}.Net.Smtp;

            public static class Mailer
            {
            }
            """;

        await VerifyAnalyzer.VerifyAnalyzerAsync(source, TestReferences.WithoutMailLibraries);
    }

    [Fact]
    public async Task ReferenceAssemblies_ResolveToNothingWithoutNuGet()
    {
        var resolved = await VerifierDefaults.NoDownload.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);

        Assert.Null(VerifierDefaults.NoDownload.ReferenceAssemblyPackage);
        Assert.Empty(VerifierDefaults.NoDownload.Packages);
        Assert.Empty(resolved);
        Assert.Same(VerifierDefaults.NoDownload, new VerifyAnalyzer.Test().ReferenceAssemblies);
    }

    [Fact]
    public async Task LatestLanguageVersionNullableAndLibraries_CompileWithoutWarnings()
    {
        var test = new VerifyAnalyzer.Test
        {
            TestCode = """
                using Microsoft.Identity.Client;

                internal sealed class Mailbox(string address)
                {
                    public string Address { get; } = address;

                    public string? DisplayName { get; set; }

                    public static int[] Ports => [25, 465, 587];

                    public static IConfidentialClientApplication App { get; } =
                        ConfidentialClientApplicationBuilder.Create("client-id").WithClientSecret("secret").Build();
                }
                """,
            CompilerDiagnostics = CompilerDiagnostics.Warnings,
        };

        await test.RunAsync();
    }

    [Fact]
    public async Task TopLevelStatements_WithConsoleApplicationOutputKind_ReportsDiagnostic()
    {
        var test = new VerifyAnalyzer.Test
        {
            TestCode = """
                using var client = {|#0:new MailKit.Net.Smtp.SmtpClient()|};
                client.Timeout = 1000;
                """,
            TestState = { OutputKind = OutputKind.ConsoleApplication },
            ExpectedDiagnostics = { VerifyAnalyzer.Diagnostic(SmokeMailKitAnalyzer.Rule).WithLocation(0) },
        };

        await test.RunAsync();
    }

    [Fact]
    public async Task EditorConfigDisablesRule_NoDiagnostic()
    {
        var test = new VerifyAnalyzer.Test
        {
            TestCode = """
                public static class Mailer
                {
                    public static object Create() => new MailKit.Net.Smtp.SmtpClient();
                }
                """,
        };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [*.cs]
            smoke_test.enabled = false
            """));

        await test.RunAsync();
    }

    [Fact]
    public async Task SystemNetMailSmtpClient_FixesToMailKit()
    {
        const string source = """
            public static class Mailer
            {
                public static object Create() => {|#0:new System.Net.Mail.SmtpClient()|};
            }
            """;
        const string fixedSource = """
            public static class Mailer
            {
                public static object Create() => new MailKit.Net.Smtp.SmtpClient();
            }
            """;

        await VerifyFix.VerifyCodeFixAsync(
            source,
            [VerifyFix.Diagnostic(SmokeSystemNetMailAnalyzer.Rule).WithLocation(0)],
            fixedSource,
            SmokeUseMailKitCodeFix.EquivalenceKey);
    }

    [Fact]
    public async Task TwoSystemNetMailSmtpClients_FixAllFixesToMailKit()
    {
        var test = new VerifyFix.Test
        {
            TestCode = """
                public static class Mailer
                {
                    public static object First() => [|new System.Net.Mail.SmtpClient()|];

                    public static object Second() => [|new System.Net.Mail.SmtpClient()|];
                }
                """,
            FixedCode = """
                public static class Mailer
                {
                    public static object First() => new MailKit.Net.Smtp.SmtpClient();

                    public static object Second() => new MailKit.Net.Smtp.SmtpClient();
                }
                """,
        };

        await test.RunAsync();
    }
}

// The analyzers below exist only to exercise the verifiers and are never loaded by a compiler, so the rules for
// shipping analyzers (release tracking, no Workspaces reference, a netstandard2.0 target) do not apply to them.
#pragma warning disable RS1036, RS1038, RS1041, RS2008

/// <summary>Reports every MailKit <c>SmtpClient</c> creation unless <c>smoke_test.enabled = false</c>.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class SmokeMailKitAnalyzer : DiagnosticAnalyzer
{
    public const string Id = "TEST0001";

    public static readonly DiagnosticDescriptor Rule = new(Id, "MailKit SmtpClient created", "MailKit SmtpClient created", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(static start =>
        {
            var smtpClient = start.Compilation.GetTypeByMetadataName("MailKit.Net.Smtp.SmtpClient");
            if (smtpClient is null)
            {
                return;
            }

            start.RegisterOperationAction(
                context =>
                {
                    var options = context.Options.AnalyzerConfigOptionsProvider.GetOptions(context.Operation.Syntax.SyntaxTree);
                    if (options.TryGetValue("smoke_test.enabled", out var enabled) && enabled == "false")
                    {
                        return;
                    }

                    if (SymbolEqualityComparer.Default.Equals(((IObjectCreationOperation)context.Operation).Type, smtpClient))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(Rule, context.Operation.Syntax.GetLocation()));
                    }
                },
                OperationKind.ObjectCreation);
        });
    }
}

/// <summary>Reports every <c>System.Net.Mail.SmtpClient</c> creation.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class SmokeSystemNetMailAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new("TEST0002", "System.Net.Mail SmtpClient created", "System.Net.Mail SmtpClient created", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(static start =>
        {
            var smtpClient = start.Compilation.GetTypeByMetadataName("System.Net.Mail.SmtpClient");
            if (smtpClient is null)
            {
                return;
            }

            start.RegisterOperationAction(
                context =>
                {
                    if (SymbolEqualityComparer.Default.Equals(((IObjectCreationOperation)context.Operation).Type, smtpClient))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(Rule, context.Operation.Syntax.GetLocation()));
                    }
                },
                OperationKind.ObjectCreation);
        });
    }
}

#pragma warning restore RS1036, RS1038, RS1041, RS2008

/// <summary>Swaps the created type for MailKit's <c>SmtpClient</c>, keeping the arguments.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SmokeUseMailKitCodeFix)), Shared]
internal sealed class SmokeUseMailKitCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = "TEST0002.UseMailKit";

    public override ImmutableArray<string> FixableDiagnosticIds => [SmokeSystemNetMailAnalyzer.Rule.Id];

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span, getInnermostNodeForTie: true) is not ObjectCreationExpressionSyntax creation)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                "Use MailKit",
                _ =>
                {
                    var mailKitType = SyntaxFactory.ParseTypeName("MailKit.Net.Smtp.SmtpClient").WithTriviaFrom(creation.Type);
                    return Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(creation.Type, mailKitType)));
                },
                EquivalenceKey),
            context.Diagnostics);
    }
}
