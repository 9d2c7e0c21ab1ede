namespace LegacyAuthAnalyzers.Audit;

/// <summary>A command line the tool cannot run: exit code 2 with the message and the usage.</summary>
internal sealed class UsageException(string message) : Exception(message);
