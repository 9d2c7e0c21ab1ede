using System.Threading;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LegacyAuthAnalyzers.Rules;

/// <summary>
/// LA1004: HTTP Basic authorization sent to an Exchange endpoint: <c>new AuthenticationHeaderValue("Basic", …)</c>, an
/// <c>Authorization</c> header written as <c>"Basic …"</c>, or a password <c>NetworkCredential</c> on an HTTP handler,
/// <c>WebClient</c> or <c>WebRequest</c>, in a member that sends to an Exchange Online host or an Exchange path
/// (<c>/EWS/</c>, Autodiscover, ActiveSync), on-premises included.
/// </summary>
/// <remarks>
/// Raw HTTP to Exchange references no mail library, so nothing can gate the rule by assembly. Each callback starts with a
/// name or symbol comparison; only a Basic artifact, which is rare, pays for the walk of its member body in search of
/// the endpoint. Local test servers are never reported.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
[NoCodeFix("the request needs a bearer token from the app's own sign-in; see the page")]
public sealed class LA1004_HttpBasicToExchangeAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LA1004_HttpBasicToExchange);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();

        // Generated service proxies send the header just the same.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(static start =>
        {
            if (!TestProjects.Reports(start.Compilation, start.Options, TestProjectFinding.Migration))
            {
                return;
            }

            var types = KnownTypes.For(start.Compilation);

            // Raw HTTP to Exchange needs no mail library, but a project without one only pays for object creations and
            // property assignments (SPEC §7): the header written through Headers.Add is checked where a mail or
            // identity library is referenced. Where not even System.Net.Mail is referenced, nothing is registered.
            if (!types.HasMailApi)
            {
                return;
            }

            var analyzer = new CompilationAnalyzer(types);
            if (analyzer.HeaderValue is not null)
            {
                start.RegisterOperationAction(analyzer.AnalyzeCreation, OperationKind.ObjectCreation);
            }

            if (types.HasMailLibrary)
            {
                start.RegisterOperationAction(analyzer.AnalyzeInvocation, OperationKind.Invocation);
            }

            start.RegisterOperationAction(analyzer.AnalyzeAssignment, OperationKind.SimpleAssignment);
        });
    }

    private sealed class CompilationAnalyzer
    {
        private readonly KnownTypes types;
        private readonly HttpBasicAuthorizations basic;

        public CompilationAnalyzer(KnownTypes types)
        {
            this.types = types;
            basic = new HttpBasicAuthorizations(types);
        }

        public INamedTypeSymbol? HeaderValue => basic.HeaderValue;

        /// <summary><c>new AuthenticationHeaderValue("Basic", …)</c>.</summary>
        public void AnalyzeCreation(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (basic.IsBasicHeaderValue(creation, out _))
            {
                ReportIfExchange(context, creation, HttpBasicAuthorizations.HeaderValueApi);
            }
        }

        /// <summary><c>headers.Add("Authorization", "Basic …")</c>, <c>TryAddWithoutValidation</c>, <c>Set</c>.</summary>
        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (basic.BasicHeaderAdded(invocation, context.CancellationToken) is not null)
            {
                ReportIfExchange(context, invocation, HttpBasicAuthorizations.HeaderWriteApi);
            }
        }

        /// <summary><c>headers["Authorization"] = "Basic …"</c> or <c>handler.Credentials = new NetworkCredential(…)</c>.</summary>
        public void AnalyzeAssignment(OperationAnalysisContext context)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is not IPropertyReferenceOperation target)
            {
                return;
            }

            if (target.Arguments.Length == 1)
            {
                if (basic.BasicHeaderAssigned(assignment, context.CancellationToken) is not null)
                {
                    ReportIfExchange(context, assignment, HttpBasicAuthorizations.HeaderWriteApi);
                }

                return;
            }

            if (target.Property.Name != "Credentials" || !IsHttpSender(target.Instance?.Type ?? target.Property.ContainingType))
            {
                return;
            }

            var credential = NetworkCredentials.Find(assignment.Value, types, context.CancellationToken);
            if (credential.IsDefault || !credential.IsNetworkCredential)
            {
                return;
            }

            var sender = (target.Instance?.Type ?? target.Property.ContainingType).Name;
            ReportIfExchange(context, assignment, sender + ".Credentials");
        }

        private bool IsHttpSender(ITypeSymbol? type) =>
            types.IsOrDerivesFrom(type, KnownType.System_Net_Http_HttpClientHandler)
            || types.IsOrDerivesFrom(type, KnownType.System_Net_Http_SocketsHttpHandler)
            || types.IsOrDerivesFrom(type, KnownType.System_Net_WebClient)
            || types.IsOrDerivesFrom(type, KnownType.System_Net_WebRequest);

        private static void ReportIfExchange(OperationAnalysisContext context, IOperation site, string api)
        {
            var options = LegacyAuthOptions.For(context.Options, site.Syntax.SyntaxTree);
            if (HttpBasicAuthorizations.ExchangeHostFor(site, options, context.CancellationToken) is { } host)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.LA1004_HttpBasicToExchange, site.Syntax.GetLocation(), api, host));
            }
        }
    }
}
