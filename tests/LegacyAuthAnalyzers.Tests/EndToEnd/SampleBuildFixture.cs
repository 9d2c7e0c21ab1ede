using Xunit;

namespace LegacyAuthAnalyzers.Tests.EndToEnd;

/// <summary>One <c>dotnet build</c> of a copy of the sample with a SARIF log, shared by the tests that read it.</summary>
public sealed class SampleBuildFixture : IAsyncLifetime
{
    private SampleCopy? copy;

    internal SampleCopy Copy => copy ?? throw new InvalidOperationException("The fixture is not initialized.");

    internal CommandResult Build { get; private set; } = null!;

    internal SarifLog Sarif { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        copy = SampleCopy.Create("sample-build");
        var sarifPath = Path.Combine(copy.Root, "build.sarif");
        Build = await copy.BuildWithSarifAsync(sarifPath);
        Assert.True(Build.ExitCode == 0, Build.ToString());
        Sarif = SarifLog.Load(sarifPath);
    }

    public Task DisposeAsync()
    {
        copy?.Dispose();
        return Task.CompletedTask;
    }
}
