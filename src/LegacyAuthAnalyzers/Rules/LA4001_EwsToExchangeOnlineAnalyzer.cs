using System.Threading;
using LegacyAuthAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LegacyAuthAnalyzers.Rules;

/// <summary>
/// LA4001: an EWS Managed API <c>ExchangeService</c> whose <c>Url</c> is an Exchange Online endpoint. EWS is being
/// switched off there; the migration target is Microsoft Graph, which no local rewrite can reach, so there is no fix.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LA4001_EwsToExchangeOnlineAnalyzer : DiagnosticAnalyzer
{
    // Uri values stored in locals or fields are followed at most this many hops, so the work per assignment is bounded.
    private const int MaxUriDepth = 4;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LA4001_EwsToExchangeOnline);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();

        // Generated proxies and settings classes talk to EWS just the same.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(static start =>
        {
            var types = KnownTypes.For(start.Compilation);
            var exchangeService = types.Get(KnownType.Microsoft_Exchange_WebServices_Data_ExchangeService);
            if (exchangeService is null)
            {
                return;
            }

            start.RegisterOperationAction(context => AnalyzeAssignment(context, exchangeService), OperationKind.SimpleAssignment);
        });
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, INamedTypeSymbol exchangeService)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property.Name: "Url" } target
            || !SymbolEqualityComparer.Default.Equals(target.Property.ContainingType?.OriginalDefinition, exchangeService))
        {
            return;
        }

        string? url;
        try
        {
            url = UrlText(assignment.Value, 0, context.CancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return;
        }

        var host = MailHosts.Normalize(url);
        if (host is null || !MailHosts.IsMicrosoft365(host, LegacyAuthOptions.For(context.Options, assignment.Syntax.SyntaxTree)))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.LA4001_EwsToExchangeOnline, assignment.Syntax.GetLocation(), host));
    }

    /// <summary>
    /// The text of a <c>Uri</c> value: <c>new Uri(constant)</c>, <c>new Uri(constantBase, relative)</c>, or a local or
    /// field whose every assignment is such a creation of the same host.
    /// </summary>
    private static string? UrlText(IOperation? value, int depth, CancellationToken cancellationToken)
    {
        value = ConstantResolver.Unwrap(value);
        if (value is null || depth > MaxUriDepth)
        {
            return null;
        }

        switch (value)
        {
            case IObjectCreationOperation { Arguments.Length: > 0 } creation when creation.Type?.Name == "Uri":
                var first = creation.Arguments[0].Value;
                return ConstantResolver.TryResolveString(first, cancellationToken, out var text, out _)
                    ? text
                    : UrlText(first, depth + 1, cancellationToken);
            case ILocalReferenceOperation local:
                var assigned = new List<IOperation>();
                return ConstantResolver.TryGetLocalAssignments(local.Local, ConstantResolver.Root(value), assigned)
                    ? SameHost(assigned, depth, cancellationToken)
                    : null;
            case IFieldReferenceOperation field:
                var values = new List<IOperation>();
                return ConstantResolver.TryGetMemberValues(value, field.Field, values, cancellationToken)
                    ? SameHost(values, depth, cancellationToken)
                    : null;
            default:
                return ConstantResolver.TryResolveString(value, cancellationToken, out var constant, out _) ? constant : null;
        }
    }

    /// <summary>The URL when every value resolves to one host, so a variable that may point elsewhere is not reported.</summary>
    private static string? SameHost(List<IOperation> values, int depth, CancellationToken cancellationToken)
    {
        string? url = null;
        string? host = null;
        foreach (var value in values)
        {
            var text = UrlText(value, depth + 1, cancellationToken);
            var normalized = MailHosts.Normalize(text);
            if (normalized is null || host is not null && !string.Equals(host, normalized, StringComparison.Ordinal))
            {
                return null;
            }

            url ??= text;
            host = normalized;
        }

        return url;
    }
}
