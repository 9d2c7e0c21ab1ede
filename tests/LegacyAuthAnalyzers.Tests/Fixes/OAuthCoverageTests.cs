using System.Text;
using LegacyAuthAnalyzers.CodeFixes.Fixes;
using LegacyAuthAnalyzers.Tests.RealWorld;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Xunit;
using Xunit.Abstractions;

namespace LegacyAuthAnalyzers.Tests.Fixes;

/// <summary>
/// How many Microsoft 365 and Outlook.com sign-ins with a password (LA1003) in the realistic inputs get an OAuth 2.0
/// action: every project of <c>RealWorld/Projects</c> with and without its own types, and every real-shape fix input.
/// The environment-variable action does not count: it keeps Basic authentication, which the server refuses.
/// </summary>
public sealed class OAuthCoverageTests(ITestOutputHelper output)
{
    private const double Required = 0.9;

    private static readonly HashSet<string> OAuthKeys = new(StringComparer.Ordinal)
    {
        LA1003_Microsoft365BasicAuthenticationCodeFix.OAuthAppOnlyKey,
        LA1003_Microsoft365BasicAuthenticationCodeFix.OAuthSignedInUserKey,
    };

    [Fact]
    public async Task Microsoft365SitesWithPassword_GetAnOAuthFixInNineOfTen()
    {
        var fixer = new LA1003_Microsoft365BasicAuthenticationCodeFix();
        var total = 0;
        var withFix = new List<string>();
        var withoutFix = new List<string>();
        foreach (var input in Inputs())
        {
            using var workspace = new AdhocWorkspace();
            var solution = FixSuite.Create(workspace, input);
            foreach (var diagnostic in (await FixSuite.FindingsAsync(solution)).Where(d => d.Id == DiagnosticIds.Microsoft365BasicAuthentication))
            {
                total++;
                var document = solution.GetDocument(diagnostic.Location.SourceTree)!;
                var actions = new List<CodeAction>();
                await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
                var oauth = actions.Any(a => a.EquivalenceKey is { } key && OAuthKeys.Contains(key));
                (oauth ? withFix : withoutFix).Add(Describe(input.Name, diagnostic));
            }
        }

        var found = total - withoutFix.Count;
        var report = new StringBuilder($"LA1003 sites with an OAuth action: {found}/{total}").AppendLine();
        foreach (var site in withoutFix)
        {
            report.AppendLine("  without: " + site);
        }

        foreach (var site in withFix)
        {
            report.AppendLine("  with: " + site);
        }

        output.WriteLine(report.ToString());
        Assert.True(total >= 10, "The realistic inputs hold only " + total + " LA1003 sites: too few to measure.");
        Assert.True(found >= Required * total, report.ToString());
    }

    /// <summary>Each realistic project bound and unbound, then the real-shape fix inputs.</summary>
    private static IEnumerable<FixSuite.Input> Inputs()
    {
        foreach (var name in RealWorldProject.Names())
        {
            var project = RealWorldProject.Load(name);
            foreach (var mode in new[] { ProjectMode.Bound, ProjectMode.Unbound })
            {
                var files = project.Files.Where(f => mode == ProjectMode.Bound || !f.IsOwnType).Select(f => (f.Path, f.Text)).ToArray();
                yield return new FixSuite.Input(name + " (" + mode.ToString().ToLowerInvariant() + ")", files);
            }
        }

        foreach (var input in RealShapeInputs.All)
        {
            yield return input;
        }
    }

    private static string Describe(string input, Diagnostic diagnostic)
    {
        var line = diagnostic.Location.GetLineSpan();
        var text = diagnostic.Location.SourceTree!.GetText().Lines[line.StartLinePosition.Line].ToString().Trim();
        return $"{input} {line.Path}:{line.StartLinePosition.Line + 1}: {text}";
    }
}
