using System.Text.RegularExpressions;
using LegacyAuthAnalyzers.Configuration;
using LegacyAuthAnalyzers.Credentials;
using LegacyAuthAnalyzers.Roslyn;
using LegacyAuthAnalyzers.Transport;
using LegacyAuthAnalyzers.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LegacyAuthAnalyzers.Tests.Robustness;

/// <summary>
/// Finds the secrets of an input independently of the analyzers: constant strings passed to a parameter, or stored
/// in a field, property, local or config key, whose name says password, pwd or secret, and the passwords of mail
/// connection URIs. Placeholders are not secrets.
/// </summary>
internal static partial class SecretOracle
{
    public static HashSet<string> Find(Compilation compilation, IEnumerable<ConfigFile> configFiles)
    {
        var secrets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                switch (node)
                {
                    case ArgumentSyntax argument when model.GetOperation(argument) is IArgumentOperation { Parameter: { } parameter } operation
                        && IsSecretName(parameter.Name):
                        Add(secrets, operation.Value.ConstantValue.Value as string);
                        break;
                    case AssignmentExpressionSyntax assignment when IsSecretName(Name(assignment.Left)):
                        Add(secrets, model.GetConstantValue(assignment.Right).Value as string);
                        break;
                    case VariableDeclaratorSyntax { Initializer: { } initializer } declarator when IsSecretName(declarator.Identifier.ValueText):
                        Add(secrets, model.GetConstantValue(initializer.Value).Value as string);
                        break;
                    case PropertyDeclarationSyntax { Initializer: { } propertyInitializer } property when IsSecretName(property.Identifier.ValueText):
                        Add(secrets, model.GetConstantValue(propertyInitializer.Value).Value as string);
                        break;
                    case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression)
                        && literal.Token.ValueText is var text && ConnectionUris.IsMailUri(text):
                        Add(secrets, ConnectionUris.Password(text));
                        break;
                }
            }
        }

        foreach (var file in configFiles)
        {
            foreach (Match match in JsonSecret().Matches(file.Text))
            {
                Add(secrets, match.Groups["value"].Value);
            }

            foreach (Match match in XmlSecret().Matches(file.Text))
            {
                Add(secrets, match.Groups["value"].Value);
            }
        }

        return secrets;
    }

    /// <summary>The secret (or a long enough piece of it) that <paramref name="text"/> contains, if any.</summary>
    public static string? Leaked(string? text, IEnumerable<string> secrets)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        foreach (var secret in secrets)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                return secret;
            }

            // A message that shows a piece of a secret leaks it too; the head of a huge one is enough to check.
            const int Window = 8;
            for (var start = 0; secret.Length > Window && start + Window <= secret.Length && start < 512; start++)
            {
                if (text.Contains(secret.AsSpan(start, Window), StringComparison.Ordinal))
                {
                    return secret;
                }
            }
        }

        return null;
    }

    private static bool IsSecretName(string? name) =>
        name is not null && (name.Contains("pass", StringComparison.OrdinalIgnoreCase)
            || name.Contains("pwd", StringComparison.OrdinalIgnoreCase)
            || name.Contains("secret", StringComparison.OrdinalIgnoreCase));

    private static string? Name(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        _ => null,
    };

    private static void Add(HashSet<string> secrets, string? value)
    {
        // Short values and placeholders ("", "password", "${SMTP_PASSWORD}") are not secrets and would match anything.
        if (value is { Length: >= 6 } && !SecretShapes.IsPlaceholder(value))
        {
            secrets.Add(value);
        }
    }

    [GeneratedRegex("\"[^\"]*(?:pass|pwd|secret)[^\"]*\"\\s*:\\s*\"(?<value>[^\"]*)\"", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 2000)]
    private static partial Regex JsonSecret();

    [GeneratedRegex("(?:pass|pwd|secret)[a-z]*\\s*=\\s*\"(?<value>[^\"]*)\"", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 2000)]
    private static partial Regex XmlSecret();
}
