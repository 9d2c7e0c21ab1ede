using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LegacyAuthAnalyzers.CodeFixes.Fixes.OAuth;

/// <summary>A diagnostic traced back to its credential site, with the hard-coded secret when there is one.</summary>
internal sealed class FixTarget
{
    public FixTarget(CredentialSite site, SyntaxNode? hardCodedPassword)
    {
        Site = site;
        HardCodedPassword = hardCodedPassword;
    }

    public CredentialSite Site { get; }

    /// <summary>The expression that carries the hard-coded secret at the sink (LA1001, LA3001).</summary>
    public SyntaxNode? HardCodedPassword { get; }
}
