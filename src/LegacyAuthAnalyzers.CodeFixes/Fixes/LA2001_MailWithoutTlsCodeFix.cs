using System.Composition;
using System.Threading.Tasks;
using LegacyAuthAnalyzers.CodeFixes.Fixes.Transport;
using LegacyAuthAnalyzers.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LegacyAuthAnalyzers.CodeFixes.Fixes;

[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LA2001_MailWithoutTlsCodeFix)), Shared]
public sealed class LA2001_MailWithoutTlsCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = "LA2001.RequireTls";

    private const string Title = "Require TLS";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.MailWithoutTls);

    private static readonly FixAllProvider FixAll = new FirstActionFixAll(WellKnownFixAllProviders.BatchFixer);

    public override FixAllProvider GetFixAllProvider() => FixAll;

    public override Task RegisterCodeFixesAsync(CodeFixContext context) => TransportFixes.RegisterAsync(context, Title, EquivalenceKey);
}
