using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using LegacyAuthAnalyzers.CodeFixes.Infrastructure;
using LegacyAuthAnalyzers.Infrastructure;
using LegacyAuthAnalyzers.Rules;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace LegacyAuthAnalyzers.CodeFixes.Fixes;

/// <summary>
/// LA4003: on an MSAL public client, <c>AcquireTokenByUsernamePassword(scopes, user, password)</c> becomes
/// <c>AcquireTokenWithDeviceCode(scopes, callback)</c>; the callback shows the sign-in instructions through an
/// <c>ILogger</c> in scope, else on the console. A hard-coded user name or password that is no longer used is removed.
/// Also offered on XOAUTH2 fed by such a call, where it fixes the call.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LA4003_UsernamePasswordTokenFlowCodeFix)), Shared]
public sealed class LA4003_UsernamePasswordTokenFlowCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = "LA4003.UseDeviceCode";

    private const string Title = "Use the device code flow";
    private const string LoggingNamespace = "Microsoft.Extensions.Logging";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UsernamePasswordTokenFlow);

    public override FixAllProvider GetFixAllProvider() =>
        FixDocument.CreateFixAll(CanFix, TargetSpan, ApplyAsync, FixDocument.TidyAsync);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.Document;
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!CanFix(diagnostic)
                || !root.FullSpan.Contains(TargetSpan(diagnostic))
                || root.FindNode(TargetSpan(diagnostic), getInnermostNodeForTie: true) is not InvocationExpressionSyntax invocation
                || DeviceCodeShape.Find(model, invocation, context.CancellationToken) is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    Title,
                    cancellationToken => FixDocument.FixAsync(document, ImmutableArray.Create(diagnostic), TargetSpan, ApplyAsync, FixDocument.TidyAsync, cancellationToken),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static bool CanFix(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(LA4003_UsernamePasswordTokenFlowAnalyzer.KindKey, out var kind)
        && (kind == LA4003_UsernamePasswordTokenFlowAnalyzer.MsalPublicClientKind
            || kind == LA4003_UsernamePasswordTokenFlowAnalyzer.MailTokenFromPublicClientKind && diagnostic.AdditionalLocations.Count > 0);

    /// <summary>The username/password call: the diagnostic itself, or for XOAUTH2 the call that produced its token.</summary>
    private static TextSpan TargetSpan(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(LA4003_UsernamePasswordTokenFlowAnalyzer.KindKey, out var kind)
        && kind == LA4003_UsernamePasswordTokenFlowAnalyzer.MailTokenFromPublicClientKind
        && diagnostic.AdditionalLocations.Count > 0
            ? diagnostic.AdditionalLocations[0].SourceSpan
            : diagnostic.Location.SourceSpan;

    private static async Task<Document> ApplyAsync(Document document, SyntaxAnnotation target, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null
            || root.GetAnnotatedNodes(target).OfType<InvocationExpressionSyntax>().FirstOrDefault() is not { } invocation
            || DeviceCodeShape.Find(model, invocation, cancellationToken) is not { } shape)
        {
            return document;
        }

        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var needsLoggingImport = shape.Rewrite(editor, model, root, text, cancellationToken);
        var changed = editor.GetChangedDocument();
        return needsLoggingImport ? await AddUsingAsync(changed, LoggingNamespace, cancellationToken).ConfigureAwait(false) : changed;
    }

    /// <summary>Adds <c>using <paramref name="namespaceName"/>;</c> among the file's usings, System ones first, in order.</summary>
    private static async Task<Document> AddUsingAsync(Document document, string namespaceName, CancellationToken cancellationToken)
    {
        if (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not CompilationUnitSyntax unit
            || unit.Usings.Any(u => u.Name?.ToString() == namespaceName))
        {
            return document;
        }

        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(namespaceName))
            .WithTrailingTrivia(SyntaxFactory.EndOfLine(FixDocument.NewLineOf(unit)));
        var index = 0;
        while (index < unit.Usings.Count && CompareUsings(unit.Usings[index].Name?.ToString() ?? string.Empty, namespaceName) < 0)
        {
            index++;
        }

        return document.WithSyntaxRoot(unit.WithUsings(unit.Usings.Insert(index, directive)));
    }

    private static int CompareUsings(string left, string right)
    {
        var bySystem = IsSystem(left).CompareTo(IsSystem(right));
        return bySystem != 0 ? -bySystem : string.CompareOrdinal(left, right);
    }

    private static bool IsSystem(string name) => name == "System" || name.StartsWith("System.", StringComparison.Ordinal);

    /// <summary>A recognized <c>AcquireTokenByUsernamePassword</c> call on a public client, and how to rewrite it.</summary>
    private sealed class DeviceCodeShape
    {
        private DeviceCodeShape(
            IInvocationOperation invocation,
            ArgumentSyntax scopes,
            ISymbol? logger,
            bool hasLoggingExtensions,
            ImmutableArray<SyntaxNode> unusedDeclarations)
        {
            Invocation = invocation;
            Scopes = scopes;
            Logger = logger;
            HasLoggingExtensions = hasLoggingExtensions;
            UnusedDeclarations = unusedDeclarations;
        }

        private IInvocationOperation Invocation { get; }

        private ArgumentSyntax Scopes { get; }

        private ISymbol? Logger { get; }

        private bool HasLoggingExtensions { get; }

        /// <summary>Declarations of hard-coded user names and passwords read only by the call being replaced.</summary>
        private ImmutableArray<SyntaxNode> UnusedDeclarations { get; }

        /// <summary>The shape at <paramref name="syntax"/>, or null when the fix does not apply; never throws.</summary>
        public static DeviceCodeShape? Find(SemanticModel model, InvocationExpressionSyntax syntax, CancellationToken cancellationToken)
        {
            try
            {
                return TryFind(model, syntax, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Code the fix does not understand is simply not offered a fix.
                return null;
            }
        }

        private static DeviceCodeShape? TryFind(SemanticModel model, InvocationExpressionSyntax syntax, CancellationToken cancellationToken)
        {
            var types = KnownTypes.For(model.Compilation);
            if (model.GetOperation(syntax, cancellationToken) is not IInvocationOperation invocation
                || !LA4003_UsernamePasswordTokenFlowAnalyzer.IsPublicClientRopc(invocation, types)
                || !ChainFitsDeviceCodeBuilder(invocation, types.Get(KnownType.Microsoft_Identity_Client_AcquireTokenByUsernamePasswordParameterBuilder)))
            {
                return null;
            }

            ArgumentSyntax? scopes = null;
            var dropped = new List<IOperation>();
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name == "scopes" && argument.Syntax is ArgumentSyntax scopesSyntax)
                {
                    scopes = scopesSyntax;
                }
                else
                {
                    dropped.Add(argument.Value);
                }
            }

            if (scopes is null)
            {
                return null;
            }

            var logger = FindLogger(model, syntax.SpanStart, types.Get(KnownType.Microsoft_Extensions_Logging_ILogger), cancellationToken);
            var hasLoggingExtensions = logger is not null
                && model.LookupSymbols(syntax.SpanStart, LoggerType(logger), "LogInformation", includeReducedExtensionMethods: true).Length > 0;
            var unused = ImmutableArray.CreateBuilder<SyntaxNode>();
            foreach (var value in dropped)
            {
                if (UnusedHardCodedDeclaration(model, invocation, value, cancellationToken) is { } declaration && !unused.Contains(declaration))
                {
                    unused.Add(declaration);
                }
            }

            return new DeviceCodeShape(invocation, scopes, logger, hasLoggingExtensions, unused.ToImmutable());
        }

        /// <summary>Rewrites the call; true when the callback needs <c>using Microsoft.Extensions.Logging;</c>.</summary>
        public bool Rewrite(DocumentEditor editor, SemanticModel model, SyntaxNode root, SourceText text, CancellationToken cancellationToken)
        {
            var syntax = (InvocationExpressionSyntax)Invocation.Syntax;
            var body = FixDocument.MemberBody(syntax) ?? root;
            var parameter = FixDocument.UniqueName(model, syntax.SpanStart, body, "deviceCode");
            var indentation = LineIndentation(text, syntax.SpanStart);
            var newLine = FixDocument.NewLineOf(root);

            var show = Logger is null
                ? "System.Console.WriteLine(" + parameter + ".Message);"
                : Logger.Name + ".LogInformation(\"{DeviceCodeMessage}\", " + parameter + ".Message);";
            var lambdaText = parameter + " =>" + newLine
                + indentation + "{" + newLine
                + indentation + "    " + show + newLine
                + indentation + "    return System.Threading.Tasks.Task.CompletedTask;" + newLine
                + indentation + "}";
            var callback = SyntaxFactory.Argument(FixDocument.MarkForImport(FixDocument.MarkForImport(SyntaxFactory.ParseExpression(lambdaText), "System"), "System.Threading.Tasks"));

            var arguments = SyntaxFactory.SeparatedList(
                new[] { Scopes, callback },
                new[] { SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space) });
            var replacement = syntax
                .WithExpression(Renamed(syntax.Expression))
                .WithArgumentList(syntax.ArgumentList.WithArguments(arguments));
            editor.ReplaceNode(syntax, replacement);

            foreach (var declaration in UnusedDeclarations)
            {
                switch (declaration)
                {
                    case LocalDeclarationStatementSyntax statement:
                        Statements.Remove(editor, statement);
                        break;
                    case VariableDeclaratorSyntax declarator when declarator.Parent?.Parent is FieldDeclarationSyntax { Declaration.Variables.Count: 1 } field:
                        editor.RemoveNode(field);
                        break;
                    default:
                        editor.RemoveNode(declaration);
                        break;
                }
            }

            return Logger is not null && !HasLoggingExtensions;
        }

        private static ExpressionSyntax Renamed(ExpressionSyntax expression)
        {
            var name = SyntaxFactory.IdentifierName("AcquireTokenWithDeviceCode");
            return expression switch
            {
                MemberAccessExpressionSyntax access => access.WithName(name.WithTriviaFrom(access.Name)),
                MemberBindingExpressionSyntax binding => binding.WithName(name.WithTriviaFrom(binding.Name)),
                _ => name.WithTriviaFrom(expression),
            };
        }

        /// <summary>
        /// Everything chained onto the call must exist on the device code builder: methods of the common base builders
        /// are fine, those of the username/password builder (<c>WithFederationMetadata</c>, …) are not.
        /// </summary>
        private static bool ChainFitsDeviceCodeBuilder(IInvocationOperation invocation, INamedTypeSymbol? ropcBuilder)
        {
            if (ropcBuilder is null)
            {
                return false;
            }

            IOperation current = invocation;
            while (SymbolEqualityComparer.Default.Equals(current.Type, ropcBuilder))
            {
                IInvocationOperation? next = current.Parent switch
                {
                    IInvocationOperation call when ReferenceEquals(call.Instance, current) => call,
                    IArgumentOperation { Parent: IInvocationOperation { TargetMethod.IsExtensionMethod: true } extension } argument
                        when argument.Parameter?.Ordinal == 0 => extension,
                    _ => null,
                };

                if (next is null)
                {
                    // The builder is stored or passed on as a username/password builder.
                    return false;
                }

                var declaring = next.TargetMethod.IsExtensionMethod
                    ? next.TargetMethod.Parameters[0].Type.OriginalDefinition
                    : next.TargetMethod.OriginalDefinition.ContainingType;
                if (SymbolEqualityComparer.Default.Equals(declaring, ropcBuilder))
                {
                    return false;
                }

                current = next;
            }

            return true;
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

        /// <summary>
        /// The declaration of a local or private field that holds a constant user name or password and is read only by
        /// this call: left behind it would be dead code with a hard-coded secret and a compiler warning.
        /// </summary>
        private static SyntaxNode? UnusedHardCodedDeclaration(SemanticModel model, IInvocationOperation invocation, IOperation value, CancellationToken cancellationToken)
        {
            switch (ConstantResolver.Unwrap(value))
            {
                case ILocalReferenceOperation { Local: var local }:
                    var body = ConstantResolver.Root(invocation);
                    var values = new List<IOperation>();
                    if (!ConstantResolver.TryGetLocalAssignments(local, body, values) || values.Count != 1 || !values[0].ConstantValue.HasValue
                        || body.Descendants().OfType<ILocalReferenceOperation>().Count(r => SymbolEqualityComparer.Default.Equals(r.Local, local)) != 1
                        || local.DeclaringSyntaxReferences.Length != 1
                        || local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax declarator)
                    {
                        return null;
                    }

                    return declarator.Parent is VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax statement }
                        ? statement
                        : declarator;
                case IFieldReferenceOperation { Field: var field }:
                    if (field.DeclaredAccessibility != Accessibility.Private || field.DeclaringSyntaxReferences.Length != 1
                        || field.DeclaringSyntaxReferences[0].SyntaxTree != invocation.Syntax.SyntaxTree
                        || field.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax fieldDeclarator
                        || !(field.HasConstantValue || fieldDeclarator.Initializer is { } initializer && model.GetConstantValue(initializer.Value, cancellationToken).HasValue)
                        || field.ContainingType.DeclaringSyntaxReferences.Length != 1
                        || CountReferences(model, field.ContainingType.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken), field, cancellationToken) != 1)
                    {
                        return null;
                    }

                    return fieldDeclarator;
                default:
                    return null;
            }
        }

        private static int CountReferences(SemanticModel model, SyntaxNode scope, IFieldSymbol field, CancellationToken cancellationToken)
        {
            var count = 0;
            foreach (var name in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (name.Identifier.ValueText == field.Name
                    && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, field))
                {
                    count++;
                }
            }

            return count;
        }

        private static string LineIndentation(SourceText text, int position)
        {
            var line = text.Lines.GetLineFromPosition(position);
            var end = line.Start;
            while (end < line.End && text[end] is ' ' or '\t')
            {
                end++;
            }

            return text.ToString(TextSpan.FromBounds(line.Start, end));
        }
    }
}
