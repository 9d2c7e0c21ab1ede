using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LegacyAuthAnalyzers.Values;

/// <summary>A compile-time value and, when it was read through a field, property or local, the symbol it came from.</summary>
internal readonly struct ResolvedConstant
{
    public ResolvedConstant(object? value, ISymbol? source, ISymbol? origin = null)
    {
        Value = value;
        Source = source;
        Origin = origin ?? source;
    }

    public object? Value { get; }

    /// <summary>
    /// The const, field, property or local the whole value was read from; null for an inline literal and for a value
    /// built from several parts (concatenation, interpolation).
    /// </summary>
    public ISymbol? Source { get; }

    /// <summary>
    /// The symbol whose declaration holds the literal: for <c>var key = Settings.Key;</c> the field <c>Key</c>, not the
    /// local that copies it. Equal to <see cref="Source"/> when the value was read from its declaration directly.
    /// </summary>
    public ISymbol? Origin { get; }

    /// <summary>Where the value was declared (a const, field, property or local), when it is not written at the use site.</summary>
    public Location? DeclarationLocation =>
        Origin is { Kind: SymbolKind.Field or SymbolKind.Property or SymbolKind.Local } && Origin.Locations.Length > 0 && Origin.Locations[0].IsInSource
            ? Origin.Locations[0]
            : null;
}

/// <summary>
/// Resolves the compile-time value of an expression the way a reader of the code would: literals, constants,
/// concatenations and interpolations of constants, locals and private or read-only fields and get-only properties whose
/// every assignment is constant, across the files of the compilation. Bounded in depth; never throws.
/// Serves LA1001, LA1002, LA1003, LA1004, LA1005, LA2001, LA2002, LA2003, LA2004, LA2005, LA3001, LA3002, LA4001 and LA4003.
/// </summary>
internal static class ConstantResolver
{
    private const int MaxDepth = 8;

    public static bool TryResolveString(IOperation? operation, CancellationToken cancellationToken, out string value, out ResolvedConstant resolved)
    {
        if (TryResolve(operation, cancellationToken, out resolved) && resolved.Value is string text)
        {
            value = text;
            return true;
        }

        value = string.Empty;
        return false;
    }

    public static bool TryResolveInt32(IOperation? operation, CancellationToken cancellationToken, out int value)
    {
        if (TryResolve(operation, cancellationToken, out var resolved) && resolved.Value is int number)
        {
            value = number;
            return true;
        }

        value = 0;
        return false;
    }

    public static bool TryResolve(IOperation? operation, CancellationToken cancellationToken, out ResolvedConstant resolved)
    {
        try
        {
            var context = new Context(cancellationToken);
            return context.TryResolve(operation, 0, out resolved);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            resolved = default;
            return false;
        }
    }

    /// <summary>
    /// True when <paramref name="local"/> is declared with the result of a call (other than <c>string.Format</c> or
    /// <c>nameof</c>), of an <c>await</c> or of an object creation. Its first write is then neither a constant nor a
    /// template, and both need every write, so nothing else written to it matters and the member body is not walked for
    /// it. Read from the declaration's syntax alone: <c>new StringContent(json)</c> after
    /// <c>var json = JsonSerializer.Serialize(…)</c>, in every HTTP client of a code base, is rejected without a walk by
    /// the rules that read token request bodies (LA1001, LA3001, LA4003).
    /// </summary>
    public static bool IsDeclaredWithOpaqueValue(ILocalSymbol local)
    {
        var declarations = local.DeclaringSyntaxReferences;
        if (declarations.Length != 1 || declarations[0].GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: var value })
        {
            return false;
        }

        return value switch
        {
            AwaitExpressionSyntax or BaseObjectCreationExpressionSyntax => true,
            InvocationExpressionSyntax invocation => CallRecovery.InvokedName(invocation) is { } name && name != "Format" && name != "nameof",
            _ => false,
        };
    }

    /// <summary>
    /// Every value assigned to the local in its member body; false when the local is written in a way that hides the
    /// value (ref or out argument, compound assignment, deconstruction), with the values written before that write.
    /// </summary>
    public static bool TryGetLocalAssignments(ILocalSymbol local, IOperation root, List<IOperation> values)
    {
        if (!LocalWrites.Of(root).TryGet(local, out var writes))
        {
            return true;
        }

        values.AddRange(writes.Values);
        return !writes.Hidden;
    }

    /// <summary>
    /// The initializer and every assignment of a field or get-only property whose writes all live in its own type;
    /// false when the member can be written from elsewhere or a write hides the value.
    /// </summary>
    public static bool TryGetMemberValues(IOperation reference, ISymbol member, List<IOperation> values, CancellationToken cancellationToken)
    {
        try
        {
            return Context.CanOnlyBeAssignedInType(member) && new Context(cancellationToken).TryCollectMemberValues(reference, member, values);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return false;
        }
    }

    private sealed class Context
    {
        private readonly CancellationToken cancellationToken;
        private readonly HashSet<ISymbol> visiting = new(SymbolEqualityComparer.Default);

        public Context(CancellationToken cancellationToken) => this.cancellationToken = cancellationToken;

        public bool TryResolve(IOperation? operation, int depth, out ResolvedConstant resolved)
        {
            resolved = default;
            if (operation is null || depth > MaxDepth)
            {
                return false;
            }

            cancellationToken.ThrowIfCancellationRequested();
            switch (operation)
            {
                case IFieldReferenceOperation fieldReference:
                    return TryResolveMember(operation, fieldReference.Field, depth, out resolved);
                case IPropertyReferenceOperation propertyReference when propertyReference.Arguments.IsEmpty:
                    return TryResolveMember(operation, propertyReference.Property, depth, out resolved);
                case ILocalReferenceOperation localReference:
                    return TryResolveLocal(localReference, depth, out resolved);
            }

            if (operation.ConstantValue.HasValue)
            {
                resolved = new ResolvedConstant(operation.ConstantValue.Value, null);
                return true;
            }

            switch (operation)
            {
                case IConversionOperation conversion when conversion.OperatorMethod is null:
                    return TryResolve(conversion.Operand, depth + 1, out resolved);
                case IParenthesizedOperation parenthesized:
                    return TryResolve(parenthesized.Operand, depth + 1, out resolved);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                    if (TryResolve(binary.LeftOperand, depth + 1, out var left) && TryResolve(binary.RightOperand, depth + 1, out var right))
                    {
                        // A value built from parts has no single declaration to point at.
                        resolved = new ResolvedConstant(ToText(left.Value) + ToText(right.Value), null);
                        return true;
                    }

                    return false;
                case IInterpolatedStringOperation interpolated:
                    return TryResolveInterpolation(interpolated, depth, out resolved);
                default:
                    return false;
            }
        }

        private bool TryResolveInterpolation(IInterpolatedStringOperation interpolated, int depth, out ResolvedConstant resolved)
        {
            resolved = default;
            var text = new System.Text.StringBuilder();
            foreach (var part in interpolated.Parts)
            {
                switch (part)
                {
                    case IInterpolatedStringTextOperation textPart when textPart.Text.ConstantValue.Value is string literal:
                        text.Append(literal);
                        break;
                    case IInterpolationOperation { Alignment: null, FormatString: null } hole
                        when TryResolve(hole.Expression, depth + 1, out var value):
                        text.Append(ToText(value.Value));
                        break;
                    default:
                        return false;
                }
            }

            resolved = new ResolvedConstant(text.ToString(), null);
            return true;
        }

        private bool TryResolveLocal(ILocalReferenceOperation reference, int depth, out ResolvedConstant resolved)
        {
            resolved = default;
            var local = reference.Local;
            if (local.IsConst && local.HasConstantValue)
            {
                resolved = new ResolvedConstant(local.ConstantValue, local);
                return true;
            }

            if (local.IsRef || IsDeclaredWithOpaqueValue(local) || !visiting.Add(local))
            {
                return false;
            }

            try
            {
                var values = new List<IOperation>();
                if (!TryGetLocalAssignments(local, OperationTree.Root(reference), values) || values.Count == 0)
                {
                    return false;
                }

                return TryResolveAll(values, local, depth, out resolved);
            }
            finally
            {
                visiting.Remove(local);
            }
        }

        private bool TryResolveMember(IOperation reference, ISymbol member, int depth, out ResolvedConstant resolved)
        {
            resolved = default;
            if (member is IFieldSymbol { IsConst: true, HasConstantValue: true } constant)
            {
                resolved = new ResolvedConstant(constant.ConstantValue, constant);
                return true;
            }

            if (!CanOnlyBeAssignedInType(member) || !visiting.Add(member))
            {
                return false;
            }

            try
            {
                var values = new List<IOperation>();
                if (!TryCollectMemberValues(reference, member, values) || values.Count == 0)
                {
                    return false;
                }

                return TryResolveAll(values, member, depth, out resolved);
            }
            finally
            {
                visiting.Remove(member);
            }
        }

        private bool TryResolveAll(List<IOperation> values, ISymbol source, int depth, out ResolvedConstant resolved)
        {
            resolved = default;
            object? first = null;
            ISymbol? origin = null;
            for (var i = 0; i < values.Count; i++)
            {
                if (!TryResolve(values[i], depth + 1, out var value))
                {
                    return false;
                }

                if (i == 0)
                {
                    first = value.Value;
                    origin = value.Origin;
                }
            }

            resolved = new ResolvedConstant(first, source, values.Count == 1 ? origin : null);
            return true;
        }

        /// <summary>
        /// A member whose every write is visible in the source of its own type: private fields, read-only fields and
        /// get-only properties. Source-defined only; metadata members have no initializer to read.
        /// </summary>
        internal static bool CanOnlyBeAssignedInType(ISymbol member) => member switch
        {
            IFieldSymbol field => !field.IsImplicitlyDeclared && (field.IsReadOnly || field.DeclaredAccessibility == Accessibility.Private) && InSource(field),
            IPropertySymbol property => property.SetMethod is null && !property.IsAbstract && !property.IsVirtual && !property.IsOverride && InSource(property),
            _ => false,
        };

        private static bool InSource(ISymbol symbol) => symbol.DeclaringSyntaxReferences.Length > 0;

        /// <summary>Initializer, expression body and every assignment to the member inside its type's declarations.</summary>
        internal bool TryCollectMemberValues(IOperation reference, ISymbol member, List<IOperation> values)
        {
            var compilation = reference.SemanticModel?.Compilation;
            if (compilation is null)
            {
                return false;
            }

            foreach (var syntaxReference in member.DeclaringSyntaxReferences)
            {
                var syntax = syntaxReference.GetSyntax(cancellationToken);
                var initializer = syntax switch
                {
                    VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
                    PropertyDeclarationSyntax property => property.Initializer?.Value ?? property.ExpressionBody?.Expression,
                    _ => null,
                };

                if (syntax is PropertyDeclarationSyntax { ExpressionBody: null, Initializer: null, AccessorList: { } accessors }
                    && accessors.Accessors.Any(a => a.Body is not null || a.ExpressionBody is not null))
                {
                    // A property with a hand-written getter computes its value; not a constant.
                    return false;
                }

                if (initializer is not null && Operation(compilation, reference, initializer) is { } value)
                {
                    values.Add(value);
                }
            }

            foreach (var assignment in TypeAssignments.For(compilation).Named(member.ContainingType, member.Name, cancellationToken))
            {
                var model = Model(compilation, reference, assignment.SyntaxTree);
                if (!SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol, member))
                {
                    continue;
                }

                if (!assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) || model.GetOperation(assignment.Right, cancellationToken) is not { } assigned)
                {
                    return false;
                }

                values.Add(assigned);
            }

            return true;
        }

        private IOperation? Operation(Compilation compilation, IOperation reference, ExpressionSyntax expression) =>
            Model(compilation, reference, expression.SyntaxTree).GetOperation(expression, cancellationToken);

        private static SemanticModel Model(Compilation compilation, IOperation reference, SyntaxTree tree)
        {
            if (reference.SemanticModel is { } current && current.SyntaxTree == tree)
            {
                return current;
            }

#pragma warning disable RS1030 // Only reached for a value at a credential sink that is declared in another file: rare and bounded.
            return compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
        }
    }

    /// <summary>
    /// The writes to every local of a member body, read in one walk of the body and kept per body and compilation: the
    /// rules ask for the assignments of the locals of the same body many times (a request body's local for LA1001 and
    /// LA4003, a password's local for each credential rule), and each question walked the whole body again.
    /// </summary>
    private sealed class LocalWrites
    {
        private static readonly ConditionalWeakTable<Compilation, OperationAnswers<LocalWrites>> PerCompilation = new();

        private readonly Dictionary<ILocalSymbol, Writes> byLocal = new(SymbolEqualityComparer.Default);

        private LocalWrites(IOperation root)
        {
            foreach (var descendant in root.DescendantsAndSelf())
            {
                switch (descendant)
                {
                    case IVariableDeclaratorOperation declarator:
                        var initializer = declarator.Initializer ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer;
                        if (initializer is not null)
                        {
                            Add(declarator.Symbol, initializer.Value);
                        }

                        break;
                    case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment:
                        Add(target.Local, assignment.Value);
                        break;
                    case ICompoundAssignmentOperation { Target: ILocalReferenceOperation target }:
                        Hide(target.Local);
                        break;
                    case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out, Value: ILocalReferenceOperation target }:
                        Hide(target.Local);
                        break;
                    case IDeconstructionAssignmentOperation deconstruction:
                        foreach (var target in deconstruction.Target.DescendantsAndSelf().OfType<ILocalReferenceOperation>())
                        {
                            Hide(target.Local);
                        }

                        break;
                }
            }
        }

        /// <summary>The writes to the locals of <paramref name="root"/>, read once per operation and compilation.</summary>
        public static LocalWrites Of(IOperation root)
        {
            if (root.SemanticModel?.Compilation is not { } compilation)
            {
                return new LocalWrites(root);
            }

            return PerCompilation.GetValue(compilation, static _ => new OperationAnswers<LocalWrites>()).GetOrAdd(root, static body => new LocalWrites(body));
        }

        public bool TryGet(ILocalSymbol local, out Writes writes) => byLocal.TryGetValue(local, out writes!);

        private Writes For(ILocalSymbol local)
        {
            if (!byLocal.TryGetValue(local, out var writes))
            {
                writes = new Writes();
                byLocal.Add(local, writes);
            }

            return writes;
        }

        // A write after one that hides the value is not read: the value is unknown from there on.
        private void Add(ILocalSymbol local, IOperation value)
        {
            var writes = For(local);
            if (!writes.Hidden)
            {
                writes.Values.Add(value);
            }
        }

        private void Hide(ILocalSymbol local) => For(local).Hidden = true;

        /// <summary>The values written to one local in source order, up to the first write that hides the value.</summary>
        public sealed class Writes
        {
            public List<IOperation> Values { get; } = new();

            public bool Hidden { get; set; }
        }
    }

    /// <summary>
    /// The assignments written in the declarations of each type, by the simple name they assign (<c>Name = …</c>,
    /// <c>this.Name = …</c>, <c>other.Name = …</c>), read once per type and compilation: resolving a member looks for
    /// the writes to it in its type, and without this every member of a type read again the type's whole syntax.
    /// </summary>
    private sealed class TypeAssignments
    {
        private static readonly ConditionalWeakTable<Compilation, TypeAssignments> PerCompilation = new();

        private readonly ConcurrentDictionary<INamedTypeSymbol, ILookup<string, AssignmentExpressionSyntax>> byType = new(SymbolEqualityComparer.Default);

        public static TypeAssignments For(Compilation compilation) => PerCompilation.GetValue(compilation, static _ => new TypeAssignments());

        /// <summary>The assignments to <paramref name="name"/> in the declarations of <paramref name="type"/>, in source order.</summary>
        public IEnumerable<AssignmentExpressionSyntax> Named(INamedTypeSymbol type, string name, CancellationToken cancellationToken)
        {
            // A constructed generic type shares its definition's declarations.
            var definition = type.OriginalDefinition;
            if (!byType.TryGetValue(definition, out var assignments))
            {
                // Two threads may read the same type at once; the lookups are equal and either may be kept.
                assignments = byType.GetOrAdd(definition, Read(definition, cancellationToken));
            }

            return assignments[name];
        }

        private static ILookup<string, AssignmentExpressionSyntax> Read(INamedTypeSymbol type, CancellationToken cancellationToken) =>
            type.DeclaringSyntaxReferences
                .SelectMany(reference => reference.GetSyntax(cancellationToken).DescendantNodes().OfType<AssignmentExpressionSyntax>())
                .Select(assignment => (Name: AssignedName(assignment.Left), Assignment: assignment))
                .Where(pair => pair.Name is not null)
                .ToLookup(pair => pair.Name!, pair => pair.Assignment, StringComparer.Ordinal);

        private static string? AssignedName(ExpressionSyntax left) => left switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax or IdentifierNameSyntax } access => access.Name.Identifier.ValueText,
            _ => null,
        };
    }

    internal static string ToText(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
