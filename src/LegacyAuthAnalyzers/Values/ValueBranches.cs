using System.Threading;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LegacyAuthAnalyzers.Values;

/// <summary>One constant a setting can take, with the condition under which it takes it (null when always).</summary>
internal readonly struct ValueBranch
{
    public ValueBranch(object? value, string? condition, IOperation source, Location? declaration = null)
    {
        Value = value;
        Condition = condition;
        Source = source;
        Declaration = declaration;
    }

    /// <summary>Where a named constant the value was read from is declared, when it was (<c>const … DefaultSecurity</c>).</summary>
    public Location? Declaration { get; }

    public object? Value { get; }

    /// <summary>For messages, for example <c>'EnableSsl' is false</c>; built from names only, never from literals.</summary>
    public string? Condition { get; }

    /// <summary>The expression that supplies this value.</summary>
    public IOperation Source { get; }
}

/// <summary>
/// The constant values a transport setting can take along the code's branches (LA2001, LA2002): a constant, both arms
/// of <c>c ? a : b</c>, the arms of a switch expression, every value assigned to a local (in <c>if</c> or <c>switch</c>
/// branches), and the values a helper method of the same type returns. Values that are not constant (a cast of a
/// configuration value) are left out, so only settings the code itself can fall back to are judged. Bounded in depth
/// and in the number of values; never throws.
/// Serves LA2001, LA2002 and LA2003.
/// </summary>
internal static class ValueBranches
{
    private const int MaxDepth = 4;
    private const int MaxBranches = 16;

    public static ImmutableArray<ValueBranch> Of(IOperation? value, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            return ImmutableArray<ValueBranch>.Empty;
        }

        try
        {
            var branches = ImmutableArray.CreateBuilder<ValueBranch>();
            Collect(value, ImmutableArray<string>.Empty, branches, 0, new HashSet<ISymbol>(SymbolEqualityComparer.Default), cancellationToken);
            return branches.ToImmutable();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return ImmutableArray<ValueBranch>.Empty;
        }
    }

    /// <summary>
    /// A non-constant boolean setting such as <c>settings.EnableSsl</c> stands for both of its values; the message
    /// names it ("when 'EnableSsl' is false").
    /// </summary>
    public static ImmutableArray<ValueBranch> OfFlag(IOperation value, CancellationToken cancellationToken)
    {
        var branches = Of(value, cancellationToken);
        if (!branches.IsEmpty)
        {
            return branches;
        }

        // !settings.DisableTls is true when DisableTls is false.
        var negated = false;
        var flag = OperationTree.SkipConversions(value);
        while (flag is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not)
        {
            negated = !negated;
            flag = OperationTree.SkipConversions(not.Operand);
        }

        var name = OperationTree.DisplayName(flag) ?? "the setting";
        return ImmutableArray.Create(
            new ValueBranch(true, name + (negated ? " is false" : " is true"), value),
            new ValueBranch(false, name + (negated ? " is true" : " is false"), value));
    }

    private static void Collect(IOperation operation, ImmutableArray<string> conditions, ImmutableArray<ValueBranch>.Builder branches, int depth, HashSet<ISymbol> visiting, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (depth > MaxDepth || branches.Count >= MaxBranches)
        {
            return;
        }

        var value = OperationTree.SkipConversions(operation, keepExplicit: true);
        if (value is null)
        {
            return;
        }

        if (ConstantResolver.TryResolve(value, cancellationToken, out var resolved) && value is not ILocalReferenceOperation)
        {
            branches.Add(new ValueBranch(resolved.Value, Join(conditions), value, resolved.DeclarationLocation));
            return;
        }

        switch (value)
        {
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                Collect(conditional.WhenTrue, conditions.Add(Describe(conditional.Condition, true)), branches, depth + 1, visiting, cancellationToken);
                Collect(whenFalse, conditions.Add(Describe(conditional.Condition, false)), branches, depth + 1, visiting, cancellationToken);
                break;
            case ISwitchExpressionOperation switchExpression:
                foreach (var arm in switchExpression.Arms)
                {
                    Collect(arm.Value, conditions.Add(DescribeArm(switchExpression.Value, arm.Pattern)), branches, depth + 1, visiting, cancellationToken);
                }

                break;
            case IFieldReferenceOperation or IPropertyReferenceOperation { Arguments.IsEmpty: true } when ShippedDefaults.Resolve(value, cancellationToken) is { } shipped:
                // A settings member that can be set from outside ships its initializer: that is the value unless
                // someone configures another (serilog-style options: ConnectionSecurity = SecureSocketOptions.Auto).
                branches.Add(new ValueBranch(shipped.Value.Value, Join(conditions.Add(OperationTree.DisplayName(value) + " keeps its default")), shipped.Initializer, shipped.Value.DeclarationLocation));
                break;
            case ILocalReferenceOperation local when !local.Local.IsRef && visiting.Add(local.Local):
                var root = OperationTree.Root(local);
                var assigned = new List<IOperation>();
                if (ConstantResolver.TryGetLocalAssignments(local.Local, root, assigned))
                {
                    foreach (var written in assigned)
                    {
                        Collect(written, conditions.AddRange(PathConditions(written, root)), branches, depth + 1, visiting, cancellationToken);
                    }
                }

                visiting.Remove(local.Local);
                break;
            case IInvocationOperation or IInvalidOperation when SameTypeHelpers.Target(value) is { } helper && visiting.Add(helper):
                foreach (var returned in ReturnedValues(helper, value, cancellationToken))
                {
                    Collect(returned.Value, conditions.AddRange(returned.Conditions), branches, depth + 1, visiting, cancellationToken);
                }

                visiting.Remove(helper);
                break;
        }
    }

    private static IEnumerable<(IOperation Value, ImmutableArray<string> Conditions)> ReturnedValues(IMethodSymbol helper, IOperation call, CancellationToken cancellationToken)
    {
        foreach (var (returned, root) in SameTypeHelpers.ReturnedValues(helper, call, cancellationToken))
        {
            yield return (returned, ReferenceEquals(returned, root) ? ImmutableArray<string>.Empty : PathConditions(returned.Parent!, root));
        }
    }

    /// <summary>The branch conditions between <paramref name="root"/> and <paramref name="operation"/>, outermost first.</summary>
    private static ImmutableArray<string> PathConditions(IOperation operation, IOperation root)
    {
        var conditions = new List<string>();
        var child = operation;
        for (var parent = operation.Parent; parent is not null && !ReferenceEquals(child, root); child = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case IConditionalOperation conditional when ReferenceEquals(conditional.WhenTrue, child):
                    conditions.Add(Describe(conditional.Condition, true));
                    break;
                case IConditionalOperation conditional when ReferenceEquals(conditional.WhenFalse, child):
                    conditions.Add(Describe(conditional.Condition, false));
                    break;
                case ISwitchCaseOperation switchCase when switchCase.Parent is ISwitchOperation switchStatement:
                    conditions.Add(DescribeCase(switchStatement.Value, switchCase));
                    break;
            }
        }

        conditions.Reverse();
        return conditions.ToImmutableArray();
    }

    private static string? Join(ImmutableArray<string> conditions) =>
        conditions.IsEmpty ? null : string.Join(" and ", conditions.Distinct());

    /// <summary><c>settings.UseSsl</c> → <c>'UseSsl' is true</c>; <c>!x</c> flips; <c>mode == Mode.None</c> → <c>'mode' is Mode.None</c>.</summary>
    private static string Describe(IOperation condition, bool value)
    {
        condition = OperationTree.SkipConversions(condition, keepExplicit: false)!;
        while (condition is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not)
        {
            value = !value;
            condition = OperationTree.SkipConversions(not.Operand, keepExplicit: false)!;
        }

        if (condition is IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison
            && OperationTree.DisplayName(comparison.LeftOperand) is { } left && OperationTree.ConstantName(comparison.RightOperand) is { } right)
        {
            var equal = (comparison.OperatorKind == BinaryOperatorKind.Equals) == value;
            return left + (equal ? " is " : " is not ") + right;
        }

        var name = OperationTree.DisplayName(condition);
        return name is null
            ? (value ? "a condition holds" : "a condition does not hold")
            : name + (value ? " is true" : " is false");
    }

    private static string DescribeArm(IOperation subject, IPatternOperation pattern)
    {
        var name = OperationTree.DisplayName(subject) ?? "the setting";
        return pattern switch
        {
            IConstantPatternOperation constant when OperationTree.ConstantName(constant.Value) is { } value => name + " is " + value,
            IDiscardPatternOperation => name + " has any other value",
            _ => name + " matches a case",
        };
    }

    private static string DescribeCase(IOperation subject, ISwitchCaseOperation switchCase)
    {
        var name = OperationTree.DisplayName(subject) ?? "the setting";
        var values = new List<string>();
        foreach (var clause in switchCase.Clauses)
        {
            switch (clause)
            {
                case IDefaultCaseClauseOperation:
                    return name + " has any other value";
                case ISingleValueCaseClauseOperation single when OperationTree.ConstantName(single.Value) is { } text:
                    values.Add(text);
                    break;
                default:
                    return name + " matches a case";
            }
        }

        return name + " is " + string.Join(" or ", values);
    }
}
