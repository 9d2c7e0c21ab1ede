using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LegacyAuthAnalyzers.Rules;

/// <summary>
/// LA2001: a mail connection that never negotiates TLS. MailKit with <c>SecureSocketOptions.None</c> or a
/// <c>?starttls=never</c> URI, or a conditional mode with a <c>None</c> branch; System.Net.Mail <c>SmtpClient</c> whose
/// <c>EnableSsl</c> is false, never set, or read from a settings property that ships false.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LA2001_MailWithoutTlsAnalyzer : DiagnosticAnalyzer
{
    private const string SmtpClientName = "System.Net.Mail.SmtpClient";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LA2001_MailWithoutTls);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();

        // Generated clients and scaffolded mail senders send in plaintext just the same.
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
                MailKitTransportAnalysis.Register(start, types, TransportIssue.NoTls, ReportMailKit);
            }

            if (SmtpClientMembers.For(types) is { EnableSsl: not null } members)
            {
                start.RegisterOperationAction(context => AnalyzeCreation(context, members), OperationKind.ObjectCreation);
                start.RegisterOperationAction(context => AnalyzeEnableSsl(context, members), OperationKind.SimpleAssignment);
            }
        });
    }

    private static void ReportMailKit(OperationAnalysisContext context, MailKitConnection connection, TransportAssessment assessment) =>
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.LA2001_MailWithoutTls,
            connection.Operation.Syntax.GetLocation(),
            connection.SettingLocations,
            TransportProperties.For(assessment),
            connection.Api + " with " + connection.SettingDisplay,
            connection.HostDisplay));

    /// <summary>A client whose <c>EnableSsl</c> is never set in the body that creates and configures it.</summary>
    private static void AnalyzeCreation(OperationAnalysisContext context, SmtpClientMembers members)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (!SymbolEqualityComparer.Default.Equals(creation.Type, members.Type))
        {
            return;
        }

        var cancellationToken = context.CancellationToken;
        var configuration = SmtpClientConfiguration.ForCreation(creation, members, cancellationToken);

        // No host in code: host and enableSsl come from the <mailSettings> of the config file.
        if (configuration is null || configuration.EnableSslWrites.Count > 0 || !configuration.HostIsSet || configuration.MayBeConfiguredElsewhere)
        {
            return;
        }

        if (!IsPlaintextToRemoteHost(configuration, context, cancellationToken, out var host))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.LA2001_MailWithoutTls,
            SmtpClientConfiguration.CreationLocation(creation),
            TransportProperties.For(new TransportAssessment(TransportIssue.NoTls, TlsMode.StartTls, null, string.Empty)),
            SmtpClientName + " (EnableSsl is never set)",
            host));
    }

    /// <summary><c>EnableSsl = false</c>, in the object initializer or later, when no other write turns it on.</summary>
    private static void AnalyzeEnableSsl(OperationAnalysisContext context, SmtpClientMembers members)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation target || !SmtpClientMembers.Is(target.Property, members.EnableSsl))
        {
            return;
        }

        var cancellationToken = context.CancellationToken;
        string? setting = null;
        if (!SmtpClientConfiguration.IsConstant(assignment.Value, false, cancellationToken))
        {
            // EnableSsl = settings.EnableSsl where the settings class ships false: plaintext unless someone configures it.
            if (!ShippedDefaults.IsFalseByDefault(assignment.Value, cancellationToken))
            {
                return;
            }

            setting = OperationTree.DisplayName(assignment.Value);
        }

        var configuration = SmtpClientConfiguration.ForReceiver(target.Instance, assignment, members, cancellationToken);
        if (configuration is null)
        {
            return;
        }

        if (setting is not null && configuration.EnableSslWrites.Count > 1)
        {
            // The setting is one of several writes (false first, then the setting where it is on): not the default path.
            return;
        }

        foreach (var write in configuration.EnableSslWrites)
        {
            // Set false as a default and then from a setting, or to true: not a plaintext client.
            if (!ReferenceEquals(write, assignment) && !SmtpClientConfiguration.IsConstant(write.Value, false, cancellationToken))
            {
                return;
            }
        }

        if (!IsPlaintextToRemoteHost(configuration, context, cancellationToken, out var host))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.LA2001_MailWithoutTls,
            assignment.Syntax.GetLocation(),
            TransportProperties.For(new TransportAssessment(TransportIssue.NoTls, TlsMode.StartTls, null, string.Empty)),
            setting is null ? SmtpClientName + " (EnableSsl = false)" : SmtpClientName + " (EnableSsl from " + setting + ", false unless configured)",
            host));
    }

    /// <summary>Network delivery to a host that is not a local test server, and not on port 465 (LA2003's: it hangs).</summary>
    private static bool IsPlaintextToRemoteHost(SmtpClientConfiguration configuration, OperationAnalysisContext context, System.Threading.CancellationToken cancellationToken, out string host)
    {
        host = string.Empty;
        if (configuration.DeliversWithoutNetwork(cancellationToken) || configuration.UsesPort(MailPorts.SmtpImplicitTls, cancellationToken))
        {
            return false;
        }

        var options = LegacyAuthOptions.For(context.Options, context.Operation.Syntax.SyntaxTree);
        var constantHost = configuration.Host(cancellationToken);
        if (MailHosts.IsLocal(constantHost, options) || constantHost is not null && MailHosts.IsPlaceholder(constantHost))
        {
            return false;
        }

        host = constantHost is null ? "a mail server" : "'" + constantHost + "'";
        return true;
    }
}
