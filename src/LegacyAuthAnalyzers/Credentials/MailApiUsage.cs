using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LegacyAuthAnalyzers.Credentials;

/// <summary>
/// Whether the code of a compilation uses a mail, EWS or Microsoft Graph API, as opposed to merely referencing one: a
/// scanner that compiles every project with every mail library referenced, and System.Net.Mail (in every .NET
/// reference set), would otherwise make every project a mail project.
/// Serves LA1005.
/// </summary>
/// <remarks>
/// "Uses" means the source names a type of MailKit, MimeKit, System.Net.Mail, the EWS Managed API or the Microsoft Graph
/// SDK (confirmed by binding the name, so a team's own <c>SmtpClient</c> does not count), or holds a constant that
/// addresses Exchange Online or Microsoft Graph (<c>outlook.office365.com</c>, <c>outlook.office.com</c>,
/// <c>graph.microsoft.com</c>: a token scope or a REST call without an SDK). The answer walks every syntax tree, so it is
/// computed lazily, at most once per compilation, and only asked for once a rule has found a hard-coded secret.
/// </remarks>
internal static class MailApiUsage
{
    private static readonly ConditionalWeakTable<Compilation, Answer> Cache = new();

    // The type names a mail app writes; a name is only the first test, the bound symbol decides.
    private static readonly ImmutableHashSet<string> MailTypeNames = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "SmtpClient",
        "ISmtpClient",
        "ImapClient",
        "IImapClient",
        "Pop3Client",
        "IPop3Client",
        "MailMessage",
        "MimeMessage",
        "ExchangeService",
        "WebCredentials",
        "OAuthCredentials",
        "SaslMechanismOAuth2",
        "GraphServiceClient");

    private static readonly string[] MailNamespaces =
    {
        "MailKit", "MimeKit", "System.Net.Mail", "Microsoft.Exchange.WebServices", "Microsoft.Graph",
    };

    private static readonly string[] MailEndpoints = { "outlook.office365.com", "outlook.office.com", "graph.microsoft.com" };

    public static bool UsesMailApi(Compilation compilation, CancellationToken cancellationToken)
    {
        var answer = Cache.GetValue(compilation, static _ => new Answer());
        var known = Volatile.Read(ref answer.Value);
        if (known != Answer.Unknown)
        {
            return known == Answer.Yes;
        }

        // Two rules asking at once may both compute it; the answers are equal. A cancelled scan stores nothing.
        var computed = Compute(compilation, cancellationToken);
        Volatile.Write(ref answer.Value, computed ? Answer.Yes : Answer.No);
        return computed;
    }

    private static bool Compute(Compilation compilation, CancellationToken cancellationToken)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            SemanticModel? model = null;
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                switch (node)
                {
                    case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) && NamesMailEndpoint(literal.Token.ValueText):
                        return true;
                    case InterpolatedStringTextSyntax text when NamesMailEndpoint(text.TextToken.ValueText):
                        return true;
                    case IdentifierNameSyntax identifier when MailTypeNames.Contains(identifier.Identifier.ValueText):
#pragma warning disable RS1030 // Reached at most once per compilation, and only after a hard-coded secret was found.
                        model ??= compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                        if (IsMailType(model.GetSymbolInfo(identifier, cancellationToken).Symbol))
                        {
                            return true;
                        }

                        break;
                }
            }
        }

        return false;
    }

    private static bool NamesMailEndpoint(string text)
    {
        foreach (var endpoint in MailEndpoints)
        {
            if (text.IndexOf(endpoint, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsMailType(ISymbol? symbol)
    {
        var type = symbol as ITypeSymbol ?? (symbol as IMethodSymbol)?.ContainingType;
        var ns = type?.ContainingNamespace?.ToDisplayString();
        if (ns is null)
        {
            return false;
        }

        foreach (var mailNamespace in MailNamespaces)
        {
            if (ns == mailNamespace || ns.StartsWith(mailNamespace + ".", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private sealed class Answer
    {
        public const int Unknown = 0;
        public const int Yes = 1;
        public const int No = 2;

        // A field, because Volatile.Read and Volatile.Write take it by reference.
        public int Value;
    }
}
