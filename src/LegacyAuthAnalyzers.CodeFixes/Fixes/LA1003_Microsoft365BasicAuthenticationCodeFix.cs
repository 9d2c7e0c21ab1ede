using System.Composition;
using System.Threading.Tasks;
using LegacyAuthAnalyzers.CodeFixes.Fixes.OAuth;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LegacyAuthAnalyzers.CodeFixes.Fixes;

/// <summary>LA1003: Basic authentication to Microsoft 365 or Outlook.com, moved to OAuth 2.0 with MSAL.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LA1003_Microsoft365BasicAuthenticationCodeFix)), Shared]
public sealed class LA1003_Microsoft365BasicAuthenticationCodeFix : CodeFixProvider
{
    public const string OAuthAppOnlyKey = "LA1003.OAuthAppOnly";
    public const string OAuthSignedInUserKey = "LA1003.OAuthSignedInUser";

    private static readonly CredentialFixKeys Keys = new(DiagnosticIds.Microsoft365BasicAuthentication, OAuthAppOnlyKey, OAuthSignedInUserKey, null);

    private static readonly CredentialFixAllProvider FixAll = new(Keys);

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.Microsoft365BasicAuthentication);

    public override FixAllProvider GetFixAllProvider() => FixAll;

    public override Task RegisterCodeFixesAsync(CodeFixContext context) => CredentialFixes.RegisterAsync(context, Keys);
}
