using LegacyAuthAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis.Editing;

namespace LegacyAuthAnalyzers.CodeFixes.Fixes.OAuth;

/// <summary>
/// The hard-coded password at a sink becomes <c>Environment.GetEnvironmentVariable("SMTP_PASSWORD") ?? throw …</c>:
/// the secret leaves the code (its constant or local goes too when nothing else uses it), and a missing variable
/// fails loudly instead of authenticating with an empty password.
/// </summary>
internal sealed class ReadFromEnvironmentPlan : SitePlan
{
    private readonly SyntaxNode password;
    private readonly string variable;

    public ReadFromEnvironmentPlan(SyntaxNode password, MailProtocol protocol, string parameterName)
        : base(password, protocol)
    {
        this.password = password;
        variable = VariableName(protocol, parameterName);
        Removed.Add(password);
    }

    public override bool UsesToken => false;

    public string Variable => variable;

    /// <summary><c>SMTP_PASSWORD</c>, <c>IMAP_PASSWORD</c>, <c>POP3_PASSWORD</c>, <c>EWS_PASSWORD</c>; <c>MAIL_…</c> otherwise.</summary>
    public static string VariableName(MailProtocol protocol, string parameterName)
    {
        var prefix = protocol switch
        {
            MailProtocol.Smtp => "SMTP",
            MailProtocol.Imap => "IMAP",
            MailProtocol.Pop3 => "POP3",
            MailProtocol.Ews => "EWS",
            _ => "MAIL",
        };

        var name = new System.Text.StringBuilder(prefix).Append('_');
        var previousLower = false;
        foreach (var c in parameterName.Length == 0 ? "password" : parameterName)
        {
            if (!char.IsLetterOrDigit(c))
            {
                if (name[name.Length - 1] != '_')
                {
                    name.Append('_');
                }

                previousLower = false;
                continue;
            }

            if (char.IsUpper(c) && previousLower)
            {
                name.Append('_');
            }

            name.Append(char.ToUpperInvariant(c));
            previousLower = char.IsLower(c) || char.IsDigit(c);
        }

        return name.ToString().TrimEnd('_');
    }

    public override void Apply(DocumentEditor editor, PlanContext context)
    {
        var read = SyntaxTemplates.Expression(
            "global::System.Environment.GetEnvironmentVariable(\"" + variable + "\") ?? throw new global::System.InvalidOperationException(\"Set the "
            + variable + " environment variable to the " + Describe(Protocol) + " password.\")");
        // A coalesce binds looser than anything the password could have been an operand of.
        var replacement = password.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentSyntax
            or Microsoft.CodeAnalysis.CSharp.Syntax.AssignmentExpressionSyntax
            or Microsoft.CodeAnalysis.CSharp.Syntax.EqualsValueClauseSyntax
            ? read
            : Microsoft.CodeAnalysis.CSharp.SyntaxFactory.ParenthesizedExpression(read);
        editor.ReplaceNode(password, replacement.WithTriviaFrom(password));
    }

    /// <summary>The protocol as the exception message names it; the documentation test checks the rule pages against it.</summary>
    internal static string Describe(MailProtocol protocol) => protocol switch
    {
        MailProtocol.Smtp => "SMTP",
        MailProtocol.Imap => "IMAP",
        MailProtocol.Pop3 => "POP3",
        MailProtocol.Ews => "Exchange (EWS)",
        _ => "mail",
    };
}
