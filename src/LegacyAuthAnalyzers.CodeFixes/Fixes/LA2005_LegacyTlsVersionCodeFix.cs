using System.Composition;
using System.Threading.Tasks;
using LegacyAuthAnalyzers.CodeFixes.Fixes.Transport;
using LegacyAuthAnalyzers.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LegacyAuthAnalyzers.CodeFixes.Fixes;

[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LA2005_LegacyTlsVersionCodeFix)), Shared]
public sealed class LA2005_LegacyTlsVersionCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = "LA2005.RemoveSslProtocols";

    private const string Title = "Remove the SslProtocols setting and let the operating system choose";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.LegacyTlsVersion);

    private static readonly FixAllProvider FixAll = new FirstActionFixAll(WellKnownFixAllProviders.BatchFixer);

    public override FixAllProvider GetFixAllProvider() => FixAll;

    public override Task RegisterCodeFixesAsync(CodeFixContext context) => AssignmentRemoval.RegisterAsync(context, Title, EquivalenceKey);
}
