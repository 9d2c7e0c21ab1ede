using System.Threading;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LegacyAuthAnalyzers.Rules;

/// <summary>
/// LA2004: a certificate validation callback that accepts every certificate (see <see cref="CertificateCallbacks"/>),
/// set on a MailKit client, or set globally on <c>ServicePointManager</c> in a compilation whose mail goes through
/// it: one that uses System.Net.Mail's <c>SmtpClient</c> or EWS, or MailKit on .NET Framework. Callbacks of
/// other clients (HTTP handlers, database drivers) are not mail and are left to general-purpose rules.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LA2004_CertificateValidationDisabledAnalyzer : DiagnosticAnalyzer
{
    private const string CallbackName = "ServerCertificateValidationCallback";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LA2004_CertificateValidationDisabled);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();

        // A generated client that trusts every certificate is just as open.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            if (!TestProjects.Reports(start.Compilation, start.Options, TestProjectFinding.ServerConnection))
            {
                return;
            }

            var types = KnownTypes.For(start.Compilation);
            var global = types.Get(KnownType.System_Net_ServicePointManager)?.GetMembers(CallbackName).OfType<IPropertySymbol>().FirstOrDefault();
            // The global callback only matters where mail goes through it: System.Net.Mail or EWS (and MailKit on
            // .NET Framework, which needs MailKit anyway). A compilation with none of them pays for nothing.
            if (!types.HasMailKit && (global is null || !(types.HasSystemNetMail || types.HasEws)))
            {
                return;
            }

            var scope = new GlobalCallbackScope(start.Compilation, types);
            start.RegisterOperationAction(
                context => Analyze(context, types, global, scope),
                OperationKind.SimpleAssignment,
                OperationKind.CompoundAssignment);
        });
    }

    private static void Analyze(OperationAnalysisContext context, KnownTypes types, IPropertySymbol? global, GlobalCallbackScope scope)
    {
        var assignment = (IAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation target)
        {
            return;
        }

        var property = target.Property.OriginalDefinition;
        var isGlobal = global is not null && SymbolEqualityComparer.Default.Equals(property, global);
        if (!isGlobal && (property.Name != CallbackName || !types.HasMailKit || !types.IsMailKitService(property.ContainingType)))
        {
            return;
        }

        // `+=` adds the callback to the ones already there; any other compound operator is not a registration.
        if (assignment is ICompoundAssignmentOperation { OperatorKind: not BinaryOperatorKind.Add })
        {
            return;
        }

        var cancellationToken = context.CancellationToken;
        var verdict = CertificateCallbacks.Judge(assignment.Value, cancellationToken);
        if (!verdict.AcceptsAny || CertificateCallbacks.IsInDeadBranch(assignment, cancellationToken))
        {
            return;
        }

        string subject;
        if (isGlobal)
        {
            var user = scope.MailUser(cancellationToken);
            if (user is null)
            {
                return;
            }

            subject = "ServicePointManager." + CallbackName + " (used by " + user + ")";
        }
        else
        {
            var client = HostResolver.ReceiverOf(target.Instance, assignment);
            var host = HostResolver.ForClient(client, types, cancellationToken).Host;
            if (MailHosts.IsLocal(host, LegacyAuthOptions.For(context.Options, assignment.Syntax.SyntaxTree)))
            {
                return;
            }

            var clientName = OperationTree.ReceiverTypeName(client, property);
            subject = clientName + "." + CallbackName;
        }

        // A setting-gated bypass names the setting, so the reader knows which deployments are open.
        var condition = verdict.Condition ?? CertificateCallbacks.EnclosingSetting(assignment);
        if (condition is not null)
        {
            subject += ", " + condition + ",";
        }

        // The `return true` (or the returned setting) is where the bypass lives when it is not plain to see in the
        // callback itself: a method elsewhere, or a setting deep in a body.
        var location = assignment.Value.Syntax.GetLocation();
        var additional = verdict.AcceptSite is { } site && (verdict.Condition is not null || !Contains(location, site))
            ? ImmutableArray.Create(site)
            : ImmutableArray<Location>.Empty;

        // A callback written below its property (`Callback =` on one line, the delegate on the next) also points at
        // the assignment, the line a reader searches for.
        var assigned = assignment.Target.Syntax.GetLocation();
        if (!SourceLines.OnSameLine(assigned, location))
        {
            additional = additional.Insert(0, assigned);
        }
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.LA2004_CertificateValidationDisabled, location, additional, subject));
    }

    private static bool Contains(Location outer, Location inner) =>
        outer.SourceTree == inner.SourceTree && outer.SourceSpan.Contains(inner.SourceSpan);

    /// <summary>
    /// Whether mail in this compilation goes through the global callback, decided once and only when an accepting
    /// global callback is found. A library that is referenced but never used sends no mail (a scan that references
    /// every mail library would otherwise report every global callback), so "uses" means the source names one of its
    /// types: System.Net.Mail's <c>SmtpClient</c> (which resolves in every .NET reference set), a type of the EWS
    /// Managed API, or a MailKit type on .NET Framework.
    /// </summary>
    private sealed class GlobalCallbackScope
    {
        private const int Unknown = 0;
        private const int Known = 1;

        private readonly Compilation compilation;
        private readonly KnownTypes types;
        private int state;
        private string? user;

        public GlobalCallbackScope(Compilation compilation, KnownTypes types)
        {
            this.compilation = compilation;
            this.types = types;
        }

        /// <summary>What sends mail through the global callback, for the message; null when nothing does.</summary>
        public string? MailUser(CancellationToken cancellationToken)
        {
            if (Volatile.Read(ref state) == Known)
            {
                return Volatile.Read(ref user);
            }

            // Computing twice on a race is harmless: both threads reach the same answer.
            string? found;
            try
            {
                found = Compute(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Unknown is not a finding; the next callback asks again.
                return null;
            }

            Volatile.Write(ref user, found);
            Volatile.Write(ref state, Known);
            return found;
        }

        private string? Compute(CancellationToken cancellationToken)
        {
            var smtpClient = types.Get(KnownType.System_Net_Mail_SmtpClient);
            var ews = types.Get(KnownType.Microsoft_Exchange_WebServices_Data_ExchangeService)?.ContainingAssembly;

            // MailKit falls back to the global callback only on .NET Framework, whose core library is mscorlib.
            var mailKit = compilation.GetSpecialType(SpecialType.System_Object).ContainingAssembly?.Name == "mscorlib"
                ? types.Get(KnownType.MailKit_MailService)?.ContainingAssembly
                : null;
            if (smtpClient is null && ews is null && mailKit is null)
            {
                return null;
            }

            var names = new HashSet<string>(StringComparer.Ordinal);
            if (smtpClient is not null)
            {
                names.Add(smtpClient.Name);
            }

            AddTypeNames(names, ews);
            AddTypeNames(names, mailKit);

            var usesEws = false;
            var usesMailKit = false;
            foreach (var named in NamedTypes(names, cancellationToken))
            {
                if (SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, smtpClient))
                {
                    return "System.Net.Mail";
                }

                usesEws |= ews is not null && SymbolEqualityComparer.Default.Equals(named.ContainingAssembly, ews);
                usesMailKit |= mailKit is not null && SymbolEqualityComparer.Default.Equals(named.ContainingAssembly, mailKit);
            }

            return usesEws ? "EWS" : usesMailKit ? "MailKit on .NET Framework" : null;
        }

        private static void AddTypeNames(HashSet<string> names, IAssemblySymbol? assembly)
        {
            if (assembly is not null)
            {
                names.UnionWith(assembly.TypeNames);
            }
        }

        /// <summary>The types the source names among <paramref name="names"/> (a type, or the type of a member called).</summary>
        private IEnumerable<INamedTypeSymbol> NamedTypes(HashSet<string> names, CancellationToken cancellationToken)
        {
            foreach (var tree in compilation.SyntaxTrees)
            {
                SemanticModel? model = null;
                foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
                {
                    if (node is not IdentifierNameSyntax identifier || !names.Contains(identifier.Identifier.ValueText))
                    {
                        continue;
                    }

#pragma warning disable RS1030 // Once per compilation, and only when an accepting global callback exists.
                    model ??= compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                    var symbol = model.GetSymbolInfo(identifier, cancellationToken).Symbol;
                    if ((symbol as INamedTypeSymbol ?? (symbol as IMethodSymbol)?.ContainingType) is { } named)
                    {
                        yield return named;
                    }
                }
            }
        }
    }
}
