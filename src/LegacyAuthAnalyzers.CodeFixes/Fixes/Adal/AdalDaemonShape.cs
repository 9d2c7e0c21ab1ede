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
    // ADAL AuthenticationResult members with an MSAL AuthenticationResult member of the same meaning.
    private static readonly ImmutableDictionary<string, string> ResultMembers = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AccessToken"] = "AccessToken",
        ["AccessTokenType"] = "TokenType",
        ["ExpiresOn"] = "ExpiresOn",
        ["TenantId"] = "TenantId",
        ["IdToken"] = "IdToken",
        ["CreateAuthorizationHeader"] = "CreateAuthorizationHeader",
    }.ToImmutableDictionary(StringComparer.Ordinal);

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
        TypeSyntax? explicitResultType,
        ImmutableArray<SimpleNameSyntax> renamedMembers)
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
        ExplicitResultType = explicitResultType;
        RenamedMembers = renamedMembers;
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

    private TypeSyntax? ExplicitResultType { get; }

    private ImmutableArray<SimpleNameSyntax> RenamedMembers { get; }

    private const string MsalNamespace = "Microsoft.Identity.Client";

    /// <summary>The shape at <paramref name="creationSyntax"/>, or null when the fix does not apply; never throws.</summary>
    public static AdalDaemonShape? Find(SemanticModel model, BaseObjectCreationExpressionSyntax creationSyntax, CancellationToken cancellationToken)
    {
        try
        {
            return TryFind(model, creationSyntax, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Code the fix does not understand is simply not offered a fix.
            return null;
        }
    }

    private static AdalDaemonShape? TryFind(SemanticModel model, BaseObjectCreationExpressionSyntax creationSyntax, CancellationToken cancellationToken)
    {
        var types = KnownTypes.For(model.Compilation);
        if (types.Get(KnownType.Microsoft_Identity_Client_ConfidentialClientApplicationBuilder) is null
            || model.GetOperation(creationSyntax, cancellationToken) is not IObjectCreationOperation creation
            || !types.Is(creation.Type, KnownType.Microsoft_IdentityModel_Clients_ActiveDirectory_AuthenticationContext))
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

        var authority = ArgumentSyntax(creation.Arguments, 0);
        var validateAuthority = parameters.Length == 2 ? ArgumentSyntax(creation.Arguments, 1) : null;
        if (authority is null || parameters.Length == 2 && validateAuthority is null)
        {
            return null;
        }

        var body = OperationTree.Root(creation);
        var parent = OperationTree.Consumer(creation);
        IInvocationOperation? acquire;
        StatementSyntax? contextStatement = null;
        if (parent is IInvocationOperation direct && IsSame(direct.Instance, creation))
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

        var resource = ArgumentOperation(acquire.Arguments, 0);
        var credentialValue = ArgumentOperation(acquire.Arguments, 1);
        if (resource is null || credentialValue is null
            || !FindCredential(types, body, OperationTree.SkipConversions(credentialValue), out var credentialCreation, out var credentialStatement, out var isCertificate)
            || ArgumentSyntax(credentialCreation.Arguments, 0) is not { } clientId
            || ArgumentSyntax(credentialCreation.Arguments, 1) is not { } credential)
        {
            return null;
        }

        var acquireStatement = acquireSyntax.FirstAncestorOrSelf<StatementSyntax>();
        if (acquireStatement is null || !IsInStatementList(acquireStatement) || contextStatement is not null && !IsInStatementList(contextStatement))
        {
            return null;
        }

        if (!ResultIsCompatible(acquire, body, out var explicitResultType, out var renamedMembers))
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
            explicitResultType,
            renamedMembers);
    }

    public void Rewrite(DocumentEditor editor, SemanticModel model, SyntaxNode root)
    {
        var acquireStatement = Acquire.FirstAncestorOrSelf<StatementSyntax>()!;
        var anchor = PlaceAtContext ? ContextStatement! : acquireStatement;
        var memberBody = FixDocument.MemberBody(anchor) ?? root;
        var appName = FixDocument.UniqueName(model, anchor.SpanStart, memberBody, "app");
        var newLine = FixDocument.NewLineOf(root);
        var indentation = FixDocument.IndentationOf(anchor);

        var builder = SyntaxFactory.ParseStatement(BuilderText(appName, indentation, newLine));
        builder = FixDocument.MarkForImport(builder, MsalNamespace);
        builder = PlaceAtContext
            ? builder.WithTriviaFrom(ContextStatement!)
            : builder.WithLeadingTrivia(SyntaxFactory.Whitespace(indentation)).WithTrailingTrivia(SyntaxFactory.EndOfLine(newLine));

        var acquireReplacement = SyntaxFactory.ParseExpression(
                appName + ".AcquireTokenForClient(new[] { " + ScopeText() + " }).ExecuteAsync()")
            .WithTriviaFrom(Acquire);
        editor.ReplaceNode(Acquire, acquireReplacement);

        foreach (var member in RenamedMembers)
        {
            if (ResultMembers.TryGetValue(member.Identifier.ValueText, out var msalName) && msalName != member.Identifier.ValueText)
            {
                editor.ReplaceNode(member, SyntaxFactory.IdentifierName(msalName).WithTriviaFrom(member));
            }
        }

        if (ExplicitResultType is not null)
        {
            var msalResult = FixDocument.MarkForImport(SyntaxFactory.ParseTypeName(MsalNamespace + ".AuthenticationResult"), MsalNamespace);
            editor.ReplaceNode(ExplicitResultType, msalResult.WithTriviaFrom(ExplicitResultType));
        }

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

    private string BuilderText(string appName, string indentation, string newLine)
    {
        var continuation = newLine + indentation + "    ";
        var authority = Text(Authority) + (ValidateAuthority is null ? string.Empty : ", " + Text(ValidateAuthority));
        var credential = IsCertificate ? ".WithCertificate(" : ".WithClientSecret(";

        // ADAL shared one token cache across AuthenticationContext instances by default; the shared MSAL cache keeps
        // that behaviour, so building the application per call does not request a new token per call.
        return "var " + appName + " = " + MsalNamespace + ".ConfidentialClientApplicationBuilder.Create(" + Text(ClientId) + ")"
            + continuation + ".WithAuthority(" + authority + ")"
            + continuation + credential + Text(Credential) + ")"
            + continuation + ".WithCacheOptions(" + MsalNamespace + ".CacheOptions.EnableSharedCacheOptions)"
            + continuation + ".Build();";
    }

    /// <summary>The v1 resource becomes its <c>/.default</c> scope; a literal is folded, anything else concatenated.</summary>
    private string ScopeText()
    {
        var syntax = (ExpressionSyntax)Resource.Syntax;
        if (syntax is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
        {
            return SyntaxFactory.Literal(literal.Token.ValueText + "/.default").Text;
        }

        var text = Text(syntax);
        var needsParentheses = syntax is not (IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax
            or ElementAccessExpressionSyntax or ParenthesizedExpressionSyntax or InterpolatedStringExpressionSyntax or LiteralExpressionSyntax)
            && !(syntax is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AddExpression));
        return (needsParentheses ? "(" + text + ")" : text) + " + \"/.default\"";
    }

    private static string Text(SyntaxNode node) => node.WithoutTrivia().ToFullString();

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

        if (value is not IObjectCreationOperation created || created.Arguments.Length != 2 || created.Constructor is not { } constructor
            || constructor.Parameters[0].Type.SpecialType != SpecialType.System_String)
        {
            return false;
        }

        creation = created;
        if (types.Is(created.Type, KnownType.Microsoft_IdentityModel_Clients_ActiveDirectory_ClientCredential))
        {
            // ClientCredential(clientId, string secret); the ISecureClientSecret overload has no MSAL twin.
            return constructor.Parameters[1].Type.SpecialType == SpecialType.System_String;
        }

        isCertificate = true;
        return types.Is(created.Type, KnownType.Microsoft_IdentityModel_Clients_ActiveDirectory_ClientAssertionCertificate);
    }

    /// <summary>
    /// Every use of the token result must exist on MSAL's <c>AuthenticationResult</c>: the awaited (or
    /// <c>.Result</c>) value read for its token, expiry or header, directly or through one local.
    /// </summary>
    private static bool ResultIsCompatible(IInvocationOperation acquire, IOperation body, out TypeSyntax? explicitType, out ImmutableArray<SimpleNameSyntax> renamedMembers)
    {
        explicitType = null;
        renamedMembers = ImmutableArray<SimpleNameSyntax>.Empty;
        IOperation task = acquire;
        if (task.Parent is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" } configured && IsSame(configured.Instance, task))
        {
            task = configured;
        }

        IOperation? value = task.Parent switch
        {
            IAwaitOperation awaited => awaited,
            IPropertyReferenceOperation { Property.Name: "Result" } result when IsSame(result.Instance, task) => result,
            IInvocationOperation { TargetMethod.Name: "GetAwaiter", Parent: IInvocationOperation { TargetMethod.Name: "GetResult" } getResult } => getResult,
            _ => null,
        };

        if (value is null)
        {
            return false;
        }

        var renamed = ImmutableArray.CreateBuilder<SimpleNameSyntax>();
        switch (value.Parent)
        {
            case IExpressionStatementOperation:
                break;
            case IPropertyReferenceOperation or IInvocationOperation:
                if (!IsCompatibleMemberUse(value, renamed))
                {
                    return false;
                }

                break;
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                var values = new List<IOperation>();
                if (declarator.Syntax.Parent is not VariableDeclarationSyntax { Variables.Count: 1 } declaration
                    || !ConstantResolver.TryGetLocalAssignments(declarator.Symbol, body, values) || values.Count != 1)
                {
                    return false;
                }

                foreach (var reference in body.Descendants().OfType<ILocalReferenceOperation>())
                {
                    if (SymbolEqualityComparer.Default.Equals(reference.Local, declarator.Symbol) && !IsCompatibleMemberUse(reference, renamed))
                    {
                        return false;
                    }
                }

                if (!declaration.Type.IsVar)
                {
                    explicitType = declaration.Type;
                }

                break;
            default:
                return false;
        }

        renamedMembers = renamed.ToImmutable();
        return true;
    }

    private static bool IsCompatibleMemberUse(IOperation result, ImmutableArray<SimpleNameSyntax>.Builder renamed)
    {
        var (member, name) = result.Parent switch
        {
            IPropertyReferenceOperation property when IsSame(property.Instance, result) => (property.Property.Name, (property.Syntax as MemberAccessExpressionSyntax)?.Name),
            IInvocationOperation invocation when IsSame(invocation.Instance, result) =>
                (invocation.TargetMethod.Name, ((invocation.Syntax as InvocationExpressionSyntax)?.Expression as MemberAccessExpressionSyntax)?.Name),
            _ => (null, null),
        };

        if (member is null || name is null || !ResultMembers.ContainsKey(member))
        {
            return false;
        }

        renamed.Add(name);
        return true;
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

    private static bool IsSame(IOperation? operation, IOperation target)
    {
        operation = OperationTree.SkipConversions(operation);

        return ReferenceEquals(operation, target);
    }

    private static IOperation? ArgumentOperation(ImmutableArray<IArgumentOperation> arguments, int ordinal)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Ordinal == ordinal && argument.ArgumentKind == ArgumentKind.Explicit)
            {
                return argument.Value;
            }
        }

        return null;
    }

    private static ExpressionSyntax? ArgumentSyntax(ImmutableArray<IArgumentOperation> arguments, int ordinal) =>
        ArgumentOperation(arguments, ordinal)?.Syntax as ExpressionSyntax;
}
