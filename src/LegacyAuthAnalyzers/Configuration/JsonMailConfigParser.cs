using System.Globalization;
using System.Threading;

namespace LegacyAuthAnalyzers.Configuration;

/// <summary>
/// Finds the mail settings of an appsettings file (LA1001, LA1003, LA1005, LA2001-LA2003, LA3001): every JSON object
/// whose key path or keys name mail (SMTP, IMAP, POP, Exchange, Office 365, e-mail), or whose host names a mail server,
/// becomes a section with its password, host, port and TLS keys. Connection
/// strings, logging and every other section stay out because their keys do not name mail.
/// Serves LA1001, LA1003, LA1005, LA2001, LA2002, LA2003 and LA3001.
/// </summary>
internal static class JsonMailConfigParser
{
    private const char KeySeparator = ':';

    public static ImmutableArray<MailConfigSection> Parse(string text, string fileName, CancellationToken cancellationToken)
    {
        var root = JsonReader.Parse(text, cancellationToken);
        if (root is null)
        {
            return ImmutableArray<MailConfigSection>.Empty;
        }

        var sections = ImmutableArray.CreateBuilder<MailConfigSection>();
        Walk(root, new List<string>(), MailContextLevel.None, null, sections, fileName, cancellationToken);
        return sections.ToImmutable();
    }

    private static void Walk(
        JsonNode node,
        List<string> path,
        MailContextLevel pathLevel,
        MailConfigSection? parent,
        ImmutableArray<MailConfigSection>.Builder sections,
        string fileName,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (node.Kind == JsonKind.Array)
        {
            for (var i = 0; i < node.Items.Length; i++)
            {
                path.Add(i.ToString(CultureInfo.InvariantCulture));
                Walk(node.Items[i], path, pathLevel, parent, sections, fileName, cancellationToken);
                path.RemoveAt(path.Count - 1);
            }

            return;
        }

        if (node.Kind != JsonKind.Object)
        {
            return;
        }

        var section = CreateSection(node, path, pathLevel, parent, fileName);
        if (section is not null)
        {
            sections.Add(section);
        }

        foreach (var property in node.Properties)
        {
            if (property.Value.IsScalar)
            {
                continue;
            }

            path.Add(property.Name);
            var level = Max(pathLevel, ConfigKeys.MailLevel(ConfigKeys.Words(property.Name)));
            Walk(property.Value, path, level, section ?? parent, sections, fileName, cancellationToken);
            path.RemoveAt(path.Count - 1);
        }
    }

    private static MailConfigSection? CreateSection(JsonNode node, List<string> path, MailContextLevel pathLevel, MailConfigSection? parent, string fileName)
    {
        if (pathLevel == MailContextLevel.None && NamesMailServer(node))
        {
            // A neutrally named object ("Archive", "Relay") is about mail when its own host names a mail server; the
            // host is then the mail evidence the weak level asks for.
            pathLevel = MailContextLevel.Weak;
        }

        List<(ConfigSetting Setting, MailContextLevel Level)>? candidates = null;
        foreach (var property in node.Properties)
        {
            var value = property.Value;
            if (!value.IsScalar)
            {
                continue;
            }

            var words = ConfigKeys.Words(property.Name);
            var role = ConfigKeys.Classify(words, out var prefixLength);
            var level = Max(pathLevel, ConfigKeys.MailLevel(words));
            if (!ConfigKeys.IsCandidate(role, level) || value.Kind == JsonKind.Null
                || ((role is ConfigRole.Password or ConfigRole.ClientSecret) && value.Kind is JsonKind.True or JsonKind.False))
            {
                continue;
            }

            var prefix = string.Concat(words.Take(prefixLength));
            var key = path.Count == 0 ? property.Name : string.Join(KeySeparator.ToString(), path) + KeySeparator + property.Name;
            var setting = new ConfigSetting(role, key, property.Name, prefix, value.Text, value.Span);
            (candidates ??= new()).Add((setting, level));
        }

        if (candidates is null)
        {
            return null;
        }

        // "Exchange" and "Pop" also name currency rates and pop-ups: such keys are mail only next to a mail host or port.
        var evidence = MailConfigSection.HasMailEvidence(candidates.Select(c => c.Setting)) || HasMailEvidence(parent);
        var settings = ConfigKeys.MailSettings(candidates, evidence);
        return settings.IsEmpty
            ? null
            : new MailConfigSection(MailConfigSectionKind.Json, fileName, string.Join(KeySeparator.ToString(), path), parent, settings);
    }

    /// <summary>
    /// A host that names a mail server beside a mailbox address or a mail port. The host alone is not enough: a
    /// "Database" object that happens to point at a mail host is still a database.
    /// </summary>
    private static bool NamesMailServer(JsonNode node)
    {
        bool host = false, mailbox = false;
        foreach (var property in node.Properties)
        {
            var value = property.Value;
            var role = ConfigKeys.Classify(ConfigKeys.Words(property.Name), out _);
            host |= value.Kind == JsonKind.String && role is ConfigRole.Host or ConfigRole.Url && MailConfigSection.LooksLikeMailServer(value.Text);
            mailbox |= value.Kind == JsonKind.String && IsMailboxAddress(value.Text)
                || role == ConfigRole.Port && int.TryParse(value.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && MailPorts.ProtocolOf(port) != MailProtocol.Unknown;
        }

        return host && mailbox;
    }

    private static bool IsMailboxAddress(string? text)
    {
        var at = text?.IndexOf('@') ?? -1;
        return at > 0 && text!.IndexOf('.', at) > at + 1 && text.IndexOf(' ') < 0 && text.IndexOf(':') < 0;
    }

    private static bool HasMailEvidence(MailConfigSection? section)
    {
        for (; section is not null; section = section.Parent)
        {
            if (MailConfigSection.HasMailEvidence(section.Settings))
            {
                return true;
            }
        }

        return false;
    }

    private static MailContextLevel Max(MailContextLevel a, MailContextLevel b) => a > b ? a : b;
}
