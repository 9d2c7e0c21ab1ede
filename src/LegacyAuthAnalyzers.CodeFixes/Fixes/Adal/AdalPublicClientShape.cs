using System.Threading;
using System.Threading.Tasks;
using LegacyAuthAnalyzers.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;

namespace LegacyAuthAnalyzers.CodeFixes.Fixes.Adal;

/// <summary>
/// An <c>AuthenticationContext</c> kept in a private field or property (as <see cref="AdalFieldShape"/> reads it) whose
/// every token call signs a user in for one public client: <c>AcquireTokenAsync(resource, clientId, redirectUri, new
/// PlatformParameters(PromptBehavior.…)[, UserIdentifier])</c> and <c>AcquireTokenSilentAsync(resource, clientId[,
/// UserIdentifier])</c>. The field then holds one MSAL public client, so that a token the interactive call got is the
/// one the silent calls find in its cache, as with ADAL. A field whose calls are not all of these, or name two client
/// IDs or redirect URIs, is not this shape.
/// </summary>
internal sealed class AdalPublicClientShape
{
    /// <summary>The method the fix adds for <c>PromptBehavior.Auto</c>: MSAL's cache first, then the user signs in.</summary>
    public const string SilentOrInteractiveName = "AcquireTokenSilentOrInteractiveAsync";

    private const string OutOfBandRedirectUri = "urn:ietf:wg:oauth:2.0:oob";

    private AdalPublicClientShape(
        IObjectCreationOperation creation,
        TypeSyntax memberType,
        SyntaxNode anchor,
        TypeDeclarationSyntax type,
        string clientId,
        string? redirect,
        ImmutableArray<UserCall> calls,
        ImmutableArray<string> todos,
        ImmutableArray<bool> helpersToAdd,
        ImmutableArray<TypeSyntax> silentCatches,
        ImmutableArray<TryStatementSyntax> otherCatches,
        ImmutableArray<SyntaxNode> removedInputs,
        ImmutableArray<SyntaxNode> copiedInputs)
    {
        Creation = creation;
        MemberType = memberType;
        Anchor = anchor;
        Type = type;
        ClientId = clientId;
        Redirect = redirect;
        Calls = calls;
        Todos = todos;
        HelpersToAdd = helpersToAdd;
        SilentCatches = silentCatches;
        OtherCatches = otherCatches;
        RemovedInputs = removedInputs;
        CopiedInputs = copiedInputs;
    }

    private IObjectCreationOperation Creation { get; }

    private TypeSyntax MemberType { get; }

    private SyntaxNode Anchor { get; }

    private TypeDeclarationSyntax Type { get; }

    private string ClientId { get; }

    /// <summary>The builder's redirect URI call (<c>.WithRedirectUri(…)</c> or <c>.WithDefaultRedirectUri()</c>); null when no call signs in interactively.</summary>
    private string? Redirect { get; }

    private ImmutableArray<UserCall> Calls { get; }

    /// <summary>Notes for the line that builds the application (a redirect URI to register, a persisted cache).</summary>
    private ImmutableArray<string> Todos { get; }

    /// <summary>The overloads of <see cref="SilentOrInteractiveName"/> to add: false without a login hint, true with one.</summary>
    private ImmutableArray<bool> HelpersToAdd { get; }

    /// <summary>
    /// The <c>AdalSilentTokenAcquisitionException</c> types of <c>catch</c> clauses around silent calls only: MSAL's
    /// <c>MsalUiRequiredException</c> means the same (no token without the user) and takes their place.
    /// </summary>
    private ImmutableArray<TypeSyntax> SilentCatches { get; }

    /// <summary>The other <c>try</c> statements around a call that catch an ADAL exception: they get a TODO.</summary>
    private ImmutableArray<TryStatementSyntax> OtherCatches { get; }

    private ImmutableArray<SyntaxNode> RemovedInputs { get; }

    private ImmutableArray<SyntaxNode> CopiedInputs { get; }

    private enum Flow
    {
        /// <summary><c>AcquireTokenSilentAsync</c> or <c>PromptBehavior.Never</c>: the cache only.</summary>
        Silent,

        /// <summary><c>PromptBehavior.Auto</c>: the cache, then a sign-in when it has no token.</summary>
        SilentOrInteractive,

        /// <summary><c>PromptBehavior.Always</c> or <c>SelectAccount</c>: always a sign-in, as ADAL did.</summary>
        Interactive,
    }

    private sealed class UserCall
    {
        public UserCall(InvocationExpressionSyntax invocation, ExpressionSyntax receiver, ExpressionSyntax resource, Flow flow, string? prompt, ExpressionSyntax? loginHint, bool isAwaited, bool configureAwait, AdalTokenCall.ResultUses resultUses, TryStatementSyntax? adalCatch)
        {
            Invocation = invocation;
            Receiver = receiver;
            Resource = resource;
            Flow = flow;
            Prompt = prompt;
            LoginHint = loginHint;
            IsAwaited = isAwaited;
            ConfigureAwait = configureAwait;
            ResultUses = resultUses;
            AdalCatch = adalCatch;
        }

        public InvocationExpressionSyntax Invocation { get; }

        public ExpressionSyntax Receiver { get; }

        public ExpressionSyntax Resource { get; }

        public Flow Flow { get; }

        /// <summary>MSAL's <c>Prompt</c> field for an interactive call (<c>ForceLogin</c>, <c>SelectAccount</c>).</summary>
        public string? Prompt { get; }

        /// <summary>The user's displayable ID from ADAL's <c>UserIdentifier</c>, as written at the call.</summary>
        public ExpressionSyntax? LoginHint { get; }

        public bool IsAwaited { get; }

        public bool ConfigureAwait { get; }

        public AdalTokenCall.ResultUses ResultUses { get; }

        public TryStatementSyntax? AdalCatch { get; }
    }

    /// <summary>The shape at <paramref name="creationSyntax"/>, or null when the fix does not apply; never throws.</summary>
    public static AdalPublicClientShape? Find(SemanticModel model, BaseObjectCreationExpressionSyntax creationSyntax, CancellationToken cancellationToken) =>
        ShapeSearch.OrNone(() => TryFind(model, creationSyntax, cancellationToken));

    private static AdalPublicClientShape? TryFind(SemanticModel model, BaseObjectCreationExpressionSyntax creationSyntax, CancellationToken cancellationToken)
    {
        var types = KnownTypes.For(model.Compilation);
        if (types.Get(KnownType.Microsoft_Identity_Client_PublicClientApplicationBuilder) is null
            || AdalTokenCall.ContextCreation(model, types, creationSyntax, cancellationToken) is not { } creation
            || !AdalFieldShape.ReadConstructor(model.Compilation, creation, out var authority, out var validateAuthority, out var tokenCache)
            || AdalFieldShape.Storage(creation) is not { } storage
            || AdalFieldShape.Declaration(storage.Member, cancellationToken) is not { } declaration)
        {
            return null;
        }

        var (member, write, anchor) = (storage.Member, storage.Write, storage.Anchor);
        var containingType = member.ContainingType;
        if (write is not null && AdalFieldShape.HasInitializer(member, cancellationToken)
            || containingType.DeclaringSyntaxReferences.Length != 1
            || containingType.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not TypeDeclarationSyntax typeSyntax
            || typeSyntax.SyntaxTree != creationSyntax.SyntaxTree)
        {
            return null;
        }

        var placement = new ExpressionPlacement(model, creationSyntax.SpanStart, anchor, typeSyntax, member.IsStatic || model.GetEnclosingSymbol(creationSyntax.SpanStart, cancellationToken)?.IsStatic == true, write is null);
        var calls = ImmutableArray.CreateBuilder<UserCall>();
        var removed = new List<SyntaxNode>();
        var copied = new List<SyntaxNode> { authority };
        string? clientId = null;
        RedirectChoice? redirect = null;
        foreach (var reference in AdalFieldShape.References(model, typeSyntax, member, cancellationToken))
        {
            if (reference is null)
            {
                return null;
            }

            if (write is not null && write.Syntax.Span.Contains(reference.Syntax.Span))
            {
                continue;
            }

            if (AdalFieldShape.Call(reference) is not { } call
                || reference.Syntax is not ExpressionSyntax receiver
                || call.Syntax is not InvocationExpressionSyntax invocation
                || ReadCall(call) is not { } read
                || AdalTokenCall.ArgumentSyntax(call.Arguments, 0) is not { } resource
                || AdalTokenCall.ArgumentSyntax(call.Arguments, 1) is not { } idSyntax
                || placement.Relocate(idSyntax, cancellationToken) is not { } id
                || AdalTokenCall.FindResultUses(call) is not { } resultUses)
            {
                // Not a signed-in user's token call of the kind MSAL's public client has (an app-only call, a
                // username/password call, an extension, the context read for anything else): not this shape.
                return null;
            }

            if (clientId is null)
            {
                clientId = id;
                copied.Add(idSyntax);
            }
            else if (clientId != id)
            {
                // Two applications behind one context: one MSAL application cannot be both.
                return null;
            }

            removed.Add(idSyntax);
            removed.AddRange(read.Dropped);
            if (read.LoginHint is not null)
            {
                copied.Add(read.LoginHint);
            }

            if (read.RedirectUri is { } redirectSyntax)
            {
                if (ReadRedirect(model, placement, redirectSyntax, cancellationToken) is not { } choice
                    || redirect is not null && redirect.BuilderCall != choice.BuilderCall)
                {
                    return null;
                }

                redirect = choice;
                (choice.IsDefault ? removed : copied).Add(redirectSyntax);
            }

            var (isAwaited, configureAwait) = Awaiting(call);
            calls.Add(new UserCall(invocation, receiver, resource, read.Flow, read.Prompt, read.LoginHint, isAwaited, configureAwait, resultUses, AdalFieldShape.AdalCatchAround(model, invocation, cancellationToken)));
        }

        if (clientId is null
            || calls.Any(c => c.ResultUses.SharingCalls.Any(shared => !calls.Any(other => other.Invocation == shared.Syntax))))
        {
            return null;
        }

        if (MissingHelpers(containingType, calls) is not { } helpers)
        {
            return null;
        }

        if (validateAuthority is not null)
        {
            copied.Add(validateAuthority);
        }

        var silentCatches = ImmutableArray.CreateBuilder<TypeSyntax>();
        var otherCatches = ImmutableArray.CreateBuilder<TryStatementSyntax>();
        foreach (var tryStatement in calls.Select(c => c.AdalCatch).OfType<TryStatementSyntax>().Distinct())
        {
            if (SilentCatchTypes(model, tryStatement, calls, cancellationToken) is { } catchTypes)
            {
                silentCatches.AddRange(catchTypes);
            }
            else
            {
                otherCatches.Add(tryStatement);
            }
        }

        var todos = ImmutableArray.CreateBuilder<string>();
        if (redirect?.Todo is { } redirectTodo)
        {
            todos.Add(redirectTodo);
        }

        if (tokenCache is not null)
        {
            removed.Add(tokenCache);
            if (!AdalFieldShape.IsPlain(model, tokenCache, cancellationToken))
            {
                todos.Add(CacheTodoText);
            }
        }

        return new AdalPublicClientShape(
            creation, declaration, anchor, typeSyntax, clientId, redirect?.BuilderCall, calls.ToImmutable(), todos.ToImmutable(), helpers, silentCatches.ToImmutable(), otherCatches.ToImmutable(), removed.ToImmutableArray(), copied.ToImmutableArray());
    }

    public async Task<Document> RewriteAsync(Document document, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        // Declarations only the dropped ADAL arguments read (the token cache, the out-of-band URI) go with them.
        var removals = await SecretRemoval.FindAsync(document.Project.Solution, RemovedInputs, CopiedInputs, cancellationToken).ConfigureAwait(false);
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var newLine = FixDocument.NewLineOf(root);
        var msal = AdalTokenCall.MsalNamespace;

        var type = FixDocument.MarkForImport(SyntaxFactory.ParseTypeName(msal + ".IPublicClientApplication"), msal);
        editor.ReplaceNode(MemberType, type.WithTriviaFrom(MemberType));

        var authority = AdalTokenCall.Text(AdalTokenCall.ArgumentOperation(Creation.Arguments, 0)!.Syntax);
        var validate = AdalFieldShape.ValidateAuthorityArgument(Creation);
        var continuation = newLine + FixDocument.IndentationOf(Anchor) + "    ";
        var builder = msal + ".PublicClientApplicationBuilder.Create(" + ClientId + ")"
            + continuation + ".WithAuthority(" + authority + (validate is null ? string.Empty : ", " + AdalTokenCall.Text(validate)) + ")"
            + (Redirect is null ? string.Empty : continuation + Redirect)
            + continuation + ".Build()";
        editor.ReplaceNode(Creation.Syntax, FixDocument.MarkForImport(SyntaxFactory.ParseExpression(builder), msal).WithTriviaFrom(Creation.Syntax));
        var todoAnchor = Anchor is MemberDeclarationSyntax ? MemberType.FirstAncestorOrSelf<MemberDeclarationSyntax>()! : Anchor;
        foreach (var todo in Todos)
        {
            AdalFieldShape.AddTodo(editor, todoAnchor, todo, newLine);
        }

        foreach (var call in Calls)
        {
            var replacement = FixDocument.MarkForImport(SyntaxFactory.ParseExpression(CallText(call)), msal);
            editor.ReplaceNode(call.Invocation, replacement.WithTriviaFrom(call.Invocation));
        }

        AdalTokenCall.ResultUses.Rewrite(editor, Calls.Select(c => c.ResultUses));
        foreach (var catchType in SilentCatches)
        {
            var uiRequired = FixDocument.MarkForImport(SyntaxFactory.ParseTypeName(msal + ".MsalUiRequiredException"), msal);
            editor.ReplaceNode(catchType, uiRequired.WithTriviaFrom(catchType));
        }

        foreach (var tryStatement in OtherCatches)
        {
            AdalFieldShape.AddTodo(editor, tryStatement, AdalFieldShape.CatchTodoText, newLine);
        }

        foreach (var withLoginHint in HelpersToAdd)
        {
            editor.AddMember(Type, Helper(withLoginHint, newLine));
        }

        if (removals.TryGetValue(document.Id, out var declarations))
        {
            SecretRemoval.Remove(editor, declarations);
        }

        var changed = editor.GetChangedDocument();
        var needsLinq = HelpersToAdd.Contains(false) || Calls.Any(c => c.Flow == Flow.Silent && c.LoginHint is null);
        return needsLinq && !model.LookupNamespacesAndTypes(Creation.Syntax.SpanStart, name: "Enumerable").Any(t => t.ContainingNamespace?.ToDisplayString() == "System.Linq")
            ? await FixDocument.AddImportAsync(changed, "System.Linq", cancellationToken).ConfigureAwait(false)
            : changed;
    }

    /// <summary>The MSAL call that replaces one ADAL call, on the same receiver, with the resource as its <c>/.default</c> scope.</summary>
    private static string CallText(UserCall call)
    {
        var receiver = AdalTokenCall.Text(call.Receiver);
        var scopes = "new[] { " + MsalScopes.DefaultScopeOf(call.Resource) + " }";
        var hint = call.LoginHint is null ? null : AdalTokenCall.Text(call.LoginHint);
        switch (call.Flow)
        {
            case Flow.Silent when hint is not null:
                return receiver + ".AcquireTokenSilent(" + scopes + ", " + hint + ").ExecuteAsync()";
            case Flow.Silent:
                // ADAL's silent call without a user took the one user in its cache: MSAL's first account is that user.
                var accounts = call.IsAwaited
                    ? "(await " + receiver + ".GetAccountsAsync()" + (call.ConfigureAwait ? ".ConfigureAwait(false)" : string.Empty) + ")"
                    : receiver + ".GetAccountsAsync().Result";
                return receiver + ".AcquireTokenSilent(" + scopes + ", " + accounts + ".FirstOrDefault()).ExecuteAsync()";
            case Flow.SilentOrInteractive:
                return SilentOrInteractiveName + "(" + receiver + ", " + scopes + (hint is null ? string.Empty : ", " + hint) + ")";
            default:
                return receiver + ".AcquireTokenInteractive(" + scopes + ")"
                    + (call.Prompt is null ? string.Empty : ".WithPrompt(" + AdalTokenCall.MsalNamespace + ".Prompt." + call.Prompt + ")")
                    + (hint is null ? string.Empty : ".WithLoginHint(" + hint + ")")
                    + ".ExecuteAsync()";
        }
    }

    /// <summary>
    /// <c>AcquireTokenSilentOrInteractiveAsync(application, scopes[, loginHint])</c>: what ADAL's
    /// <c>PromptBehavior.Auto</c> did, the cached token while it is good and a sign-in when it is not.
    /// </summary>
    private static MemberDeclarationSyntax Helper(bool withLoginHint, string newLine)
    {
        var text = withLoginHint
            ? """
                private static async System.Threading.Tasks.Task<Microsoft.Identity.Client.AuthenticationResult> AcquireTokenSilentOrInteractiveAsync(
                    Microsoft.Identity.Client.IPublicClientApplication application, string[] scopes, string loginHint)
                {
                    try
                    {
                        // That user's token from MSAL's cache, refreshed without asking again while the sign-in is good.
                        return await application.AcquireTokenSilent(scopes, loginHint).ExecuteAsync();
                    }
                    catch (Microsoft.Identity.Client.MsalUiRequiredException)
                    {
                        // Not signed in yet, or the sign-in expired or needs consent again: the user signs in.
                        return await application.AcquireTokenInteractive(scopes).WithLoginHint(loginHint).ExecuteAsync();
                    }
                }
                """
            : """
                private static async System.Threading.Tasks.Task<Microsoft.Identity.Client.AuthenticationResult> AcquireTokenSilentOrInteractiveAsync(
                    Microsoft.Identity.Client.IPublicClientApplication application, string[] scopes)
                {
                    var accounts = await application.GetAccountsAsync();
                    try
                    {
                        // The account that signed in before gets its token from MSAL's cache, refreshed without asking again.
                        return await application.AcquireTokenSilent(scopes, accounts.FirstOrDefault()).ExecuteAsync();
                    }
                    catch (Microsoft.Identity.Client.MsalUiRequiredException)
                    {
                        // No account yet, or its sign-in expired or needs consent again: the user signs in.
                        return await application.AcquireTokenInteractive(scopes).ExecuteAsync();
                    }
                }
                """;

        var member = SyntaxFactory.ParseMemberDeclaration(text)!;
        foreach (var namespaceName in new[] { AdalTokenCall.MsalNamespace, "System.Threading.Tasks" })
        {
            member = FixDocument.MarkForImport(member, namespaceName);
        }

        return member
            .WithLeadingTrivia(SyntaxFactory.EndOfLine(newLine))
            .WithTrailingTrivia(SyntaxFactory.EndOfLine(newLine))
            .WithAdditionalAnnotations(Formatter.Annotation);
    }

    /// <summary>
    /// The catch types of a <c>try</c> whose block makes only silent calls of this shape, when every ADAL exception it
    /// catches is <c>AdalSilentTokenAcquisitionException</c>, read for nothing MSAL's exception lacks; null otherwise.
    /// </summary>
    private static ImmutableArray<TypeSyntax>? SilentCatchTypes(SemanticModel model, TryStatementSyntax tryStatement, IReadOnlyCollection<UserCall> calls, CancellationToken cancellationToken)
    {
        foreach (var invocation in tryStatement.Block.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (model.GetSymbolInfo(invocation, cancellationToken).Symbol?.ContainingNamespace?.ToDisplayString() == AdalTokenCall.AdalNamespaceName
                && !calls.Any(c => c.Invocation == invocation && c.Flow == Flow.Silent))
            {
                return null;
            }
        }

        var types = ImmutableArray.CreateBuilder<TypeSyntax>();
        foreach (var clause in tryStatement.Catches)
        {
            if (clause.Declaration is not { } declaration
                || model.GetTypeInfo(declaration.Type, cancellationToken).Type is not { } type
                || type.ContainingNamespace?.ToDisplayString() != AdalTokenCall.AdalNamespaceName)
            {
                continue;
            }

            if (type.Name != "AdalSilentTokenAcquisitionException" || !declaration.Identifier.IsKind(SyntaxKind.None) && !ReadsOnlyCommonMembers(model, clause, cancellationToken))
            {
                return null;
            }

            types.Add(declaration.Type);
        }

        return types.ToImmutable();
    }

    /// <summary>Whether the caught exception is read only for what every exception has (its message, its error code).</summary>
    private static bool ReadsOnlyCommonMembers(SemanticModel model, CatchClauseSyntax clause, CancellationToken cancellationToken)
    {
        var local = model.GetDeclaredSymbol(clause.Declaration!, cancellationToken);
        return clause.DescendantNodes().OfType<IdentifierNameSyntax>()
            .Where(name => name.Identifier.ValueText == clause.Declaration!.Identifier.ValueText && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, local))
            .All(name => name.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Message" or "ErrorCode" } access && access.Expression == name);
    }

    /// <summary>
    /// The overloads of <see cref="SilentOrInteractiveName"/> the calls need and the type lacks (a Fix All that
    /// migrated another field of the type may have added one); null when the name means something else there.
    /// </summary>
    private static ImmutableArray<bool>? MissingHelpers(INamedTypeSymbol type, IEnumerable<UserCall> calls)
    {
        var existing = type.GetMembers(SilentOrInteractiveName);
        if (existing.Any(m => m is not IMethodSymbol { IsStatic: true }))
        {
            return null;
        }

        var toAdd = ImmutableArray.CreateBuilder<bool>();
        foreach (var withLoginHint in calls.Where(c => c.Flow == Flow.SilentOrInteractive).Select(c => c.LoginHint is not null).Distinct().OrderBy(h => h))
        {
            var parameterCount = withLoginHint ? 3 : 2;
            var present = existing.OfType<IMethodSymbol>().Where(m => m.Parameters.Length == parameterCount).ToList();
            if (present.Count == 0)
            {
                toAdd.Add(withLoginHint);
            }
            else if (!present.Any(m => m.Parameters[0].Type.Name == "IPublicClientApplication" && m.ReturnType.Name == "Task"))
            {
                // A method of that name and arity the fix did not write: a call to it would bind elsewhere.
                return null;
            }
        }

        return toAdd.ToImmutable();
    }

    private sealed class CallShape
    {
        public CallShape(Flow flow, string? prompt, ExpressionSyntax? loginHint, ExpressionSyntax? redirectUri, IEnumerable<SyntaxNode> dropped)
        {
            Flow = flow;
            Prompt = prompt;
            LoginHint = loginHint;
            RedirectUri = redirectUri;
            Dropped = dropped.ToImmutableArray();
        }

        public Flow Flow { get; }

        public string? Prompt { get; }

        public ExpressionSyntax? LoginHint { get; }

        public ExpressionSyntax? RedirectUri { get; }

        /// <summary>Arguments the MSAL call no longer takes (platform parameters, <c>UserIdentifier.AnyUser</c>).</summary>
        public ImmutableArray<SyntaxNode> Dropped { get; }
    }

    /// <summary>
    /// <c>AcquireTokenSilentAsync(resource, clientId[, userId])</c> or <c>AcquireTokenAsync(resource, clientId,
    /// redirectUri, new PlatformParameters(PromptBehavior.…)[, userId])</c>: ADAL's instance methods for a signed-in user.
    /// </summary>
    private static CallShape? ReadCall(IInvocationOperation call)
    {
        var method = call.TargetMethod;
        var parameters = method.Parameters;
        if (method.IsExtensionMethod || parameters.Length < 2
            || parameters[0].Type.SpecialType != SpecialType.System_String || parameters[1].Type.SpecialType != SpecialType.System_String)
        {
            return null;
        }

        var dropped = new List<SyntaxNode>();
        switch (method.Name)
        {
            case "AcquireTokenSilentAsync" when parameters.Length == 2:
                return new CallShape(Flow.Silent, null, null, null, dropped);
            case "AcquireTokenSilentAsync" when parameters.Length == 3 && IsAdal(parameters[2].Type, "UserIdentifier"):
                return ReadUser(call, 2, dropped, out var silentHint) ? new CallShape(Flow.Silent, null, silentHint, null, dropped) : null;
            case "AcquireTokenAsync" when parameters.Length is 4 or 5
                && call.SemanticModel is { } callModel && KnownTypes.For(callModel.Compilation).Is(parameters[2].Type, KnownType.System_Uri) && IsAdal(parameters[3].Type, "IPlatformParameters")
                && (parameters.Length == 4 || IsAdal(parameters[4].Type, "UserIdentifier")):
                if (AdalTokenCall.ArgumentSyntax(call.Arguments, 2) is not { } redirectUri
                    || PromptOf(AdalTokenCall.ArgumentOperation(call.Arguments, 3)) is not { } behavior
                    || !ReadUser(call, 4, dropped, out var hint))
                {
                    return null;
                }

                dropped.Add(AdalTokenCall.ArgumentOperation(call.Arguments, 3)!.Syntax);
                return behavior switch
                {
                    "Auto" => new CallShape(Flow.SilentOrInteractive, null, hint, redirectUri, dropped),
                    "Always" => new CallShape(Flow.Interactive, "ForceLogin", hint, redirectUri, dropped),
                    "SelectAccount" => new CallShape(Flow.Interactive, "SelectAccount", hint, redirectUri, dropped),
                    "Never" => new CallShape(Flow.Silent, null, hint, null, dropped.Append(redirectUri)),
                    _ => null,
                };
            default:
                return null;
        }
    }

    /// <summary>
    /// The <c>PromptBehavior</c> member of <c>new PlatformParameters(PromptBehavior.X)</c>; null for platform
    /// parameters built elsewhere or with an owner window or custom web UI, which MSAL's builder takes differently.
    /// </summary>
    private static string? PromptOf(IOperation? platformParameters) =>
        OperationTree.SkipConversions(platformParameters) is IObjectCreationOperation { Arguments.Length: 1, Initializer: null } created
        && IsAdal(created.Type, "PlatformParameters")
        && OperationTree.SkipConversions(created.Arguments[0].Value) is IFieldReferenceOperation { Field: { } field }
        && IsAdal(field.ContainingType, "PromptBehavior")
            ? field.Name
            : null;

    /// <summary>
    /// The optional <c>UserIdentifier</c> argument: absent or <c>UserIdentifier.AnyUser</c> (no hint), or
    /// <c>new UserIdentifier(upn, UserIdentifierType.OptionalDisplayableId | RequiredDisplayableId)</c> (the UPN is the
    /// MSAL login hint). A unique object ID has no MSAL login-hint twin.
    /// </summary>
    private static bool ReadUser(IInvocationOperation call, int ordinal, List<SyntaxNode> dropped, out ExpressionSyntax? loginHint)
    {
        loginHint = null;
        var argument = AdalTokenCall.ArgumentOperation(call.Arguments, ordinal);
        switch (OperationTree.SkipConversions(argument))
        {
            case null:
                return call.TargetMethod.Parameters.Length <= ordinal;
            case IPropertyReferenceOperation { Property: { Name: "AnyUser", IsStatic: true } property } when IsAdal(property.ContainingType, "UserIdentifier"):
                dropped.Add(argument!.Syntax);
                return true;
            case IObjectCreationOperation { Arguments.Length: 2, Initializer: null } created when IsAdal(created.Type, "UserIdentifier")
                && OperationTree.SkipConversions(AdalTokenCall.ArgumentOperation(created.Arguments, 1)) is IFieldReferenceOperation { Field.Name: "OptionalDisplayableId" or "RequiredDisplayableId" }
                && AdalTokenCall.ArgumentSyntax(created.Arguments, 0) is { } upn:
                loginHint = upn;
                return true;
            default:
                return false;
        }
    }

    private static bool IsAdal(ITypeSymbol? type, string name) =>
        type is not null && type.Name == name && type.ContainingNamespace?.ToDisplayString() == AdalTokenCall.AdalNamespaceName;

    /// <summary>Whether the call's task is awaited (rather than read with <c>.Result</c>), and through <c>ConfigureAwait</c>.</summary>
    private static (bool IsAwaited, bool ConfigureAwait) Awaiting(IInvocationOperation call)
    {
        var configured = call.Parent is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" } configureAwait && AdalTokenCall.IsSame(configureAwait.Instance, call);
        var task = configured ? call.Parent! : call;
        return (task.Parent is IAwaitOperation, configured);
    }

    private sealed class RedirectChoice
    {
        public RedirectChoice(string builderCall, bool isDefault, string? todo)
        {
            BuilderCall = builderCall;
            IsDefault = isDefault;
            Todo = todo;
        }

        public string BuilderCall { get; }

        public bool IsDefault { get; }

        public string? Todo { get; }
    }

    /// <summary>
    /// ADAL's redirect URI as MSAL's builder takes it. ADAL's out-of-band URI has no MSAL twin: MSAL's default takes its
    /// place (http://localhost on .NET, where the system browser signs the user in; the native-client URI on .NET
    /// Framework). A loopback URI works everywhere; any other URI only with .NET Framework's embedded browser.
    /// </summary>
    private static RedirectChoice? ReadRedirect(SemanticModel model, ExpressionPlacement placement, ExpressionSyntax redirect, CancellationToken cancellationToken)
    {
        var value = OperationTree.ModelFor(model, redirect.SyntaxTree).GetOperation(redirect, cancellationToken);
        var known = UriText(model, value, cancellationToken);
        if (known == OutOfBandRedirectUri)
        {
            return new RedirectChoice(".WithDefaultRedirectUri()", isDefault: true, RegisterTodoText);
        }

        // new Uri(text): the text; any other Uri value: its text as written.
        string? builderArgument = OperationTree.SkipConversions(value) is IObjectCreationOperation { Arguments.Length: 1 } created
            && created.Arguments[0].Value.Type?.SpecialType == SpecialType.System_String
            && created.Arguments[0].Value.Syntax is ExpressionSyntax text
                ? placement.Relocate(text, cancellationToken)
                : placement.Relocate(redirect, cancellationToken) is { } uri ? uri + ".OriginalString" : null;
        if (builderArgument is null)
        {
            return null;
        }

        var isLoopback = known is not null && Uri.TryCreate(known, UriKind.Absolute, out var parsed) && parsed.Scheme == "http" && parsed.IsLoopback;
        return new RedirectChoice(".WithRedirectUri(" + builderArgument + ")", isDefault: false, isLoopback ? null : SystemBrowserTodoText);
    }

    /// <summary>The text of a <c>Uri</c> built from a constant, directly or in a field's or property's initializer.</summary>
    private static string? UriText(SemanticModel model, IOperation? value, CancellationToken cancellationToken)
    {
        for (var depth = 0; depth < 3; depth++)
        {
            switch (OperationTree.SkipConversions(value))
            {
                case IObjectCreationOperation { Arguments.Length: 1 } created when KnownTypes.For(model.Compilation).Is(created.Type, KnownType.System_Uri):
                    return created.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string text } ? text : null;
                case IMemberReferenceOperation { Member: IFieldSymbol { IsReadOnly: true } or IPropertySymbol { SetMethod: null } } reference:
                    value = OperationTree.InitializerOf(reference.Member, model, cancellationToken);
                    if (value is null)
                    {
                        return null;
                    }

                    break;
                default:
                    return null;
            }
        }

        return null;
    }

    private const string RegisterTodoText = "ADAL's out-of-band redirect URI is not MSAL's: register the one WithDefaultRedirectUri() sets for the app "
        + "(http://localhost on .NET, https://login.microsoftonline.com/common/oauth2/nativeclient on .NET Framework).";

    private const string SystemBrowserTodoText = "on .NET (not .NET Framework) MSAL signs the user in with the system browser, "
        + "which needs a loopback redirect URI (http://localhost) registered for the app and set here.";

    private const string CacheTodoText = "ADAL kept these tokens in the code's own TokenCache; this MSAL application keeps them in memory. "
        + "To persist them, serialize its UserTokenCache (SetBeforeAccess/SetAfterAccess, see https://aka.ms/msal-net-token-cache-serialization).";
}
