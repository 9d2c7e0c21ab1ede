namespace LegacyAuthAnalyzers.Audit.Scanning;

/// <summary>One repository to audit: its display name (unique within a run, used in every report) and its root.</summary>
internal sealed record Repository(string Name, string Root);
