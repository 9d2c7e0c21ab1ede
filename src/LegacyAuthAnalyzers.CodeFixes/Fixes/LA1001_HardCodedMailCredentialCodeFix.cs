using System.Composition;
using System.Threading.Tasks;
using LegacyAuthAnalyzers.CodeFixes.Fixes.OAuth;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LegacyAuthAnalyzers.CodeFixes.Fixes;

/// <summary>
/// LA1001: a hard-coded mail password. Where the server can take a token (Microsoft 365, Outlook.com, or a host the
/// code reads from configuration) the password goes away with an OAuth 2.0 migration; in every case it can become an
/// environment variable read.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LA1001_HardCodedMailCredentialCodeFix)), Shared]
public sealed class LA1001_HardCodedMailCredentialCodeFix : CodeFixProvider
{
    public const string OAuthAppOnlyKey = "LA1001.OAuthAppOnly";
    public const string OAuthSignedInUserKey = "LA1001.OAuthSignedInUser";
    public const string ReadFromEnvironmentKey = "LA1001.ReadFromEnvironment";

    private static readonly CredentialFixKeys Keys = new(DiagnosticIds.HardCodedMailCredential, OAuthAppOnlyKey, OAuthSignedInUserKey, ReadFromEnvironmentKey);

    private static readonly CredentialFixAllProvider FixAll = new(Keys);

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.HardCodedMailCredential);

    public override FixAllProvider GetFixAllProvider() => FixAll;

    public override Task RegisterCodeFixesAsync(CodeFixContext context) => CredentialFixes.RegisterAsync(context, Keys);
}
