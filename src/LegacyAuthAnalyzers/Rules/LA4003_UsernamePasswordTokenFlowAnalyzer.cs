using System.Threading;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LegacyAuthAnalyzers.Rules;

/// <summary>
/// LA4003: a token obtained with the user's password (resource owner password credentials, ROPC): MSAL
/// <c>AcquireTokenByUsernamePassword</c>, ADAL <c>UserPasswordCredential</c>, Azure.Identity
/// <c>UsernamePasswordCredential</c>, a hand-made token request with <c>grant_type=password</c>, and MailKit XOAUTH2
/// fed by a token from <c>AcquireTokenByUsernamePassword</c> in the same member.
/// </summary>
/// <remarks>
/// The library checks register only when MSAL, ADAL, Azure.Identity or MailKit is referenced. The hand-made request
/// check cannot be gated by a library (System.Net.Http is everywhere), so it stays on object creations, where it costs a
/// symbol comparison, a look at a constant first argument and, for collection initializers only, one look per element.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LA4003_UsernamePasswordTokenFlowAnalyzer : DiagnosticAnalyzer
{
    private const string RopcMethodName = PasswordTokenFlows.RopcMethodName;

    // How far a token is followed back through locals, awaits and builder chains to the call that produced it.
    private const int MaxTraceDepth = 12;

    private static readonly ImmutableDictionary<string, string?> PublicClientProperties =
        ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Kind, DiagnosticProperties.MsalPublicClientKind);

    private static readonly ImmutableDictionary<string, string?> OtherProperties =
        ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Kind, DiagnosticProperties.OtherKind);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LA4003_UsernamePasswordTokenFlow);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();

        // A password grant in generated client code sends the password just the same.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(static start =>
        {
            if (!TestProjects.Reports(start.Compilation, start.Options, TestProjectFinding.Migration))
            {
                return;
            }

            var types = KnownTypes.For(start.Compilation);

            // A hand-made password grant needs no identity library, but a project without one only pays for object
            // creations (SPEC §7); anonymous-object request bodies are checked where a mail or identity library is
            // referenced. Where not even System.Net.Mail is referenced, nothing is registered.
            if (!types.HasMailApi)
            {
                return;
            }

            var analyzer = new CompilationAnalyzer(types);
            if (analyzer.Msal is not null)
            {
                start.RegisterOperationAction(analyzer.AnalyzeInvocation, OperationKind.Invocation);
            }

            if (analyzer.HasCreationChecks)
            {
                start.RegisterOperationAction(analyzer.AnalyzeCreation, OperationKind.ObjectCreation);
            }

            if (analyzer.HasHttp && types.HasMailLibrary)
            {
                start.RegisterOperationAction(CompilationAnalyzer.AnalyzeAnonymousObject, OperationKind.AnonymousObjectCreation);
            }
        });
    }

    /// <summary>True for an MSAL <c>AcquireTokenByUsernamePassword</c> call on a public client application.</summary>
    internal static bool IsPublicClientRopc(IInvocationOperation invocation, KnownTypes types)
    {
        var publicClient = types.Get(KnownType.Microsoft_Identity_Client_IPublicClientApplication);
        return publicClient is not null
            && invocation.TargetMethod.Name == RopcMethodName
            && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingAssembly, publicClient.ContainingAssembly)
            && (Implements(invocation.TargetMethod.ContainingType, publicClient) || Implements(invocation.Instance?.Type, publicClient));
    }

    private static bool Implements(ITypeSymbol? type, INamedTypeSymbol @interface) =>
        type is not null
        && (SymbolEqualityComparer.Default.Equals(type, @interface) || type.AllInterfaces.Contains(@interface, SymbolEqualityComparer.Default));

    /// <summary>The symbols one compilation needs, resolved once.</summary>
    private sealed class CompilationAnalyzer
    {
        private readonly KnownTypes types;
        private readonly PasswordTokenFlows flows;
        private readonly INamedTypeSymbol? saslOAuth2;
        private readonly INamedTypeSymbol? ewsOAuthCredentials;

        public CompilationAnalyzer(KnownTypes types)
        {
            this.types = types;
            flows = new PasswordTokenFlows(types);
            saslOAuth2 = Msal is null ? null : types.Get(KnownType.MailKit_Security_SaslMechanismOAuth2);
            ewsOAuthCredentials = Msal is null ? null : types.Get(KnownType.Microsoft_Exchange_WebServices_Data_OAuthCredentials);
        }

        public IAssemblySymbol? Msal => flows.Msal;

        public bool HasHttp => flows.HasHttp;

        public bool HasCreationChecks => HasHttp || flows.HasPasswordCredentials;

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            if (!flows.IsRopcCall(invocation))
            {
                return;
            }

            var typeName = OperationTree.ReceiverTypeName(invocation.Instance, method);
            var properties = IsPublicClientRopc(invocation, types) ? PublicClientProperties : OtherProperties;
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.LA4003_UsernamePasswordTokenFlow,
                invocation.Syntax.GetLocation(),
                TokenConsumers(invocation, context.CancellationToken),
                properties,
                typeName + "." + RopcMethodName));
        }

        /// <summary>
        /// One finding per flow: the XOAUTH2 mechanism (<c>new SaslMechanismOAuth2</c>) or EWS <c>OAuthCredentials</c>
        /// that takes this call's token in the same member is an additional location of the call's finding, not a
        /// finding of its own.
        /// </summary>
        private List<Location>? TokenConsumers(IInvocationOperation ropc, System.Threading.CancellationToken cancellationToken)
        {
            if (saslOAuth2 is null && ewsOAuthCredentials is null)
            {
                return null;
            }

            List<Location>? consumers = null;
            foreach (var operation in OperationTree.Root(ropc).Descendants())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (operation is IObjectCreationOperation { Type: { } type } creation
                    && (SymbolEqualityComparer.Default.Equals(type, saslOAuth2) || SymbolEqualityComparer.Default.Equals(type, ewsOAuthCredentials))
                    && TokenArgument(creation) is { } token
                    && ReferenceEquals(FindRopcCall(token, 0), ropc))
                {
                    (consumers ??= new List<Location>()).Add(creation.Syntax.GetLocation());
                }
            }

            return consumers;
        }

        /// <summary>The token a consumer takes: XOAUTH2's second string (after the user name), EWS's only one.</summary>
        private static IOperation? TokenArgument(IObjectCreationOperation creation)
        {
            IOperation? token = null;
            foreach (var argument in creation.Arguments)
            {
                if (argument.Parameter?.Type.SpecialType == SpecialType.System_String)
                {
                    token = argument.Value;
                }
            }

            return token;
        }

        public void AnalyzeCreation(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            var type = creation.Type;
            if (type is null)
            {
                return;
            }

            try
            {
                if (flows.IsPasswordCredential(type))
                {
                    Report(context, creation.Syntax, null, "new " + type.Name);
                }
                else if (SymbolEqualityComparer.Default.Equals(type, flows.StringContent))
                {
                    if (creation.Arguments.Length > 0 && PasswordGrantText.Contains(TemplateText.Of(creation.Arguments[0].Value, context.CancellationToken)))
                    {
                        Report(context, creation.Syntax, null, "A token request with grant_type=password");
                    }
                }
                else if (SymbolEqualityComparer.Default.Equals(type, flows.FormUrlEncodedContent))
                {
                    AnalyzeFormContent(context, creation);
                }
                else if (HasHttp)
                {
                    AnalyzePairs(context, creation);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // An unexpected shape is simply not a finding.
            }
        }

        public static void AnalyzeAnonymousObject(OperationAnalysisContext context)
        {
            // new { grant_type = "password", … }: the body of a JSON or form post built by an HTTP helper library.
            foreach (var initializer in ((IAnonymousObjectCreationOperation)context.Operation).Initializers)
            {
                if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "grant_type" } } assignment
                    && PasswordTokenFlows.IsPasswordGrant(assignment.Value, context.CancellationToken))
                {
                    Report(context, assignment.Syntax, null, "A token request with grant_type=password");
                    return;
                }
            }
        }

        /// <summary>A ("grant_type", "password") pair: a two-argument creation or an element of a collection initializer.</summary>
        private static void AnalyzePairs(OperationAnalysisContext context, IObjectCreationOperation creation)
        {
            if (creation.Arguments.Length == 2
                && PasswordTokenFlows.IsGrantTypeKey(creation.Arguments[0].Value)
                && PasswordTokenFlows.IsPasswordGrant(creation.Arguments[1].Value, context.CancellationToken))
            {
                Report(context, creation.Syntax, null, "A token request with grant_type=password");
                return;
            }

            if (creation.Initializer is null)
            {
                return;
            }

            foreach (var element in creation.Initializer.Initializers)
            {
                if (PasswordTokenFlows.IsPasswordGrantPair(element, context.CancellationToken))
                {
                    Report(context, element.Syntax, null, "A token request with grant_type=password");
                    return;
                }
            }
        }

        /// <summary>
        /// <c>new FormUrlEncodedContent(form)</c> where the local <c>form</c> gets the pair after its creation
        /// (<c>form["grant_type"] = "password"</c> or <c>form.Add(…)</c>); pairs in initializers are reported where they are.
        /// </summary>
        private static void AnalyzeFormContent(OperationAnalysisContext context, IObjectCreationOperation creation)
        {
            if (creation.Arguments.Length == 0 || OperationTree.SkipConversions(creation.Arguments[0].Value) is not ILocalReferenceOperation form)
            {
                return;
            }

            foreach (var operation in OperationTree.Root(creation).Descendants())
            {
                var receiver = operation switch
                {
                    IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 2 } add => add.Instance,
                    ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Arguments.Length: 1 } indexer } => indexer.Instance,
                    _ => null,
                };

                if (receiver is ILocalReferenceOperation local
                    && SymbolEqualityComparer.Default.Equals(local.Local, form.Local)
                    && PasswordTokenFlows.IsPasswordGrantPair(operation, context.CancellationToken))
                {
                    Report(context, creation.Syntax, operation.Syntax, "A token request with grant_type=password");
                    return;
                }
            }
        }

        /// <summary>
        /// Follows a token back through <c>.AccessToken</c>, <c>await</c>, <c>.Result</c>, builder calls such as
        /// <c>ExecuteAsync</c>, and locals of the same member, to the MSAL call that acquired it.
        /// </summary>
        private IInvocationOperation? FindRopcCall(IOperation? operation, int depth)
        {
            operation = OperationTree.SkipConversions(operation);
            if (operation is null || depth > MaxTraceDepth)
            {
                return null;
            }

            switch (operation)
            {
                case IInvocationOperation invocation:
                    if (flows.IsRopcCall(invocation))
                    {
                        return invocation;
                    }

                    return FindRopcCall(invocation.Instance, depth + 1);
                case IAwaitOperation awaited:
                    return FindRopcCall(awaited.Operation, depth + 1);
                case IPropertyReferenceOperation { Property.Name: "AccessToken" or "Result" } property:
                    return FindRopcCall(property.Instance, depth + 1);
                case ILocalReferenceOperation local:
                    var values = new List<IOperation>();
                    if (!ConstantResolver.TryGetLocalAssignments(local.Local, OperationTree.Root(operation), values))
                    {
                        return null;
                    }

                    foreach (var value in values)
                    {
                        if (FindRopcCall(value, depth + 1) is { } found)
                        {
                            return found;
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }

        private static void Report(OperationAnalysisContext context, SyntaxNode node, SyntaxNode? additional, string api) =>
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.LA4003_UsernamePasswordTokenFlow,
                node.GetLocation(),
                additional is null ? null : new[] { additional.GetLocation() },
                OtherProperties,
                api));
    }
}
