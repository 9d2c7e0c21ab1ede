using System.Threading;
using System.Threading.Tasks;
using LegacyAuthAnalyzers.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;

namespace LegacyAuthAnalyzers.CodeFixes.Fixes.Adal;

/// <summary>
/// A private field that several methods each assign a new <c>AuthenticationContext</c> before using it, each with its
/// own client ID, authority and credential, as SharePoint and Office helper libraries keep one. A method whose context
/// serves only app-only token calls (<c>ClientCredential</c>, <c>ClientAssertionCertificate</c>), its lambdas included,
/// builds an MSAL confidential client of its own in a local instead, on MSAL's shared cache, which keeps app tokens
/// across calls as ADAL's shared <c>TokenCache</c> did. Methods with user flows keep the field and ADAL; the field goes
/// once no method uses it.
/// </summary>
internal sealed class AdalRecreatedFieldShape
{
    private AdalRecreatedFieldShape(
        IFieldSymbol field,
        ExpressionStatementSyntax assignment,
        ExpressionSyntax authority,
        ExpressionSyntax? validateAuthority,
        ExpressionSyntax clientId,
        ExpressionSyntax credential,
        bool isCertificate,
        ImmutableArray<MigratedCall> calls,
        ImmutableArray<StatementSyntax> credentialStatements,
        ImmutableArray<SyntaxNode> removedInputs,
        bool hasOwnCache)
    {
        Field = field;
        Assignment = assignment;
        Authority = authority;
        ValidateAuthority = validateAuthority;
        ClientId = clientId;
        Credential = credential;
        IsCertificate = isCertificate;
        Calls = calls;
        CredentialStatements = credentialStatements;
        RemovedInputs = removedInputs;
        HasOwnCache = hasOwnCache;
    }

    private IFieldSymbol Field { get; }

    /// <summary><c>field = new AuthenticationContext(…);</c>, where the method's application is built instead.</summary>
    private ExpressionStatementSyntax Assignment { get; }

    private ExpressionSyntax Authority { get; }

    private ExpressionSyntax? ValidateAuthority { get; }

    private ExpressionSyntax ClientId { get; }

    private ExpressionSyntax Credential { get; }

    private bool IsCertificate { get; }

    private ImmutableArray<MigratedCall> Calls { get; }

    /// <summary>Declarations of credential locals that only the migrated calls read.</summary>
    private ImmutableArray<StatementSyntax> CredentialStatements { get; }

    /// <summary>Nodes the rewrite drops (credentials, the token cache): declarations only they read may go.</summary>
    private ImmutableArray<SyntaxNode> RemovedInputs { get; }

    /// <summary>The context was given a token cache of the code's own (persisted, say), which MSAL's shared cache does not take over.</summary>
    private bool HasOwnCache { get; }

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

    /// <summary>The shape at <paramref name="creationSyntax"/>, or null when the fix does not apply; never throws.</summary>
    public static AdalRecreatedFieldShape? Find(SemanticModel model, BaseObjectCreationExpressionSyntax creationSyntax, CancellationToken cancellationToken) =>
        ShapeSearch.OrNone(() => TryFind(model, creationSyntax, cancellationToken));

    private static AdalRecreatedFieldShape? TryFind(SemanticModel model, BaseObjectCreationExpressionSyntax creationSyntax, CancellationToken cancellationToken)
    {
        var types = KnownTypes.For(model.Compilation);
        if (AdalTokenCall.ContextCreation(model, types, creationSyntax, cancellationToken) is not { } creation
            || !AdalFieldShape.ReadConstructor(model.Compilation, creation, out var authority, out var validateAuthority, out var tokenCache)
            || authority is not ExpressionSyntax authorityExpression
            || OperationTree.Consumer(creation) is not ISimpleAssignmentOperation { Parent: IExpressionStatementOperation { Syntax: ExpressionStatementSyntax statement } } assignment
            || !AdalTokenCall.IsSame(assignment.Value, creation)
            || OperationTree.SkipConversions(assignment.Target) is not IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation, Field: { DeclaredAccessibility: Accessibility.Private, IsConst: false } field }
            || statement.Parent is not BlockSyntax { Parent: BaseMethodDeclarationSyntax or AccessorDeclarationSyntax } body
            || body.Parent is not { } member
            || model.GetDeclaredSymbol(member, cancellationToken) is not IMethodSymbol method
            || model.GetOperation(member, cancellationToken) is not { } root)
        {
            return null;
        }

        if (!OtherMembersSetTheirOwn(model, field, member, cancellationToken, out var uses))
        {
            return null;
        }

        var calls = ImmutableArray.CreateBuilder<MigratedCall>();
        var credentialLocals = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        var removed = new List<SyntaxNode>();
        IObjectCreationOperation? first = null;
        foreach (var reference in uses)
        {
            if (ReferenceEquals(reference.Syntax, assignment.Target.Syntax) || assignment.Target.Syntax.Span.Contains(reference.Syntax.Span))
            {
                continue;
            }

            // Read after the method's own context is stored, in the method or a lambda it hands out, for an app-only token call.
            if (reference.Syntax.SpanStart < statement.Span.End
                || reference.Syntax.Ancestors().TakeWhile(a => a != body).Any(a => a is LocalFunctionStatementSyntax)
                || reference.Syntax is not ExpressionSyntax receiver
                || OperationTree.Consumer(reference) is not IInvocationOperation call
                || !AdalTokenCall.IsSame(call.Instance, reference)
                || call.Syntax is not InvocationExpressionSyntax invocation
                || AdalTokenCall.ArgumentSyntax(call.Arguments, 0) is not { } resource
                || AppOnlyCredential(types, call, root, out var credentialLocal) is not { } credentialCreation
                || AdalTokenCall.FindResultUses(call) is not { } resultUses)
            {
                return null;
            }

            if (first is null)
            {
                first = credentialCreation;
            }
            else if (!SameCredential(first, credentialCreation))
            {
                // Two applications behind one context: one MSAL application cannot be both.
                return null;
            }

            if (credentialLocal is null)
            {
                removed.Add(credentialCreation.Syntax);
            }
            else
            {
                credentialLocals.Add(credentialLocal);
            }

            calls.Add(new MigratedCall(invocation, receiver, resource, resultUses, AdalFieldShape.AdalCatchAround(model, invocation, cancellationToken)));
        }

        if (first is null
            || AdalTokenCall.ArgumentSyntax(first.Arguments, 0) is not { } clientId
            || AdalTokenCall.ArgumentSyntax(first.Arguments, 1) is not { } credential
            || !InputsAvailableAt(first, root, method, body, statement)
            || calls.Any(c => c.ResultUses.SharingCalls.Any(shared => !calls.Any(other => other.Invocation == shared.Syntax))))
        {
            return null;
        }

        var credentialStatements = ImmutableArray.CreateBuilder<StatementSyntax>();
        foreach (var local in credentialLocals)
        {
            // The credential local goes when the migrated calls were its only readers.
            if (CredentialDeclaration(local, root, calls) is { } declaration)
            {
                credentialStatements.Add(declaration);
                removed.Add(declaration);
            }
        }

        if (tokenCache is not null)
        {
            removed.Add(tokenCache);
        }

        return new AdalRecreatedFieldShape(
            field,
            statement,
            authorityExpression,
            validateAuthority as ExpressionSyntax,
            clientId,
            credential,
            !types.Is(first.Type, KnownType.Microsoft_IdentityModel_Clients_ActiveDirectory_ClientCredential),
            calls.ToImmutable(),
            credentialStatements.ToImmutable(),
            removed.ToImmutableArray(),
            !AdalFieldShape.IsPlain(model, tokenCache, cancellationToken));
    }

    public async Task<Document> RewriteAsync(Document document, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var solution = document.Project.Solution;
        var copied = new List<SyntaxNode> { Authority, ClientId, Credential };
        if (ValidateAuthority is not null)
        {
            copied.Add(ValidateAuthority);
        }

        // Declarations only the dropped credentials and cache read go with them, when nothing else reads them; so does
        // the field once this method was the last to use it.
        var removals = await SecretRemoval.FindAsync(solution, RemovedInputs, copied, cancellationToken).ConfigureAwait(false);
        var rewritten = Calls.Select(c => c.Receiver.Span).Append(Assignment.Span).ToList();
        var fieldDeclaration = Field.DeclaringSyntaxReferences.Length == 1
            && Field.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: FieldDeclarationSyntax declaration } }
            && declaration.SyntaxTree == root.SyntaxTree
            && await SymbolUses.OnlyWithinAsync(Field, solution, (tree, span) => tree == root.SyntaxTree && rewritten.Any(r => r.Contains(span)), cancellationToken).ConfigureAwait(false)
                ? declaration
                : null;

        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var newLine = FixDocument.NewLineOf(root);
        var body = FixDocument.MemberBody(Assignment) ?? root;
        var appName = FixDocument.UniqueName(model, Assignment.SpanStart, body, "app");
        var builder = SyntaxFactory.ParseStatement("var " + appName + " = " + AdalTokenCall.ConfidentialClientText(
            AdalTokenCall.Text(ClientId),
            AdalTokenCall.Text(Authority),
            ValidateAuthority is null ? null : AdalTokenCall.Text(ValidateAuthority),
            AdalTokenCall.Text(Credential),
            IsCertificate,
            FixDocument.IndentationOf(Assignment),
            newLine) + ";");
        builder = FixDocument.MarkForImport(builder, AdalTokenCall.MsalNamespace).WithTriviaFrom(Assignment);
        if (HasOwnCache)
        {
            builder = builder.WithLeadingTrivia(builder.GetLeadingTrivia().AddRange(new[]
            {
                SyntaxFactory.Comment("// TODO(LA4002): " + AdalFieldShape.CacheTodoText),
                SyntaxFactory.EndOfLine(newLine),
                SyntaxFactory.Whitespace(FixDocument.IndentationOf(Assignment)),
            }));
        }

        editor.ReplaceNode(Assignment, builder);

        foreach (var call in Calls)
        {
            var replacement = SyntaxFactory.ParseExpression(
                appName + ".AcquireTokenForClient(new[] { " + MsalScopes.DefaultScopeOf(call.Resource) + " }).ExecuteAsync()");
            editor.ReplaceNode(call.Invocation, replacement.WithTriviaFrom(call.Invocation));
        }

        AdalTokenCall.ResultUses.Rewrite(editor, Calls.Select(c => c.ResultUses));
        foreach (var tryStatement in Calls.Select(c => c.AdalCatch).OfType<TryStatementSyntax>().Distinct())
        {
            AdalFieldShape.AddTodo(editor, tryStatement, AdalFieldShape.CatchTodoText, newLine);
        }
        var declarations = removals.TryGetValue(document.Id, out var found) ? found : new List<SyntaxNode>();
        declarations.AddRange(CredentialStatements);
        if (fieldDeclaration is not null)
        {
            declarations.Add(fieldDeclaration);
        }

        Statements.RemoveAll(editor, declarations.Distinct().ToList());
        return editor.GetChangedDocument();
    }

    /// <summary>
    /// Every read or write of the field, which must all be operations; a member other than <paramref name="member"/>
    /// that reads it must also assign it, so that none depends on the context this method stores.
    /// </summary>
    private static bool OtherMembersSetTheirOwn(SemanticModel model, IFieldSymbol field, SyntaxNode member, CancellationToken cancellationToken, out List<IFieldReferenceOperation> inMember)
    {
        inMember = new List<IFieldReferenceOperation>();
        var readers = new HashSet<SyntaxNode>();
        var writers = new HashSet<SyntaxNode>();
        var writesInMember = 0;
        foreach (var part in field.ContainingType.DeclaringSyntaxReferences)
        {
            var partModel = OperationTree.ModelFor(model, part.SyntaxTree);
            foreach (var name in part.GetSyntax(cancellationToken).DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (name.Identifier.ValueText != field.Name
                    || !SymbolEqualityComparer.Default.Equals(partModel.GetSymbolInfo(name, cancellationToken).Symbol?.OriginalDefinition, field.OriginalDefinition))
                {
                    continue;
                }

                var expression = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : (ExpressionSyntax)name;
                if (partModel.GetOperation(expression, cancellationToken) is not IFieldReferenceOperation reference
                    || name.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or MemberDeclarationSyntax) is not { } owner)
                {
                    // A use the operation tree does not show (nameof, a cref): one the fix cannot follow.
                    return false;
                }

                var isWrite = OperationTree.Consumer(reference) is ISimpleAssignmentOperation write && AdalTokenCall.IsSame(write.Target, reference);
                (isWrite ? writers : readers).Add(owner);
                if (owner == member)
                {
                    if (isWrite && ++writesInMember > 1)
                    {
                        // Assigned twice in the method: which context a call reads depends on the path taken.
                        return false;
                    }

                    inMember.Add(reference);
                }
            }
        }

        return readers.All(reader => reader == member || writers.Contains(reader));
    }

    /// <summary>
    /// The credential of an app-only call, written at the call or in a local of the method assigned once:
    /// <c>AcquireTokenAsync(resource, credential)</c> or <c>AcquireTokenSilentAsync(resource, credential, UserIdentifier.AnyUser)</c>.
    /// </summary>
    private static IObjectCreationOperation? AppOnlyCredential(KnownTypes types, IInvocationOperation call, IOperation root, out ILocalSymbol? local)
    {
        local = null;
        if (AdalFieldShape.AppOnlyCredential(types, call, out var isAppOnly) is { } inline)
        {
            return inline;
        }

        var values = new List<IOperation>();
        if (!isAppOnly
            || OperationTree.SkipConversions(AdalTokenCall.ArgumentOperation(call.Arguments, 1)) is not ILocalReferenceOperation reference
            || !ConstantResolver.TryGetLocalAssignments(reference.Local, root, values) || values.Count != 1
            || !AdalTokenCall.IsClientCredential(types, OperationTree.SkipConversions(values[0]), out var creation, out _))
        {
            return null;
        }

        local = reference.Local;
        return creation;
    }

    private static bool SameCredential(IObjectCreationOperation first, IObjectCreationOperation other) =>
        SymbolEqualityComparer.Default.Equals(first.Type, other.Type)
        && first.Arguments.Length == other.Arguments.Length
        && first.Arguments.Zip(other.Arguments, (a, b) => AdalTokenCall.Text(a.Value.Syntax) == AdalTokenCall.Text(b.Value.Syntax)
            && SymbolEqualityComparer.Default.Equals(Read(a.Value), Read(b.Value))).All(same => same);

    private static ISymbol? Read(IOperation value) => OperationTree.SkipConversions(value) switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IMemberReferenceOperation member => member.Member,
        _ => null,
    };

    /// <summary>
    /// Whether the client ID and credential the calls use read the same values where the context was created: the
    /// method's own parameters, never assigned in it; locals declared before that statement in the same block and
    /// assigned once; members and constants.
    /// </summary>
    private static bool InputsAvailableAt(IObjectCreationOperation credential, IOperation root, IMethodSymbol method, BlockSyntax body, StatementSyntax statement)
    {
        foreach (var read in credential.Arguments.SelectMany(a => a.Value.DescendantsAndSelf()))
        {
            switch (read)
            {
                case ILocalReferenceOperation local:
                    var values = new List<IOperation>();
                    if (local.Local.DeclaringSyntaxReferences.Length != 1
                        || local.Local.DeclaringSyntaxReferences[0].GetSyntax().FirstAncestorOrSelf<StatementSyntax>() is not { } declaration
                        || declaration.Parent != body || declaration.SpanStart >= statement.SpanStart
                        || !ConstantResolver.TryGetLocalAssignments(local.Local, root, values) || values.Count > 1)
                    {
                        return false;
                    }

                    break;
                case IParameterReferenceOperation parameter:
                    if (!SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol, method)
                        || parameter.Parameter.RefKind != RefKind.None
                        || root.Descendants().Any(o => o is IAssignmentOperation { Target: IParameterReferenceOperation target }
                            && SymbolEqualityComparer.Default.Equals(target.Parameter, parameter.Parameter)))
                    {
                        return false;
                    }

                    break;
                case IAnonymousFunctionOperation or IInvocationOperation or IObjectCreationOperation or IAwaitOperation:
                    // Read again when the application is built, earlier than the credential was: only plain values move.
                    return false;
            }
        }

        return true;
    }

    /// <summary>The declaration of a credential local whose every read is the credential argument of a migrated call.</summary>
    private static LocalDeclarationStatementSyntax? CredentialDeclaration(ILocalSymbol local, IOperation root, IReadOnlyCollection<MigratedCall> calls)
    {
        if (local.DeclaringSyntaxReferences.Length != 1
            || local.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax statement } }
            || !statement.UsingKeyword.IsKind(SyntaxKind.None) || statement.Parent is not BlockSyntax)
        {
            return null;
        }

        foreach (var reference in root.Descendants().OfType<ILocalReferenceOperation>())
        {
            if (SymbolEqualityComparer.Default.Equals(reference.Local, local) && !calls.Any(c => c.Invocation.Span.Contains(reference.Syntax.Span)))
            {
                return null;
            }
        }

        return statement;
    }
}
