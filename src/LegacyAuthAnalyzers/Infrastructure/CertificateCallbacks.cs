using System.Threading;
using Microsoft.CodeAnalysis.Operations;

namespace LegacyAuthAnalyzers.Infrastructure;

/// <summary>
/// Decides whether a certificate validation callback accepts certificates without validating them: whether it can
/// return <c>true</c> before it has looked at the certificate, the chain, the policy errors or the sender. That covers
/// <c>(s, c, h, e) =&gt; true</c>, a method whose every return is <c>true</c>, and a callback that returns a runtime
/// setting (<c>=&gt; settings.SkipCertCheck</c>, <c>if (settings.SkipCertCheck) return true;</c>): when the setting is
/// on, every certificate is accepted. A setting that is a constant <c>false</c> takes the branch away, and a callback
/// that reads its parameters before it can answer <c>true</c>, or throws, is taken to validate.
/// </summary>
internal static class CertificateCallbacks
{
    private const int MaxDepth = 4;

    /// <summary>Lambdas, anonymous methods, method groups (also local functions) and delegates held in a local or field.</summary>
    public static bool AcceptsAnyCertificate(IOperation? callback, CancellationToken cancellationToken)
    {
        try
        {
            return Accepts(callback, 0, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return false;
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

    private static bool Accepts(IOperation? callback, int depth, CancellationToken cancellationToken)
    {
        callback = ConstantResolver.Unwrap(callback);
        if (callback is null || depth > MaxDepth)
        {
            return false;
        }

        switch (callback)
        {
            case IDelegateCreationOperation creation:
                return Accepts(creation.Target, depth + 1, cancellationToken);
            case IAnonymousFunctionOperation function:
                return BodyAccepts(function.Body, function.Symbol.Parameters, cancellationToken);
            case IMethodReferenceOperation reference:
                return MethodAccepts(reference.Method, callback, cancellationToken);
            case ILocalReferenceOperation local:
                var assigned = new List<IOperation>();
                return ConstantResolver.TryGetLocalAssignments(local.Local, ConstantResolver.Root(local), assigned)
                    && AllAccept(assigned, depth, cancellationToken);
            case IFieldReferenceOperation or IPropertyReferenceOperation:
                var symbol = HostResolver.ReferencedSymbol(callback);
                var values = new List<IOperation>();
                return symbol is not null
                    && ConstantResolver.TryGetMemberValues(callback, symbol, values, cancellationToken)
                    && AllAccept(values, depth, cancellationToken);
            default:
                return false;
        }
    }

    private static bool AllAccept(List<IOperation> values, int depth, CancellationToken cancellationToken)
    {
        if (values.Count == 0)
        {
            return false;
        }

        foreach (var value in values)
        {
            if (!Accepts(value, depth + 1, cancellationToken))
            {
                return false;
            }
        }

        return true;
    }

    private static bool MethodAccepts(IMethodSymbol method, IOperation reference, CancellationToken cancellationToken)
    {
        var compilation = reference.SemanticModel?.Compilation;
        if (compilation is null || method.DeclaringSyntaxReferences.Length != 1)
        {
            return false;
        }

        var syntax = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
        var model = reference.SemanticModel!.SyntaxTree == syntax.SyntaxTree
            ? reference.SemanticModel
#pragma warning disable RS1030 // Only for a method group assigned as a certificate callback and declared in another file: rare and bounded.
            : compilation.GetSemanticModel(syntax.SyntaxTree);
#pragma warning restore RS1030
        var body = model.GetOperation(syntax, cancellationToken) switch
        {
            IMethodBodyOperation methodBody => methodBody.BlockBody ?? methodBody.ExpressionBody,
            ILocalFunctionOperation localFunction => localFunction.Body,
            _ => null,
        };

        return body is not null && BodyAccepts(body, method.Parameters, cancellationToken);
    }

    private static bool BodyAccepts(IBlockOperation? body, ImmutableArray<IParameterSymbol> parameters, CancellationToken cancellationToken)
    {
        // No parameters (`delegate { return true; }`) means nothing can be looked at.
        if (body is null)
        {
            return false;
        }

        var walker = new Walker(parameters, body, cancellationToken);
        return walker.Walk(body, looked: false).Outcome == Outcome.Accepts;
    }

    private enum Outcome
    {
        FallsThrough,
        Exits,
        Accepts,
    }

    private readonly struct Flow
    {
        public Flow(Outcome outcome, bool looked)
        {
            Outcome = outcome;
            Looked = looked;
        }

        public Outcome Outcome { get; }

        /// <summary>On the fall-through path: whether the callback has already read its parameters.</summary>
        public bool Looked { get; }
    }

    /// <summary>
    /// Follows the callback's statements in order, tracking whether a condition that reads the parameters has been
    /// evaluated on the way. Loops and switches are not followed; their returns never count as accepting.
    /// </summary>
    private sealed class Walker
    {
        private readonly ImmutableArray<IParameterSymbol> parameters;
        private readonly IOperation body;
        private readonly CancellationToken cancellationToken;

        public Walker(ImmutableArray<IParameterSymbol> parameters, IOperation body, CancellationToken cancellationToken)
        {
            this.parameters = parameters;
            this.body = body;
            this.cancellationToken = cancellationToken;
        }

        public Flow Walk(IOperation? statement, bool looked)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (statement)
            {
                case null:
                    return new Flow(Outcome.FallsThrough, looked);
                case IBlockOperation block:
                    return WalkSequence(block.Operations, looked);
                case IReturnOperation { Kind: OperationKind.Return } returned:
                    return new Flow(!looked && MayBeTrueUnchecked(returned.ReturnedValue) ? Outcome.Accepts : Outcome.Exits, looked);
                case IThrowOperation:
                case IExpressionStatementOperation { Operation: IThrowOperation }:
                    return new Flow(Outcome.Exits, looked);
                case IConditionalOperation conditional:
                    return WalkIf(conditional, looked);
                case ITryOperation tryOperation:
                    return Walk(tryOperation.Body, looked);
                case IUsingOperation usingOperation:
                    return Walk(usingOperation.Body, looked || Reads(usingOperation.Resources));
                case ILockOperation lockOperation:
                    return Walk(lockOperation.Body, looked);
                case ILoopOperation or ISwitchOperation:
                    return new Flow(Outcome.FallsThrough, looked || Reads(statement));
                default:
                    return new Flow(Outcome.FallsThrough, looked);
            }
        }

        private Flow WalkSequence(ImmutableArray<IOperation> statements, bool looked)
        {
            foreach (var statement in statements)
            {
                var flow = Walk(statement, looked);
                if (flow.Outcome != Outcome.FallsThrough)
                {
                    return flow;
                }

                looked = flow.Looked;
            }

            return new Flow(Outcome.FallsThrough, looked);
        }

        private Flow WalkIf(IConditionalOperation conditional, bool looked)
        {
            if (ConstantResolver.TryResolve(conditional.Condition, cancellationToken, out var resolved) && resolved.Value is bool constant)
            {
                return Walk(constant ? conditional.WhenTrue : conditional.WhenFalse, looked);
            }

            // A condition that reads the parameters is a check; anything decided after it has looked.
            var branchLooked = looked || Reads(conditional.Condition);
            var whenTrue = Walk(conditional.WhenTrue, branchLooked);
            var whenFalse = Walk(conditional.WhenFalse, branchLooked);
            if (whenTrue.Outcome == Outcome.Accepts || whenFalse.Outcome == Outcome.Accepts)
            {
                return new Flow(Outcome.Accepts, branchLooked);
            }

            if (whenTrue.Outcome == Outcome.Exits && whenFalse.Outcome == Outcome.Exits)
            {
                return new Flow(Outcome.Exits, branchLooked);
            }

            // Only the branches that fall through reach the next statement.
            var afterLooked = (whenTrue.Outcome == Outcome.Exits || whenTrue.Looked) && (whenFalse.Outcome == Outcome.Exits || whenFalse.Looked);
            return new Flow(Outcome.FallsThrough, branchLooked || afterLooked);
        }

        /// <summary>Whether the returned value can be true when evaluated, left to right, before any parameter is read.</summary>
        private bool MayBeTrueUnchecked(IOperation? value)
        {
            value = ConstantResolver.Unwrap(value);
            if (value is null or IInvalidOperation || value.Type?.SpecialType != SpecialType.System_Boolean)
            {
                return false;
            }

            if (ConstantResolver.TryResolve(value, cancellationToken, out var resolved) && resolved.Value is bool constant)
            {
                return constant;
            }

            switch (value)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or:
                    return MayBeTrueUnchecked(or.LeftOperand) || (!Reads(or.LeftOperand) && MayBeTrueUnchecked(or.RightOperand));
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and:
                    return MayBeTrueUnchecked(and.LeftOperand) && !Reads(and.LeftOperand) && MayBeTrueUnchecked(and.RightOperand);
                case IConditionalOperation ternary:
                    if (Reads(ternary.Condition))
                    {
                        return false;
                    }

                    if (ConstantResolver.TryResolve(ternary.Condition, cancellationToken, out var condition) && condition.Value is bool which)
                    {
                        return MayBeTrueUnchecked(which ? ternary.WhenTrue : ternary.WhenFalse);
                    }

                    return MayBeTrueUnchecked(ternary.WhenTrue) || MayBeTrueUnchecked(ternary.WhenFalse);
                default:
                    // A value that reads none of the parameters (a setting, an environment check) cannot be a validation.
                    return !Reads(value);
            }
        }

        /// <summary>
        /// Reads a parameter of the callback, or a local declared inside it (which may carry a parameter's value).
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
                    case ILocalReferenceOperation local when !local.Local.IsConst && IsDeclaredInBody(local.Local):
                        return true;
                }
            }

            return false;
        }

        private bool IsDeclaredInBody(ILocalSymbol local) =>
            local.Locations.Length > 0 && local.Locations[0].SourceTree == body.Syntax.SyntaxTree && body.Syntax.Span.Contains(local.Locations[0].SourceSpan);
    }
}
