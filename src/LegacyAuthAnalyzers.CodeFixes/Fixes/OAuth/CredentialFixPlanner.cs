using System.Threading;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LegacyAuthAnalyzers.CodeFixes.Fixes.OAuth;

/// <summary>
/// Picks the OAuth rewrite of a credential site by its sink; each plan class works out its own shape, or none when the
/// shape cannot be rewritten safely.
/// </summary>
internal static class CredentialFixPlanner
{
    public static SitePlan? OAuthPlan(FixTarget target, DocumentAnalysis analysis, CancellationToken cancellationToken)
    {
        try
        {
            var site = target.Site;
            return site.Kind switch
            {
                CredentialSinkKind.MailKitAuthenticate => MailKitAuthenticatePlan.Create(site, analysis, cancellationToken),
                CredentialSinkKind.SaslMechanism => SaslMechanismPlan.Create(site, analysis, cancellationToken),
                CredentialSinkKind.EwsWebCredentials => EwsCredentialsPlan.ForWebCredentials(site, analysis, cancellationToken),
                CredentialSinkKind.EwsCredentials => EwsCredentialsPlan.ForCredentialsAssignment(site, analysis, cancellationToken),
                CredentialSinkKind.SmtpClientCredentials => SmtpClientMigrationPlan.Create(site, analysis, cancellationToken),
                CredentialSinkKind.ConnectionUri => ConnectionUriPlan.Create(site, analysis, cancellationToken),
                _ => null,
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A fixer must never throw: an unexpected shape gets no fix.
            return null;
        }
    }

    public static SitePlan? ReadFromEnvironmentPlan(FixTarget target, DocumentAnalysis analysis)
    {
        // A connection URI holds the password inside a larger literal; a throw expression needs C# 7.
        if (target.HardCodedPassword is not ExpressionSyntax password
            || target.Site.Kind == CredentialSinkKind.ConnectionUri
            || analysis.LanguageVersion < LanguageVersion.CSharp7)
        {
            return null;
        }

        return new ReadFromEnvironmentPlan(password, target.Site.Endpoint.Protocol, target.Site.ParameterName);
    }
}
