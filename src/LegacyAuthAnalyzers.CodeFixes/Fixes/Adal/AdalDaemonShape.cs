using System.Threading;
using LegacyAuthAnalyzers.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;

namespace LegacyAuthAnalyzers.CodeFixes.Fixes.Adal;

/// <summary>The recognized ADAL client-credentials shape in one member, and how to rewrite it.</summary>
internal sealed class AdalDaemonShape
{
    private AdalDaemonShape(
        ExpressionSyntax authority,
        ExpressionSyntax? validateAuthority,
        ExpressionSyntax clientId,
        ExpressionSyntax credential,
        bool isCertificate,
        IOperation resource,
        InvocationExpressionSyntax acquire,
        StatementSyntax? contextStatement,
        StatementSyntax? credentialStatement,
        bool placeAtContext,
        AdalTokenCall.ResultUses resultUses)
    {
        Authority = authority;
        ValidateAuthority = validateAuthority;
        ClientId = clientId;
        Credential = credential;
        IsCertificate = isCertificate;
        Resource = resource;
        Acquire = acquire;
        ContextStatement = contextStatement;
        CredentialStatement = credentialStatement;
        PlaceAtContext = placeAtContext;
        ResultUses = resultUses;
    }

    private ExpressionSyntax Authority { get; }

    private ExpressionSyntax? ValidateAuthority { get; }

    private ExpressionSyntax ClientId { get; }

    private ExpressionSyntax Credential { get; }

    private bool IsCertificate { get; }

    private IOperation Resource { get; }

    private InvocationExpressionSyntax Acquire { get; }

    private StatementSyntax? ContextStatement { get; }

    private StatementSyntax? CredentialStatement { get; }

    private bool PlaceAtContext { get; }

    private AdalTokenCall.ResultUses ResultUses { get; }

    /// <summary>The shape at <paramref name="creationSyntax"/>, or null when the fix does not apply; never throws.</summary>
    public static AdalDaemonShape? Find(SemanticModel model, BaseObjectCreationExpressionSyntax creationSyntax, CancellationToken cancellationToken) =>
        ShapeSearch.OrNone(() => TryFind(model, creationSyntax, cancellationToken));

    private static AdalDaemonShape? TryFind(SemanticModel model, BaseObjectCreationExpressionSyntax creationSyntax, CancellationToken cancellationToken)
    {
        var types = KnownTypes.For(model.Compilation);
        if (AdalTokenCall.ContextCreation(model, types, creationSyntax, cancellationToken) is not { } creation)
        {
            return null;
        }

        // new AuthenticationContext(authority) or (authority, validateAuthority); a token cache of its own has no MSAL twin.
        var parameters = creation.Constructor?.Parameters ?? ImmutableArray<IParameterSymbol>.Empty;
        if (parameters.Length is < 1 or > 2 || parameters[0].Type.SpecialType != SpecialType.System_String
            || parameters.Length == 2 && parameters[1].Type.SpecialType != SpecialType.System_Boolean)
        {
            return null;
        }

        var authority = AdalTokenCall.ArgumentSyntax(creation.Arguments, 0);
        var validateAuthority = parameters.Length == 2 ? AdalTokenCall.ArgumentSyntax(creation.Arguments, 1) : null;
        if (authority is null || parameters.Length == 2 && validateAuthority is null)
        {
            return null;
        }

        var body = OperationTree.Root(creation);
        var parent = OperationTree.Consumer(creation);
        IInvocationOperation? acquire;
        StatementSyntax? contextStatement = null;
        if (parent is IInvocationOperation direct && AdalTokenCall.IsSame(direct.Instance, creation))
        {
            acquire = direct;
        }
        else if (parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }
            && SingleDeclarationStatement(declarator.Syntax) is { } statement)
        {
            contextStatement = statement;
            acquire = SingleUse(body, declarator.Symbol)?.Parent as IInvocationOperation;
            if (acquire is null || acquire.Instance is not ILocalReferenceOperation)
            {
                return null;
            }
        }
        else
        {
            return null;
        }

        if (acquire.TargetMethod.Name != "AcquireTokenAsync" || acquire.Arguments.Length != 2
            || acquire.Syntax is not InvocationExpressionSyntax acquireSyntax
            || acquire.TargetMethod.Parameters[0].Type.SpecialType != SpecialType.System_String)
        {
            return null;
        }

        var resource = AdalTokenCall.ArgumentOperation(acquire.Arguments, 0);
        var credentialValue = AdalTokenCall.ArgumentOperation(acquire.Arguments, 1);
        if (resource is null || credentialValue is null
            || !FindCredential(types, body, OperationTree.SkipConversions(credentialValue), out var credentialCreation, out var credentialStatement, out var isCertificate)
            || AdalTokenCall.ArgumentSyntax(credentialCreation.Arguments, 0) is not { } clientId
            || AdalTokenCall.ArgumentSyntax(credentialCreation.Arguments, 1) is not { } credential)
        {
            return null;
        }

        var acquireStatement = acquireSyntax.FirstAncestorOrSelf<StatementSyntax>();
        if (acquireStatement is null || !IsInStatementList(acquireStatement) || contextStatement is not null && !IsInStatementList(contextStatement))
        {
            return null;
        }

        if (AdalTokenCall.FindResultUses(acquire) is not { SharingCalls.IsEmpty: true } resultUses)
        {
            return null;
        }

        // The application is built where the context was created when the credential's inputs exist there;
        // otherwise just before the token call, when the authority cannot change in between.
        var placeAtContext = contextStatement is not null
            && InputsAvailableAt(credentialCreation, body, contextStatement.SpanStart);
        if (!placeAtContext && !InputsAvailableAt(creation, body, acquireStatement.SpanStart))
        {
            return null;
        }

        return new AdalDaemonShape(
            authority,
            validateAuthority,
            clientId,
            credential,
            isCertificate,
            resource,
            acquireSyntax,
            contextStatement,
            credentialStatement,
            placeAtContext,
            resultUses);
    }

    public void Rewrite(DocumentEditor editor, SemanticModel model, SyntaxNode root)
    {
        var acquireStatement = Acquire.FirstAncestorOrSelf<StatementSyntax>()!;
        var anchor = PlaceAtContext ? ContextStatement! : acquireStatement;
        var memberBody = FixDocument.MemberBody(anchor) ?? root;
        var appName = FixDocument.UniqueName(model, anchor.SpanStart, memberBody, "app");
        var newLine = FixDocument.NewLineOf(root);
        var indentation = FixDocument.IndentationOf(anchor);

        var builder = SyntaxFactory.ParseStatement("var " + appName + " = " + AdalTokenCall.ConfidentialClientText(
            Text(ClientId), Text(Authority), ValidateAuthority is null ? null : Text(ValidateAuthority), Text(Credential), IsCertificate, indentation, newLine) + ";");
        builder = FixDocument.MarkForImport(builder, AdalTokenCall.MsalNamespace);
        builder = PlaceAtContext
            ? builder.WithTriviaFrom(ContextStatement!)
            : builder.WithLeadingTrivia(SyntaxFactory.Whitespace(indentation)).WithTrailingTrivia(SyntaxFactory.EndOfLine(newLine));

        var acquireReplacement = SyntaxFactory.ParseExpression(
                appName + ".AcquireTokenForClient(new[] { " + MsalScopes.DefaultScopeOf((ExpressionSyntax)Resource.Syntax) + " }).ExecuteAsync()")
            .WithTriviaFrom(Acquire);
        editor.ReplaceNode(Acquire, acquireReplacement);

        AdalTokenCall.ResultUses.Rewrite(editor, new[] { ResultUses });
        if (CredentialStatement is not null)
        {
            Statements.Remove(editor, CredentialStatement);
        }

        if (PlaceAtContext)
        {
            editor.ReplaceNode(Statements.Container(ContextStatement!), Statements.Wrap(ContextStatement!, builder));
            return;
        }

        editor.InsertBefore(Statements.Container(acquireStatement), Statements.Wrap(acquireStatement, builder));
        if (ContextStatement is not null)
        {
            Statements.Remove(editor, ContextStatement);
        }
    }

    private static string Text(SyntaxNode node) => AdalTokenCall.Text(node);

    private static bool FindCredential(
        KnownTypes types, IOperation body, IOperation? value, out IObjectCreationOperation creation, out StatementSyntax? statement, out bool isCertificate)
    {
        creation = null!;
        statement = null;
        isCertificate = false;
        if (value is ILocalReferenceOperation local)
        {
            var declarator = body.Descendants().OfType<IVariableDeclaratorOperation>().FirstOrDefault(d => SymbolEqualityComparer.Default.Equals(d.Symbol, local.Local));
            var values = new List<IOperation>();
            if (declarator is null
                || SingleDeclarationStatement(declarator.Syntax) is not { } declaration
                || !ConstantResolver.TryGetLocalAssignments(local.Local, body, values) || values.Count != 1
                || SingleUse(body, local.Local) is null)
            {
                return false;
            }

            statement = declaration;
            value = OperationTree.SkipConversions(values[0]);
        }

        return AdalTokenCall.IsClientCredential(types, value, out creation, out isCertificate);
    }

    /// <summary>
    /// Whether the values the operation reads are the same at <paramref name="position"/>: every local it reads is
    /// declared before that point and assigned once, and no parameter it reads is assigned in the member.
    /// </summary>
    private static bool InputsAvailableAt(IOperation operation, IOperation body, int position)
    {
        foreach (var read in operation.DescendantsAndSelf())
        {
            switch (read)
            {
                case ILocalReferenceOperation local:
                    var values = new List<IOperation>();
                    if (local.Local.Locations.Length == 0 || local.Local.Locations[0].SourceSpan.Start >= position
                        || !ConstantResolver.TryGetLocalAssignments(local.Local, body, values) || values.Count > 1)
                    {
                        return false;
                    }

                    break;
                case IParameterReferenceOperation parameter:
                    if (body.Descendants().Any(o => o is IAssignmentOperation assignment
                        && assignment.Target is IParameterReferenceOperation target
                        && SymbolEqualityComparer.Default.Equals(target.Parameter, parameter.Parameter)))
                    {
                        return false;
                    }

                    break;
            }
        }

        return true;
    }

    private static ILocalReferenceOperation? SingleUse(IOperation body, ILocalSymbol local)
    {
        ILocalReferenceOperation? found = null;
        foreach (var reference in body.Descendants().OfType<ILocalReferenceOperation>())
        {
            if (!SymbolEqualityComparer.Default.Equals(reference.Local, local))
            {
                continue;
            }

            if (found is not null)
            {
                return null;
            }

            found = reference;
        }

        return found;
    }

    private static LocalDeclarationStatementSyntax? SingleDeclarationStatement(SyntaxNode declarator) =>
        declarator.Parent is VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax statement }
        && statement.UsingKeyword.IsKind(SyntaxKind.None) && !statement.IsConst
            ? statement
            : null;

    private static bool IsInStatementList(StatementSyntax statement) => statement.Parent is BlockSyntax or GlobalStatementSyntax or SwitchSectionSyntax;
}
