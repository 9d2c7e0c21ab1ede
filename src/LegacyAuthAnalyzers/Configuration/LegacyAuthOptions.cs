using System.Collections.Concurrent;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LegacyAuthAnalyzers.Configuration;

/// <summary>
/// The package-wide .editorconfig options. Values are read per syntax tree (an .editorconfig section applies to the
/// files it matches) and parsed once per distinct text.
/// Serves LA1001, LA1002, LA1003, LA1004, LA1005, LA2001, LA2002, LA2003, LA2004, LA2005, LA3001, LA3002, LA4001, LA4002 and LA4003.
/// </summary>
internal sealed class LegacyAuthOptions
{
    public const string CredentialSinksKey = "legacy_auth.credential_sinks";
    public const string Microsoft365HostsKey = "legacy_auth.microsoft365_hosts";
    public const string LocalHostsKey = "legacy_auth.local_hosts";
    public const string TokenProviderKey = "legacy_auth.token_provider";

    /// <summary>What the rules report in test projects: <c>report</c>, <c>secrets_only</c> (the default) or <c>skip</c>; see <see cref="TestProjects"/>.</summary>
    public const string TestProjectsKey = "legacy_auth.test_projects";

    public static readonly LegacyAuthOptions Empty = new(ImmutableArray<CustomSink>.Empty, ImmutableArray<string>.Empty, ImmutableArray<string>.Empty);

    private static readonly char[] ListSeparators = { ',', ';' };

    private static readonly ConcurrentDictionary<(string Sinks, string M365, string Local), LegacyAuthOptions> Parsed = new();

    private LegacyAuthOptions(ImmutableArray<CustomSink> sinks, ImmutableArray<string> microsoft365Hosts, ImmutableArray<string> localHosts)
    {
        CredentialSinks = sinks;
        Microsoft365Hosts = microsoft365Hosts;
        LocalHosts = localHosts;
    }

    public ImmutableArray<CustomSink> CredentialSinks { get; }

    public ImmutableArray<string> Microsoft365Hosts { get; }

    public ImmutableArray<string> LocalHosts { get; }

    public static LegacyAuthOptions For(AnalyzerOptions options, SyntaxTree tree) =>
        From(options.AnalyzerConfigOptionsProvider.GetOptions(tree), options.AnalyzerConfigOptionsProvider);

    /// <summary>The options for a configuration file: its own .editorconfig section (e.g. <c>[*.config]</c>), else the .globalconfig.</summary>
    public static LegacyAuthOptions For(AnalyzerOptions options, AdditionalText file) =>
        From(options.AnalyzerConfigOptionsProvider.GetOptions(file), options.AnalyzerConfigOptionsProvider);

    private static LegacyAuthOptions From(AnalyzerConfigOptions config, AnalyzerConfigOptionsProvider provider)
    {
        var sinks = Read(config, provider.GlobalOptions, CredentialSinksKey);
        var m365 = Read(config, provider.GlobalOptions, Microsoft365HostsKey);
        var local = Read(config, provider.GlobalOptions, LocalHostsKey);
        if (sinks.Length == 0 && m365.Length == 0 && local.Length == 0)
        {
            return Empty;
        }

        // Bounded by the number of distinct option texts in a solution, which is tiny.
        return Parsed.GetOrAdd((sinks, m365, local), static key => new LegacyAuthOptions(
            CustomSink.ParseList(key.Sinks),
            SplitList(key.M365),
            SplitList(key.Local)));
    }

    internal static ImmutableArray<string> SplitList(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return ImmutableArray<string>.Empty;
        }

        var builder = ImmutableArray.CreateBuilder<string>();
        foreach (var part in value.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries))
        {
            var trimmed = part.Trim();
            if (trimmed.Length > 0)
            {
                builder.Add(trimmed);
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>The value for the file, else the .globalconfig value, else empty.</summary>
    public static string Read(AnalyzerConfigOptions config, AnalyzerConfigOptions global, string key) =>
        config.TryGetValue(key, out var value) && value is not null ? value
        : global.TryGetValue(key, out var globalValue) && globalValue is not null ? globalValue
        : string.Empty;
}

/// <summary>
/// A team's own credential sink declared in .editorconfig as <c>Namespace.Type.Method(parameterName)</c>;
/// constructors are written <c>Namespace.Type..ctor(parameterName)</c> or with the type's own name.
/// </summary>
internal sealed class CustomSink
{
    private CustomSink(string typeName, string memberName, string parameterName)
    {
        TypeName = typeName;
        MemberName = memberName;
        ParameterName = parameterName;
    }

    public string TypeName { get; }

    public string MemberName { get; }

    public string ParameterName { get; }

    public bool Matches(IMethodSymbol method)
    {
        var isConstructor = method.MethodKind == MethodKind.Constructor;
        var nameMatches = isConstructor
            ? MemberName is ".ctor" || MemberName == method.ContainingType.Name
            : MemberName == method.Name;
        return nameMatches
            && string.Equals(method.ContainingType.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat), TypeName, StringComparison.Ordinal);
    }

    internal static ImmutableArray<CustomSink> ParseList(string value)
    {
        var builder = ImmutableArray.CreateBuilder<CustomSink>();
        foreach (var entry in LegacyAuthOptions.SplitList(value))
        {
            var open = entry.IndexOf('(');
            var close = entry.LastIndexOf(')');
            if (open <= 0 || close < open)
            {
                continue;
            }

            var qualified = entry.Substring(0, open).Trim();
            var parameter = entry.Substring(open + 1, close - open - 1).Trim();
            var ctor = qualified.LastIndexOf("..ctor", StringComparison.Ordinal);
            var split = ctor > 0 ? ctor : qualified.LastIndexOf('.');
            if (split <= 0 || parameter.Length == 0)
            {
                continue;
            }

            var member = ctor > 0 ? ".ctor" : qualified.Substring(split + 1);
            builder.Add(new CustomSink(qualified.Substring(0, split), member, parameter));
        }

        return builder.ToImmutable();
    }
}
