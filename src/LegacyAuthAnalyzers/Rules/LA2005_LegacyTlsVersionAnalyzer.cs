using LegacyAuthAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LegacyAuthAnalyzers.Rules;

/// <summary>
/// LA2005: a MailKit client's <c>SslProtocols</c> set to a value that includes SSL 2.0, SSL 3.0, TLS 1.0 or TLS 1.1
/// (<c>SslProtocols.Default</c> included).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LA2005_LegacyTlsVersionAnalyzer : DiagnosticAnalyzer
{
    // System.Security.Authentication.SslProtocols: fixed, documented flag values of the framework.
    private static readonly (int Flag, string Name)[] LegacyProtocols =
    {
        (0x000C, "SSL 2.0"),
        (0x0030, "SSL 3.0"),
        (0x00C0, "TLS 1.0"),
        (0x0300, "TLS 1.1"),
    };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LA2005_LegacyTlsVersion);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();

        // A generated client that allows broken protocols is just as exposed.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            if (!TestProjects.Reports(start.Compilation, start.Options, TestProjectFinding.ServerConnection))
            {
                return;
            }

            var types = KnownTypes.For(start.Compilation);
            if (types.HasMailKit)
            {
                start.RegisterOperationAction(context => Analyze(context, types), OperationKind.SimpleAssignment);
            }
        });
    }

    private static void Analyze(OperationAnalysisContext context, KnownTypes types)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property.Name: "SslProtocols" } target
            || !types.IsMailKitService(target.Property.ContainingType))
        {
            return;
        }

        var cancellationToken = context.CancellationToken;
        if (!ConstantResolver.TryResolveInt32(assignment.Value, cancellationToken, out var protocols)
            || LegacyNames(protocols) is not { } legacy
            || CertificateCallbacks.IsInDeadBranch(assignment, cancellationToken))
        {
            return;
        }

        var client = HostResolver.ReceiverOf(target.Instance, assignment);
        if (MailHosts.IsLocal(HostResolver.ForClient(client, types, cancellationToken).Host, LegacyAuthOptions.For(context.Options, assignment.Syntax.SyntaxTree)))
        {
            return;
        }

        var clientName = client?.Type?.Name is { Length: > 0 } name ? name : target.Property.ContainingType.Name;
        context.ReportDiagnostic(Diagnostic.Create(Descriptors.LA2005_LegacyTlsVersion, assignment.Syntax.GetLocation(), clientName + ".SslProtocols", legacy));
    }

    private static string? LegacyNames(int protocols)
    {
        var names = new List<string>(LegacyProtocols.Length);
        foreach (var (flag, name) in LegacyProtocols)
        {
            if ((protocols & flag) != 0)
            {
                names.Add(name);
            }
        }

        return names.Count switch
        {
            0 => null,
            1 => names[0],
            _ => string.Join(", ", names.Take(names.Count - 1)) + " and " + names[names.Count - 1],
        };
    }
}
