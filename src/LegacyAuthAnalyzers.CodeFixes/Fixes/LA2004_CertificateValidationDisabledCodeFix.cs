using System.Composition;
using System.Threading.Tasks;
using LegacyAuthAnalyzers.CodeFixes.Fixes.Transport;
using LegacyAuthAnalyzers.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LegacyAuthAnalyzers.CodeFixes.Fixes;

[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LA2004_CertificateValidationDisabledCodeFix)), Shared]
public sealed class LA2004_CertificateValidationDisabledCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = "LA2004.RemoveCallback";

    private const string Title = "Remove the callback that accepts every certificate";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.CertificateValidationDisabled);

    private static readonly FixAllProvider FixAll = new FirstActionFixAll(WellKnownFixAllProviders.BatchFixer);

    public override FixAllProvider GetFixAllProvider() => FixAll;

    public override Task RegisterCodeFixesAsync(CodeFixContext context) => AssignmentRemoval.RegisterAsync(context, Title, EquivalenceKey);
}
