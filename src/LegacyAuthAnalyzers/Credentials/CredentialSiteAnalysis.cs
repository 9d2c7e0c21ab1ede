using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LegacyAuthAnalyzers.Credentials;

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
/// Serves LA1001, LA1002, LA1003, LA3001 and LA3002.
/// </summary>
internal static class CredentialSiteAnalysis
{
    private static readonly ConditionalWeakTable<Compilation, CustomSinkPresence> CustomSinkCache = new();

    /// <param name="finding">What kind of finding the rule gives, so that test projects get only the ones that matter there.</param>
    /// <param name="includeSignInSites">
    /// Also the passwords of username/password token flows and of Basic headers sent to Exchange
    /// (<see cref="SignInPasswordSites"/>): for the rules about where a secret lives, not how a mail server is logged on to.
    /// </param>
    public static void Register(
        AnalysisContext context,
        TestProjectFinding finding,
        Action<CredentialSiteContext> onSite,
        Action<CompilationStartAnalysisContext, KnownTypes>? onStart = null,
        bool includeSignInSites = false)
    {
        context.RegisterCompilationStartAction(start =>
        {
            // Answered once per compilation for all rules; a test project gets only the findings that matter there.
            if (!TestProjects.Reports(start.Compilation, start.Options, finding))
            {
                return;
            }

            var types = KnownTypes.For(start.Compilation);
            onStart?.Invoke(start, types);
            var hasCustomSinks = HasCustomSinks(start.Compilation, start.Options);
            // Token requests and Basic headers are built from .NET types alone; like LA1004's and LA4003's own checks of
            // them, the secret check runs where a mail or identity library is referenced, so a project without one pays
            // nothing for it (SPEC §7).
            var signIn = includeSignInSites && types.HasMailLibrary ? SignInPasswordSites.For(types) : null;
            var kinds = CredentialSites.OperationKinds(types, hasCustomSinks);
            if (signIn is not null)
            {
                kinds = kinds.AddRange(signIn.OperationKinds).Distinct().ToImmutableArray();
            }

            if (kinds.IsEmpty)
            {
                return;
            }

            var analysis = new CompilationAnalysis(types, hasCustomSinks, signIn, CredentialSiteCache.For(start.Compilation), onSite);
            start.RegisterOperationAction(analysis.Analyze, kinds);
        });
    }

    /// <summary>
    /// Whether any file of the compilation declares its own credential sinks in .editorconfig. Every credential rule
    /// asks at compilation start, so the answer is computed once per compilation and options provider.
    /// </summary>
    private static bool HasCustomSinks(Compilation compilation, AnalyzerOptions options)
    {
        var provider = options.AnalyzerConfigOptionsProvider;
        var cache = CustomSinkCache.GetValue(compilation, static _ => new CustomSinkPresence());
        var cached = Volatile.Read(ref cache.Last);
        if (cached is not null && ReferenceEquals(cached.Provider, provider))
        {
            return cached.Value;
        }

        // Rules starting at the same time may both compute it: the answers are equal, so either write may win.
        var value = ComputeHasCustomSinks(compilation, provider);
        Volatile.Write(ref cache.Last, new CustomSinkAnswer(provider, value));
        return value;
    }

    private static bool ComputeHasCustomSinks(Compilation compilation, AnalyzerConfigOptionsProvider provider)
    {
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

    /// <summary>One rule's view of one compilation: what it registered for, and where its sites come from.</summary>
    private sealed class CompilationAnalysis
    {
        private readonly KnownTypes types;
        private readonly bool hasCustomSinks;
        private readonly SignInPasswordSites? signIn;
        private readonly CredentialSiteCache sites;
        private readonly Action<CredentialSiteContext> onSite;

        public CompilationAnalysis(KnownTypes types, bool hasCustomSinks, SignInPasswordSites? signIn, CredentialSiteCache sites, Action<CredentialSiteContext> onSite)
        {
            this.types = types;
            this.hasCustomSinks = hasCustomSinks;
            this.signIn = signIn;
            this.sites = sites;
            this.onSite = onSite;
        }

        /// <summary>
        /// Runs for every call, creation or assignment of the compilation: reject by name or symbol first. The sink model
        /// needs the options only for declared sinks; the rule gets them once a site is found. The site itself is found
        /// once for all the credential rules (<see cref="CredentialSiteCache"/>).
        /// </summary>
        public void Analyze(OperationAnalysisContext context)
        {
            // No lambda here: one that captured the context would copy it into a closure on every call, candidate or not.
            var operation = context.Operation;
            if (CredentialSites.IsCandidate(operation, types, hasCustomSinks))
            {
                var sinkOptions = hasCustomSinks ? LegacyAuthOptions.For(context.Options, operation.Syntax.SyntaxTree) : LegacyAuthOptions.Empty;
                if (!sites.TryGetSinkSite(operation, sinkOptions, out var site))
                {
                    site = CredentialSites.TryGet(operation, types, sinkOptions, context.CancellationToken, out var found) ? found : null;
                    sites.AddSinkSite(operation, sinkOptions, site);
                }

                if (site is not null)
                {
                    var options = hasCustomSinks ? sinkOptions : LegacyAuthOptions.For(context.Options, operation.Syntax.SyntaxTree);
                    onSite(new CredentialSiteContext(context, site, types, options));
                    return;
                }
            }

            if (signIn is not null && signIn.IsCandidate(operation))
            {
                if (!sites.TryGetSignInSite(operation, context.Options, out var site))
                {
                    site = signIn.TryGet(operation, context.Options, context.CancellationToken, out var found) ? found : null;
                    sites.AddSignInSite(operation, context.Options, site);
                }

                if (site is not null)
                {
                    onSite(new CredentialSiteContext(context, site, types, LegacyAuthOptions.For(context.Options, operation.Syntax.SyntaxTree)));
                }
            }
        }
    }

    private sealed class CustomSinkPresence
    {
        // A field, because Volatile.Read and Volatile.Write take it by reference.
        public CustomSinkAnswer? Last;
    }

    /// <summary>The cached answer and the options provider it was computed from.</summary>
    private sealed class CustomSinkAnswer
    {
        public CustomSinkAnswer(AnalyzerConfigOptionsProvider provider, bool value)
        {
            Provider = provider;
            Value = value;
        }

        public AnalyzerConfigOptionsProvider Provider { get; }

        public bool Value { get; }
    }
}
