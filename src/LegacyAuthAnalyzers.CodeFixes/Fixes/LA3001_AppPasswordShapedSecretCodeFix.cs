using System.Composition;
using System.Threading.Tasks;
using LegacyAuthAnalyzers.CodeFixes.Fixes.OAuth;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LegacyAuthAnalyzers.CodeFixes.Fixes;

/// <summary>
/// LA3001: an app password in code. The same fixes as LA1001: OAuth 2.0 where the server takes tokens, otherwise an
/// environment variable read. Either way the leaked app password must also be revoked: no fix can do that.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LA3001_AppPasswordShapedSecretCodeFix)), Shared]
public sealed class LA3001_AppPasswordShapedSecretCodeFix : CodeFixProvider
{
    public const string OAuthAppOnlyKey = "LA3001.OAuthAppOnly";
    public const string OAuthSignedInUserKey = "LA3001.OAuthSignedInUser";
    public const string ReadFromEnvironmentKey = "LA3001.ReadFromEnvironment";

    private static readonly CredentialFixKeys Keys = new(DiagnosticIds.AppPasswordShapedSecret, OAuthAppOnlyKey, OAuthSignedInUserKey, ReadFromEnvironmentKey);

    private static readonly CredentialFixAllProvider FixAll = new(Keys);

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.AppPasswordShapedSecret);

    public override FixAllProvider GetFixAllProvider() => FixAll;

    public override Task RegisterCodeFixesAsync(CodeFixContext context) => CredentialFixes.RegisterAsync(context, Keys);
}
