using Microsoft.CodeAnalysis.Diagnostics;

namespace LegacyAuthAnalyzers.Infrastructure;

/// <summary>Everything a credential rule gets for one site.</summary>
internal readonly struct CredentialSiteContext
{
    public CredentialSiteContext(OperationAnalysisContext operationContext, CredentialSite site, KnownTypes types, LegacyAuthOptions options)
    {
        OperationContext = operationContext;
        Site = site;
        Types = types;
        Options = options;
    }

    public OperationAnalysisContext OperationContext { get; }

    public CredentialSite Site { get; }

    public KnownTypes Types { get; }

    public LegacyAuthOptions Options { get; }

    public bool IsLocalHost => MailHosts.IsLocal(Site.Host, Options);

    public void Report(DiagnosticDescriptor descriptor, Location location, IEnumerable<Location>? additionalLocations, params object?[] messageArgs) =>
        OperationContext.ReportDiagnostic(Diagnostic.Create(descriptor, location, additionalLocations, messageArgs));
}

/// <summary>
/// The registration the credential rules share: resolve the library types once per compilation, register nothing
/// when no sink can exist, and hand every recognized sink to the rule.
/// </summary>
internal static class CredentialSiteAnalysis
{
    public static void Register(AnalysisContext context, Action<CredentialSiteContext> onSite, Action<CompilationStartAnalysisContext, KnownTypes>? onStart = null)
    {
        context.RegisterCompilationStartAction(start =>
        {
            var types = KnownTypes.For(start.Compilation);
            onStart?.Invoke(start, types);
            var hasCustomSinks = HasCustomSinks(start.Compilation, start.Options);
            var kinds = CredentialSites.OperationKinds(types, hasCustomSinks);
            if (kinds.IsEmpty)
            {
                return;
            }

            start.RegisterOperationAction(
                operationContext =>
                {
                    // The sink model needs the options only for declared sinks; without them, every operation that
                    // is not a sink costs a name and symbol comparison and no options lookup.
                    var tree = operationContext.Operation.Syntax.SyntaxTree;
                    var sinkOptions = hasCustomSinks ? LegacyAuthOptions.For(operationContext.Options, tree) : LegacyAuthOptions.Empty;
                    if (CredentialSites.TryGet(operationContext.Operation, types, sinkOptions, operationContext.CancellationToken, out var site))
                    {
                        var options = hasCustomSinks ? sinkOptions : LegacyAuthOptions.For(operationContext.Options, tree);
                        onSite(new CredentialSiteContext(operationContext, site, types, options));
                    }
                },
                kinds);
        });
    }

    /// <summary>Whether any file of the compilation declares its own credential sinks in .editorconfig.</summary>
    private static bool HasCustomSinks(Compilation compilation, AnalyzerOptions options)
    {
        var provider = options.AnalyzerConfigOptionsProvider;
        if (provider.GlobalOptions.TryGetValue(LegacyAuthOptions.CredentialSinksKey, out _))
        {
            return true;
        }

        foreach (var tree in compilation.SyntaxTrees)
        {
            if (provider.GetOptions(tree).TryGetValue(LegacyAuthOptions.CredentialSinksKey, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                return true;
            }
        }

        return false;
    }
}
