namespace LegacyAuthAnalyzers.Tests.EndToEnd;

/// <summary>A fresh folder under the system temp folder, outside the repository, deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder(string purpose)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"legacyauth-{purpose}-{Guid.NewGuid():N}");
        if (Repository.Contains(Path))
        {
            // A build inside the repository would pick up its Directory.Build.props and leave files behind.
            throw new InvalidOperationException($"The temp folder {Path} is inside the repository; point TMPDIR elsewhere.");
        }

        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        for (var attempt = 1; Directory.Exists(Path); attempt++)
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (Exception e) when (attempt < 5 && e is IOException or UnauthorizedAccessException)
            {
                // A build process that has just exited can still hold a file for a moment.
                Thread.Sleep(200 * attempt);
            }
        }
    }
}
