using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using LegacyAuthAnalyzers.Audit.Analysis;
using LegacyAuthAnalyzers.Audit.Model;

namespace LegacyAuthAnalyzers.Audit.Reports;

/// <summary>
/// One SARIF 2.1.0 log per repository (<c>--sarif DIR</c>, file <c>&lt;repository&gt;.sarif</c>), as GitHub code
/// scanning and Azure DevOps read it: the rules with their descriptions and help links, results with
/// repository-relative URIs under the base <c>SRCROOT</c>, related locations and <c>partialFingerprints</c> that do
/// not change when lines move. A log is written for a repository without findings too, so uploading it closes the
/// alerts that were fixed.
/// </summary>
internal static class SarifWriter
{
    public const string SourceRoot = "SRCROOT";

    public static void WriteAll(AuditResult result, string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var repository in result.Repositories)
        {
            File.WriteAllText(Path.Combine(folder, FileName(repository.Name)), Serialize(repository), new UTF8Encoding(false));
        }
    }

    public static string FileName(string repositoryName)
    {
        var safe = new StringBuilder(repositoryName.Length);
        foreach (var c in repositoryName)
        {
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        }

        return safe + ".sarif";
    }

    public static string Serialize(RepositoryResult repository)
    {
        var catalog = AnalyzerCatalog.Instance;
        var rules = catalog.Rules;
        var ruleIndex = rules.Select((rule, index) => (rule.Id, index)).ToDictionary(pair => pair.Id, pair => pair.index, StringComparer.Ordinal);

        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();

            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", ToolVersion.Name);
            json.WriteString("semanticVersion", ToolVersion.Current);
            json.WriteString("informationUri", ToolVersion.InformationUri);
            json.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                WriteRule(json, rule, catalog.Fixable.Contains(rule.Id));
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartObject("automationDetails");
            json.WriteString("id", $"legacy-auth/{repository.Name}/");
            json.WriteEndObject();

            // The base is described, not located: the log does not reveal where the audit ran.
            json.WriteStartObject("originalUriBaseIds");
            json.WriteStartObject(SourceRoot);
            json.WriteStartObject("description");
            json.WriteString("text", $"The root of the repository {repository.Name}.");
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteString("columnKind", "utf16CodeUnits");

            json.WriteStartArray("results");
            foreach (var finding in repository.Findings)
            {
                WriteResult(json, finding, ruleIndex);
            }

            json.WriteEndArray();

            json.WriteStartObject("properties");
            json.WriteNumber("filesScanned", repository.FilesScanned);
            json.WriteNumber("filesSkipped", repository.FilesSkipped);
            json.WriteNumber("filesFailed", repository.FilesFailed);
            json.WriteEndObject();

            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteRule(Utf8JsonWriter json, DiagnosticDescriptor rule, bool fixable)
    {
        json.WriteStartObject();
        json.WriteString("id", rule.Id);
        json.WriteString("name", PascalCase(rule.Title.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        json.WriteStartObject("shortDescription");
        json.WriteString("text", rule.Title.ToString(System.Globalization.CultureInfo.InvariantCulture));
        json.WriteEndObject();
        json.WriteStartObject("fullDescription");
        json.WriteString("text", rule.Description.ToString(System.Globalization.CultureInfo.InvariantCulture));
        json.WriteEndObject();
        if (!string.IsNullOrEmpty(rule.HelpLinkUri))
        {
            json.WriteString("helpUri", rule.HelpLinkUri);
        }

        var deadline = Deadlines.ForRule(rule.Id);
        json.WriteStartObject("help");
        json.WriteString("text", $"{deadline.Text}. {NextSteps.Text(rule.Id, fixable, rule.HelpLinkUri)}");
        json.WriteEndObject();

        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", Level(rule.DefaultSeverity));
        json.WriteBoolean("enabled", rule.IsEnabledByDefault);
        json.WriteEndObject();

        json.WriteStartObject("properties");
        json.WriteString("category", rule.Category);
        json.WriteStartArray("tags");
        json.WriteStringValue("security");
        foreach (var tag in rule.CustomTags.Where(tag => tag.StartsWith("CWE-", StringComparison.Ordinal)))
        {
            // GitHub shows CWE tags in this form.
            json.WriteStringValue("external/cwe/cwe-" + tag["CWE-".Length..]);
        }

        json.WriteEndArray();
        json.WriteString("precision", "high");
        json.WriteString("problem.severity", rule.DefaultSeverity == DiagnosticSeverity.Info ? "recommendation" : Level(rule.DefaultSeverity));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, Finding finding, IReadOnlyDictionary<string, int> ruleIndex)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.RuleId);
        if (ruleIndex.TryGetValue(finding.RuleId, out var index))
        {
            json.WriteNumber("ruleIndex", index);
        }

        json.WriteString("level", finding.Severity.SarifLevel());
        json.WriteStartObject("message");
        json.WriteString("text", finding.Message);
        json.WriteEndObject();

        json.WriteStartArray("locations");
        json.WriteStartObject();
        WritePhysicalLocation(json, finding.Location);
        json.WriteEndObject();
        json.WriteEndArray();

        if (finding.RelatedLocations.Count > 0)
        {
            json.WriteStartArray("relatedLocations");
            for (var i = 0; i < finding.RelatedLocations.Count; i++)
            {
                json.WriteStartObject();
                json.WriteNumber("id", i + 1);
                WritePhysicalLocation(json, finding.RelatedLocations[i]);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteStartObject("partialFingerprints");
        json.WriteString(Fingerprints.Key, finding.Fingerprint);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WritePhysicalLocation(Utf8JsonWriter json, SourceSpan span)
    {
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", RelativeUri(span.Path));
        json.WriteString("uriBaseId", SourceRoot);
        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", span.Line);
        json.WriteNumber("startColumn", span.Column);
        json.WriteNumber("endLine", span.EndLine);
        json.WriteNumber("endColumn", span.EndColumn);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>A relative URI reference: each path segment percent-encoded, '/' between them.</summary>
    public static string RelativeUri(string relativePath) =>
        string.Join('/', relativePath.Split('/').Select(Uri.EscapeDataString));

    private static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "note",
        _ => "none",
    };

    private static string PascalCase(string title) =>
        string.Concat(title.Split([' ', '-', '/', '.', ','], StringSplitOptions.RemoveEmptyEntries)
            .Select(word => char.ToUpperInvariant(word[0]) + word[1..]));
}
