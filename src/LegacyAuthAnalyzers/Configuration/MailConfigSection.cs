using System.Globalization;
using Microsoft.CodeAnalysis.Text;

namespace LegacyAuthAnalyzers.Configuration;

/// <summary>Where a mail section comes from, which decides how its settings are read.</summary>
internal enum MailConfigSectionKind
{
    /// <summary>A <c>system.net/mailSettings/smtp/network</c> element: System.Net.Mail reads it, STARTTLS only.</summary>
    SystemNetMail,

    /// <summary>The mail keys of an <c>appSettings</c> element of a .config file.</summary>
    AppSettings,

    /// <summary>A JSON object of an appsettings file; the app decides which library reads it.</summary>
    Json,
}

/// <summary>One mail-related value of a configuration file. <see cref="Value"/> may be a secret: never put it in a message.</summary>
internal sealed class ConfigSetting
{

    public ConfigSetting(ConfigRole role, string key, string name, string prefix, string? value, TextSpan span)
    {
        Role = role;
        Key = key;
        Name = name;
        Prefix = prefix;
        Value = value;
        Span = span;
    }

    public ConfigRole Role { get; }

    /// <summary>The full key as configuration binding spells it, e.g. <c>Smtp:Password</c>.</summary>
    public string Key { get; }

    /// <summary>The key's own name, e.g. <c>Password</c> or <c>password</c>.</summary>
    public string Name { get; }

    /// <summary>The lower-case words of <see cref="Name"/> before its role word (<c>smtp</c> for <c>SmtpPassword</c>).</summary>
    public string Prefix { get; }

    public string? Value { get; }

    /// <summary>The value's text in the file.</summary>
    public TextSpan Span { get; }

    public bool? AsBoolean =>
        string.Equals(Value, "true", StringComparison.OrdinalIgnoreCase) ? true
        : string.Equals(Value, "false", StringComparison.OrdinalIgnoreCase) ? false
        : null;

    public int? AsInt32 =>
        int.TryParse(Value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>A MailKit <c>SecureSocketOptions</c> setting as the transport policy's mode; Unknown when it is not one.</summary>
    public TlsMode AsTlsMode => MailPorts.ParseSecureSocketOptions(Value);

    /// <summary>A password written into the file: not a placeholder (SPEC §5), so a real secret.</summary>
    public bool IsHardCodedSecret => Role == ConfigRole.Password && !SecretShapes.IsPlaceholder(Value);
}

/// <summary>
/// A group of mail settings that belong together: a <c>&lt;network&gt;</c> element, an <c>appSettings</c> element, or one
/// JSON object. JSON sections inherit the host of the sections they are nested in.
/// Serves LA1001, LA1003, LA1005, LA2001, LA2002, LA2003 and LA3001.
/// </summary>
internal sealed class MailConfigSection
{
    public MailConfigSection(
        MailConfigSectionKind kind,
        string fileName,
        string name,
        MailConfigSection? parent,
        ImmutableArray<ConfigSetting> settings,
        TextSpan elementSpan = default,
        bool deliversOverNetwork = true,
        bool usesDefaultCredentials = false)
    {
        Kind = kind;
        FileName = fileName;
        Name = name;
        Parent = parent;
        Settings = settings;
        ElementSpan = elementSpan;
        DeliversOverNetwork = deliversOverNetwork;
        UsesDefaultCredentials = usesDefaultCredentials;
    }

    public MailConfigSectionKind Kind { get; }

    /// <summary>The file's name without its folder, for messages.</summary>
    public string FileName { get; }

    /// <summary>The section's key path (<c>EmailSettings:Smtp</c>), or the element name.</summary>
    public string Name { get; }

    public MailConfigSection? Parent { get; }

    /// <summary>The mail settings written directly in this section.</summary>
    public ImmutableArray<ConfigSetting> Settings { get; }

    /// <summary>The element's name in the file (<c>network</c>), where a missing attribute is reported.</summary>
    public TextSpan ElementSpan { get; }

    /// <summary>False when System.Net.Mail writes to a pickup directory instead of connecting to the host.</summary>
    public bool DeliversOverNetwork { get; }

    /// <summary>True when System.Net.Mail logs on with the process's Windows credentials instead of the password.</summary>
    public bool UsesDefaultCredentials { get; }

    /// <summary>Who the finding is about, as a message's subject: never includes a value.</summary>
    public string Describe(ConfigSetting? setting) =>
        Kind == MailConfigSectionKind.SystemNetMail || setting is null
            ? (Kind == MailConfigSectionKind.SystemNetMail ? "The <network> element" : "The mail section '" + Name + "'") + " in " + FileName
            : "The mail setting '" + setting.Key + "' in " + FileName;

    public ConfigSetting? First(ConfigRole role)
    {
        foreach (var setting in Settings)
        {
            if (setting.Role == role)
            {
                return setting;
            }
        }

        return null;
    }

    /// <summary>
    /// The host that <paramref name="setting"/> goes with: a host key with the same prefix in this section
    /// (<c>SmtpHost</c> for <c>SmtpPassword</c>), else a host key without prefix, else the section's only host, else the
    /// enclosing section's. URL keys count when no host key does. Null when unknown.
    /// </summary>
    public string? HostFor(ConfigSetting? setting)
    {
        var prefix = setting?.Prefix ?? string.Empty;
        for (var section = this; section is not null; section = section.Parent)
        {
            var host = section.Pick(ConfigRole.Host, prefix) ?? section.Pick(ConfigRole.Url, prefix);
            if (MailHosts.Normalize(host?.Value) is { } normalized)
            {
                return normalized;
            }

            // Prefixes only tie keys of one flat list together.
            prefix = string.Empty;
        }

        return null;
    }

    /// <summary>The protocol the section is for, from its key words, its host or its port.</summary>
    public MailProtocol Protocol(ConfigSetting? setting)
    {
        if (Kind == MailConfigSectionKind.SystemNetMail)
        {
            return MailProtocol.Smtp;
        }

        var words = ConfigKeys.Words(Name + ":" + setting?.Key);
        foreach (var word in words)
        {
            if (word.StartsWith("smtp", StringComparison.Ordinal))
            {
                return MailProtocol.Smtp;
            }

            if (word.StartsWith("imap", StringComparison.Ordinal))
            {
                return MailProtocol.Imap;
            }

            if (word is "pop" or "pop3" || word.StartsWith("pop3", StringComparison.Ordinal))
            {
                return MailProtocol.Pop3;
            }

            if (word is "ews" or "exchange")
            {
                return MailProtocol.Ews;
            }
        }

        var url = Pick(ConfigRole.Url, setting?.Prefix ?? string.Empty)?.Value;
        if (url is not null && url.IndexOf("/ews/", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return MailProtocol.Ews;
        }

        var host = HostFor(setting) ?? string.Empty;
        if (host.StartsWith("smtp", StringComparison.Ordinal))
        {
            return MailProtocol.Smtp;
        }

        if (host.StartsWith("imap", StringComparison.Ordinal))
        {
            return MailProtocol.Imap;
        }

        if (host.StartsWith("pop", StringComparison.Ordinal))
        {
            return MailProtocol.Pop3;
        }

        return MailPorts.ProtocolOf(Pick(ConfigRole.Port, setting?.Prefix ?? string.Empty)?.AsInt32);
    }

    /// <summary>A mail port or a host that looks like a mail server among <paramref name="settings"/>.</summary>
    public static bool HasMailEvidence(IEnumerable<ConfigSetting> settings)
    {
        foreach (var setting in settings)
        {
            switch (setting.Role)
            {
                case ConfigRole.Port when MailPorts.ProtocolOf(setting.AsInt32) != MailProtocol.Unknown:
                    return true;
                case ConfigRole.Host or ConfigRole.Url when LooksLikeMailServer(setting.Value):
                    return true;
            }
        }

        return false;
    }

    /// <summary>A host or URL that names a mail server: a Microsoft 365 host, an EWS path, or a first label such as <c>smtp</c>, <c>imap</c> or <c>mail</c>.</summary>
    public static bool LooksLikeMailServer(string? value)
    {
        if (value is not null && value.IndexOf("/ews/", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return true;
        }

        var host = MailHosts.Normalize(value);
        if (host is null)
        {
            return false;
        }

        if (MailHosts.IsMicrosoft365(host, LegacyAuthOptions.Empty))
        {
            return true;
        }

        var dot = host.IndexOf('.');
        var label = dot > 0 ? host.Substring(0, dot) : host;
        return label.IndexOf("mail", StringComparison.Ordinal) >= 0
            || label.StartsWith("smtp", StringComparison.Ordinal)
            || label.StartsWith("imap", StringComparison.Ordinal)
            || label.StartsWith("pop", StringComparison.Ordinal)
            || label is "exchange" or "owa" or "ews";
    }

    /// <summary>The setting of <paramref name="role"/> in this section that goes with a key of prefix <paramref name="prefix"/>.</summary>
    public ConfigSetting? Pick(ConfigRole role, string prefix)
    {
        ConfigSetting? unprefixed = null;
        ConfigSetting? only = null;
        var count = 0;
        foreach (var candidate in Settings)
        {
            if (candidate.Role != role)
            {
                continue;
            }

            if (string.Equals(candidate.Prefix, prefix, StringComparison.Ordinal))
            {
                return candidate;
            }

            if (candidate.Prefix.Length == 0)
            {
                unprefixed ??= candidate;
            }

            only = candidate;
            count++;
        }

        return unprefixed ?? (count == 1 ? only : null);
    }

    public IEnumerable<ConfigSetting> All(ConfigRole role)
    {
        foreach (var setting in Settings)
        {
            if (setting.Role == role)
            {
                yield return setting;
            }
        }
    }
}

/// <summary>The mail sections of one configuration file, parsed once and shared by every rule.</summary>
internal sealed class MailConfigDocument
{
    public static readonly MailConfigDocument Empty = new(string.Empty, SourceText.From(string.Empty), ImmutableArray<MailConfigSection>.Empty);

    public MailConfigDocument(string path, SourceText text, ImmutableArray<MailConfigSection> sections)
    {
        Path = path;
        Text = text;
        Sections = sections;
    }

    public string Path { get; }

    public SourceText Text { get; }

    public ImmutableArray<MailConfigSection> Sections { get; }

    public Location Location(TextSpan span) => Microsoft.CodeAnalysis.Location.Create(Path, span, Text.Lines.GetLinePositionSpan(span));
}
