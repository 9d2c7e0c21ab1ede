using Xunit;

namespace LegacyAuthAnalyzers.Tests.EndToEnd;

/// <summary><c>dotnet pack</c> of the package project into a temp folder that serves as a local NuGet feed.</summary>
public sealed class PackedPackageFixture : IAsyncLifetime
{
    private TempFolder? feed;

    internal string FeedFolder => feed?.Path ?? throw new InvalidOperationException("The fixture is not initialized.");

    internal string PackagePath { get; private set; } = string.Empty;

    internal string Version { get; private set; } = string.Empty;

    internal CommandResult Pack { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        feed = new TempFolder("feed");
        Pack = await DotNet.RunAsync(Repository.Root, "pack", Repository.PackageProject, "--output", feed.Path);
        Assert.True(Pack.ExitCode == 0, Pack.ToString());

        PackagePath = Assert.Single(Directory.GetFiles(feed.Path, "LegacyAuthAnalyzers.*.nupkg"));
        Version = Path.GetFileNameWithoutExtension(PackagePath)["LegacyAuthAnalyzers.".Length..];
    }

    public Task DisposeAsync()
    {
        feed?.Dispose();
        return Task.CompletedTask;
    }
}
