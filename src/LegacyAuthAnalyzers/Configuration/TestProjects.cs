using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LegacyAuthAnalyzers.Configuration;

/// <summary>What a rule reports, as far as test projects are concerned.</summary>
internal enum TestProjectFinding
{
    /// <summary>A hard-coded secret (LA1001, LA3001): leaked whether the code is a test or not.</summary>
    Secret,

    /// <summary>
    /// How the code talks to a mail server (LA1002, LA2001-LA2005): tests talk to mock servers with fake logins, without
    /// TLS and with argument-validation calls, so these are noise there.
    /// </summary>
    ServerConnection,

    /// <summary>Everything else (Microsoft 365 Basic auth, EWS, ADAL, ROPC): code to migrate, in tests as elsewhere.</summary>
    Migration,
}

/// <summary>The values of <c>legacy_auth.test_projects</c>.</summary>
internal enum TestProjectMode
{
    /// <summary>Test projects are analyzed like any other project.</summary>
    Report,

    /// <summary>The default: no <see cref="TestProjectFinding.ServerConnection"/> findings in test projects.</summary>
    SecretsOnly,

    /// <summary>No findings at all in test projects.</summary>
    Skip,
}

/// <summary>
/// Whether a compilation is a test project, and what the rules report there. A test project is one whose build sets
/// <c>IsTestProject</c> (Microsoft.NET.Test.Sdk and the MSTest SDK do; the package's props make it visible to the
/// analyzers), or one that references xunit, NUnit or MSTest, which also covers builds without the package's props.
/// Serves LA1001, LA1002, LA1003, LA1004, LA1005, LA2001, LA2002, LA2003, LA2004, LA2005, LA3001, LA3002, LA4001, LA4002 and LA4003.
/// </summary>
internal static class TestProjects
{
    public const string IsTestProjectProperty = "build_property.IsTestProject";

    // The assemblies a test written for the framework must reference (the attributes live there).
    private static readonly string[] TestFrameworkAssemblies =
    {
        "xunit.core",
        "xunit.v3.core",
        "nunit.framework",
        "Microsoft.VisualStudio.TestPlatform.TestFramework",
    };

    private static readonly ConditionalWeakTable<Compilation, Cache> Modes = new();

    /// <summary>Whether a rule reports <paramref name="finding"/> in this compilation.</summary>
    public static bool Reports(Compilation compilation, AnalyzerOptions options, TestProjectFinding finding) =>
        ModeFor(compilation, options) switch
        {
            TestProjectMode.Skip => false,
            TestProjectMode.SecretsOnly => finding != TestProjectFinding.ServerConnection,
            _ => true,
        };

    /// <summary><see cref="TestProjectMode.Report"/> for every project that is not a test project.</summary>
    public static TestProjectMode ModeFor(Compilation compilation, AnalyzerOptions options)
    {
        var provider = options.AnalyzerConfigOptionsProvider;
        var cache = Modes.GetValue(compilation, static _ => new Cache());
        var cached = Volatile.Read(ref cache.Last);
        if (cached is not null && ReferenceEquals(cached.Provider, provider))
        {
            return cached.Mode;
        }

        // Rules starting at the same time may both compute it: the answers are equal, so either write may win.
        var mode = IsTestProject(compilation, provider) ? ParseMode(ProjectOption(compilation, provider)) : TestProjectMode.Report;
        Volatile.Write(ref cache.Last, new Answer(provider, mode));
        return mode;
    }

    internal static TestProjectMode ParseMode(string value) => value.Trim().ToLowerInvariant() switch
    {
        "report" => TestProjectMode.Report,
        "skip" => TestProjectMode.Skip,
        _ => TestProjectMode.SecretsOnly,
    };

    private static bool IsTestProject(Compilation compilation, AnalyzerConfigOptionsProvider provider)
    {
        if (provider.GlobalOptions.TryGetValue(IsTestProjectProperty, out var value)
            && string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var assembly in compilation.ReferencedAssemblyNames)
        {
            foreach (var name in TestFrameworkAssemblies)
            {
                if (string.Equals(assembly.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The option is a project-wide setting: a .globalconfig value, else the first value an .editorconfig section
    /// gives any source file of the project.
    /// </summary>
    private static string ProjectOption(Compilation compilation, AnalyzerConfigOptionsProvider provider)
    {
        if (provider.GlobalOptions.TryGetValue(LegacyAuthOptions.TestProjectsKey, out var global) && !string.IsNullOrWhiteSpace(global))
        {
            return global;
        }

        foreach (var tree in compilation.SyntaxTrees)
        {
            if (provider.GetOptions(tree).TryGetValue(LegacyAuthOptions.TestProjectsKey, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                return value;
            }
        }

        return string.Empty;
    }

    private sealed class Cache
    {
        // A field, because Volatile.Read and Volatile.Write take it by reference.
        public Answer? Last;
    }

    /// <summary>The cached mode and the options provider it was computed from.</summary>
    private sealed class Answer
    {
        public Answer(AnalyzerConfigOptionsProvider provider, TestProjectMode mode)
        {
            Provider = provider;
            Mode = mode;
        }

        public AnalyzerConfigOptionsProvider Provider { get; }

        public TestProjectMode Mode { get; }
    }
}
