using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Simplification;

namespace LegacyAuthAnalyzers.CodeFixes.Fixes.OAuth;

/// <summary>Which token flow an OAuth fix generates.</summary>
internal enum TokenFlow
{
    /// <summary>Client credentials: a daemon or service with its own identity and the app-only scope.</summary>
    AppOnly,

    /// <summary>A signed-in user: silent first, then interactive or device code, with the protocol's delegated scope.</summary>
    SignedInUser,

    /// <summary>A signed-in personal Outlook.com account, through the <c>consumers</c> authority; the same delegated scopes.</summary>
    PersonalAccount,
}

/// <summary>
/// Where the OAuth fixes get an access token: the team's own method named in <c>legacy_auth.token_provider</c>, a
/// token provider class already in the project, or the one the fix adds.
/// </summary>
internal sealed class TokenSource
{
    private readonly string? providerTypeName;
    private readonly IMethodSymbol? teamMethod;

    private readonly bool supportsPersonalAccounts;

    private TokenSource(string? providerTypeName, IMethodSymbol? teamMethod, bool addsProvider, bool supportsPersonalAccounts = true)
    {
        this.providerTypeName = providerTypeName;
        this.teamMethod = teamMethod;
        this.supportsPersonalAccounts = supportsPersonalAccounts;
        AddsProvider = addsProvider;
    }

    /// <summary>True when the provider class does not exist yet and the fix must add it to the project.</summary>
    public bool AddsProvider { get; }

    /// <summary>
    /// The token source for a document, or null when no OAuth fix can compile there: the configured method does not
    /// resolve, or no provider exists and MSAL is not referenced.
    /// </summary>
    public static TokenSource? For(Compilation compilation, AnalyzerOptions analyzerOptions, SyntaxTree tree, string? providerNamespace)
    {
        var provider = analyzerOptions.AnalyzerConfigOptionsProvider;
        var configured = LegacyAuthOptions.Read(provider.GetOptions(tree), provider.GlobalOptions, LegacyAuthOptions.TokenProviderKey).Trim();
        if (configured.Length > 0)
        {
            var method = ResolveTeamMethod(compilation, configured);
            return method is null ? null : new TokenSource(null, method, addsProvider: false);
        }

        var existing = FindProvider(compilation);
        if (existing is not null)
        {
            // A provider added by an earlier version of the fix may not have the personal-account accessor yet.
            return new TokenSource(QualifiedName(existing), null, addsProvider: false, existing.GetMembers(MailTokenProviderTemplate.GetPersonalAccountTokenAsync).Length > 0);
        }

        if (KnownTypes.For(compilation).Get(KnownType.Microsoft_Identity_Client_ConfidentialClientApplicationBuilder) is null)
        {
            return null;
        }

        var name = string.IsNullOrEmpty(providerNamespace)
            ? "global::" + MailTokenProviderTemplate.TypeName
            : "global::" + providerNamespace + "." + MailTokenProviderTemplate.TypeName;
        return new TokenSource(name, null, addsProvider: true);
    }

    /// <summary>A source type named like the provider that has the accessors the fixes call.</summary>
    public static INamedTypeSymbol? FindProvider(Compilation compilation)
    {
        foreach (var symbol in compilation.GetSymbolsWithName(MailTokenProviderTemplate.TypeName, SymbolFilter.Type))
        {
            if (symbol is INamedTypeSymbol type
                && type.GetMembers(MailTokenProviderTemplate.GetAppOnlyTokenAsync).Length > 0
                && type.GetMembers(MailTokenProviderTemplate.GetUserTokenAsync).Length > 0)
            {
                return type;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the flow can serve this protocol here: a delegated flow needs the protocol's scope (the team's method takes
    /// any scope it is given), a personal account the provider's accessor for it.
    /// </summary>
    public bool Supports(TokenFlow flow, MailProtocol protocol) => flow switch
    {
        TokenFlow.AppOnly => true,
        TokenFlow.PersonalAccount => protocol != MailProtocol.Unknown && (teamMethod is not null || supportsPersonalAccounts),
        _ => protocol != MailProtocol.Unknown,
    };

    /// <summary>The expression that yields the access token for <paramref name="flow"/>.</summary>
    public ExpressionSyntax Token(TokenFlow flow, MailProtocol protocol, CallContext context, ExpressionSyntax? cancellationToken)
    {
        cancellationToken ??= context.CancellationTokenExpression;
        var token = teamMethod is not null
            ? TeamToken(teamMethod, flow == TokenFlow.AppOnly ? MailTokenProviderTemplate.AppOnlyScope : DelegatedScope(protocol), context, cancellationToken)
            : ProviderToken(flow, protocol, context, cancellationToken);
        return token.NormalizeWhitespace();
    }

    public static string DelegatedScope(MailProtocol protocol) => protocol switch
    {
        MailProtocol.Smtp => MailTokenProviderTemplate.SmtpScope,
        MailProtocol.Imap => MailTokenProviderTemplate.ImapScope,
        MailProtocol.Pop3 => MailTokenProviderTemplate.PopScope,
        MailProtocol.Ews => MailTokenProviderTemplate.EwsScope,
        _ => MailTokenProviderTemplate.AppOnlyScope,
    };

    private static string DelegatedScopeName(MailProtocol protocol) => protocol switch
    {
        MailProtocol.Smtp => MailTokenProviderTemplate.SmtpScopeName,
        MailProtocol.Imap => MailTokenProviderTemplate.ImapScopeName,
        MailProtocol.Pop3 => MailTokenProviderTemplate.PopScopeName,
        _ => MailTokenProviderTemplate.EwsScopeName,
    };

    private ExpressionSyntax ProviderToken(TokenFlow flow, MailProtocol protocol, CallContext context, ExpressionSyntax? cancellationToken)
    {
        var type = SyntaxFactory.ParseName(providerTypeName!).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        var arguments = new List<ArgumentSyntax>();
        string method;
        if (flow == TokenFlow.AppOnly)
        {
            method = context.CanAwait ? MailTokenProviderTemplate.GetAppOnlyTokenAsync : MailTokenProviderTemplate.GetAppOnlyToken;
        }
        else
        {
            method = flow == TokenFlow.PersonalAccount
                ? context.CanAwait ? MailTokenProviderTemplate.GetPersonalAccountTokenAsync : MailTokenProviderTemplate.GetPersonalAccountToken
                : context.CanAwait ? MailTokenProviderTemplate.GetUserTokenAsync : MailTokenProviderTemplate.GetUserToken;
            var scopeType = SyntaxFactory.ParseName(providerTypeName!).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
            arguments.Add(SyntaxFactory.Argument(SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression, scopeType, SyntaxFactory.IdentifierName(DelegatedScopeName(protocol)))));
        }

        if (cancellationToken is not null)
        {
            arguments.Add(SyntaxFactory.Argument(cancellationToken.WithoutTrivia()));
        }

        var call = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, type, SyntaxFactory.IdentifierName(method)),
            SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(arguments)));
        return context.CanAwait ? SyntaxFactory.AwaitExpression(call) : call;
    }

    private static ExpressionSyntax TeamToken(IMethodSymbol method, string scope, CallContext context, ExpressionSyntax? cancellationToken)
    {
        var arguments = new List<ArgumentSyntax>();
        foreach (var parameter in method.Parameters)
        {
            if (parameter.Type.SpecialType == SpecialType.System_String)
            {
                arguments.Add(SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(scope))));
            }
            else if (IsCancellationToken(parameter.Type) && cancellationToken is not null)
            {
                arguments.Add(SyntaxFactory.Argument(cancellationToken.WithoutTrivia()));
            }
            else
            {
                // Optional parameters keep their defaults; ResolveTeamMethod accepted no other kind.
                break;
            }
        }

        var type = SyntaxFactory.ParseName("global::" + method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", string.Empty))
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        ExpressionSyntax call = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, type, SyntaxFactory.IdentifierName(method.Name)),
            SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(arguments)));

        if (method.ReturnType.SpecialType == SpecialType.System_String)
        {
            return call;
        }

        if (context.CanAwait)
        {
            return SyntaxFactory.AwaitExpression(call);
        }

        // A sync caller of an asynchronous provider: block, as the generated provider's sync accessors do.
        return SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression,
                SyntaxFactory.InvocationExpression(SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, call, SyntaxFactory.IdentifierName("GetAwaiter"))),
                SyntaxFactory.IdentifierName("GetResult")));
    }

    /// <summary>
    /// <c>Namespace.Type.Method</c>: a static method returning <c>string</c>, <c>Task&lt;string&gt;</c> or
    /// <c>ValueTask&lt;string&gt;</c> whose required parameters are at most a scope string and a cancellation token.
    /// </summary>
    private static IMethodSymbol? ResolveTeamMethod(Compilation compilation, string configured)
    {
        var split = configured.LastIndexOf('.');
        if (split <= 0 || split == configured.Length - 1)
        {
            return null;
        }

        var typeName = configured.Substring(0, split);
        var methodName = configured.Substring(split + 1);
#pragma warning disable RS0030 // The type is the team's own, named in legacy_auth.token_provider: not a library type KnownTypes could hold.
        var type = compilation.GetTypeByMetadataName(typeName);
#pragma warning restore RS0030
        if (type is null)
        {
            return null;
        }

        IMethodSymbol? best = null;
        foreach (var member in type.GetMembers(methodName))
        {
            if (member is not IMethodSymbol { IsStatic: true, IsGenericMethod: false } method
                || method.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected
                || !ReturnsToken(method.ReturnType)
                || !HasUsableParameters(method))
            {
                continue;
            }

            if (best is null || method.Parameters.Length > best.Parameters.Length)
            {
                best = method;
            }
        }

        return best;
    }

    private static bool HasUsableParameters(IMethodSymbol method)
    {
        var strings = 0;
        foreach (var parameter in method.Parameters)
        {
            if (parameter.Type.SpecialType == SpecialType.System_String && strings++ == 0 && parameter.RefKind == RefKind.None)
            {
                continue;
            }

            if (IsCancellationToken(parameter.Type) && parameter.RefKind == RefKind.None)
            {
                if (!parameter.IsOptional)
                {
                    return false;
                }

                continue;
            }

            if (!parameter.IsOptional)
            {
                return false;
            }
        }

        return true;
    }

    private static bool ReturnsToken(ITypeSymbol type)
    {
        if (type.SpecialType == SpecialType.System_String)
        {
            return true;
        }

        return type is INamedTypeSymbol { Name: "Task" or "ValueTask", TypeArguments.Length: 1 } task
            && task.TypeArguments[0].SpecialType == SpecialType.System_String
            && task.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks";
    }

    private static bool IsCancellationToken(ITypeSymbol type) =>
        type.Name == "CancellationToken" && type.ContainingNamespace?.ToDisplayString() == "System.Threading";

    private static string QualifiedName(INamedTypeSymbol type) =>
        "global::" + type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", string.Empty);
}
