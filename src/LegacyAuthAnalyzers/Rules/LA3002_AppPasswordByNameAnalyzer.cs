using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LegacyAuthAnalyzers.Rules;

/// <summary>
/// LA3002: the password at a mail credential sink comes from something named as an app password: an identifier, a
/// configuration key or an environment variable.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
[NoCodeFix("the value lives outside the code; LA1001, LA1003 and LA3001 fix the sites")]
public sealed class LA3002_AppPasswordByNameAnalyzer : DiagnosticAnalyzer
{
    private const int MaxHops = 4;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LA3002_AppPasswordByName);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();

        // Secrets in generated code (designer files, scaffolded settings) leak just the same.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        CredentialSiteAnalysis.Register(context, TestProjectFinding.Migration, AnalyzeSite);
    }

    private static void AnalyzeSite(CredentialSiteContext context)
    {
        if (context.IsLocalHost || context.Site.Password is not { } password)
        {
            return;
        }

        var name = AppPasswordName(password, 0, context.OperationContext.CancellationToken);
        if (name is null)
        {
            return;
        }

        context.Report(Descriptors.LA3002_AppPasswordByName, password.Syntax.GetLocation(), null, context.Site.Api, name);
    }

    /// <summary>
    /// The app-password name the value is read through: a variable, field or property name, or the constant key of a
    /// configuration or environment lookup (<c>config["Mail:AppPassword"]</c>, <c>GetEnvironmentVariable("APP_PASSWORD")</c>).
    /// </summary>
    private static string? AppPasswordName(IOperation? value, int hops, System.Threading.CancellationToken cancellationToken)
    {
        value = OperationTree.SkipConversions(value);
        if (value is null || hops > MaxHops)
        {
            return null;
        }

        switch (value)
        {
            case ILocalReferenceOperation local:
                if (MailContext.IsAppPasswordName(local.Local.Name))
                {
                    return local.Local.Name;
                }

                var assignments = new List<IOperation>();
                if (ConstantResolver.TryGetLocalAssignments(local.Local, OperationTree.Root(local), assignments))
                {
                    foreach (var assigned in assignments)
                    {
                        if (AppPasswordName(assigned, hops + 1, cancellationToken) is { } fromAssignment)
                        {
                            return fromAssignment;
                        }
                    }
                }

                return null;
            case IFieldReferenceOperation or IParameterReferenceOperation:
                var symbol = HostResolver.ReferencedSymbol(value);
                return symbol is not null && MailContext.IsAppPasswordName(symbol.Name) ? symbol.Name : null;
            case IPropertyReferenceOperation { Arguments.IsEmpty: true } property:
                // settings.AppPassword, or configuration.GetSection("Mail:AppPassword").Value through its receiver.
                return MailContext.IsAppPasswordName(property.Property.Name)
                    ? property.Property.Name
                    : AppPasswordName(property.Instance, hops + 1, cancellationToken);
            case IPropertyReferenceOperation indexer:
                return ConstantKey(indexer.Arguments, cancellationToken);
            case IInvocationOperation invocation:
                return ConstantKey(invocation.Arguments, cancellationToken)
                    ?? AppPasswordName(invocation.Instance, hops + 1, cancellationToken);
            case ICoalesceOperation coalesce:
                return AppPasswordName(coalesce.Value, hops + 1, cancellationToken);
            default:
                return null;
        }
    }

    private static string? ConstantKey(ImmutableArray<IArgumentOperation> arguments, System.Threading.CancellationToken cancellationToken)
    {
        foreach (var argument in arguments)
        {
            if (ConstantResolver.TryResolveString(argument.Value, cancellationToken, out var key, out _) && MailContext.IsAppPasswordName(key))
            {
                return key;
            }
        }

        return null;
    }
}
