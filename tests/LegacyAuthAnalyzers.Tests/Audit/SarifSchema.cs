using Xunit;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace LegacyAuthAnalyzers.Tests.Audit;

/// <summary>
/// Validates SARIF logs against the official SARIF 2.1.0 JSON schema (sarif-schema-2.1.0.json, committed next to
/// this file). The schema is written in JSON Schema draft-04, which JsonSchema.Net does not read; it uses no
/// keyword whose meaning changed after draft-04 (no boolean exclusiveMinimum/Maximum), so it is evaluated as
/// draft-07, its top-level "id" (the only keyword draft-06 renamed) given as the base URI.
/// </summary>
internal static class SarifSchema
{
    private static readonly Lazy<JsonSchema> s_schema = new(Load);

    /// <summary>The schema's error messages for <paramref name="sarif"/>; empty when it is valid.</summary>
    public static IReadOnlyList<string> Errors(string sarif)
    {
        using var document = JsonDocument.Parse(sarif);
        var result = s_schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (result.IsValid)
        {
            return [];
        }

        return (result.Details ?? [])
            .Where(detail => detail.Errors is { Count: > 0 })
            .SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation}: {error.Key}: {error.Value}"))
            .DefaultIfEmpty("invalid (no details)")
            .ToList();
    }

    private static JsonSchema Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Audit", "sarif-schema-2.1.0.json");
        var node = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        Assert.Equal("http://json-schema.org/draft-04/schema#", node["$schema"]!.GetValue<string>());
        node["$schema"] = "http://json-schema.org/draft-07/schema#";
        var id = node["id"]!.GetValue<string>();
        node.Remove("id");

        // The identifier becomes the base URI of a registry of its own, so nothing global is touched.
        return JsonSchema.FromText(node.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() }, new Uri(id));
    }
}
