using System.Threading;
using LegacyAuthAnalyzers.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;

namespace LegacyAuthAnalyzers.CodeFixes.Fixes.Adal;

/// <summary>
/// What the LA4002 shapes share about one ADAL token call: its client credential, whether every use of its result has
/// an MSAL twin, and how the result's uses are renamed to MSAL's <c>AuthenticationResult</c>.
/// </summary>
internal static class AdalTokenCall
{
    public const string MsalNamespace = "Microsoft.Identity.Client";
    public const string AdalNamespaceName = "Microsoft.IdentityModel.Clients.ActiveDirectory";

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

    /// <summary>
    /// The <c>new AuthenticationContext(…)</c> at <paramref name="creationSyntax"/>, where MSAL's confidential client is
    /// referenced for it to become; the start of every LA4002 shape.
    /// </summary>
    public static IObjectCreationOperation? ContextCreation(SemanticModel model, KnownTypes types, BaseObjectCreationExpressionSyntax creationSyntax, CancellationToken cancellationToken) =>
        types.Get(KnownType.Microsoft_Identity_Client_ConfidentialClientApplicationBuilder) is not null
        && model.GetOperation(creationSyntax, cancellationToken) is IObjectCreationOperation creation
        && types.Is(creation.Type, KnownType.Microsoft_IdentityModel_Clients_ActiveDirectory_AuthenticationContext)
            ? creation
            : null;

    /// <summary>The uses of one call's result that the rewrite renames or retypes.</summary>
    public sealed class ResultUses
    {
        public ResultUses(TypeSyntax? explicitType, ImmutableArray<SimpleNameSyntax> members, ImmutableArray<IInvocationOperation> sharingCalls)
        {
            ExplicitType = explicitType;
            Members = members;
            SharingCalls = sharingCalls;
        }

        /// <summary>The declared type of the local holding the result, when not <c>var</c>.</summary>
        public TypeSyntax? ExplicitType { get; }

        public ImmutableArray<SimpleNameSyntax> Members { get; }

        /// <summary>
        /// The other ADAL token calls whose results the same local holds (<c>try { r = await silent; } catch { r = await
        /// acquire; }</c>): the local changes type only when every one of them is migrated too.
        /// </summary>
        public ImmutableArray<IInvocationOperation> SharingCalls { get; }

        /// <summary>Renames members whose MSAL name differs and retypes explicit ADAL result locals, each node once.</summary>
        public static void Rewrite(SyntaxEditor editor, IEnumerable<ResultUses> uses)
        {
            var done = new HashSet<SyntaxNode>();
            foreach (var use in uses)
            {
                foreach (var member in use.Members)
                {
                    if (done.Add(member) && ResultMembers.TryGetValue(member.Identifier.ValueText, out var msalName) && msalName != member.Identifier.ValueText)
                    {
                        editor.ReplaceNode(member, SyntaxFactory.IdentifierName(msalName).WithTriviaFrom(member));
                    }
                }

                if (use.ExplicitType is { } type && done.Add(type))
                {
                    var msalResult = FixDocument.MarkForImport(SyntaxFactory.ParseTypeName(MsalNamespace + ".AuthenticationResult"), MsalNamespace);
                    editor.ReplaceNode(type, msalResult.WithTriviaFrom(type));
                }
            }
        }
    }

    /// <summary>
    /// The credential an app-only token call is made with: <c>new ClientCredential(clientId, string secret)</c> or
    /// <c>new ClientAssertionCertificate(clientId, certificate)</c>; the <c>ISecureClientSecret</c> overload has no MSAL twin.
    /// </summary>
    public static bool IsClientCredential(KnownTypes types, IOperation? value, out IObjectCreationOperation creation, out bool isCertificate)
    {
        creation = null!;
        isCertificate = false;
        if (value is not IObjectCreationOperation created || created.Arguments.Length != 2 || created.Constructor is not { } constructor
            || constructor.Parameters[0].Type.SpecialType != SpecialType.System_String)
        {
            return false;
        }

        creation = created;
        if (types.Is(created.Type, KnownType.Microsoft_IdentityModel_Clients_ActiveDirectory_ClientCredential))
        {
            return constructor.Parameters[1].Type.SpecialType == SpecialType.System_String;
        }

        isCertificate = true;
        return types.Is(created.Type, KnownType.Microsoft_IdentityModel_Clients_ActiveDirectory_ClientAssertionCertificate);
    }

    /// <summary>
    /// Every use of the token result must exist on MSAL's <c>AuthenticationResult</c>: the awaited (or
    /// <c>.Result</c>) value read for its token, expiry or header, directly or through one local.
    /// </summary>
    public static ResultUses? FindResultUses(IInvocationOperation acquire)
    {
        var body = OperationTree.Root(acquire);
        IOperation task = TaskRunAround(acquire) ?? acquire;
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
            return null;
        }

        TypeSyntax? explicitType = null;
        var renamed = ImmutableArray.CreateBuilder<SimpleNameSyntax>();
        var sharing = ImmutableArray.CreateBuilder<IInvocationOperation>();
        switch (value.Parent)
        {
            case IExpressionStatementOperation:
                break;
            case IPropertyReferenceOperation or IInvocationOperation:
                if (!IsCompatibleMemberUse(value, renamed))
                {
                    return null;
                }

                break;
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                if (!IsResultLocal(declarator.Symbol, body, value, renamed, sharing, out explicitType))
                {
                    return null;
                }

                break;
            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target, Parent: IExpressionStatementOperation } assignment:
                // AuthenticationResult result; try { result = await …; } catch (…) { … }
                if (!IsResultLocal(target.Local, body, value, renamed, sharing, out explicitType))
                {
                    return null;
                }

                break;
            default:
                return null;
        }

        return new ResultUses(explicitType, renamed.ToImmutable(), sharing.ToImmutable());
    }

    /// <summary>
    /// <c>Task.Run(() =&gt; context.AcquireTokenAsync(…))</c>, as code that blocks on a token writes to leave its
    /// synchronization context: the task Task.Run returns carries the call's result, and it infers its result type from
    /// the lambda, so the MSAL call's task fits the same place.
    /// </summary>
    private static IInvocationOperation? TaskRunAround(IInvocationOperation acquire) =>
        acquire.Parent is IReturnOperation { IsImplicit: true, Parent: IBlockOperation { Operations.Length: 1, Parent: IAnonymousFunctionOperation lambda } }
        && OperationTree.Consumer(lambda) is IDelegateCreationOperation created
        && OperationTree.Consumer(created) is IArgumentOperation { Parent: IInvocationOperation { Arguments.Length: 1 } run }
        && run.TargetMethod is { Name: "Run", IsGenericMethod: true, ContainingType: { Name: "Task", IsGenericType: false } } method
        && method.ContainingType.ContainingNamespace.ToDisplayString() == "System.Threading.Tasks"
        && run.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: IdentifierNameSyntax } }
            ? run
            : null;

    /// <summary>
    /// A local that holds this result (<paramref name="value"/>) and otherwise only the results of other ADAL token
    /// calls, and is read only for members MSAL's result has.
    /// </summary>
    private static bool IsResultLocal(
        ILocalSymbol local, IOperation body, IOperation value, ImmutableArray<SimpleNameSyntax>.Builder renamed, ImmutableArray<IInvocationOperation>.Builder sharing, out TypeSyntax? explicitType)
    {
        explicitType = null;
        var values = new List<IOperation>();
        if (local.DeclaringSyntaxReferences.Length != 1
            || local.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1 } declaration }
            || !ConstantResolver.TryGetLocalAssignments(local, body, values))
        {
            return false;
        }

        foreach (var other in values)
        {
            if (ReferenceEquals(other, value))
            {
                continue;
            }

            if (TokenCallOf(other) is not { } call)
            {
                return false;
            }

            sharing.Add(call);
        }

        foreach (var reference in body.Descendants().OfType<ILocalReferenceOperation>())
        {
            if (SymbolEqualityComparer.Default.Equals(reference.Local, local)
                && !(reference.Parent is ISimpleAssignmentOperation assignment && ReferenceEquals(assignment.Target, reference))
                && !IsCompatibleMemberUse(reference, renamed))
            {
                return false;
            }
        }

        if (!declaration.Type.IsVar)
        {
            explicitType = declaration.Type;
        }

        return true;
    }

    /// <summary>The ADAL token call whose awaited (or <c>.Result</c>) value <paramref name="value"/> is.</summary>
    private static IInvocationOperation? TokenCallOf(IOperation value)
    {
        var task = value switch
        {
            IAwaitOperation awaited => awaited.Operation,
            IPropertyReferenceOperation { Property.Name: "Result" } result => result.Instance,
            _ => null,
        };

        if (task is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" } configured)
        {
            task = configured.Instance;
        }

        return task is IInvocationOperation call
            && call.TargetMethod.Name.StartsWith("AcquireToken", StringComparison.Ordinal)
            && call.TargetMethod.ContainingNamespace.ToDisplayString() == AdalNamespaceName
            ? call
            : null;
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

    /// <summary>Whether <paramref name="operation"/> is <paramref name="target"/> under conversions and parentheses.</summary>
    public static bool IsSame(IOperation? operation, IOperation target) =>
        ReferenceEquals(OperationTree.SkipConversions(operation), target);

    public static IOperation? ArgumentOperation(ImmutableArray<IArgumentOperation> arguments, int ordinal)
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

    public static ExpressionSyntax? ArgumentSyntax(ImmutableArray<IArgumentOperation> arguments, int ordinal) =>
        ArgumentOperation(arguments, ordinal)?.Syntax as ExpressionSyntax;

    /// <summary>
    /// <c>ConfidentialClientApplicationBuilder.Create(clientId).WithAuthority(…).WithClientSecret|WithCertificate(…)…Build()</c>,
    /// one builder call a line under <paramref name="indentation"/>. ADAL shared one token cache across
    /// <c>AuthenticationContext</c> instances by default; MSAL's shared cache keeps that behaviour.
    /// </summary>
    public static string ConfidentialClientText(string clientId, string authority, string? validateAuthority, string credential, bool isCertificate, string indentation, string newLine)
    {
        var continuation = newLine + indentation + "    ";
        return MsalNamespace + ".ConfidentialClientApplicationBuilder.Create(" + clientId + ")"
            + continuation + ".WithAuthority(" + authority + (validateAuthority is null ? string.Empty : ", " + validateAuthority) + ")"
            + continuation + (isCertificate ? ".WithCertificate(" : ".WithClientSecret(") + credential + ")"
            + continuation + ".WithCacheOptions(" + MsalNamespace + ".CacheOptions.EnableSharedCacheOptions)"
            + continuation + ".Build()";
    }

    public static string Text(SyntaxNode node) => node.WithoutTrivia().ToFullString();
}
