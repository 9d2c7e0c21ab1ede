using System.Globalization;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis.Text;

namespace LegacyAuthAnalyzers.Configuration;

internal enum JsonKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>A parsed JSON value and where it sits in the text.</summary>
internal sealed class JsonNode
{
    public JsonNode(JsonKind kind, TextSpan span, string? text, ImmutableArray<JsonProperty> properties, ImmutableArray<JsonNode> items)
    {
        Kind = kind;
        Span = span;
        Text = text;
        Properties = properties;
        Items = items;
    }

    public JsonKind Kind { get; }

    /// <summary>The value's text: a string's characters without the quotes (the quotes themselves when it is empty).</summary>
    public TextSpan Span { get; }

    /// <summary>A string's decoded value, or the raw text of a number or literal; null for objects and arrays.</summary>
    public string? Text { get; }

    public ImmutableArray<JsonProperty> Properties { get; }

    public ImmutableArray<JsonNode> Items { get; }

    public bool IsScalar => Kind is not (JsonKind.Object or JsonKind.Array);
}

internal readonly struct JsonProperty
{
    public JsonProperty(string name, JsonNode value)
    {
        Name = name;
        Value = value;
    }

    public string Name { get; }

    public JsonNode Value { get; }
}

/// <summary>
/// A small JSON reader for appsettings files, which accept what System.Text.Json accepts with comments and trailing
/// commas allowed: <c>//</c> and <c>/* */</c> comments, trailing commas, a leading byte order mark. netstandard2.0
/// has no JSON parser, and an analyzer must not bring a package dependency into every host. Anything else that is not
/// JSON makes the whole document unreadable (null), so a half-parsed file never produces findings.
/// Serves LA1001, LA1003, LA1005, LA2001, LA2002, LA2003 and LA3001.
/// </summary>
internal sealed class JsonReader
{
    // appsettings nest a few levels; anything deeper is not configuration and would only risk the stack.
    private const int MaxDepth = 64;
    private const int CancellationCheckInterval = 1024;

    private readonly string text;
    private readonly CancellationToken cancellationToken;
    private int position;
    private int steps;

    private JsonReader(string text, CancellationToken cancellationToken)
    {
        this.text = text;
        this.cancellationToken = cancellationToken;
    }

    /// <summary>The document's root value, or null when the text is not (tolerant) JSON.</summary>
    public static JsonNode? Parse(string text, CancellationToken cancellationToken)
    {
        var reader = new JsonReader(text, cancellationToken);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            reader.position = 1;
        }

        if (!reader.SkipTrivia())
        {
            return null;
        }

        var root = reader.ReadValue(0);
        return root is not null && reader.SkipTrivia() && reader.position == text.Length ? root : null;
    }

    private JsonNode? ReadValue(int depth)
    {
        if (depth > MaxDepth || position >= text.Length)
        {
            return null;
        }

        if (++steps % CancellationCheckInterval == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }

        var c = text[position];
        return c switch
        {
            '{' => ReadObject(depth),
            '[' => ReadArray(depth),
            '"' => ReadString(),
            't' => ReadLiteral("true", JsonKind.True),
            'f' => ReadLiteral("false", JsonKind.False),
            'n' => ReadLiteral("null", JsonKind.Null),
            _ => c == '-' || IsDigit(c) ? ReadNumber() : null,
        };
    }

    private JsonNode? ReadObject(int depth)
    {
        var start = position++;
        var properties = ImmutableArray.CreateBuilder<JsonProperty>();
        while (true)
        {
            if (!SkipTrivia() || position >= text.Length)
            {
                return null;
            }

            if (text[position] == '}')
            {
                position++;
                return new JsonNode(JsonKind.Object, TextSpan.FromBounds(start, position), null, properties.ToImmutable(), ImmutableArray<JsonNode>.Empty);
            }

            if (text[position] != '"' || ReadString() is not { } name
                || !SkipTrivia() || position >= text.Length || text[position] != ':')
            {
                return null;
            }

            position++;
            if (!SkipTrivia() || ReadValue(depth + 1) is not { } value || !SkipTrivia() || position >= text.Length)
            {
                return null;
            }

            properties.Add(new JsonProperty(name.Text!, value));
            if (text[position] == ',')
            {
                // A trailing comma before '}' is allowed: the loop then finds the closing brace.
                position++;
            }
            else if (text[position] != '}')
            {
                return null;
            }
        }
    }

    private JsonNode? ReadArray(int depth)
    {
        var start = position++;
        var items = ImmutableArray.CreateBuilder<JsonNode>();
        while (true)
        {
            if (!SkipTrivia() || position >= text.Length)
            {
                return null;
            }

            if (text[position] == ']')
            {
                position++;
                return new JsonNode(JsonKind.Array, TextSpan.FromBounds(start, position), null, ImmutableArray<JsonProperty>.Empty, items.ToImmutable());
            }

            if (ReadValue(depth + 1) is not { } item || !SkipTrivia() || position >= text.Length)
            {
                return null;
            }

            items.Add(item);
            if (text[position] == ',')
            {
                position++;
            }
            else if (text[position] != ']')
            {
                return null;
            }
        }
    }

    private JsonNode? ReadString()
    {
        var open = position++;
        StringBuilder? decoded = null;
        var runStart = position;
        while (position < text.Length)
        {
            var c = text[position];
            if (c == '"')
            {
                var value = decoded is null
                    ? text.Substring(runStart, position - runStart)
                    : decoded.Append(text, runStart, position - runStart).ToString();
                position++;

                // An empty string has no characters to point at: the quotes stand for it.
                var span = position - open == 2 ? TextSpan.FromBounds(open, position) : TextSpan.FromBounds(open + 1, position - 1);
                return new JsonNode(JsonKind.String, span, value, ImmutableArray<JsonProperty>.Empty, ImmutableArray<JsonNode>.Empty);
            }

            if (c < ' ')
            {
                // Raw control characters (a line break included) are not allowed inside a JSON string.
                return null;
            }

            if (c != '\\')
            {
                position++;
                continue;
            }

            decoded ??= new StringBuilder();
            decoded.Append(text, runStart, position - runStart);
            if (position + 1 >= text.Length)
            {
                return null;
            }

            var escape = text[position + 1];
            position += 2;
            switch (escape)
            {
                case '"' or '\\' or '/':
                    decoded.Append(escape);
                    break;
                case 'b':
                    decoded.Append('\b');
                    break;
                case 'f':
                    decoded.Append('\f');
                    break;
                case 'n':
                    decoded.Append('\n');
                    break;
                case 'r':
                    decoded.Append('\r');
                    break;
                case 't':
                    decoded.Append('\t');
                    break;
                case 'u':
                    if (position + 4 > text.Length
                        || !int.TryParse(text.Substring(position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        return null;
                    }

                    decoded.Append((char)code);
                    position += 4;
                    break;
                default:
                    return null;
            }

            runStart = position;
        }

        return null;
    }

    private JsonNode? ReadNumber()
    {
        var start = position;
        if (text[position] == '-')
        {
            position++;
        }

        if (!ReadDigits())
        {
            return null;
        }

        if (position < text.Length && text[position] == '.')
        {
            position++;
            if (!ReadDigits())
            {
                return null;
            }
        }

        if (position < text.Length && text[position] is 'e' or 'E')
        {
            position++;
            if (position < text.Length && text[position] is '+' or '-')
            {
                position++;
            }

            if (!ReadDigits())
            {
                return null;
            }
        }

        return Scalar(JsonKind.Number, start);
    }

    private bool ReadDigits()
    {
        var start = position;
        while (position < text.Length && IsDigit(text[position]))
        {
            position++;
        }

        return position > start;
    }

    private JsonNode? ReadLiteral(string literal, JsonKind kind)
    {
        if (string.CompareOrdinal(text, position, literal, 0, literal.Length) != 0)
        {
            return null;
        }

        var start = position;
        position += literal.Length;
        return Scalar(kind, start);
    }

    private JsonNode Scalar(JsonKind kind, int start)
    {
        var span = TextSpan.FromBounds(start, position);
        return new JsonNode(kind, span, text.Substring(start, span.Length), ImmutableArray<JsonProperty>.Empty, ImmutableArray<JsonNode>.Empty);
    }

    /// <summary>Skips white space and comments; false for an unterminated block comment.</summary>
    private bool SkipTrivia()
    {
        while (position < text.Length)
        {
            var c = text[position];
            if (c is ' ' or '\t' or '\r' or '\n')
            {
                position++;
            }
            else if (c == '/' && position + 1 < text.Length && text[position + 1] == '/')
            {
                while (position < text.Length && text[position] is not ('\r' or '\n'))
                {
                    position++;
                }
            }
            else if (c == '/' && position + 1 < text.Length && text[position + 1] == '*')
            {
                var end = text.IndexOf("*/", position + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    return false;
                }

                position = end + 2;
            }
            else
            {
                return true;
            }
        }

        return true;
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9';
}
