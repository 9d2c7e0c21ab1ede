using System.Globalization;
using LegacyAuthAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LegacyAuthAnalyzers.Rules;

/// <summary>
/// LA2003: a constant port and a TLS mode that cannot work together. MailKit: implicit TLS on a STARTTLS port (the
/// handshake fails), STARTTLS or plaintext on an implicit-TLS port (it hangs), port 465 to Microsoft 365.
/// System.Net.Mail: port 465, which it cannot speak (it hangs).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LA2003_PortTlsMismatchAnalyzer : DiagnosticAnalyzer
{
    private const string SmtpClientName = "System.Net.Mail.SmtpClient";
    private const string SmtpClientMode = "STARTTLS or plaintext";
    private const string SmtpClientRemedy = "port 587 with EnableSsl = true";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LA2003_PortTlsMismatch);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();

        // Generated clients fail the same way.
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
                MailKitTransportAnalysis.Register(start, types, TransportIssue.PortMismatch, ReportMailKit);
            }

            if (SmtpClientMembers.For(types) is { Port: not null } members)
            {
                start.RegisterOperationAction(context => AnalyzeCreation(context, members), OperationKind.ObjectCreation);
                start.RegisterOperationAction(context => AnalyzePort(context, members), OperationKind.SimpleAssignment);
            }
        });
    }

    private static void ReportMailKit(OperationAnalysisContext context, MailKitConnection connection, TransportAssessment assessment)
    {
        // Say the port only when it changes: "use SecureSocketOptions.StartTls on port 587".
        var newPort = assessment.FixPort is { } port && port != connection.Port ? " on port " + port.ToString(CultureInfo.InvariantCulture) : string.Empty;
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.LA2003_PortTlsMismatch,
            connection.Operation.Syntax.GetLocation(),
            TransportProperties.For(assessment),
            connection.Api,
            connection.ModeDisplay,
            connection.Port.ToString(CultureInfo.InvariantCulture),
            assessment.Consequence,
            connection.RemedyDisplay(assessment.FixMode) + newPort));
    }

    /// <summary><c>new SmtpClient(host, 465)</c>, unless a later <c>Port</c> write decides the port instead.</summary>
    private static void AnalyzeCreation(OperationAnalysisContext context, SmtpClientMembers members)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (!SymbolEqualityComparer.Default.Equals(creation.Type, members.Type))
        {
            return;
        }

        var cancellationToken = context.CancellationToken;
        var port = creation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "port");
        if (port is null || !ConstantResolver.TryResolveInt32(port.Value, cancellationToken, out var number) || number != MailPorts.SmtpImplicitTls)
        {
            return;
        }

        var configuration = SmtpClientConfiguration.ForCreation(creation, members, cancellationToken);
        if (configuration is null || configuration.PortWrites.Count > 0 || !SendsOverNetwork(configuration, context))
        {
            return;
        }

        Report(context, SmtpClientConfiguration.CreationLocation(creation), configuration);
    }

    /// <summary><c>Port = 465</c> on a System.Net.Mail client, in the object initializer or later.</summary>
    private static void AnalyzePort(OperationAnalysisContext context, SmtpClientMembers members)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation target || !SmtpClientMembers.Is(target.Property, members.Port))
        {
            return;
        }

        var cancellationToken = context.CancellationToken;
        if (!ConstantResolver.TryResolveInt32(assignment.Value, cancellationToken, out var number) || number != MailPorts.SmtpImplicitTls)
        {
            return;
        }

        var configuration = SmtpClientConfiguration.ForReceiver(target.Instance, assignment, members, cancellationToken);
        if (configuration is null || !SendsOverNetwork(configuration, context))
        {
            return;
        }

        Report(context, assignment.Syntax.GetLocation(), configuration);
    }

    private static bool SendsOverNetwork(SmtpClientConfiguration configuration, OperationAnalysisContext context) =>
        !configuration.DeliversWithoutNetwork(context.CancellationToken)
        && !configuration.IsLocal(LegacyAuthOptions.For(context.Options, context.Operation.Syntax.SyntaxTree), context.CancellationToken)
        && !(configuration.Host(context.CancellationToken) is { } host && MailHosts.IsPlaceholder(host));

    private static void Report(OperationAnalysisContext context, Location location, SmtpClientConfiguration configuration)
    {
        var assessment = TransportPolicy.AssessSystemNetMail(configuration.Host(context.CancellationToken), MailPorts.SmtpImplicitTls, enableSsl: null);
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.LA2003_PortTlsMismatch,
            location,
            TransportProperties.For(assessment),
            SmtpClientName,
            SmtpClientMode,
            "465",
            assessment.Consequence,
            SmtpClientRemedy));
    }
}
