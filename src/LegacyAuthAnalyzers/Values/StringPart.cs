using System.Threading;
using Microsoft.CodeAnalysis.Operations;

namespace LegacyAuthAnalyzers.Values;

/// <summary>
/// One piece of a string built by concatenation or interpolation (<c>user + ":" + Secrets.Password</c>,
/// <c>$"grant_type=password&amp;password={pwd}"</c>): the expression and, when it is a compile-time constant, its text.
/// Lets a rule find the expression that supplies one field of a composite value, so that the finding points at it.
/// Serves LA1001, LA1002, LA1003, LA1004, LA3001 and LA3002.
/// </summary>
internal readonly struct StringPart
{
    private const int MaxDepth = 8;

    private StringPart(IOperation operation, string? text, int offset)
    {
        Operation = operation;
        Text = text;
        Offset = offset;
    }

    public IOperation Operation { get; }

    /// <summary>The constant text of <see cref="Operation"/>, or null when it is not constant.</summary>
    public string? Text { get; }

    /// <summary>How many leading characters of <see cref="Text"/> belong to something else (a <c>Basic </c> prefix).</summary>
    public int Offset { get; }

    /// <summary>The constant text this part contributes, after <see cref="Offset"/>.</summary>
    public string? Value => Text?.Substring(Offset);

    public StringPart Skip(int count) => new(Operation, Text, Offset + count);

    /// <summary>The expression as one part, constant or not.</summary>
    public static StringPart Of(IOperation operation, CancellationToken cancellationToken) =>
        new(operation, ConstantResolver.TryResolveString(operation, cancellationToken, out var text, out _) ? text : null, 0);

    /// <summary>
    /// The parts of a string expression: concatenations and interpolations are split, a local with one non-constant
    /// assignment is followed, and every other expression (constant or not) is one part. Bounded in depth; never throws.
    /// </summary>
    public static List<StringPart> Split(IOperation? operation, CancellationToken cancellationToken)
    {
        var parts = new List<StringPart>();
        try
        {
            Append(operation, parts, 0, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            parts.Clear();
        }

        return parts;
    }

    private static void Append(IOperation? operation, List<StringPart> parts, int depth, CancellationToken cancellationToken)
    {
        var unwrapped = OperationTree.SkipConversions(operation);
        if (unwrapped is null)
        {
            return;
        }

        if (depth < MaxDepth)
        {
            switch (unwrapped)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                    Append(binary.LeftOperand, parts, depth + 1, cancellationToken);
                    Append(binary.RightOperand, parts, depth + 1, cancellationToken);
                    return;
                case IInterpolatedStringOperation interpolated:
                    foreach (var part in interpolated.Parts)
                    {
                        switch (part)
                        {
                            case IInterpolatedStringTextOperation text:
                                parts.Add(Of(text.Text, cancellationToken));
                                break;
                            case IInterpolationOperation { Alignment: null, FormatString: null } hole:
                                Append(hole.Expression, parts, depth + 1, cancellationToken);
                                break;
                            default:
                                parts.Add(new StringPart(part, null, 0));
                                break;
                        }
                    }

                    return;
                case ILocalReferenceOperation { Local.IsConst: false } local
                    when !ConstantResolver.TryResolveString(local, cancellationToken, out _, out _):
                    // A constant local stays one part, reported where it is used; a built one is split where it is built.
                    var values = new List<IOperation>();
                    if (ConstantResolver.TryGetLocalAssignments(local.Local, OperationTree.Root(local), values) && values.Count == 1)
                    {
                        Append(values[0], parts, depth + 1, cancellationToken);
                        return;
                    }

                    break;
            }
        }

        parts.Add(Of(unwrapped, cancellationToken));
    }
}
