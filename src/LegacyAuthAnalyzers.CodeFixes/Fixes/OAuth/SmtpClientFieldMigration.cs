using System.Threading;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LegacyAuthAnalyzers.CodeFixes.Fixes.OAuth;

/// <summary>
/// Plans the MailKit migration of a System.Net.Mail <c>SmtpClient</c> kept in a private field (LA1001, LA1002, LA1003,
/// LA3001): created once, in a constructor or the field initializer, with a constant host and port, and given its
/// credentials in the one method that sends with it. The send becomes connect, XOAUTH2, send and a disconnect that
/// always runs; the field becomes a MailKit client. Any other use of the field (a second send, events, passing it on,
/// settings from parameters) keeps the code as it is.
/// </summary>
internal static class SmtpClientFieldMigration
{
    public static SmtpClientMigrationPlan? Plan(CredentialSite site, DocumentAnalysis analysis, CancellationToken cancellationToken)
    {
        var types = analysis.Types;
        if (site.Sink is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } credentials
            || HostResolver.ReceiverOf(target.Instance, credentials) is not IFieldReferenceOperation { Field: var field }
            || field.DeclaredAccessibility != Accessibility.Private
            || !types.Is(field.Type, KnownType.System_Net_Mail_SmtpClient)
            || types.Get(KnownType.MailKit_Net_Smtp_SmtpClient) is null
            || types.Get(KnownType.MimeKit_MimeMessage) is null
            || types.Get(KnownType.MailKit_Security_SaslMechanismOAuth2) is null
            || field.DeclaringSyntaxReferences.Length != 1
            || field.ContainingType.DeclaringSyntaxReferences.Length != 1
            || field.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1 } declaration } declarator
            || declarator.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } type
            || type.SyntaxTree != credentials.Syntax.SyntaxTree)
        {
            return null;
        }

        var model = analysis.Model;
        var uses = new FieldUses();
        if (declarator.Initializer is { } initializer && !uses.AddCreation(model.GetOperation(initializer.Value, cancellationToken), types))
        {
            return null;
        }

        foreach (var identifier in type.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (identifier.Identifier.ValueText == field.Name
                && model.GetOperation(identifier, cancellationToken) is IFieldReferenceOperation reference
                && SymbolEqualityComparer.Default.Equals(reference.Field, field)
                && !uses.Add(reference, types))
            {
                return null;
            }
        }

        if (uses.Creation?.Syntax is not ExpressionSyntax creationSyntax
            || uses.Send is not { Instance.Syntax: ExpressionSyntax sendReceiver } send
            || CredentialFixPlanner.SendStatement(send, out var configureAwaitFalse) is not { } sendStatement
            || !SameMember(send.Syntax, credentials.Syntax)
            || uses.Host?.Syntax is not ExpressionSyntax host
            || !uses.Host.ConstantValue.HasValue
            || uses.Port is { ConstantValue.HasValue: false }
            || CredentialFixPlanner.SendMessage(send, out var messageParts, out var cancellation) is not { } message
            || CredentialFixPlanner.UserOfCredential(credentials.Value, (SyntaxNode?)CredentialFixPlanner.SettingStatementOf(credentials) ?? credentials.Syntax, analysis, cancellationToken) is not { } user)
        {
            return null;
        }

        // The connection moves out of the constructor into the sending method: only constants can move with it.
        var port = uses.Port is { Syntax: ExpressionSyntax portSyntax } && (uses.Port.Syntax is not LiteralExpressionSyntax || uses.Port.ConstantValue.Value is not (587 or 25))
            ? portSyntax
            : null;
        var plan = new SmtpClientMigrationPlan(
            declaration,
            creationSyntax,
            uses.Timeout,
            uses.SettingStatements,
            sendStatement,
            sendReceiver,
            field.Name,
            host,
            port,
            user.Expression,
            message,
            cancellation,
            send.TargetMethod.Name == "SendMailAsync",
            configureAwaitFalse,
            CallContext.For(sendStatement, model, cancellationToken),
            disconnectAlways: true);
        CredentialFixPlanner.AddCopied(plan, user.Copied);
        plan.Copied.AddRange(messageParts);
        return plan;
    }

    private static bool SameMember(SyntaxNode a, SyntaxNode b) =>
        a.FirstAncestorOrSelf<MemberDeclarationSyntax>() is { } member && member == b.FirstAncestorOrSelf<MemberDeclarationSyntax>();

    /// <summary>What the type does with the field; <c>Add</c> returns false for a use the migration cannot carry.</summary>
    private sealed class FieldUses
    {
        public IObjectCreationOperation? Creation { get; private set; }

        public IOperation? Host { get; private set; }

        public IOperation? Port { get; private set; }

        public ExpressionSyntax? Timeout { get; private set; }

        public IInvocationOperation? Send { get; private set; }

        public List<StatementSyntax> SettingStatements { get; } = new();

        public bool AddCreation(IOperation? value, KnownTypes types)
        {
            if (Creation is not null
                || OperationTree.SkipConversions(value) is not IObjectCreationOperation creation
                || !types.Is(creation.Type, KnownType.System_Net_Mail_SmtpClient))
            {
                return false;
            }

            Creation = creation;
            foreach (var argument in creation.Arguments)
            {
                Set(argument.Parameter?.Name == "host" ? "Host" : argument.Parameter?.Name == "port" ? "Port" : string.Empty, argument.Value);
            }

            foreach (var member in creation.Initializer?.Initializers ?? ImmutableArray<IOperation>.Empty)
            {
                if (member is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } setting
                    || !CredentialFixPlanner.SmtpSettings.Contains(property.Property.Name)
                    || !CredentialFixPlanner.IsSupportedSetting(property.Property.Name, setting.Value))
                {
                    return false;
                }

                if (property.Property.Name == "Timeout")
                {
                    Timeout = setting.Value.Syntax as ExpressionSyntax;
                }

                Set(property.Property.Name, setting.Value);
            }

            return true;
        }

        public bool Add(IFieldReferenceOperation reference, KnownTypes types)
        {
            switch (reference.Parent)
            {
                case ISimpleAssignmentOperation assignment when assignment.Target == reference:
                    // The one creation, in a constructor, as a statement of its own.
                    return assignment.Parent is IExpressionStatementOperation
                        && assignment.Syntax.FirstAncestorOrSelf<ConstructorDeclarationSyntax>() is not null
                        && AddCreation(assignment.Value, types);
                case IPropertyReferenceOperation property
                    when CredentialFixPlanner.SmtpSettings.Contains(property.Property.Name)
                        && property.Parent is ISimpleAssignmentOperation setting
                        && setting.Target == property
                        && CredentialFixPlanner.SettingStatementOf(setting) is { } statement
                        && CredentialFixPlanner.IsSupportedSetting(property.Property.Name, setting.Value):
                    if (property.Property.Name != "Timeout")
                    {
                        // MailKit's SmtpClient has the same Timeout in milliseconds: that statement stays.
                        Set(property.Property.Name, setting.Value);
                        SettingStatements.Add(statement);
                    }

                    return true;
                case IInvocationOperation { TargetMethod.Name: "Dispose", Arguments.Length: 0 }:
                    return true;
                case IInvocationOperation { TargetMethod.Name: "Send" or "SendMailAsync" } invocation when Send is null:
                    Send = invocation;
                    return true;
                default:
                    return false;
            }
        }

        private void Set(string name, IOperation value)
        {
            if (name == "Host")
            {
                Host = value;
            }
            else if (name == "Port")
            {
                Port = value;
            }
        }
    }
}
