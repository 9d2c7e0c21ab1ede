using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LegacyAuthAnalyzers.Roslyn;

/// <summary>An argument of a <see cref="MethodCall"/> with the parameter it binds to.</summary>
internal sealed class CallArgument
{
    public CallArgument(IParameterSymbol parameter, IOperation? value, IArgumentOperation? bound, bool isDefault)
    {
        Parameter = parameter;
        Value = value;
        Bound = bound;
        IsDefault = isDefault;
    }

    public IParameterSymbol Parameter { get; }

    /// <summary>The expression passed; null when the parameter's default value is used.</summary>
    public IOperation? Value { get; }

    /// <summary>The compiler's argument, when the call bound; null for a recovered call, which a fix can only rewrite from its syntax.</summary>
    public IArgumentOperation? Bound { get; }

    /// <summary>True when the argument is omitted and the parameter's default value applies.</summary>
    public bool IsDefault { get; }
}

/// <summary>
/// A call or creation of a library API with its arguments mapped to parameters, read the same way whether the compiler
/// bound it or could not (LA1001-LA1003, LA2001-LA2003, LA3001 and LA4001 read their sinks through it).
/// Code that does not fully bind, as in an IDE while typing, a project whose restore failed or sources scanned without
/// their project references, gives an invalid operation whose arguments have error types; when every candidate the
/// compiler considered is the same API (same name, one type family), <see cref="CallRecovery"/> picks the overload
/// that fits the arguments' count, types and names, so the rules judge the call as written.
/// </summary>
internal sealed class MethodCall
{
    public MethodCall(IOperation operation, IMethodSymbol method, IOperation? instance, ImmutableArray<CallArgument> arguments, IObjectOrCollectionInitializerOperation? initializer, bool isRecovered)
    {
        Operation = operation;
        Method = method;
        Instance = instance;
        Arguments = arguments;
        Initializer = initializer;
        IsRecovered = isRecovered;
    }

    /// <summary>The invocation, the creation, or the invalid operation a recovered call was read from.</summary>
    public IOperation Operation { get; }

    public IMethodSymbol Method { get; }

    public IOperation? Instance { get; }

    public ImmutableArray<CallArgument> Arguments { get; }

    /// <summary>The object initializer of a creation, when there is one.</summary>
    public IObjectOrCollectionInitializerOperation? Initializer { get; }

    /// <summary>True when the compiler could not bind the call and the overload was chosen by <see cref="CallRecovery"/>.</summary>
    public bool IsRecovered { get; }

    /// <summary>The type the call creates, or the receiver's type (the containing type when unknown).</summary>
    public ITypeSymbol? ReceiverType => Method.MethodKind == MethodKind.Constructor
        ? Method.ContainingType
        : Instance?.Type is { TypeKind: not TypeKind.Error } type ? type : Method.ContainingType;

    public CallArgument? Argument(string parameterName)
    {
        foreach (var argument in Arguments)
        {
            if (argument.Parameter.Name == parameterName)
            {
                return argument;
            }
        }

        return null;
    }

    /// <summary>The value passed for the parameter; null when omitted or absent.</summary>
    public IOperation? ValueOf(string parameterName) => Argument(parameterName)?.Value;

    public static MethodCall? From(IOperation operation) => operation switch
    {
        IInvocationOperation invocation => FromInvocation(invocation),
        IObjectCreationOperation creation => FromCreation(creation),
        IInvalidOperation invalid => CallRecovery.Recover(invalid),
        _ => null,
    };

    public static MethodCall FromInvocation(IInvocationOperation invocation) =>
        new(invocation, invocation.TargetMethod, invocation.Instance, Map(invocation.Arguments), null, isRecovered: false);

    public static MethodCall? FromCreation(IObjectCreationOperation creation) =>
        creation.Constructor is { } constructor ? new MethodCall(creation, constructor, null, Map(creation.Arguments), creation.Initializer, isRecovered: false) : null;

    private static ImmutableArray<CallArgument> Map(ImmutableArray<IArgumentOperation> arguments)
    {
        var builder = ImmutableArray.CreateBuilder<CallArgument>(arguments.Length);
        foreach (var argument in arguments)
        {
            if (argument.Parameter is { } parameter)
            {
                var isDefault = argument.ArgumentKind == ArgumentKind.DefaultValue;
                builder.Add(new CallArgument(parameter, isDefault ? null : argument.Value, argument, isDefault));
            }
        }

        return builder.ToImmutable();
    }
}

/// <summary>
/// Reads an invalid call or creation as the overload the code most plausibly means, and only when the choice cannot
/// cross APIs: every candidate has the same name and lives in one type family. Among the candidates whose parameters
/// take the arguments (count, named arguments, and the types of the arguments that did bind), the one whose parameter
/// names best match the arguments' own names wins (<c>options.Password</c> → <c>password</c>); a tie that would map
/// some argument to differently named parameters recovers nothing.
/// </summary>
internal static class CallRecovery
{
    private const int MaxCandidates = 16;

    public static MethodCall? Recover(IInvalidOperation invalid)
    {
        try
        {
            return invalid.Syntax switch
            {
                InvocationExpressionSyntax invocation => RecoverInvocation(invalid, invocation),
                BaseObjectCreationExpressionSyntax creation => RecoverCreation(invalid, creation),
                _ => null,
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Cheap syntax test before any semantic work: the invoked name, or null when it is not a simple name.</summary>
    public static string? InvokedName(SyntaxNode syntax) => syntax switch
    {
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => access.Name.Identifier.ValueText,
        InvocationExpressionSyntax { Expression: IdentifierNameSyntax identifier } => identifier.Identifier.ValueText,
        InvocationExpressionSyntax { Expression: MemberBindingExpressionSyntax binding } => binding.Name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>The simple name of the created type as written, or null.</summary>
    public static string? CreatedTypeName(SyntaxNode syntax) => syntax switch
    {
        ObjectCreationExpressionSyntax { Type: var type } => Rightmost(type),
        _ => null,
    };

    private static string? Rightmost(TypeSyntax type) => type switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        _ => null,
    };

    private static MethodCall? RecoverInvocation(IInvalidOperation invalid, InvocationExpressionSyntax syntax)
    {
        var model = invalid.SemanticModel;
        if (model is null || syntax.Expression is not MemberAccessExpressionSyntax access)
        {
            return null;
        }

        var instance = model.GetOperation(access.Expression);
        var candidates = Candidates(model, syntax, MethodKind.Ordinary);
        if (candidates.IsDefaultOrEmpty || instance?.Type is null || instance.Type.TypeKind == TypeKind.Error)
        {
            return null;
        }

        // One API: the same name on the receiver's own type and its bases or interfaces (SmtpClient and MailService).
        foreach (var candidate in candidates)
        {
            if (candidate.IsStatic || !IsSameFamily(instance.Type, candidate.ContainingType))
            {
                return null;
            }
        }

        var arguments = Arguments(model, syntax.ArgumentList);
        return Choose(candidates, arguments, model.Compilation) is { } chosen
            ? new MethodCall(invalid, chosen.Method, instance, chosen.Arguments, null, isRecovered: true)
            : null;
    }

    private static MethodCall? RecoverCreation(IInvalidOperation invalid, BaseObjectCreationExpressionSyntax syntax)
    {
        var model = invalid.SemanticModel;
        if (model is null || syntax.ArgumentList is null)
        {
            return null;
        }

        var candidates = Candidates(model, syntax, MethodKind.Constructor);
        if (candidates.IsDefaultOrEmpty)
        {
            return null;
        }

        var type = candidates[0].ContainingType;
        foreach (var candidate in candidates)
        {
            if (!SymbolEqualityComparer.Default.Equals(candidate.ContainingType, type))
            {
                return null;
            }
        }

        var arguments = Arguments(model, syntax.ArgumentList);
        var initializer = syntax.Initializer is { } initializerSyntax ? model.GetOperation(initializerSyntax) as IObjectOrCollectionInitializerOperation : null;
        return Choose(candidates, arguments, model.Compilation) is { } chosen
            ? new MethodCall(invalid, chosen.Method, null, chosen.Arguments, initializer, isRecovered: true)
            : null;
    }

    private static ImmutableArray<IMethodSymbol> Candidates(SemanticModel model, SyntaxNode syntax, MethodKind kind)
    {
        var info = model.GetSymbolInfo(syntax);
        if (info.Symbol is not null || info.CandidateSymbols.IsEmpty || info.CandidateSymbols.Length > MaxCandidates)
        {
            return default;
        }

        var builder = ImmutableArray.CreateBuilder<IMethodSymbol>(info.CandidateSymbols.Length);
        string? name = null;
        foreach (var symbol in info.CandidateSymbols)
        {
            if (symbol is not IMethodSymbol method || method.MethodKind != kind || method.IsGenericMethod || (name is not null && method.Name != name))
            {
                return default;
            }

            name = method.Name;
            builder.Add(method);
        }

        return builder.ToImmutable();
    }

    private static bool IsSameFamily(ITypeSymbol receiver, INamedTypeSymbol declaring)
    {
        for (var current = receiver; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, declaring.OriginalDefinition))
            {
                return true;
            }
        }

        return receiver.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, declaring.OriginalDefinition))
            || SymbolEqualityComparer.Default.Equals(receiver.OriginalDefinition, declaring.OriginalDefinition);
    }

    private static ImmutableArray<WrittenArgument> Arguments(SemanticModel model, ArgumentListSyntax? list)
    {
        if (list is null)
        {
            return ImmutableArray<WrittenArgument>.Empty;
        }

        var builder = ImmutableArray.CreateBuilder<WrittenArgument>(list.Arguments.Count);
        foreach (var argument in list.Arguments)
        {
            builder.Add(new WrittenArgument(argument.NameColon?.Name.Identifier.ValueText, model.GetOperation(argument.Expression), NameWords.Of(argument.Expression), argument.RefKindKeyword.RawKind != 0));
        }

        return builder.ToImmutable();
    }

    private static Choice? Choose(ImmutableArray<IMethodSymbol> candidates, ImmutableArray<WrittenArgument> arguments, Compilation compilation)
    {
        Choice? best = null;
        var bestScore = -1;
        var tied = false;
        foreach (var candidate in candidates)
        {
            if (!TryMap(candidate, arguments, compilation, out var mapped, out var score))
            {
                continue;
            }

            var choice = new Choice(candidate, mapped);
            if (score > bestScore)
            {
                best = choice;
                bestScore = score;
                tied = false;
            }
            else if (score == bestScore && best is not null && !SameParameterNames(best, choice))
            {
                tied = true;
            }
        }

        return tied ? null : best;
    }

    /// <summary>Two overloads that put every argument in a parameter of the same name read the same for the rules.</summary>
    private static bool SameParameterNames(Choice first, Choice second)
    {
        foreach (var argument in first.Arguments)
        {
            if (argument.IsDefault)
            {
                continue;
            }

            var other = second.Arguments.FirstOrDefault(a => ReferenceEquals(a.Value, argument.Value));
            if (other is null || other.Parameter.Name != argument.Parameter.Name)
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryMap(IMethodSymbol method, ImmutableArray<WrittenArgument> arguments, Compilation compilation, out ImmutableArray<CallArgument> mapped, out int score)
    {
        mapped = default;
        score = 0;
        var parameters = method.Parameters;
        if (arguments.Length > parameters.Length || parameters.Any(p => p.IsParams))
        {
            return false;
        }

        var values = new IOperation?[parameters.Length];
        var given = new bool[parameters.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            var argument = arguments[i];
            var index = argument.Name is null ? i : IndexOf(parameters, argument.Name);
            if (index < 0 || given[index] || argument.IsByRef || !Fits(argument.Value, parameters[index].Type, compilation))
            {
                return false;
            }

            given[index] = true;
            values[index] = argument.Value;
            if (NameWords.Match(argument.Words, parameters[index].Name))
            {
                score++;
            }
        }

        var builder = ImmutableArray.CreateBuilder<CallArgument>(parameters.Length);
        for (var i = 0; i < parameters.Length; i++)
        {
            if (!given[i] && !parameters[i].IsOptional)
            {
                return false;
            }

            builder.Add(new CallArgument(parameters[i], values[i], null, isDefault: !given[i]));
        }

        mapped = builder.ToImmutable();
        return true;
    }

    private static int IndexOf(ImmutableArray<IParameterSymbol> parameters, string name)
    {
        for (var i = 0; i < parameters.Length; i++)
        {
            if (parameters[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>An argument whose type is unknown fits any parameter; a typed one must convert implicitly.</summary>
    private static bool Fits(IOperation? value, ITypeSymbol parameterType, Compilation compilation)
    {
        var type = value?.Type;
        if (value is null || type is null || type.TypeKind == TypeKind.Error || parameterType.TypeKind == TypeKind.Error)
        {
            // A literal null or a lambda has no type of its own; an error type is what recovery is for.
            return value is not ILiteralOperation { ConstantValue: { HasValue: true, Value: null } } || !parameterType.IsValueType;
        }

        return compilation.ClassifyCommonConversion(type, parameterType).IsImplicit;
    }

    private readonly struct WrittenArgument
    {
        public WrittenArgument(string? name, IOperation? value, ImmutableArray<string> words, bool isByRef)
        {
            Name = name;
            Value = value;
            Words = words;
            IsByRef = isByRef;
        }

        public string? Name { get; }

        public IOperation? Value { get; }

        public ImmutableArray<string> Words { get; }

        public bool IsByRef { get; }
    }

    private sealed class Choice
    {
        public Choice(IMethodSymbol method, ImmutableArray<CallArgument> arguments)
        {
            Method = method;
            Arguments = arguments;
        }

        public IMethodSymbol Method { get; }

        public ImmutableArray<CallArgument> Arguments { get; }
    }
}

/// <summary>The words of an identifier (<c>SmtpPassword</c> → smtp, password) for matching arguments to parameters.</summary>
internal static class NameWords
{
    private const int MinPrefix = 3;

    /// <summary>The words of the last name in an argument expression: <c>settings.SmtpUser</c> → smtp, user.</summary>
    public static ImmutableArray<string> Of(ExpressionSyntax expression)
    {
        var name = expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            ConditionalAccessExpressionSyntax { WhenNotNull: MemberBindingExpressionSyntax binding } => binding.Name.Identifier.ValueText,

            // options.Credentials.GetCredential(host, port, "smtp"): the method says what it returns.
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax method } => method.Name.Identifier.ValueText,
            _ => null,
        };

        return name is null ? ImmutableArray<string>.Empty : Split(name);
    }

    public static ImmutableArray<string> Split(string name)
    {
        var words = ImmutableArray.CreateBuilder<string>();
        var start = 0;
        for (var i = 1; i <= name.Length; i++)
        {
            if (i == name.Length || name[i] == '_' || (char.IsUpper(name[i]) && !char.IsUpper(name[i - 1])))
            {
                var word = name.Substring(start, i - start).Trim('_');
                if (word.Length > 0)
                {
                    words.Add(word.ToLowerInvariant());
                }

                start = i;
            }
        }

        return words.ToImmutable();
    }

    /// <summary>A word of the argument and a word of the parameter where one starts the other: user ~ userName, pass ~ password.</summary>
    public static bool Match(ImmutableArray<string> argumentWords, string parameterName)
    {
        if (argumentWords.IsDefaultOrEmpty)
        {
            return false;
        }

        foreach (var parameterWord in Split(parameterName))
        {
            foreach (var word in argumentWords)
            {
                if (word == parameterWord
                    || (word.Length >= MinPrefix && parameterWord.StartsWith(word, StringComparison.Ordinal))
                    || (parameterWord.Length >= MinPrefix && word.StartsWith(parameterWord, StringComparison.Ordinal)))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
