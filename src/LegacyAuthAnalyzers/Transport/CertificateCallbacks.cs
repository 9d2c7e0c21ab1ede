using System.Threading;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LegacyAuthAnalyzers.Transport;

/// <summary>
/// Decides whether a certificate validation callback accepts certificates without validating them: whether some
/// value of the settings it reads makes it return <c>true</c> whatever the certificate, the chain, the policy errors
/// and the sender are. That covers <c>(s, c, h, e) =&gt; true</c>, a method whose every return is <c>true</c> (also
/// after logging the errors), and a callback whose answer comes from a runtime setting
/// (<c>=&gt; settings.AcceptAll</c>, <c>if (settings.TrustServer) return true;</c> before the errors are read, or
/// <c>if (e == SslPolicyErrors.None) return true; … return settings.IgnoreInvalid;</c>): when the setting is on,
/// every certificate is accepted.
/// Serves LA2004 and LA2005.
/// </summary>
/// <remarks>
/// The walk treats a condition that reads the callback's parameters as the certificate's to decide (both branches
/// must accept), and a condition that reads none of them as a setting the deployment chooses (one branch accepting is
/// enough, and the message names it). A constant condition takes one branch only. A throw, a loop or switch that can
/// leave the callback, and a value that reads a parameter are taken to validate. The walk is bounded.
/// </remarks>
internal static class CertificateCallbacks
{
    private const int MaxDepth = 4;
    private const int MaxSteps = 256;
    private const int MaxConditionText = 60;

    /// <summary>Lambdas, anonymous methods, method groups (also local functions) and delegates held in a local or field.</summary>
    public static CallbackVerdict Judge(IOperation? callback, CancellationToken cancellationToken)
    {
        try
        {
            return Judge(callback, 0, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return CallbackVerdict.Validates;
        }
    }

    /// <summary>
    /// True when <paramref name="operation"/> sits in a branch that can never run because its condition is a constant
    /// (<c>if (false)</c>, <c>if (Settings.SkipCertCheck)</c> with a <c>const bool</c> that is false).
    /// </summary>
    public static bool IsInDeadBranch(IOperation operation, CancellationToken cancellationToken)
    {
        var child = operation;
        for (var parent = operation.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            if (parent is IConditionalOperation conditional && !ReferenceEquals(child, conditional.Condition)
                && ConstantResolver.TryResolve(conditional.Condition, cancellationToken, out var resolved) && resolved.Value is bool condition)
            {
                var inWhenTrue = ReferenceEquals(child, conditional.WhenTrue);
                if (inWhenTrue != condition)
                {
                    return true;
                }
            }

            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// The runtime setting an assignment depends on: the innermost enclosing <c>if</c> of its member whose condition is
    /// a setting (<c>if (settings.SkipCertCheck)</c>, <c>if (!options.ValidateCertificates)</c>), described as
    /// "when 'SkipCertCheck' is true"; null when there is none.
    /// </summary>
    public static string? EnclosingSetting(IOperation operation)
    {
        var child = operation;
        for (var parent = operation.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return null;
            }

            if (parent is IConditionalOperation conditional && !ReferenceEquals(child, conditional.Condition)
                && SettingName(conditional.Condition, ReferenceEquals(child, conditional.WhenTrue)) is { } setting)
            {
                return "when " + setting;
            }
        }

        return null;
    }

    private static CallbackVerdict Judge(IOperation? callback, int depth, CancellationToken cancellationToken)
    {
        callback = OperationTree.SkipConversions(callback);
        if (callback is null || depth > MaxDepth)
        {
            return CallbackVerdict.Validates;
        }

        switch (callback)
        {
            case IDelegateCreationOperation creation:
                return Judge(creation.Target, depth + 1, cancellationToken);
            case IConditionalOperation { WhenFalse: not null } choice:
                return JudgeChoice(choice, depth, cancellationToken);
            case IAnonymousFunctionOperation function:
                return JudgeBody(function.Body, function.Symbol.Parameters, cancellationToken);
            case IMethodReferenceOperation reference:
                return JudgeMethod(reference.Method, callback, cancellationToken);
            case ILocalReferenceOperation local:
                var assigned = new List<IOperation>();
                return ConstantResolver.TryGetLocalAssignments(local.Local, OperationTree.Root(local), assigned)
                    ? JudgeAll(assigned, depth, cancellationToken)
                    : CallbackVerdict.Validates;
            case IFieldReferenceOperation or IPropertyReferenceOperation:
                // A callback handed over through an options object or a parameter is the caller's; it is judged only
                // where this compilation assigns it.
                var symbol = HostResolver.ReferencedSymbol(callback);
                var values = new List<IOperation>();
                return symbol is not null && ConstantResolver.TryGetMemberValues(callback, symbol, values, cancellationToken)
                    ? JudgeAll(values, depth, cancellationToken)
                    : CallbackVerdict.Validates;
            default:
                return CallbackVerdict.Validates;
        }
    }

    /// <summary><c>settings.SkipCertCheck ? (s, c, h, e) =&gt; true : null</c>: the setting chooses the callback.</summary>
    private static CallbackVerdict JudgeChoice(IConditionalOperation choice, int depth, CancellationToken cancellationToken)
    {
        if (ConstantResolver.TryResolve(choice.Condition, cancellationToken, out var resolved) && resolved.Value is bool constant)
        {
            return Judge(constant ? choice.WhenTrue : choice.WhenFalse, depth + 1, cancellationToken);
        }

        foreach (var (branch, value) in new[] { (choice.WhenTrue, true), (choice.WhenFalse!, false) })
        {
            var verdict = Judge(branch, depth + 1, cancellationToken);
            if (verdict.AcceptsAny)
            {
                var setting = "when " + DescribeSetting(choice.Condition, value);
                var condition = verdict.Condition is null ? setting : setting + " and " + verdict.Condition.Substring("when ".Length);
                return new CallbackVerdict(true, condition, verdict.AcceptSite);
            }
        }

        return CallbackVerdict.Validates;
    }

    private static CallbackVerdict JudgeAll(List<IOperation> values, int depth, CancellationToken cancellationToken)
    {
        var first = CallbackVerdict.Validates;
        foreach (var value in values)
        {
            var verdict = Judge(value, depth + 1, cancellationToken);
            if (!verdict.AcceptsAny)
            {
                return CallbackVerdict.Validates;
            }

            first = first.AcceptsAny ? first : verdict;
        }

        return first;
    }

    private static CallbackVerdict JudgeMethod(IMethodSymbol method, IOperation reference, CancellationToken cancellationToken)
    {
        var model = reference.SemanticModel;
        if (model is null || method.DeclaringSyntaxReferences.Length != 1)
        {
            return CallbackVerdict.Validates;
        }

        var syntax = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
        var methodModel = model.SyntaxTree == syntax.SyntaxTree
            ? model
#pragma warning disable RS1030 // Only for a method group assigned as a certificate callback and declared in another file: rare and bounded.
            : model.Compilation.GetSemanticModel(syntax.SyntaxTree);
#pragma warning restore RS1030
        var body = methodModel.GetOperation(syntax, cancellationToken) switch
        {
            IMethodBodyOperation methodBody => methodBody.BlockBody ?? methodBody.ExpressionBody,
            ILocalFunctionOperation localFunction => localFunction.Body,
            _ => null,
        };

        var verdict = JudgeBody(body, method.Parameters, cancellationToken);

        // A validation service of another type is an application-wide certificate policy (shared with HTTP clients,
        // administered as such); once it reads the errors, its settings are its own business. Only an unconditional
        // acceptance there is a mail finding.
        if (verdict.Condition is not null && !IsSameType(method, model, reference))
        {
            return CallbackVerdict.Validates;
        }

        return verdict;
    }

    private static bool IsSameType(IMethodSymbol method, SemanticModel model, IOperation reference)
    {
        var enclosing = model.GetEnclosingSymbol(reference.Syntax.SpanStart);
        var type = enclosing as INamedTypeSymbol ?? enclosing?.ContainingType;
        for (; type is not null; type = type.ContainingType)
        {
            if (SymbolEqualityComparer.Default.Equals(type, method.ContainingType))
            {
                return true;
            }
        }

        return false;
    }

    private static CallbackVerdict JudgeBody(IBlockOperation? body, ImmutableArray<IParameterSymbol> parameters, CancellationToken cancellationToken)
    {
        if (body is null)
        {
            return CallbackVerdict.Validates;
        }

        var walker = new Walker(parameters, body, cancellationToken);
        var result = walker.Run(new Path(body, null), Assumptions.None);
        return result.Accepts ? new CallbackVerdict(true, result.Assumptions.Describe(), result.Site) : CallbackVerdict.Validates;
    }

    /// <summary>
    /// How a setting reads in a message: "'TrustServer' is true" for <c>settings.TrustServer</c>, "'Validate' is
    /// false" for <c>!options.Validate</c>; the condition's text when it is short and holds no literal; null when the
    /// condition is not a setting at all (it reads locals or is a comparison of something else).
    /// </summary>
    private static string? SettingName(IOperation? condition, bool value)
    {
        condition = OperationTree.SkipConversions(condition);
        switch (condition)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return SettingName(not.Operand, !value);
            case IPropertyReferenceOperation { Property.Type.SpecialType: SpecialType.System_Boolean } property:
                return Quote(property.Property.Name, value);
            case IFieldReferenceOperation { Field.Type.SpecialType: SpecialType.System_Boolean } field:
                return Quote(field.Field.Name, value);
            case IInvalidOperation { Syntax: MemberAccessExpressionSyntax access }:
                // The settings type does not resolve: the member's name is still the setting's.
                return Quote(access.Name.Identifier.ValueText, value);
            default:
                return null;
        }

        static string Quote(string name, bool value) => "'" + name + "' is " + (value ? "true" : "false");
    }

    /// <summary>The setting's name as <see cref="SettingName"/> gives it, else the condition's text or a plain word.</summary>
    private static string DescribeSetting(IOperation condition, bool value)
    {
        if (SettingName(condition, value) is { } name)
        {
            return name;
        }

        var text = condition.Syntax.ToString();
        var hasLiteral = condition.Syntax.DescendantNodesAndSelf().OfType<LiteralExpressionSyntax>()
            .Any(literal => !literal.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.TrueLiteralExpression)
                && !literal.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.FalseLiteralExpression)
                && !literal.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.NullLiteralExpression));

        // A condition's text could carry a literal (a secret compared, an environment name); only the shape is named.
        return text.Length <= MaxConditionText && !hasLiteral && text.IndexOf('\n') < 0
            ? "'" + text + "' is " + (value ? "true" : "false")
            : "its setting is " + (value ? "on" : "off");
    }

    private enum Kind
    {
        Constant,
        Certificate,
        Setting,
    }

    /// <summary>The statements still to run on one path, innermost first.</summary>
    private sealed class Path
    {
        public Path(IOperation statement, Path? next)
        {
            Statement = statement;
            Next = next;
        }

        public IOperation Statement { get; }

        public Path? Next { get; }

        public static Path? Push(IOperation? statement, Path? next) => statement is null ? next : new Path(statement, next);
    }

    /// <summary>The settings chosen on the way to an acceptance, newest first.</summary>
    private sealed class Assumptions
    {
        public static readonly Assumptions None = new(null!, false, null);

        private readonly IOperation condition;
        private readonly bool value;
        private readonly Assumptions? next;

        private Assumptions(IOperation condition, bool value, Assumptions? next)
        {
            this.condition = condition;
            this.value = value;
            this.next = next;
        }

        public Assumptions With(IOperation condition, bool value) => new(condition, value, this);

        /// <summary>The value already chosen for the same setting (the same text) on this path, if any.</summary>
        public bool? ValueOf(IOperation condition)
        {
            var text = condition.Syntax.ToString();
            for (var current = this; current.next is not null; current = current.next)
            {
                if (current.condition.Syntax.ToString() == text)
                {
                    return current.value;
                }
            }

            return null;
        }

        /// <summary>"when 'TrustServer' is true" (the first setting chosen first); null when no setting was needed.</summary>
        public string? Describe()
        {
            var parts = new List<string>();
            for (var current = this; current.next is not null && parts.Count < 3; current = current.next)
            {
                parts.Insert(0, DescribeSetting(current.condition, current.value));
            }

            return parts.Count == 0 ? null : "when " + string.Join(" and ", parts.Take(2));
        }
    }

    private readonly struct Result
    {
        public static Result Rejects => default;

        public Result(Assumptions assumptions, Location site)
        {
            Accepts = true;
            Assumptions = assumptions;
            Site = site;
        }

        public bool Accepts { get; }

        public Assumptions Assumptions { get; }

        public Location? Site { get; }
    }

    /// <summary>Follows the callback's paths, looking for a choice of settings under which every path returns true.</summary>
    private sealed class Walker
    {
        private readonly ImmutableArray<IParameterSymbol> parameters;
        private readonly IOperation body;
        private readonly CancellationToken cancellationToken;
        private Dictionary<ILocalSymbol, bool>? localReads;
        private int steps;

        public Walker(ImmutableArray<IParameterSymbol> parameters, IOperation body, CancellationToken cancellationToken)
        {
            this.parameters = parameters;
            this.body = body;
            this.cancellationToken = cancellationToken;
        }

        public Result Run(Path? path, Assumptions assumptions)
        {
            while (path is not null)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (++steps > MaxSteps)
                {
                    return Result.Rejects;
                }

                var statement = path.Statement;
                path = path.Next;
                switch (statement)
                {
                    case IBlockOperation block:
                        for (var i = block.Operations.Length - 1; i >= 0; i--)
                        {
                            path = new Path(block.Operations[i], path);
                        }

                        break;
                    case IReturnOperation { Kind: OperationKind.Return } returned:
                        // `return true;` is the site; a lambda's expression body is its own (implicit) return.
                        var site = returned.IsImplicit && returned.ReturnedValue is not null ? returned.ReturnedValue.Syntax : returned.Syntax;
                        return Value(returned.ReturnedValue, true, assumptions, site.GetLocation());
                    case IReturnOperation:
                    case IThrowOperation:
                    case IExpressionStatementOperation { Operation: IThrowOperation }:
                    case IBranchOperation:
                    case ILabeledOperation:
                        return Result.Rejects;
                    case IConditionalOperation conditional:
                        return If(conditional, path, assumptions);
                    case ITryOperation tryOperation:
                        // A catch runs only when something threw; the body is the path that completes.
                        path = Path.Push(tryOperation.Body, path);
                        break;
                    case IUsingOperation usingOperation:
                        path = Path.Push(usingOperation.Body, path);
                        break;
                    case ILockOperation lockOperation:
                        path = Path.Push(lockOperation.Body, path);
                        break;
                    case ILoopOperation or ISwitchOperation:
                        // Not followed: one that can leave the callback is taken to validate, one that cannot
                        // (logging the chain's statuses) is passed over.
                        if (CanLeave(statement))
                        {
                            return Result.Rejects;
                        }

                        break;
                }
            }

            // Falling off the end of a bool callback does not compile; nothing to accept.
            return Result.Rejects;
        }

        private Result If(IConditionalOperation conditional, Path? path, Assumptions assumptions)
        {
            switch (Classify(conditional.Condition, out var constant))
            {
                case Kind.Constant:
                    return Run(Path.Push(constant ? conditional.WhenTrue : conditional.WhenFalse, path), assumptions);
                case Kind.Certificate:
                    // The certificate decides: the callback accepts everything only if both branches do.
                    var whenTrue = Run(Path.Push(conditional.WhenTrue, path), assumptions);
                    if (!whenTrue.Accepts)
                    {
                        return Result.Rejects;
                    }

                    var whenFalse = Run(Path.Push(conditional.WhenFalse, path), whenTrue.Assumptions);
                    return Both(whenTrue, whenFalse);
                default:
                    // The deployment decides: one branch that accepts everything is a bypass when the setting says so.
                    if (assumptions.ValueOf(conditional.Condition) is { } chosen)
                    {
                        return Run(Path.Push(chosen ? conditional.WhenTrue : conditional.WhenFalse, path), assumptions);
                    }

                    var on = Run(Path.Push(conditional.WhenTrue, path), assumptions.With(conditional.Condition, true));
                    return on.Accepts ? on : Run(Path.Push(conditional.WhenFalse, path), assumptions.With(conditional.Condition, false));
            }
        }

        /// <summary>Whether <paramref name="value"/> is always <paramref name="wanted"/> under some choice of settings.</summary>
        private Result Value(IOperation? value, bool wanted, Assumptions assumptions, Location site)
        {
            cancellationToken.ThrowIfCancellationRequested();
            value = OperationTree.SkipConversions(value);
            if (value is null || ++steps > MaxSteps)
            {
                return Result.Rejects;
            }

            switch (value)
            {
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    return Value(not.Operand, !wanted, assumptions, site);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.ConditionalAnd } logical
                    when Classify(value, out _) != Kind.Constant:
                    // `a || b` is always true when either is; always false only when both are (and `&&` the other way).
                    var either = (logical.OperatorKind == BinaryOperatorKind.ConditionalOr) == wanted;
                    var left = Value(logical.LeftOperand, wanted, assumptions, site);
                    if (either)
                    {
                        return left.Accepts ? left : Value(logical.RightOperand, wanted, assumptions, site);
                    }

                    return left.Accepts ? Value(logical.RightOperand, wanted, left.Assumptions, site) : Result.Rejects;
                case IConditionalOperation ternary:
                    switch (Classify(ternary.Condition, out var constant))
                    {
                        case Kind.Constant:
                            return Value(constant ? ternary.WhenTrue : ternary.WhenFalse, wanted, assumptions, site);
                        case Kind.Certificate:
                            var whenTrue = Value(ternary.WhenTrue, wanted, assumptions, site);
                            return whenTrue.Accepts ? Both(whenTrue, Value(ternary.WhenFalse, wanted, whenTrue.Assumptions, site)) : Result.Rejects;
                        default:
                            var on = Value(ternary.WhenTrue, wanted, assumptions.With(ternary.Condition, true), site);
                            return on.Accepts ? on : Value(ternary.WhenFalse, wanted, assumptions.With(ternary.Condition, false), site);
                    }
            }

            switch (Classify(value, out var resolved))
            {
                case Kind.Constant:
                    return resolved == wanted ? new Result(assumptions, site) : Result.Rejects;
                case Kind.Setting when IsSettingValue(value):
                    // A value that reads none of the parameters (a setting, an environment check) cannot be a validation.
                    if (assumptions.ValueOf(value) is { } chosen)
                    {
                        return chosen == wanted ? new Result(assumptions, site) : Result.Rejects;
                    }

                    return new Result(assumptions.With(value, wanted), site);
                default:
                    return Result.Rejects;
            }
        }

        /// <summary>
        /// Both halves of a certificate-decided branch accept; the second ran under the first's settings and may have
        /// chosen more. The site is where the last setting was chosen, so the extra location points at it.
        /// </summary>
        private static Result Both(Result first, Result second)
        {
            if (!second.Accepts)
            {
                return Result.Rejects;
            }

            return ReferenceEquals(first.Assumptions, second.Assumptions) ? first : second;
        }

        private Kind Classify(IOperation condition, out bool constant)
        {
            constant = false;
            if (ConstantResolver.TryResolve(condition, cancellationToken, out var resolved) && resolved.Value is bool value)
            {
                constant = value;
                return Kind.Constant;
            }

            return Reads(condition) ? Kind.Certificate : Kind.Setting;
        }

        /// <summary>
        /// A bool that is not computed from the parameters; or, where the settings type does not resolve, a member
        /// access or name on it (<c>settings.AcceptAll</c> of an error type), but not broken code in general.
        /// </summary>
        private static bool IsSettingValue(IOperation value) => value switch
        {
            IInvalidOperation invalid => !invalid.Syntax.IsMissing && invalid.Syntax is MemberAccessExpressionSyntax or IdentifierNameSyntax,
            _ => value.Type?.SpecialType == SpecialType.System_Boolean || value.Type?.TypeKind == TypeKind.Error && value is IMemberReferenceOperation,
        };

        private static bool CanLeave(IOperation statement)
        {
            foreach (var descendant in statement.Descendants())
            {
                if (descendant is IReturnOperation { Kind: OperationKind.Return } or IThrowOperation
                    || descendant is IBranchOperation { BranchKind: BranchKind.GoTo })
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Reads a parameter of the callback, or a local declared inside it that may carry a parameter's value.
        /// </summary>
        private bool Reads(IOperation? operation)
        {
            if (operation is null)
            {
                return false;
            }

            foreach (var descendant in operation.DescendantsAndSelf())
            {
                switch (descendant)
                {
                    case IParameterReferenceOperation reference when parameters.Contains(reference.Parameter, SymbolEqualityComparer.Default):
                        return true;
                    case ILocalReferenceOperation local when !local.Local.IsConst && IsDeclaredInBody(local.Local) && LocalReads(local.Local):
                        return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether a local of the body may hold a parameter's value. One whose every assignment reads none
        /// (<c>var mode = settings.Mode;</c>) holds a setting; a loop or pattern variable, or one written in a way
        /// that hides the value, is taken to read them.
        /// </summary>
        private bool LocalReads(ILocalSymbol local)
        {
            localReads ??= new Dictionary<ILocalSymbol, bool>(SymbolEqualityComparer.Default);
            if (localReads.TryGetValue(local, out var known))
            {
                return known;
            }

            // Until the answer is known (a local assigned from itself), assume it reads them.
            localReads[local] = true;
            var values = new List<IOperation>();
            var reads = !ConstantResolver.TryGetLocalAssignments(local, body, values) || values.Count == 0 || values.Any(Reads);
            localReads[local] = reads;
            return reads;
        }

        private bool IsDeclaredInBody(ILocalSymbol local) =>
            local.Locations.Length > 0 && local.Locations[0].SourceTree == body.Syntax.SyntaxTree && body.Syntax.Span.Contains(local.Locations[0].SourceSpan);
    }
}

/// <summary>What <see cref="CertificateCallbacks.Judge"/> found.</summary>
internal readonly struct CallbackVerdict
{
    public static CallbackVerdict Validates => default;

    public CallbackVerdict(bool acceptsAny, string? condition, Location? acceptSite)
    {
        AcceptsAny = acceptsAny;
        Condition = condition;
        AcceptSite = acceptSite;
    }

    /// <summary>Whether the callback accepts every certificate (under some setting).</summary>
    public bool AcceptsAny { get; }

    /// <summary>The setting under which it does, "when 'TrustServer' is true"; null when it always does.</summary>
    public string? Condition { get; }

    /// <summary>The <c>return true</c> or returned value that accepts.</summary>
    public Location? AcceptSite { get; }
}
