using System.Globalization;
using System.Text;
using LegacyAuthAnalyzers.CodeFixes.Fixes.Transport;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LegacyAuthAnalyzers.CodeFixes.Fixes.OAuth;

/// <summary>
/// A mail connection URI as the code writes it (a string literal, an interpolated string or a concatenation), split
/// into its user name and the rest, so that the OAuth fix (LA1001, LA1002, LA1003, LA3001) can take the user-info out
/// and keep the scheme, host, port and query, constant or not.
/// </summary>
internal sealed class ConnectionUriText
{
    // The expressions of the written text stand in the flattened text as private-use characters around their index:
    // no URI has them, and the URI helpers, which split on ':', '/', '?', '&', '@', leave them alone.
    private const char Open = '\uE000';
    private const char Close = '\uE001';

    private static readonly char[] AuthorityEnds = { '/', '?', '#' };

    private readonly List<ExpressionSyntax> expressions;
    private readonly string rest;

    private ConnectionUriText(ExpressionSyntax written, ExpressionSyntax user, bool userIsExpression, List<ExpressionSyntax> expressions, string rest)
    {
        Written = written;
        User = user;
        UserIsExpression = userIsExpression;
        this.expressions = expressions;
        this.rest = rest;
    }

    /// <summary>The text expression as written: the node the fix replaces.</summary>
    public ExpressionSyntax Written { get; }

    /// <summary>The mailbox the token is for: the URL-decoded constant user name, or the expression that supplies it.</summary>
    public ExpressionSyntax User { get; }

    /// <summary>True when <see cref="User"/> is the code's own expression (it stays referenced), false for a new literal.</summary>
    public bool UserIsExpression { get; }

    /// <summary>The code's expressions that the URI without user-info still holds (the host, the port).</summary>
    public IEnumerable<ExpressionSyntax> KeptExpressions
    {
        get
        {
            for (var i = 0; i < expressions.Count; i++)
            {
                if (rest.IndexOf(Marker(i), StringComparison.Ordinal) >= 0)
                {
                    yield return expressions[i];
                }
            }
        }
    }

    /// <summary>
    /// The URI text of <paramref name="text"/> split at its user-info, or null when it is not written where the fix can
    /// rewrite it: the scheme and the '@' must be constant, the user name one constant or one expression.
    /// </summary>
    public static ConnectionUriText? Read(IOperation text)
    {
        var parts = new List<IOperation>();
        if (text.Syntax is not ExpressionSyntax written || Flatten(text, parts) is not { } flat || !ConnectionUris.IsMailUri(flat))
        {
            return null;
        }

        var expressions = parts.Select(p => (ExpressionSyntax)p.Syntax).ToList();
        var schemeEnd = flat.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0 || flat.IndexOf(Open) is >= 0 and var firstExpression && firstExpression < schemeEnd)
        {
            return null;
        }

        var authorityStart = schemeEnd + 3;
        var authorityEnd = flat.IndexOfAny(AuthorityEnds, authorityStart);
        if (authorityEnd < 0)
        {
            authorityEnd = flat.Length;
        }

        var at = flat.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart);
        var colon = at < 0 ? -1 : flat.IndexOf(':', authorityStart, at - authorityStart);
        if (colon <= authorityStart)
        {
            return null;
        }

        var userText = flat.Substring(authorityStart, colon - authorityStart);
        ExpressionSyntax user;
        var userIsExpression = false;
        if (userText.IndexOf(Open) < 0)
        {
            user = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(Uri.UnescapeDataString(userText)));
        }
        else if (IndexOfMarker(userText) is { } index && Marker(index) == userText && Unescaped(parts[index]) is { } userExpression)
        {
            user = userExpression;
            userIsExpression = true;
        }
        else
        {
            return null;
        }

        return new ConnectionUriText(written, user, userIsExpression, expressions, flat.Substring(0, authorityStart) + flat.Substring(at + 1));
    }

    /// <summary>
    /// The URI without user-info, with a TLS mode a bearer token may travel under: the scheme's implicit TLS, or
    /// <c>starttls=always</c> (implicit TLS when the constant port is an implicit-TLS port of <paramref name="protocol"/>).
    /// </summary>
    public ExpressionSyntax Rewritten(MailProtocol protocol)
    {
        var text = Strict(rest, protocol);
        if (text.IndexOf(Open) < 0)
        {
            return SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text));
        }

        // An interpolated string whose holes are named HOLE0, HOLE1, …, then filled with the code's own expressions.
        var source = new StringBuilder("$\"");
        var holes = new List<(string Name, SyntaxNode Node)>();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == Open)
            {
                var end = text.IndexOf(Close, i);
                var index = int.Parse(text.Substring(i + 1, end - i - 1), NumberStyles.None, CultureInfo.InvariantCulture);
                var name = "HOLE" + index.ToString(CultureInfo.InvariantCulture);
                source.Append('{').Append(name).Append('}');
                var expression = expressions[index];
                holes.Add((name, expression is ConditionalExpressionSyntax ? SyntaxFactory.ParenthesizedExpression(expression.WithoutTrivia()) : expression));
                i = end;
                continue;
            }

            source.Append(c switch
            {
                '{' => "{{",
                '}' => "}}",
                '"' => "\\\"",
                '\\' => "\\\\",
                _ => c.ToString(),
            });
        }

        return SyntaxTemplates.Expression(source.Append('"').ToString(), holes.ToArray());
    }

    /// <summary>
    /// The user name as the token needs it: <c>Uri.EscapeDataString(user)</c> (what a URI built by hand must do) gives
    /// <c>user</c>; any other expression must be simple enough to move from the URI into the authenticate call.
    /// </summary>
    private static ExpressionSyntax? Unescaped(IOperation part)
    {
        if (part is IInvocationOperation { TargetMethod: { Name: "EscapeDataString" or "EscapeUriString", ContainingType: { } type }, Arguments.Length: 1 } escape
            && escape.SemanticModel is { } model
            && KnownTypes.For(model.Compilation).Is(type, KnownType.System_Uri))
        {
            part = OperationTree.SkipConversions(escape.Arguments[0].Value)!;
        }

        return part.Syntax is ExpressionSyntax expression && SiteExpressions.IsSimple(expression) ? expression : null;
    }

    private static string Strict(string uri, MailProtocol protocol)
    {
        var schemeEnd = uri.IndexOf("://", StringComparison.Ordinal);
        var scheme = uri.Substring(0, schemeEnd).ToLowerInvariant();
        if (scheme.EndsWith("s", StringComparison.Ordinal))
        {
            return uri;
        }

        var query = uri.IndexOf('?');
        if (query >= 0 && uri.Substring(query + 1).Split('&', ';').Any(p => p.Trim().ToLowerInvariant() is "starttls=always" or "starttls=true" or "starttls=yes"))
        {
            return uri;
        }

        var port = MailKitConnection.UriPort(uri.Replace(Open, 'x').Replace(Close, 'x'), schemeEnd + 3);
        var implicitTls = port is > 0 and var constant && MailPorts.IsImplicitTls(constant, protocol);
        return TransportFixes.SecureUri(uri, implicitTls ? TlsMode.SslOnConnect : TlsMode.StartTls, scheme, port: null);
    }

    /// <summary>The text with each non-constant part as a marker; null when a part cannot be written back.</summary>
    private static string? Flatten(IOperation operation, List<IOperation> expressions)
    {
        operation = OperationTree.SkipConversions(operation)!;
        switch (operation)
        {
            case ILiteralOperation { ConstantValue: { HasValue: true, Value: string text } }:
                return text;
            case IInterpolatedStringOperation interpolated:
                var builder = new StringBuilder();
                foreach (var part in interpolated.Parts)
                {
                    switch (part)
                    {
                        case IInterpolatedStringTextOperation { Text.ConstantValue: { HasValue: true, Value: string partText } }:
                            builder.Append(partText);
                            break;
                        case IInterpolationOperation { Alignment: null, FormatString: null, Expression: { Syntax: ExpressionSyntax } hole }:
                            builder.Append(Marker(expressions.Count));
                            expressions.Add(OperationTree.SkipConversions(hole)!);
                            break;
                        default:
                            return null;
                    }
                }

                return builder.ToString();
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } concatenation:
                var left = Flatten(concatenation.LeftOperand, expressions);
                var right = left is null ? null : Flatten(concatenation.RightOperand, expressions);
                return right is null ? null : left + right;
            default:
                if (operation.Syntax is not ExpressionSyntax expression || !SiteExpressions.IsSimple(expression) && expression is not InvocationExpressionSyntax)
                {
                    return null;
                }

                var marker = Marker(expressions.Count);
                expressions.Add(operation);
                return marker;
        }
    }

    private static string Marker(int index) => Open + index.ToString(CultureInfo.InvariantCulture) + Close;

    private static int? IndexOfMarker(string text)
    {
        var open = text.IndexOf(Open);
        var close = open < 0 ? -1 : text.IndexOf(Close, open);
        return close < 0 ? null : int.Parse(text.Substring(open + 1, close - open - 1), NumberStyles.None, CultureInfo.InvariantCulture);
    }
}
