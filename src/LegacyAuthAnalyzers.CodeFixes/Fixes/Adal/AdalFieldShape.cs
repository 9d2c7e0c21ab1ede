using System.Threading;
using System.Threading.Tasks;
using LegacyAuthAnalyzers.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;

namespace LegacyAuthAnalyzers.CodeFixes.Fixes.Adal;

/// <summary>
/// An <c>AuthenticationContext</c> kept in a private field or property (created in its initializer or assigned once)
/// and used from several members, as libraries that serve many token requests hold it. Its app-only token calls
/// (<c>AcquireTokenAsync</c> or <c>AcquireTokenSilentAsync</c> with one <c>ClientCredential</c> or
/// <c>ClientAssertionCertificate</c>) move to an MSAL confidential client built once into the same field. Token calls
/// with no equivalent on that application (a user's password, an interactive prompt, a user's cached token) keep their
/// ADAL flow on an <c>AuthenticationContext</c> of the same authority and cache, under a <c>TODO(LA4002)</c> comment.
/// </summary>
internal sealed class AdalFieldShape
{
    private AdalFieldShape(
        IObjectCreationOperation creation,
        TypeSyntax memberType,
        SyntaxNode anchor,
        string clientId,
        string credential,
        bool isCertificate,
        ImmutableArray<MigratedCall> migrated,
        ImmutableArray<KeptCall> kept,
        ImmutableArray<SyntaxNode> removedInputs,
        ImmutableArray<SyntaxNode> copiedInputs,
        string? cacheTodo)
    {
        Creation = creation;
        MemberType = memberType;
        Anchor = anchor;
        ClientId = clientId;
        Credential = credential;
        IsCertificate = isCertificate;
        Migrated = migrated;
        Kept = kept;
        RemovedInputs = removedInputs;
        CopiedInputs = copiedInputs;
        CacheTodo = cacheTodo;
    }

    private IObjectCreationOperation Creation { get; }

    /// <summary>The <c>AuthenticationContext</c> type of the field or property declaration.</summary>
    private TypeSyntax MemberType { get; }

    /// <summary>The statement or member declaration the creation sits in: its line sets the builder's indentation.</summary>
    private SyntaxNode Anchor { get; }

    /// <summary>The client ID and secret or certificate, as written where the context is created.</summary>
    private string ClientId { get; }

    private string Credential { get; }

    private bool IsCertificate { get; }

    private ImmutableArray<MigratedCall> Migrated { get; }

    private ImmutableArray<KeptCall> Kept { get; }

    /// <summary>Nodes the rewrite drops (credentials, the token cache): declarations only they read may go.</summary>
    private ImmutableArray<SyntaxNode> RemovedInputs { get; }

    /// <summary>Nodes whose values the rewrite still reads.</summary>
    private ImmutableArray<SyntaxNode> CopiedInputs { get; }

    /// <summary>What to do about a token cache of the code's own (persisted, say), which the new application does not take over.</summary>
    private string? CacheTodo { get; }

    private sealed class MigratedCall
    {
        public MigratedCall(InvocationExpressionSyntax invocation, ExpressionSyntax receiver, ExpressionSyntax resource, AdalTokenCall.ResultUses resultUses, TryStatementSyntax? adalCatch)
        {
            AdalCatch = adalCatch;
            Invocation = invocation;
            Receiver = receiver;
            Resource = resource;
            ResultUses = resultUses;
        }

        public InvocationExpressionSyntax Invocation { get; }

        public ExpressionSyntax Receiver { get; }

        public ExpressionSyntax Resource { get; }

        public AdalTokenCall.ResultUses ResultUses { get; }

        /// <summary>The <c>try</c> around the call whose <c>catch</c> expects one of ADAL's exceptions.</summary>
        public TryStatementSyntax? AdalCatch { get; }
    }

    private sealed class KeptCall
    {
        public KeptCall(ExpressionSyntax receiver, StatementSyntax statement, string creation, string todo)
        {
            Receiver = receiver;
            Statement = statement;
            Creation = creation;
            Todo = todo;
        }

        public ExpressionSyntax Receiver { get; }

        public StatementSyntax Statement { get; }

        public string Creation { get; }

        public string Todo { get; }
    }

    /// <summary>The shape at <paramref name="creationSyntax"/>, or null when the fix does not apply; never throws.</summary>
    public static AdalFieldShape? Find(SemanticModel model, BaseObjectCreationExpressionSyntax creationSyntax, CancellationToken cancellationToken) =>
        ShapeSearch.OrNone(() => TryFind(model, creationSyntax, cancellationToken));

    private static AdalFieldShape? TryFind(SemanticModel model, BaseObjectCreationExpressionSyntax creationSyntax, CancellationToken cancellationToken)
    {
        var types = KnownTypes.For(model.Compilation);
        if (AdalTokenCall.ContextCreation(model, types, creationSyntax, cancellationToken) is not { } creation
            || !ReadConstructor(model.Compilation, creation, out var authority, out var validateAuthority, out var tokenCache)
            || Storage(creation) is not { } storage
            || Declaration(storage.Member, cancellationToken) is not { } declaration)
        {
            return null;
        }

        var (member, write, anchor) = (storage.Member, storage.Write, storage.Anchor);
        if (write is not null && HasInitializer(member, cancellationToken))
        {
            // Stored twice: the other context would have no MSAL application to become.
            return null;
        }

        var containingType = member.ContainingType;
        if (containingType.DeclaringSyntaxReferences.Length != 1
            || containingType.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not TypeDeclarationSyntax typeSyntax
            || typeSyntax.SyntaxTree != creationSyntax.SyntaxTree)
        {
            return null;
        }

        var placement = new ExpressionPlacement(model, creationSyntax.SpanStart, anchor, typeSyntax, member.IsStatic || model.GetEnclosingSymbol(creationSyntax.SpanStart, cancellationToken)?.IsStatic == true, write is null);
        var migrated = ImmutableArray.CreateBuilder<MigratedCall>();
        var keptCalls = new List<(IInvocationOperation Call, ExpressionSyntax Receiver)>();
        var removed = new List<SyntaxNode>();
        var credentialInputs = new List<SyntaxNode>();
        string? clientId = null;
        string? credential = null;
        var isCertificate = false;
        foreach (var reference in References(model, typeSyntax, member, cancellationToken))
        {
            if (reference is null)
            {
                // A use the operation tree does not show (nameof, a cref): one the fix cannot rewrite.
                return null;
            }

            if (write is not null && write.Syntax.Span.Contains(reference.Syntax.Span))
            {
                continue;
            }

            if (Call(reference) is not { } call || reference.Syntax is not ExpressionSyntax receiver)
            {
                // Read for anything else than a token call (its authority, its cache, handed out): MSAL has no twin.
                return null;
            }

            if (AppOnlyCredential(types, call, out var isAppOnly) is not { } credentialCreation)
            {
                if (isAppOnly)
                {
                    // An app-only call whose credential is not written at the call (a field, a parameter): its client
                    // ID and secret cannot be compared with the other calls' nor moved to the application.
                    return null;
                }

                keptCalls.Add((call, receiver));
                continue;
            }

            if (call.Syntax is not InvocationExpressionSyntax invocation
                || AdalTokenCall.ArgumentSyntax(call.Arguments, 0) is not { } resource
                || AdalTokenCall.FindResultUses(call) is not { } resultUses
                || AdalTokenCall.ArgumentSyntax(credentialCreation.Arguments, 0) is not { } idSyntax
                || AdalTokenCall.ArgumentSyntax(credentialCreation.Arguments, 1) is not { } secretSyntax
                || placement.Relocate(idSyntax, cancellationToken) is not { } id
                || placement.Relocate(secretSyntax, cancellationToken) is not { } secret)
            {
                return null;
            }

            var certificate = !types.Is(credentialCreation.Type, KnownType.Microsoft_IdentityModel_Clients_ActiveDirectory_ClientCredential);
            if (clientId is null)
            {
                (clientId, credential, isCertificate) = (id, secret, certificate);
                credentialInputs.Add(idSyntax);
                credentialInputs.Add(secretSyntax);
            }
            else if (clientId != id || credential != secret || isCertificate != certificate)
            {
                // Two applications behind one context: one MSAL application cannot be both.
                return null;
            }

            removed.Add(credentialCreation.Syntax);
            migrated.Add(new MigratedCall(invocation, receiver, resource, resultUses, AdalCatchAround(model, invocation, cancellationToken)));
        }

        if (clientId is null || credential is null
            || migrated.Any(m => m.ResultUses.SharingCalls.Any(shared => !migrated.Any(other => other.Invocation == shared.Syntax))))
        {
            // A result local that a call staying on ADAL also assigns keeps ADAL's result type.
            return null;
        }

        var kept = ImmutableArray.CreateBuilder<KeptCall>();
        foreach (var (call, receiver) in keptCalls)
        {
            if (receiver.FirstAncestorOrSelf<StatementSyntax>() is not { } statement
                || KeptCreation(model, creation, receiver.SpanStart, typeSyntax, cancellationToken) is not { } adal
                || tokenCache is not null && !IsSharedValue(tokenCache))
            {
                // The ADAL call would need the constructor's inputs where it is made, and a cache of its own per call is no cache.
                return null;
            }

            kept.Add(new KeptCall(receiver, statement, adal, TodoFor(call)));
        }

        var copied = new List<SyntaxNode> { authority };
        if (validateAuthority is not null)
        {
            copied.Add(validateAuthority);
        }

        if (tokenCache is not null)
        {
            (kept.Count > 0 ? copied : removed).Add(tokenCache);
        }

        copied.AddRange(credentialInputs);
        return new AdalFieldShape(
            creation,
            declaration,
            anchor,
            clientId,
            credential,
            isCertificate,
            migrated.ToImmutable(),
            kept.ToImmutable(),
            removed.ToImmutableArray(),
            copied.ToImmutableArray(),
            IsPlain(model, tokenCache, cancellationToken) ? null : CacheTodoText);
    }

    public async Task<Document> RewriteAsync(Document document, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        // Declarations only the dropped credentials and cache read go with them, when nothing else reads them.
        var removals = await SecretRemoval.FindAsync(document.Project.Solution, RemovedInputs, CopiedInputs, cancellationToken).ConfigureAwait(false);
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var newLine = FixDocument.NewLineOf(root);
        var msal = AdalTokenCall.MsalNamespace;

        var type = FixDocument.MarkForImport(SyntaxFactory.ParseTypeName(msal + ".IConfidentialClientApplication"), msal);
        editor.ReplaceNode(MemberType, type.WithTriviaFrom(MemberType));

        var authority = (ExpressionSyntax)AdalTokenCall.ArgumentOperation(Creation.Arguments, 0)!.Syntax;
        var validate = ValidateAuthorityArgument(Creation);
        var builder = SyntaxFactory.ParseExpression(AdalTokenCall.ConfidentialClientText(
            ClientId, AdalTokenCall.Text(authority), validate is null ? null : AdalTokenCall.Text(validate), Credential, IsCertificate, FixDocument.IndentationOf(Anchor), newLine));
        editor.ReplaceNode(Creation.Syntax, FixDocument.MarkForImport(builder, msal).WithTriviaFrom(Creation.Syntax));
        if (CacheTodo is not null)
        {
            AddTodo(editor, Anchor is MemberDeclarationSyntax ? MemberType.FirstAncestorOrSelf<MemberDeclarationSyntax>()! : Anchor, CacheTodo, newLine);
        }

        foreach (var call in Migrated)
        {
            var replacement = SyntaxFactory.ParseExpression(
                AdalTokenCall.Text(call.Receiver) + ".AcquireTokenForClient(new[] { " + MsalScopes.DefaultScopeOf(call.Resource) + " }).ExecuteAsync()");
            editor.ReplaceNode(call.Invocation, replacement.WithTriviaFrom(call.Invocation));
        }

        AdalTokenCall.ResultUses.Rewrite(editor, Migrated.Select(m => m.ResultUses));
        foreach (var tryStatement in Migrated.Select(m => m.AdalCatch).OfType<TryStatementSyntax>().Distinct())
        {
            AddTodo(editor, tryStatement, CatchTodoText, newLine);
        }

        foreach (var call in Kept)
        {
            var adal = FixDocument.MarkForImport(SyntaxFactory.ParseExpression(call.Creation), AdalTokenCall.AdalNamespaceName);
            editor.ReplaceNode(call.Receiver, adal.WithTriviaFrom(call.Receiver));
            AddTodo(editor, call.Statement, call.Todo, newLine);
        }

        if (removals.TryGetValue(document.Id, out var declarations))
        {
            SecretRemoval.Remove(editor, declarations);
        }

        return editor.GetChangedDocument();
    }

    /// <summary>A <c>// TODO(LA4002): …</c> line above <paramref name="node"/>, at its indentation.</summary>
    internal static void AddTodo(SyntaxEditor editor, SyntaxNode node, string text, string newLine)
    {
        var todo = SyntaxFactory.TriviaList(
            SyntaxFactory.Comment("// TODO(LA4002): " + text),
            SyntaxFactory.EndOfLine(newLine),
            SyntaxFactory.Whitespace(FixDocument.IndentationOf(node)));
        editor.ReplaceNode(node, (current, _) => current.WithLeadingTrivia(current.GetLeadingTrivia().AddRange(todo)));
    }

    internal const string CatchTodoText = "MSAL throws MsalException (MsalServiceException, MsalClientException), not the ADAL exceptions caught below: "
        + "catch MSAL's instead.";

    /// <summary>The innermost <c>try</c> whose block holds the call and one of whose <c>catch</c> clauses names an ADAL exception type.</summary>
    internal static TryStatementSyntax? AdalCatchAround(SemanticModel model, SyntaxNode call, CancellationToken cancellationToken)
    {
        foreach (var tryStatement in call.Ancestors().OfType<TryStatementSyntax>())
        {
            if (tryStatement.Block.Span.Contains(call.Span)
                && tryStatement.Catches.Any(c => c.Declaration is { } declaration
                    && model.GetTypeInfo(declaration.Type, cancellationToken).Type?.ContainingNamespace?.ToDisplayString() == AdalTokenCall.AdalNamespaceName))
            {
                return tryStatement;
            }
        }

        return null;
    }

    internal const string CacheTodoText = "ADAL kept these tokens in the code's own TokenCache; this MSAL application keeps them in memory. "
        + "To persist them, serialize its AppTokenCache (SetBeforeAccess/SetAfterAccess, see https://aka.ms/msal-net-token-cache-serialization).";

    private static string TodoFor(IInvocationOperation call)
    {
        var parameterTypes = call.TargetMethod.Parameters.Select(p => p.Type.Name).ToList();
        if (parameterTypes.Contains("UserPasswordCredential") || parameterTypes.Contains("UserCredential"))
        {
            return "ADAL's username/password sign-in has no equivalent on the MSAL confidential client above: "
                + "sign the user in with an MSAL public client (interactive or device code), then drop ADAL.";
        }

        if (parameterTypes.Contains("IPlatformParameters"))
        {
            return "ADAL's interactive sign-in has no equivalent on the MSAL confidential client above: "
                + "use an MSAL public client's AcquireTokenInteractive (WithPrompt for PromptBehavior), then drop ADAL.";
        }

        return "this ADAL call is not migrated: move it to the MSAL call for its flow (https://aka.ms/adal-to-msal-net), then drop ADAL.";
    }

    /// <summary>
    /// <c>new AuthenticationContext(authority[, validateAuthority][, tokenCache])</c>: the overloads whose inputs MSAL's
    /// builder takes. A custom authority validation type or HTTP client factory has no plain twin.
    /// </summary>
    internal static bool ReadConstructor(Compilation compilation, IObjectCreationOperation creation, out SyntaxNode authority, out SyntaxNode? validateAuthority, out SyntaxNode? tokenCache)
    {
        authority = null!;
        validateAuthority = null;
        tokenCache = null;
        if (creation.Constructor is not { } constructor || creation.Initializer is not null)
        {
            return false;
        }

        var cacheType = KnownTypes.For(compilation).Get(KnownType.Microsoft_IdentityModel_Clients_ActiveDirectory_TokenCache);
        foreach (var argument in creation.Arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.Explicit || argument.Parameter is not { } parameter)
            {
                return false;
            }

            switch (parameter.Ordinal)
            {
                case 0 when parameter.Type.SpecialType == SpecialType.System_String:
                    authority = argument.Value.Syntax;
                    break;
                case 1 or 2 when parameter.Type.SpecialType == SpecialType.System_Boolean:
                    validateAuthority = argument.Value.Syntax;
                    break;
                case 1 or 2 when SymbolEqualityComparer.Default.Equals(parameter.Type, cacheType):
                    tokenCache = argument.Value.Syntax;
                    break;
                default:
                    return false;
            }
        }

        return authority is not null;
    }

    internal static ExpressionSyntax? ValidateAuthorityArgument(IObjectCreationOperation creation) =>
        creation.Arguments.FirstOrDefault(a => a.Parameter?.Type.SpecialType == SpecialType.System_Boolean)?.Value.Syntax as ExpressionSyntax;

    /// <summary>
    /// The token cache is ADAL's plain in-memory one (none, <c>TokenCache.DefaultShared</c>, <c>new TokenCache()</c>,
    /// or a field or property holding one), whose place MSAL's shared in-memory cache takes.
    /// </summary>
    internal static bool IsPlain(SemanticModel model, SyntaxNode? tokenCache, CancellationToken cancellationToken)
    {
        if (tokenCache is null)
        {
            return true;
        }

        var cacheType = KnownTypes.For(model.Compilation).Get(KnownType.Microsoft_IdentityModel_Clients_ActiveDirectory_TokenCache);
        var value = model.GetOperation(tokenCache, cancellationToken);
        for (var depth = 0; depth < 4; depth++)
        {
            switch (OperationTree.SkipConversions(value))
            {
                case IObjectCreationOperation created:
                    return created.Arguments.IsEmpty && created.Initializer is null && SymbolEqualityComparer.Default.Equals(created.Type, cacheType);
                case IPropertyReferenceOperation { Property: { IsStatic: true, Name: "DefaultShared" } property }
                    when SymbolEqualityComparer.Default.Equals(property.ContainingType, cacheType):
                    return true;
                case IFieldReferenceOperation or IPropertyReferenceOperation when value is not null:
                    value = OperationTree.InitializerOf(((IMemberReferenceOperation)OperationTree.SkipConversions(value)!).Member, model, cancellationToken);
                    if (value is null)
                    {
                        return false;
                    }

                    break;
                default:
                    return false;
            }
        }

        return false;
    }

    /// <summary>A cache read from a field or property, so that a context created per call shares it.</summary>
    private static bool IsSharedValue(SyntaxNode tokenCache) => tokenCache is IdentifierNameSyntax or MemberAccessExpressionSyntax;

    internal sealed class StorageSite
    {
        public StorageSite(ISymbol member, IOperation? write, SyntaxNode anchor)
        {
            Member = member;
            Write = write;
            Anchor = anchor;
        }

        public ISymbol Member { get; }

        public IOperation? Write { get; }

        public SyntaxNode Anchor { get; }
    }

    /// <summary>
    /// The private field or auto-property the context is stored in, with the assignment that stores it (null for an
    /// initializer) and the declaration or statement that holds the creation.
    /// </summary>
    internal static StorageSite? Storage(IObjectCreationOperation creation)
    {
        switch (OperationTree.Consumer(creation))
        {
            case IFieldInitializerOperation { InitializedFields: { Length: 1 } fields } initializer when initializer.Syntax.Parent?.Parent?.Parent is FieldDeclarationSyntax field:
                return new StorageSite(fields[0], null, field);
            case IPropertyInitializerOperation { InitializedProperties: { Length: 1 } properties } initializer when initializer.Syntax.Parent is PropertyDeclarationSyntax property:
                return new StorageSite(properties[0], null, property);
            case ISimpleAssignmentOperation { Parent: IExpressionStatementOperation { Syntax: ExpressionStatementSyntax statement } } assignment
                when AdalTokenCall.IsSame(assignment.Value, creation) && statement.Parent is BlockSyntax:
                ISymbol? target = OperationTree.SkipConversions(assignment.Target) switch
                {
                    IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => field.Field,
                    IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation } property => property.Property,
                    _ => null,
                };
                return target is null ? null : new StorageSite(target, assignment, statement);
            default:
                return null;
        }
    }

    /// <summary>The type syntax of a private, single-variable field or a private auto-property.</summary>
    internal static TypeSyntax? Declaration(ISymbol member, CancellationToken cancellationToken)
    {
        if (member.DeclaredAccessibility != Accessibility.Private || member.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        return member.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) switch
        {
            VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: FieldDeclarationSyntax } declaration } when member is IFieldSymbol { IsConst: false } =>
                declaration.Type,
            PropertyDeclarationSyntax { AccessorList: { } accessors } property
                when accessors.Accessors.All(a => a.Body is null && a.ExpressionBody is null) => property.Type,
            _ => null,
        };
    }

    internal static bool HasInitializer(ISymbol member, CancellationToken cancellationToken) =>
        member.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer: not null } or PropertyDeclarationSyntax { Initializer: not null };

    /// <summary>Every read or write of <paramref name="member"/> in its type's declaration, as member reference operations (null for one that is not an operation).</summary>
    internal static IEnumerable<IMemberReferenceOperation?> References(SemanticModel model, TypeDeclarationSyntax type, ISymbol member, CancellationToken cancellationToken)
    {
        foreach (var name in type.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (name.Identifier.ValueText != member.Name
                || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, member))
            {
                continue;
            }

            var expression = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : (ExpressionSyntax)name;
            yield return model.GetOperation(expression, cancellationToken) as IMemberReferenceOperation;
        }
    }

    /// <summary>The ADAL token call the context is the receiver of (an instance method or an ADAL extension).</summary>
    internal static IInvocationOperation? Call(IMemberReferenceOperation reference)
    {
        var call = OperationTree.Consumer(reference) switch
        {
            IInvocationOperation invocation when AdalTokenCall.IsSame(invocation.Instance, reference) => invocation,
            IArgumentOperation { Parameter.Ordinal: 0, Parent: IInvocationOperation { TargetMethod.IsExtensionMethod: true } extension } => extension,
            _ => null,
        };

        return call is not null
            && call.TargetMethod.Name.StartsWith("AcquireToken", StringComparison.Ordinal)
            && call.TargetMethod.ContainingNamespace.ToDisplayString() == AdalTokenCall.AdalNamespaceName
            ? call
            : null;
    }

    /// <summary>
    /// The client credential of an app-only call: <c>AcquireTokenAsync(resource, credential)</c>, or
    /// <c>AcquireTokenSilentAsync(resource, credential, UserIdentifier.AnyUser)</c>, which MSAL's client-credentials call
    /// already is (it serves the token from its cache while valid).
    /// </summary>
    internal static IObjectCreationOperation? AppOnlyCredential(KnownTypes types, IInvocationOperation call, out bool isAppOnly)
    {
        var method = call.TargetMethod;
        var shape = method.Name switch
        {
            "AcquireTokenAsync" => method.Parameters.Length == 2,
            "AcquireTokenSilentAsync" => method.Parameters.Length == 3
                && OperationTree.SkipConversions(AdalTokenCall.ArgumentOperation(call.Arguments, 2)) is IPropertyReferenceOperation { Property: { Name: "AnyUser", IsStatic: true } },
            _ => false,
        };

        // The app's own token, whatever form its credential takes (ClientCredential, a certificate, a signed assertion).
        isAppOnly = shape && !method.IsExtensionMethod && method.Parameters[0].Type.SpecialType == SpecialType.System_String
            && method.Parameters[1].Type.Name is "ClientCredential" or "IClientAssertionCertificate" or "ClientAssertion";
        return isAppOnly && AdalTokenCall.IsClientCredential(types, OperationTree.SkipConversions(AdalTokenCall.ArgumentOperation(call.Arguments, 1)), out var creation, out _)
            ? creation
            : null;
    }

    /// <summary>
    /// <c>new AuthenticationContext(…)</c> with the original arguments, as written where a kept ADAL call is made; null
    /// when an argument reads something that is not there (a constructor parameter, an instance member in a static member).
    /// </summary>
    private static string? KeptCreation(SemanticModel model, IObjectCreationOperation creation, int position, TypeDeclarationSyntax type, CancellationToken cancellationToken)
    {
        var isStatic = model.GetEnclosingSymbol(position, cancellationToken)?.IsStatic == true;
        var at = new ExpressionPlacement(model, position, null, type, isStatic, isInitializer: false);
        var arguments = new List<string>();
        foreach (var argument in ((BaseObjectCreationExpressionSyntax)creation.Syntax).ArgumentList!.Arguments)
        {
            if (at.Relocate(argument.Expression, cancellationToken) is not { } text)
            {
                return null;
            }

            arguments.Add((argument.NameColon is null ? string.Empty : argument.NameColon.ToString()) + text);
        }

        return "new " + AdalTokenCall.AdalNamespaceName + ".AuthenticationContext(" + string.Join(", ", arguments) + ")";
    }
}
