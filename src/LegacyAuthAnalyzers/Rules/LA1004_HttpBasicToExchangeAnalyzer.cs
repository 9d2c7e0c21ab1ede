using System.Threading;
using LegacyAuthAnalyzers.Infrastructure;
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
public sealed class LA1004_HttpBasicToExchangeAnalyzer : DiagnosticAnalyzer
{
    // Parameters that take the address of an HTTP request across HttpClient, HttpRequestMessage, WebClient and WebRequest.
    private static readonly ImmutableHashSet<string> UrlParameterNames = ImmutableHashSet.Create(
        StringComparer.Ordinal, "requestUri", "requestUriString", "uri", "url", "address", "baseAddress", "uriString");

    // Exchange's own HTTP endpoints, wherever the server runs.
    private static readonly string[] ExchangePaths = { "/ews/", "/autodiscover/", "/microsoft-server-activesync" };

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
        private readonly INamedTypeSymbol? httpRequestHeader;

        public CompilationAnalyzer(KnownTypes types)
        {
            this.types = types;
            HeaderValue = types.Get(KnownType.System_Net_Http_Headers_AuthenticationHeaderValue);
            httpRequestHeader = types.Get(KnownType.System_Net_HttpRequestHeader);
        }

        public INamedTypeSymbol? HeaderValue { get; }

        /// <summary><c>new AuthenticationHeaderValue("Basic", …)</c>.</summary>
        public void AnalyzeCreation(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (!SymbolEqualityComparer.Default.Equals(creation.Type, HeaderValue)
                || creation.Arguments.Length == 0
                || creation.Arguments[0].Value.ConstantValue is not { HasValue: true, Value: string scheme }
                || !string.Equals(scheme, "Basic", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            ReportIfExchange(context, creation, "new AuthenticationHeaderValue(\"Basic\", …)");
        }

        /// <summary><c>headers.Add("Authorization", "Basic …")</c>, <c>TryAddWithoutValidation</c>, <c>Set</c>.</summary>
        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (invocation.TargetMethod.Name is not ("Add" or "TryAddWithoutValidation" or "Set")
                || invocation.Arguments.Length != 2
                || !IsAuthorizationHeaderName(invocation.Arguments[0].Value)
                || !IsInSystemNet(invocation.TargetMethod.ContainingType)
                || !IsBasicValue(invocation.Arguments[1].Value, context.CancellationToken))
            {
                return;
            }

            ReportIfExchange(context, invocation, "The Authorization header");
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
                if (IsAuthorizationHeaderName(target.Arguments[0].Value)
                    && IsInSystemNet(target.Property.ContainingType)
                    && IsBasicValue(assignment.Value, context.CancellationToken))
                {
                    ReportIfExchange(context, assignment, "The Authorization header");
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

        private bool IsAuthorizationHeaderName(IOperation value)
        {
            var constant = ConstantResolver.Unwrap(value)?.ConstantValue ?? default;
            if (!constant.HasValue)
            {
                return false;
            }

            if (constant.Value is string name)
            {
                return string.Equals(name, "Authorization", StringComparison.OrdinalIgnoreCase);
            }

            // HttpRequestHeader.Authorization, as WebClient.Headers and WebRequest.Headers take it.
            return ConstantResolver.Unwrap(value) is IFieldReferenceOperation { Field.Name: "Authorization" } field
                && SymbolEqualityComparer.Default.Equals(field.Field.ContainingType, httpRequestHeader);
        }

        private static bool IsBasicValue(IOperation value, CancellationToken cancellationToken) =>
            TemplateText.Of(value, cancellationToken) is { } text && text.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase);

        private static bool IsInSystemNet(INamedTypeSymbol? type)
        {
            var ns = type?.ContainingNamespace?.ToDisplayString();
            return ns is "System.Net" or "System.Net.Http.Headers";
        }

        private static void ReportIfExchange(OperationAnalysisContext context, IOperation site, string api)
        {
            var options = LegacyAuthOptions.For(context.Options, site.Syntax.SyntaxTree);
            if (ExchangeHostIn(ConstantResolver.Root(site), options, context.CancellationToken) is { } host)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.LA1004_HttpBasicToExchange, site.Syntax.GetLocation(), api, host));
            }
        }

        /// <summary>
        /// The host of the first Exchange endpoint the member sends to: a constant URL given to an HTTP request
        /// parameter (<c>requestUri</c>, <c>address</c>, any <c>Uri</c>) or assigned to <c>BaseAddress</c>,
        /// <c>RequestUri</c> or <c>Url</c>.
        /// </summary>
        private static string? ExchangeHostIn(IOperation body, LegacyAuthOptions options, CancellationToken cancellationToken)
        {
            foreach (var operation in body.Descendants())
            {
                var value = operation switch
                {
                    IArgumentOperation { Parameter: { } parameter } argument
                        when parameter.Type.Name == "Uri" || parameter.Type.SpecialType == SpecialType.System_String && UrlParameterNames.Contains(parameter.Name)
                        => argument.Value,
                    ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "BaseAddress" or "RequestUri" or "Url" } } assignment
                        => assignment.Value,
                    _ => null,
                };

                if (value is not null && ExchangeHost(ConstantUrls.Resolve(value, cancellationToken), options) is { } host)
                {
                    return host;
                }
            }

            return null;
        }

        private static string? ExchangeHost(string? url, LegacyAuthOptions options)
        {
            var host = MailHosts.Normalize(url);
            if (host is null || MailHosts.IsLocal(host, options))
            {
                return null;
            }

            if (MailHosts.IsMicrosoft365(host, options))
            {
                return host;
            }

            foreach (var path in ExchangePaths)
            {
                if (url!.IndexOf(path, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return host;
                }
            }

            return null;
        }
    }
}
