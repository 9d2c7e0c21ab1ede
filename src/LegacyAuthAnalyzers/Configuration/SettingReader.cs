using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LegacyAuthAnalyzers.Configuration;

/// <summary>
/// Which mail library reads a project's TLS switches (<c>"UseSsl"</c>, <c>"EnableSsl"</c>).
/// Serves LA1001, LA1003, LA1005, LA2001, LA2002, LA2003 and LA3001.
/// </summary>
internal enum SettingReader
{
    /// <summary>Both could: the code uses System.Net.Mail and references MailKit.</summary>
    Either,

    /// <summary>MailKit alone: <c>useSsl: false</c> means STARTTLS when the server offers it (LA2002).</summary>
    MailKit,

    /// <summary>System.Net.Mail alone: <c>EnableSsl = false</c> means no TLS at all (LA2001).</summary>
    SystemNetMail,
}

/// <summary>
/// Decides, once per compilation, which library reads a configuration file's TLS switches (LA2001, LA2002 in
/// configuration files): System.Net.Mail when MailKit is not referenced or the code names only System.Net.Mail, MailKit
/// when the code names only MailKit, either otherwise. "Names" means a <c>using</c> directive or a qualified use in the
/// code, not a reference (every .NET project references System.Net.Mail).
/// </summary>
internal static class SettingReaders
{
    private static readonly ConditionalWeakTable<Compilation, object> Cache = new();

    public static SettingReader For(Compilation compilation, CancellationToken cancellationToken)
    {
        if (Cache.TryGetValue(compilation, out var cached))
        {
            return (SettingReader)cached;
        }

        var reader = Compute(compilation, cancellationToken);
        Cache.GetValue(compilation, _ => reader);
        return reader;
    }

    private static SettingReader Compute(Compilation compilation, CancellationToken cancellationToken)
    {
        if (!KnownTypes.For(compilation).HasMailKit)
        {
            return SettingReader.SystemNetMail;
        }

        // Using directives first: cheap, and they settle nearly every project. The text of the files is searched for a
        // qualified name only when no using directive names that library.
        var namesSystemNetMail = compilation.SyntaxTrees.Any(tree => NamesInUsings(tree, "System.Net.Mail", cancellationToken));
        var namesMailKit = compilation.SyntaxTrees.Any(tree => NamesInUsings(tree, "MailKit", cancellationToken));
        namesSystemNetMail = namesSystemNetMail || compilation.SyntaxTrees.Any(tree => NamesInText(tree, "System.Net.Mail", cancellationToken));
        namesMailKit = namesMailKit || compilation.SyntaxTrees.Any(tree => NamesInText(tree, "MailKit", cancellationToken));

        return (namesSystemNetMail, namesMailKit) switch
        {
            (true, false) => SettingReader.SystemNetMail,
            (false, true) => SettingReader.MailKit,
            _ => SettingReader.Either,
        };
    }

    private static bool NamesInUsings(SyntaxTree tree, string @namespace, CancellationToken cancellationToken)
    {
        var root = tree.GetRoot(cancellationToken);
        foreach (var node in root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax))
        {
            if (node is UsingDirectiveSyntax { Name: { } name }
                && (name.ToString() == @namespace || name.ToString().StartsWith(@namespace + ".", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A qualified use without a using directive: <c>System.Net.Mail.SmtpClient</c>, <c>MailKit.Net.Smtp.SmtpClient</c>.</summary>
    private static bool NamesInText(SyntaxTree tree, string @namespace, CancellationToken cancellationToken) =>
        tree.GetText(cancellationToken).ToString().IndexOf(@namespace + ".", StringComparison.Ordinal) >= 0;
}
