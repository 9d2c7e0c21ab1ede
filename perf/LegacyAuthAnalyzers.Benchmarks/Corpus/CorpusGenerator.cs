using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace LegacyAuthAnalyzers.Benchmarks.Corpus;

internal sealed record CorpusFile(string Path, string Text);

/// <summary>A generated project: its C# files and the configuration files a real project would carry.</summary>
internal sealed record GeneratedCorpus(IReadOnlyList<CorpusFile> Sources, IReadOnlyList<CorpusFile> ConfigFiles, int MailFiles)
{
    public int Lines => Sources.Sum(file => CountLines(file.Text));

    private static int CountLines(string text)
    {
        var lines = 1;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                lines++;
            }
        }

        return lines;
    }
}

/// <summary>
/// Generates the same corpus for the same arguments on every machine: the file kinds and every name, number and
/// literal are derived from the file index, never from a random source or the clock.
/// </summary>
internal static class CorpusGenerator
{
    /// <summary>One file in this many carries mail, EWS, ADAL or MSAL code in the mail variant: 5%.</summary>
    public const int MailEvery = 20;

    private const int NonMailCredentialEvery = 50;

    private static readonly Func<int, string>[] OrdinaryKinds =
    [
        OrdinaryCode.Orders,
        OrdinaryCode.ApiClient,
        OrdinaryCode.Repository,
        OrdinaryCode.TextProcessing,
        OrdinaryCode.Worker,
        OrdinaryCode.Extensions,
        OrdinaryCode.Controller,
    ];

    public static GeneratedCorpus Generate(int fileCount, bool includeMail)
    {
        var sources = new List<CorpusFile>(fileCount + 1) { new("/corpus/Shared/Common.cs", OrdinaryCode.Common) };
        var mailFiles = 0;
        for (var i = 1; i < fileCount; i++)
        {
            var module = "Module" + (i / 100).ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
            if (includeMail && i % MailEvery == MailEvery / 2)
            {
                sources.Add(new($"/corpus/{module}/Mail{i}.cs", MailCode.Generate(i, mailFiles)));
                mailFiles++;
            }
            else if (i % NonMailCredentialEvery == 3)
            {
                sources.Add(new($"/corpus/{module}/Network{i}.cs", OrdinaryCode.NonMailCredentials(i)));
            }
            else
            {
                var kind = OrdinaryKinds[i % OrdinaryKinds.Length];
                sources.Add(new($"/corpus/{module}/{kind.Method.Name}{i}.cs", kind(i)));
            }
        }

        var config = new List<CorpusFile> { new("/corpus/appsettings.json", includeMail ? MailCode.AppSettings : OrdinaryCode.AppSettings) };
        if (includeMail)
        {
            config.Add(new("/corpus/web.config", MailCode.WebConfig));
        }

        return new GeneratedCorpus(sources, config, mailFiles);
    }

    /// <summary>A small, stable hash of the file index for choosing names and numbers.</summary>
    internal static int Pick(int index, int salt, int count)
    {
        unchecked
        {
            var x = (uint)(index * 73856093) ^ (uint)(salt * 19349663);
            x ^= x >> 13;
            x *= 0x5bd1e995;
            x ^= x >> 15;
            return (int)(x % (uint)count);
        }
    }

    internal static string Word(int index, int salt)
    {
        string[] words = ["Alpha", "Beacon", "Cedar", "Delta", "Ember", "Falcon", "Granite", "Harbor", "Iris", "Juniper", "Kestrel", "Lumen", "Meridian", "Nimbus", "Orchid", "Pioneer"];
        return words[Pick(index, salt, words.Length)];
    }
}

/// <summary>A configuration file passed to the analyzers as an AdditionalFile.</summary>
internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText source = SourceText.From(text);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => source;
}
