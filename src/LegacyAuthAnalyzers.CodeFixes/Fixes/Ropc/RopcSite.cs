using System.Threading;
using LegacyAuthAnalyzers.CodeFixes.Infrastructure;
using LegacyAuthAnalyzers.Rules;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LegacyAuthAnalyzers.CodeFixes.Fixes.Ropc;

/// <summary>
/// An MSAL public client's <c>AcquireTokenByUsernamePassword(scopes, user, password).ExecuteAsync()</c> (LA4003) as
/// the fixes see it: what replaces the call, where the helper members go, whether the application is built on every
/// call, and whether a service's app-only token can take the user's place.
/// </summary>
internal sealed class RopcSite
{
    private const string ExchangeResource = "https://outlook.office365.com";
    private const string GraphResource = "https://graph.microsoft.com";

    private RopcSite(
        InvocationExpressionSyntax execute,
        ExpressionSyntax application,
        ArgumentSyntax scopes,
        ArgumentSyntax? cancellation,
        IReadOnlyList<SyntaxNode> droppedArguments,
        SyntaxNode container,
        ISymbol? logger,
        bool hasLoggingExtensions,
        VariableDeclaratorSyntax? applicationBuiltPerCall,
        string? appOnlyResource,
        bool nullableAnnotations,
        ImmutableArray<InvocationExpressionSyntax> options)
    {
        Execute = execute;
        Application = application;
        Scopes = scopes;
        Cancellation = cancellation;
        DroppedArguments = droppedArguments;
        Container = container;
        Logger = logger;
        HasLoggingExtensions = hasLoggingExtensions;
        ApplicationBuiltPerCall = applicationBuiltPerCall;
        AppOnlyResource = appOnlyResource;
        NullableAnnotations = nullableAnnotations;
        Options = options;
    }

    /// <summary>The whole <c>….ExecuteAsync(…)</c> call that the fixes replace by one of the same type.</summary>
    public InvocationExpressionSyntax Execute { get; }

    /// <summary>The public client the call was made on.</summary>
    public ExpressionSyntax Application { get; }

    public ArgumentSyntax Scopes { get; }

    /// <summary>The cancellation token passed to <c>ExecuteAsync</c>, if any.</summary>
    public ArgumentSyntax? Cancellation { get; }

    /// <summary>The user name and password arguments the fixes drop: their declarations go when nothing else reads them.</summary>
    public IReadOnlyList<SyntaxNode> DroppedArguments { get; }

    /// <summary>The class, struct or record that gets the helper members; the compilation unit in a top-level program.</summary>
    public SyntaxNode Container { get; }

    public bool IsTopLevel => Container is CompilationUnitSyntax;

    public ISymbol? Logger { get; }

    public bool HasLoggingExtensions { get; }

    /// <summary>
    /// The local that builds the public client in the calling member: rebuilt on every call, its token cache would be
    /// empty every time, so the fix keeps the first one in a static field.
    /// </summary>
    public VariableDeclaratorSyntax? ApplicationBuiltPerCall { get; }

    /// <summary><c>https://outlook.office365.com</c> or <c>https://graph.microsoft.com</c> when every scope is one of that resource's.</summary>
    public string? AppOnlyResource { get; }

    public bool NullableAnnotations { get; }

    /// <summary>
    /// The request options between the call and <c>ExecuteAsync</c> (<c>.WithClaims(claims)</c>), in order: the app-only
    /// call keeps them, which it can only when MSAL's client-credentials builder has each one; the signed-in user's
    /// sign-in helper has no builder to take them.
    /// </summary>
    public ImmutableArray<InvocationExpressionSyntax> Options { get; }

    /// <summary>The site at <paramref name="syntax"/> (the username/password call), or null when no fix applies; never throws.</summary>
    public static RopcSite? Find(SemanticModel model, InvocationExpressionSyntax syntax, CancellationToken cancellationToken) =>
        ShapeSearch.OrNone(() => TryFind(model, syntax, cancellationToken));

    private static RopcSite? TryFind(SemanticModel model, InvocationExpressionSyntax syntax, CancellationToken cancellationToken)
    {
        var types = KnownTypes.For(model.Compilation);
        if (model.GetOperation(syntax, cancellationToken) is not IInvocationOperation invocation
            || !LA4003_UsernamePasswordTokenFlowAnalyzer.IsPublicClientRopc(invocation, types)
            || syntax.Expression is not MemberAccessExpressionSyntax { Expression: var application }
            || types.Get(KnownType.Microsoft_Identity_Client_ConfidentialClientApplicationBuilder) is not { } confidentialBuilder
            || !TryFindExecute(invocation, confidentialBuilder, out var execute, out var options, out var optionsFitAppOnly)
            || execute.Syntax is not InvocationExpressionSyntax executeSyntax)
        {
            return null;
        }

        ArgumentSyntax? scopes = null;
        var dropped = new List<SyntaxNode>();
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == "scopes" && argument.Syntax is ArgumentSyntax scopesSyntax)
            {
                scopes = scopesSyntax;
            }
            else if (argument.Syntax is ArgumentSyntax other)
            {
                dropped.Add(other.Expression);
            }
        }

        var cancellation = execute.Arguments.FirstOrDefault(a => a.ArgumentKind == ArgumentKind.Explicit)?.Syntax as ArgumentSyntax;
        var container = ContainerOf(model, syntax, cancellationToken);
        if (scopes is null || container is null)
        {
            return null;
        }

        var logger = FindLogger(model, syntax.SpanStart, types.Get(KnownType.Microsoft_Extensions_Logging_ILogger), cancellationToken);
        var hasLoggingExtensions = logger is not null
            && model.LookupSymbols(syntax.SpanStart, LoggerType(logger), "LogInformation", includeReducedExtensionMethods: true).Length > 0;
        var nullable = model.GetNullableContext(syntax.SpanStart).AnnotationsEnabled();
        VariableDeclaratorSyntax? builtPerCall = null;
        if (container is not CompilationUnitSyntax
            && (!TryFindBuiltPerCall(invocation, cancellationToken, out builtPerCall)
                || builtPerCall is not null && LanguageVersion(syntax) < Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp8))
        {
            // An application built on every call with nowhere to keep it: the silent sign-in could never find a token.
            return null;
        }

        var resource = container is CompilationUnitSyntax || !optionsFitAppOnly ? null : AppOnlyResourceOf(invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "scopes")?.Value, cancellationToken);
        return new RopcSite(executeSyntax, application, scopes, cancellation, dropped, container, logger, hasLoggingExtensions, builtPerCall, resource, nullable, options);
    }

    /// <summary>
    /// <c>….ExecuteAsync(…)</c> on the username/password builder, directly or after request options
    /// (<c>.WithClaims(…)</c>, <c>.WithCorrelationId(…)</c>); whether every option is one the client-credentials builder has too.
    /// </summary>
    private static bool TryFindExecute(
        IInvocationOperation invocation, INamedTypeSymbol confidentialBuilder, out IInvocationOperation execute, out ImmutableArray<InvocationExpressionSyntax> options, out bool optionsFitAppOnly)
    {
        execute = null!;
        var found = ImmutableArray.CreateBuilder<InvocationExpressionSyntax>();
        optionsFitAppOnly = true;
        IOperation current = invocation;
        while (current.Parent is IInvocationOperation next && ReferenceEquals(next.Instance, current))
        {
            if (next.TargetMethod.Name == "ExecuteAsync")
            {
                execute = next;
                options = found.ToImmutable();
                return true;
            }

            if (!next.TargetMethod.Name.StartsWith("With", StringComparison.Ordinal) || next.Syntax is not InvocationExpressionSyntax option
                || !SymbolEqualityComparer.Default.Equals(next.Type, invocation.Type))
            {
                break;
            }

            optionsFitAppOnly &= IsSharedWithClientCredentials(next.TargetMethod, confidentialBuilder);
            found.Add(option);
            current = next;
        }

        options = default;
        return false;
    }

    /// <summary>
    /// Whether the option is declared on a request builder base that MSAL's <c>AcquireTokenForClientParameterBuilder</c>
    /// derives from too (claims, correlation ID, tenant, extra query parameters), rather than on the username/password
    /// builder itself (federation metadata).
    /// </summary>
    private static bool IsSharedWithClientCredentials(IMethodSymbol option, INamedTypeSymbol confidentialBuilder)
    {
        if (option.IsExtensionMethod || option.ReducedFrom is not null)
        {
            return false;
        }

        var forClient = confidentialBuilder.ContainingNamespace.GetTypeMembers("AcquireTokenForClientParameterBuilder").FirstOrDefault();
        var declaring = option.ContainingType.OriginalDefinition;
        for (var type = forClient?.BaseType; type is not null; type = type.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, declaring))
            {
                return true;
            }
        }

        return false;
    }

    private static LanguageVersion LanguageVersion(SyntaxNode node) =>
        (node.SyntaxTree.Options as CSharpParseOptions)?.LanguageVersion ?? Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp7_3;

    /// <summary>
    /// Where the helper members go: the enclosing class, struct or record (declared in this file only, so that two files
    /// fixed at once never both add them), or the compilation unit of a top-level program.
    /// </summary>
    private static SyntaxNode? ContainerOf(SemanticModel model, SyntaxNode syntax, CancellationToken cancellationToken)
    {
        foreach (var ancestor in syntax.Ancestors())
        {
            switch (ancestor)
            {
                case GlobalStatementSyntax:
                    return syntax.SyntaxTree.GetRoot(cancellationToken);
                case ClassDeclarationSyntax or StructDeclarationSyntax or RecordDeclarationSyntax:
                    return model.GetDeclaredSymbol(ancestor, cancellationToken) is { DeclaringSyntaxReferences.Length: 1 } ? ancestor : null;
                case InterfaceDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    /// <summary>
    /// The local the public client was built into in this member (<c>var app = PublicClientApplicationBuilder…Build();</c>),
    /// null when it comes from elsewhere; false when it is built here in a way the fix cannot keep.
    /// </summary>
    private static bool TryFindBuiltPerCall(IInvocationOperation invocation, CancellationToken cancellationToken, out VariableDeclaratorSyntax? builtPerCall)
    {
        builtPerCall = null;
        if (OperationTree.SkipConversions(invocation.Instance) is not ILocalReferenceOperation { Local: var local })
        {
            return true;
        }

        var values = new List<IOperation>();
        if (!ConstantResolver.TryGetLocalAssignments(local, OperationTree.Root(invocation), values) || values.Count != 1
            || OperationTree.SkipConversions(values[0]) is not IInvocationOperation { TargetMethod.Name: "Build" } build
            || build.TargetMethod.ContainingType.Name != "PublicClientApplicationBuilder")
        {
            return true;
        }

        if (local.DeclaringSyntaxReferences.Length != 1
            || local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer: not null } declarator
            || declarator.Parent?.Parent is not LocalDeclarationStatementSyntax { UsingKeyword.RawKind: 0 })
        {
            return false;
        }

        builtPerCall = declarator;
        return true;
    }

    /// <summary>
    /// The resource every constant scope belongs to, when it is Exchange Online (IMAP, POP, SMTP, EWS) or Microsoft
    /// Graph: the app-only token of a service is that resource's <c>/.default</c> scope.
    /// </summary>
    private static string? AppOnlyResourceOf(IOperation? scopes, CancellationToken cancellationToken)
    {
        var texts = new List<string>();
        switch (OperationTree.SkipConversions(scopes))
        {
            case IArrayCreationOperation { Initializer: { } initializer }:
                foreach (var value in initializer.ElementValues)
                {
                    if (!ConstantResolver.TryResolveString(value, cancellationToken, out var text, out _))
                    {
                        return null;
                    }

                    texts.Add(text);
                }

                break;
            case IFieldReferenceOperation { Field: { IsReadOnly: true, DeclaringSyntaxReferences.Length: 1 } field }
                when field.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: var value }:
                // A read-only array of literals: the usual way to keep the scopes.
                var elements = value switch
                {
                    InitializerExpressionSyntax array => array.Expressions,
                    ArrayCreationExpressionSyntax { Initializer: { } array } => array.Expressions,
                    ImplicitArrayCreationExpressionSyntax created => created.Initializer.Expressions,
                    _ => default,
                };
                foreach (var element in elements)
                {
                    if (element is not LiteralExpressionSyntax literal || !literal.IsKind(SyntaxKind.StringLiteralExpression))
                    {
                        return null;
                    }

                    texts.Add(literal.Token.ValueText);
                }

                break;
            default:
                return null;
        }

        var resources = texts.Select(Resource).Distinct().ToList();
        return resources.Count == 1 ? resources[0] : null;
    }

    private static string? Resource(string scope)
    {
        if (scope.StartsWith("https://outlook.office.com/", StringComparison.OrdinalIgnoreCase)
            || scope.StartsWith("https://outlook.office365.com/", StringComparison.OrdinalIgnoreCase))
        {
            return ExchangeResource;
        }

        return scope.StartsWith(GraphResource + "/", StringComparison.OrdinalIgnoreCase) ? GraphResource : null;
    }

    /// <summary>A local, parameter, field or property of type <c>ILogger</c> usable at the call; locals and parameters first.</summary>
    private static ISymbol? FindLogger(SemanticModel model, int position, INamedTypeSymbol? iLogger, CancellationToken cancellationToken)
    {
        if (iLogger is null)
        {
            return null;
        }

        var enclosing = model.GetEnclosingSymbol(position, cancellationToken);
        var isStatic = false;
        var methods = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        for (var symbol = enclosing; symbol is IMethodSymbol method; symbol = symbol.ContainingSymbol)
        {
            methods.Add(method);
            isStatic |= method.IsStatic;
        }

        ISymbol? member = null;
        foreach (var symbol in model.LookupSymbols(position))
        {
            var (type, isLocal, isInstance) = symbol switch
            {
                ILocalSymbol local => (local.Type, local.Locations.Length > 0 && local.Locations[0].SourceSpan.Start < position, false),
                IParameterSymbol parameter => (parameter.Type, methods.Contains(parameter.ContainingSymbol), !methods.Contains(parameter.ContainingSymbol)),
                IFieldSymbol field => (field.Type, false, !field.IsStatic),
                IPropertySymbol { IsIndexer: false } property => (property.Type, false, !property.IsStatic),
                _ => ((ITypeSymbol?)null, false, false),
            };

            if (type is null || !IsLogger(type, iLogger) || symbol is ILocalSymbol && !isLocal || isInstance && isStatic)
            {
                continue;
            }

            if (isLocal || symbol is IParameterSymbol && !isInstance)
            {
                return symbol;
            }

            member ??= symbol;
        }

        return member;
    }

    private static bool IsLogger(ITypeSymbol type, INamedTypeSymbol iLogger) =>
        SymbolEqualityComparer.Default.Equals(type, iLogger) || type.AllInterfaces.Contains(iLogger, SymbolEqualityComparer.Default);

    private static ITypeSymbol? LoggerType(ISymbol logger) => logger switch
    {
        ILocalSymbol local => local.Type,
        IParameterSymbol parameter => parameter.Type,
        IFieldSymbol field => field.Type,
        IPropertySymbol property => property.Type,
        _ => null,
    };
}
