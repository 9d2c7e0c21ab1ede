using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis.Operations;

namespace LegacyAuthAnalyzers.Values;

/// <summary>
/// The text of a string expression with every part that is not constant replaced by a NUL, so a request body built
/// by interpolation or concatenation keeps its constant keys: <c>$"grant_type=password&amp;username={user}"</c>.
/// Serves LA1001, LA1002, LA1003, LA1004, LA1005, LA2001, LA2002, LA2003, LA3001, LA3002 and LA4003.
/// </summary>
internal static class TemplateText
{
    private const int MaxDepth = 8;
    private const char Hole = '\0';

    public static string? Of(IOperation? operation, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        Append(operation, text, 0, cancellationToken);
        return text.Length == 0 ? null : text.ToString();
    }

    private static void Append(IOperation? operation, StringBuilder text, int depth, CancellationToken cancellationToken)
    {
        if (operation is null || depth > MaxDepth)
        {
            text.Append(Hole);
            return;
        }

        if (ConstantResolver.TryResolveString(operation, cancellationToken, out var constant, out _))
        {
            text.Append(constant);
            return;
        }

        switch (OperationTree.SkipConversions(operation))
        {
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolatedStringTextOperation textPart)
                    {
                        Append(textPart.Text, text, depth + 1, cancellationToken);
                    }
                    else if (part is IInterpolationOperation hole)
                    {
                        Append(hole.Expression, text, depth + 1, cancellationToken);
                    }
                }

                break;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                Append(binary.LeftOperand, text, depth + 1, cancellationToken);
                Append(binary.RightOperand, text, depth + 1, cancellationToken);
                break;
            case IInvocationOperation { TargetMethod.Name: "Format", TargetMethod.ContainingType.SpecialType: SpecialType.System_String } format:
                // The holes of the format string stay as {0}, {1}: only the constant keys matter.
                var formatString = format.Arguments.FirstOrDefault(a => a.Parameter?.Name == "format");
                Append(formatString?.Value, text, depth + 1, cancellationToken);
                break;
            case ILocalReferenceOperation local:
                var values = new List<IOperation>();
                if (!ConstantResolver.IsDeclaredWithOpaqueValue(local.Local)
                    && ConstantResolver.TryGetLocalAssignments(local.Local, OperationTree.Root(local), values)
                    && values.Count == 1)
                {
                    Append(values[0], text, depth + 1, cancellationToken);
                }
                else
                {
                    text.Append(Hole);
                }

                break;
            default:
                text.Append(Hole);
                break;
        }
    }
}
