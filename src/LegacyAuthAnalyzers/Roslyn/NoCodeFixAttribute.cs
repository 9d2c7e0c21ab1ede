namespace LegacyAuthAnalyzers.Roslyn;

/// <summary>
/// Marks a rule's analyzer as shipping without a code fix on purpose, and says why. The contract tests check that
/// every rule either has a fixer or carries this marker (never both), and the documentation generator shows the reason
/// in the README's rule table.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
internal sealed class NoCodeFixAttribute : Attribute
{
    public NoCodeFixAttribute(string reason) => Reason = reason;

    public string Reason { get; }
}
