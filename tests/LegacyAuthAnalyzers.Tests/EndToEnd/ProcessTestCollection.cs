using Xunit;

namespace LegacyAuthAnalyzers.Tests.EndToEnd;

/// <summary>
/// The tests that start dotnet build, format and pack. Each takes a core for tens of seconds and they share the
/// NuGet and build caches, so they run one at a time and after the in-process tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessTestCollection
{
    public const string Name = "dotnet CLI";
}
