using System.IO;
using System.Threading;
using System.Xml;
using Microsoft.CodeAnalysis.Text;

namespace LegacyAuthAnalyzers.Configuration;

/// <summary>
/// Finds the mail settings of a .config file: <c>system.net/mailSettings/smtp/network</c> (also inside
/// <c>&lt;location&gt;</c>, in a <c>configSource</c> fragment or a transform file) and the mail keys of
/// <c>appSettings</c>. Element names are matched without their namespace. System.Xml gives the line and column of
/// every attribute name; the value's span is found from there in the text, so a location is never guessed.
/// Serves LA1001, LA1003, LA1005, LA2001, LA2002, LA2003 and LA3001.
/// </summary>
internal static class XmlMailConfigParser
{
    private const int CancellationCheckInterval = 256;

    public static ImmutableArray<MailConfigSection> Parse(SourceText source, string text, string fileName, CancellationToken cancellationToken)
    {
        // packages.config, nuget.config and most others name neither: they are never handed to the XML parser.
        if (text.IndexOf("network", StringComparison.OrdinalIgnoreCase) < 0 && text.IndexOf("appSettings", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return ImmutableArray<MailConfigSection>.Empty;
        }

        var parser = new Parser(source, text, fileName, cancellationToken);
        return parser.Run();
    }

    private sealed class Parser
    {
        private readonly SourceText source;
        private readonly string text;
        private readonly string fileName;
        private readonly CancellationToken cancellationToken;
        private readonly int byteOrderMark;
        private readonly List<(string Name, string? DeliveryMethod)> open = new();
        private readonly ImmutableArray<MailConfigSection>.Builder sections = ImmutableArray.CreateBuilder<MailConfigSection>();
        private List<(ConfigSetting Setting, MailContextLevel Level)>? appSettings;

        public Parser(SourceText source, string text, string fileName, CancellationToken cancellationToken)
        {
            this.source = source;
            this.text = text;
            this.fileName = fileName;
            this.cancellationToken = cancellationToken;
            byteOrderMark = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        }

        public ImmutableArray<MailConfigSection> Run()
        {
            var settings = new XmlReaderSettings
            {
                // No DTD, no external entities: a config file must not make the analyzer read files or the network.
                DtdProcessing = DtdProcessing.Ignore,
                XmlResolver = null,
                MaxCharactersFromEntities = 1024,
                IgnoreComments = true,
                IgnoreProcessingInstructions = true,
                IgnoreWhitespace = true,
            };

            try
            {
                using var reader = XmlReader.Create(new StringReader(text.Substring(byteOrderMark)), settings);
                if (reader is not IXmlLineInfo lineInfo || !lineInfo.HasLineInfo())
                {
                    return ImmutableArray<MailConfigSection>.Empty;
                }

                var nodes = 0;
                while (reader.Read())
                {
                    if (++nodes % CancellationCheckInterval == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    if (reader.NodeType == XmlNodeType.Element)
                    {
                        OnElement(reader, lineInfo);
                    }
                    else if (reader.NodeType == XmlNodeType.EndElement)
                    {
                        OnEndElement();
                    }
                }
            }
            catch (XmlException)
            {
                // Malformed XML: findings from the part read so far could be wrong, so there are none.
                return ImmutableArray<MailConfigSection>.Empty;
            }

            return sections.ToImmutable();
        }

        private void OnElement(XmlReader reader, IXmlLineInfo lineInfo)
        {
            var name = reader.LocalName;
            var elementSpan = NameSpan(reader.Name, lineInfo);
            string? deliveryMethod = null;
            if (Is(name, "network") && IsUnderSmtp())
            {
                ReadNetwork(reader, lineInfo, elementSpan);
            }
            else if (Is(name, "add") && appSettings is not null && Is(Parent(0), "appSettings"))
            {
                ReadAppSetting(reader, lineInfo);
            }
            else if (Is(name, "smtp"))
            {
                deliveryMethod = reader.GetAttribute("deliveryMethod");
            }

            if (reader.IsEmptyElement)
            {
                if (Is(name, "appSettings"))
                {
                    appSettings = null;
                }

                return;
            }

            if (Is(name, "appSettings"))
            {
                appSettings = new();
            }

            open.Add((name, deliveryMethod));
        }

        private void OnEndElement()
        {
            if (open.Count == 0)
            {
                return;
            }

            var closing = open[open.Count - 1].Name;
            open.RemoveAt(open.Count - 1);
            if (Is(closing, "appSettings") && appSettings is { Count: > 0 } keys)
            {
                // "Exchange" and "Pop" also name currency rates and pop-ups: such keys are mail only next to a mail host or port.
                var evidence = MailConfigSection.HasMailEvidence(keys.Select(k => k.Setting));
                var settings = ConfigKeys.MailSettings(keys, evidence);
                if (!settings.IsEmpty)
                {
                    sections.Add(new MailConfigSection(MailConfigSectionKind.AppSettings, fileName, "appSettings", null, settings));
                }
            }

            if (Is(closing, "appSettings"))
            {
                appSettings = null;
            }
        }

        /// <summary>
        /// The element sits in <c>smtp</c>, which (where the file shows it) sits in <c>mailSettings</c> in
        /// <c>system.net</c>; configSource fragments start lower down.
        /// </summary>
        private bool IsUnderSmtp() =>
            Is(Parent(0), "smtp")
            && (open.Count < 2 || Is(Parent(1), "mailSettings"))
            && (open.Count < 3 || Is(Parent(2), "system.net"));

        private void ReadNetwork(XmlReader reader, IXmlLineInfo lineInfo, TextSpan? elementSpan)
        {
            var deliveryMethod = open[open.Count - 1].DeliveryMethod;
            var settings = ImmutableArray.CreateBuilder<ConfigSetting>();
            var defaultCredentials = false;
            while (reader.MoveToNextAttribute())
            {
                if (reader.NamespaceURI.Length != 0)
                {
                    continue;
                }

                var attribute = reader.LocalName;
                var role = Is(attribute, "host") ? ConfigRole.Host
                    : Is(attribute, "port") ? ConfigRole.Port
                    : Is(attribute, "password") ? ConfigRole.Password
                    : Is(attribute, "enableSsl") ? ConfigRole.TlsSwitch
                    : ConfigRole.None;
                if (Is(attribute, "defaultCredentials"))
                {
                    defaultCredentials = string.Equals(reader.Value.Trim(), "true", StringComparison.OrdinalIgnoreCase);
                }

                if (role != ConfigRole.None && ValueSpan(reader.Name, lineInfo) is { } span)
                {
                    settings.Add(new ConfigSetting(role, attribute, attribute, string.Empty, reader.Value, span));
                }
            }

            reader.MoveToElement();
            if (elementSpan is not { } element)
            {
                return;
            }

            sections.Add(new MailConfigSection(
                MailConfigSectionKind.SystemNetMail,
                fileName,
                "network",
                null,
                settings.ToImmutable(),
                element,
                deliversOverNetwork: deliveryMethod is null || string.Equals(deliveryMethod.Trim(), "Network", StringComparison.OrdinalIgnoreCase),
                usesDefaultCredentials: defaultCredentials));
        }

        private void ReadAppSetting(XmlReader reader, IXmlLineInfo lineInfo)
        {
            var key = reader.GetAttribute("key");
            if (string.IsNullOrEmpty(key) || !reader.MoveToAttribute("value"))
            {
                return;
            }

            var words = ConfigKeys.Words(key!);
            var role = ConfigKeys.Classify(words, out var prefixLength);
            var level = ConfigKeys.MailLevel(words);
            if (ConfigKeys.IsCandidate(role, level) && ValueSpan(reader.Name, lineInfo) is { } span)
            {
                var setting = new ConfigSetting(role, key!, key!, string.Concat(words.Take(prefixLength)), reader.Value, span);
                appSettings!.Add((setting, level));
            }

            reader.MoveToElement();
        }

        private string? Parent(int level) => open.Count > level ? open[open.Count - 1 - level].Name : null;

        /// <summary>The span of the name the reader is on, checked against the text.</summary>
        private TextSpan? NameSpan(string qualifiedName, IXmlLineInfo lineInfo)
        {
            var start = Position(lineInfo);
            return start >= 0 && string.CompareOrdinal(text, start, qualifiedName, 0, qualifiedName.Length) == 0
                ? new TextSpan(start, qualifiedName.Length)
                : null;
        }

        /// <summary>The span of the current attribute's value between its quotes (the quotes themselves when empty).</summary>
        private TextSpan? ValueSpan(string qualifiedName, IXmlLineInfo lineInfo)
        {
            if (NameSpan(qualifiedName, lineInfo) is not { } name)
            {
                return null;
            }

            var position = SkipSpaces(name.End);
            if (position >= text.Length || text[position] != '=')
            {
                return null;
            }

            position = SkipSpaces(position + 1);
            if (position >= text.Length || text[position] is not ('"' or '\''))
            {
                return null;
            }

            var quote = text[position];
            var end = text.IndexOf(quote, position + 1);
            if (end < 0)
            {
                return null;
            }

            return end == position + 1 ? TextSpan.FromBounds(position, end + 1) : TextSpan.FromBounds(position + 1, end);
        }

        private int SkipSpaces(int position)
        {
            while (position < text.Length && text[position] is ' ' or '\t' or '\r' or '\n')
            {
                position++;
            }

            return position;
        }

        /// <summary>The text position of the reader's line and column, or -1.</summary>
        private int Position(IXmlLineInfo lineInfo)
        {
            var line = lineInfo.LineNumber - 1;
            if (line < 0 || line >= source.Lines.Count || lineInfo.LinePosition < 1)
            {
                return -1;
            }

            var position = source.Lines[line].Start + lineInfo.LinePosition - 1 + (line == 0 ? byteOrderMark : 0);
            return position < text.Length ? position : -1;
        }

        private static bool Is(string? name, string expected) => string.Equals(name, expected, StringComparison.OrdinalIgnoreCase);
    }
}
