namespace LegacyAuthAnalyzers.Tests.Infrastructure;

/// <summary>
/// The <c>[Trait]</c> that marks the slow suites, so the inner loop can leave them out:
/// <c>dotnet test --filter "Category!=EndToEnd&amp;Category!=Robustness"</c>.
/// </summary>
public static class TestCategories
{
    public const string Name = "Category";

    /// <summary>Tests that start the dotnet CLI: the sample build, dotnet format, dotnet pack and the package install.</summary>
    public const string EndToEnd = "EndToEnd";

    /// <summary>Every analyzer and fix over every test source, thousands of mutations and pathological inputs.</summary>
    public const string Robustness = "Robustness";
}
