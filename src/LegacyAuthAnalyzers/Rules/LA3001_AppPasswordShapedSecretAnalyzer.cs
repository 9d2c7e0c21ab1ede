using System.Threading;
using LegacyAuthAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LegacyAuthAnalyzers.Rules;

/// <summary>
/// LA3001: a constant shaped like an app password (16 lower-case letters, or four groups of four) that reaches a mail
/// credential sink or is stored in a mail password setting. The shape alone is too common to report elsewhere.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LA3001_AppPasswordShapedSecretAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LA3001_AppPasswordShapedSecret);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();

        // Secrets in generated code (designer files, scaffolded settings) leak just the same.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        CredentialSiteAnalysis.Register(context, TestProjectFinding.Secret, AnalyzeSite, RegisterSettingDeclarations, includeSignInSites: true);
    }

    private static void AnalyzeSite(CredentialSiteContext context)
    {
        if (context.IsLocalHost
            || !HardCodedSecrets.TryFind(context.Site, context.OperationContext.CancellationToken, out var secret)
            || !SecretShapes.IsAppPasswordShaped(secret.Value))
        {
            return;
        }

        if (ReportsDeclarations(context.Types) && IsReportedAtDeclaration(secret, context.OperationContext.CancellationToken))
        {
            // The setting's declaration is reported already: one finding per secret.
            return;
        }

        context.Report(
            Descriptors.LA3001_AppPasswordShapedSecret,
            secret.Location,
            secret.AdditionalLocations,
            context.Site.Api,
            SecretShapes.DescribeAppPassword(secret.Value),
            SecretRemedies.AppPasswordInCode);
    }

    /// <summary>Whether the secret comes from a mail password setting whose initializer the declaration check reports.</summary>
    private static bool IsReportedAtDeclaration(HardCodedSecret secret, CancellationToken cancellationToken)
    {
        if (secret.Resolved.Source is not { } source || !MailContext.IsMailPasswordSetting(source))
        {
            return false;
        }

        if (source is IFieldSymbol { IsConst: true } constant)
        {
            return IsReportedInitializerValue(constant.HasConstantValue ? constant.ConstantValue : null);
        }

        // The initializer comes first among the member's values; later assignments are not declarations.
        var values = new List<IOperation>();
        return ConstantResolver.TryGetMemberValues(secret.Expression, source, values, cancellationToken)
            && values.Count > 0
            && values[0].Parent is IFieldInitializerOperation or IPropertyInitializerOperation
            && IsReportedInitializerValue(ConstantOf(values[0]));
    }

    private static bool IsReportedInitializerValue(object? value) =>
        value is string text && SecretShapes.IsAppPasswordShaped(text) && !SecretShapes.IsPlaceholder(text);

    // Optional<T>.Value throws when there is no constant.
    private static object? ConstantOf(IOperation operation) => operation.ConstantValue.HasValue ? operation.ConstantValue.Value : null;

    // Declarations are only looked at where a mail library proves the project talks to mail servers; with nothing but
    // the base class library the rule keeps to the sinks, so ordinary projects pay for no initializer analysis.
    private static bool ReportsDeclarations(KnownTypes types) => types.HasMailLibrary;

    private static void RegisterSettingDeclarations(CompilationStartAnalysisContext start, KnownTypes types)
    {
        if (!ReportsDeclarations(types))
        {
            return;
        }

        start.RegisterOperationAction(AnalyzeSettingDeclaration, OperationKind.FieldInitializer, OperationKind.PropertyInitializer);
    }

    private static void AnalyzeSettingDeclaration(OperationAnalysisContext context)
    {
        // Runs for every field and property initializer: the shape test is first and rejects nearly all of them.
        if (context.Operation is not ISymbolInitializerOperation { Value: { } value }
            || ConstantOf(value) is not string text
            || !IsReportedInitializerValue(text))
        {
            return;
        }

        var members = context.Operation switch
        {
            IFieldInitializerOperation field => field.InitializedFields.CastArray<ISymbol>(),
            IPropertyInitializerOperation property => property.InitializedProperties.CastArray<ISymbol>(),
            _ => ImmutableArray<ISymbol>.Empty,
        };

        if (members.IsEmpty)
        {
            return;
        }

        var member = members[0];
        if (!MailContext.IsMailPasswordSetting(member))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.LA3001_AppPasswordShapedSecret,
            value.Syntax.GetLocation(),
            member.ContainingType.Name + "." + member.Name,
            SecretShapes.DescribeAppPassword(text),
            SecretRemedies.AppPasswordInCode));
    }
}
