using System.Composition;
using System.Threading.Tasks;
using LegacyAuthAnalyzers.CodeFixes.Fixes.OAuth;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LegacyAuthAnalyzers.CodeFixes.Fixes;

/// <summary>
/// LA1002: password authentication to a server not known to be Microsoft 365. When the host comes from configuration
/// it may well be Exchange Online, so the OAuth 2.0 migration is offered; a known third-party server gets no fix,
/// since Entra ID tokens only work with Microsoft's mail servers.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LA1002_PasswordAuthenticationCodeFix)), Shared]
public sealed class LA1002_PasswordAuthenticationCodeFix : CodeFixProvider
{
    public const string OAuthAppOnlyKey = "LA1002.OAuthAppOnly";
    public const string OAuthSignedInUserKey = "LA1002.OAuthSignedInUser";

    private static readonly CredentialFixKeys Keys = new(DiagnosticIds.PasswordAuthentication, OAuthAppOnlyKey, OAuthSignedInUserKey, null);

    private static readonly CredentialFixAllProvider FixAll = new(Keys);

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.PasswordAuthentication);

    public override FixAllProvider GetFixAllProvider() => FixAll;

    public override Task RegisterCodeFixesAsync(CodeFixContext context) => CredentialFixes.RegisterAsync(context, Keys);
}
