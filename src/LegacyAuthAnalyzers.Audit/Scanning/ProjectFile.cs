using System.Xml;

namespace LegacyAuthAnalyzers.Audit.Scanning;

/// <summary>
/// What the audit needs from a project file, read as plain XML: the packages and assemblies it names, the projects it
/// references and whether it targets .NET Framework. MSBuild is never evaluated, so no property, import, target or
/// task of a scanned repository runs; DTDs and external entities are refused.
/// </summary>
internal sealed record ProjectFile(
    IReadOnlyCollection<string> PackageNames,
    IReadOnlyCollection<string> ProjectReferences,
    bool TargetsNetFramework,
    string? Preset = null)
{
    public static readonly ProjectFile Empty = new([], [], false);

    /// <summary>Reads project XML (a <c>*.csproj</c>, <c>Directory.Build.props</c> or <c>packages.config</c>); malformed XML gives <see cref="Empty"/>.</summary>
    public static ProjectFile Parse(string xml)
    {
        var packages = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        var projects = new List<string>();
        var netFramework = false;
        string? preset = null;
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 0,
            IgnoreComments = true,
        };

        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            string? element = null;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    element = reader.LocalName;
                    switch (element)
                    {
                        case "PackageReference" or "GlobalPackageReference":
                            AddName(packages, reader.GetAttribute("Include") ?? reader.GetAttribute("Update"));
                            break;
                        case "package":
                            // packages.config
                            AddName(packages, reader.GetAttribute("id"));
                            break;
                        case "Reference":
                            // "MailKit, Version=..., Culture=neutral" names the assembly before the first comma.
                            AddName(packages, reader.GetAttribute("Include")?.Split(',')[0]);
                            break;
                        case "ProjectReference" when reader.GetAttribute("Include") is { Length: > 0 } include:
                            projects.Add(include);
                            break;
                    }
                }
                else if (reader.NodeType == XmlNodeType.Text && element is "TargetFramework" or "TargetFrameworks" or "TargetFrameworkVersion")
                {
                    netFramework |= IsNetFramework(element, reader.Value);
                }
                else if (reader.NodeType == XmlNodeType.Text && element == "LegacyAuthAnalyzersPreset")
                {
                    // A literal value only: a property expression would need MSBuild.
                    preset = reader.Value.Trim().ToLowerInvariant();
                }
                else if (reader.NodeType == XmlNodeType.EndElement)
                {
                    element = null;
                }
            }
        }
        catch (XmlException)
        {
            return Empty;
        }

        return new ProjectFile(packages, projects, netFramework, preset);
    }

    private static void AddName(ISet<string> names, string? name)
    {
        if (!string.IsNullOrWhiteSpace(name))
        {
            names.Add(name.Trim());
        }
    }

    private static bool IsNetFramework(string element, string value)
    {
        if (element == "TargetFrameworkVersion")
        {
            return value.Trim().StartsWith("v4", StringComparison.OrdinalIgnoreCase)
                || value.Trim().StartsWith("v3", StringComparison.OrdinalIgnoreCase)
                || value.Trim().StartsWith("v2", StringComparison.OrdinalIgnoreCase);
        }

        // net20 to net481; not net5.0 and later (they have a dot), netstandard or netcoreapp.
        return value.Split(';').Any(tfm =>
        {
            var t = tfm.Trim();
            return t.Length is >= 5 and <= 6 && t.StartsWith("net", StringComparison.OrdinalIgnoreCase)
                && t[3] is '2' or '3' or '4' && t[3..].All(char.IsDigit);
        });
    }
}
