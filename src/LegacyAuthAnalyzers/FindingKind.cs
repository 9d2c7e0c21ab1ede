namespace LegacyAuthAnalyzers;

/// <summary>What a rule's finding shows, which decides its default severity (<see cref="Descriptors.DefaultSeverity"/>).</summary>
internal enum FindingKind
{
    /// <summary>
    /// The code itself shows the defect, with no known false positives in real code: a secret in the source, a login
    /// to a host that refuses it, plaintext, a disabled certificate check, a retired library or flow.
    /// </summary>
    Defect,

    /// <summary>
    /// Advice whose weight depends on what the code cannot show: whether the server offers OAuth (a password login to
    /// an unknown host), whether an attacker sits on the path (opportunistic STARTTLS), what a value named as an app
    /// password holds.
    /// </summary>
    Advice,
}
