using System.Runtime.CompilerServices;

namespace LegacyAuthAnalyzers.Roslyn;

/// <summary>
/// Answers about the operations of one compilation, each found once and shared by the rules that ask for it: the
/// analyzer driver hands every rule the same operation objects, so the second rule reads the first one's answer. Keyed
/// weakly, so an answer lives no longer than its operation tree. Used by the credential sites (LA1001-LA1003, LA3001,
/// LA3002), the MailKit connections (LA2001-LA2003) and the writes to a member body's locals (every rule that resolves
/// a constant).
/// </summary>
internal sealed class OperationAnswers<TAnswer>
    where TAnswer : class
{
    private readonly ConditionalWeakTable<IOperation, TAnswer> answers = new();

    /// <summary>The answer stored for <paramref name="operation"/>, if one is.</summary>
    public bool TryGet(IOperation operation, out TAnswer answer) => answers.TryGetValue(operation, out answer!);

    /// <summary>
    /// Stores <paramref name="answer"/> unless one is stored already, and returns the stored one: two rules may find the
    /// same answer at the same time; the answers are equal and the first one stored stays.
    /// </summary>
    public TAnswer Add(IOperation operation, TAnswer answer) => answers.GetValue(operation, _ => answer);

    /// <summary>The answer stored for <paramref name="operation"/>, or the one <paramref name="find"/> gives, stored.</summary>
    public TAnswer GetOrAdd(IOperation operation, Func<IOperation, TAnswer> find) =>
        TryGet(operation, out var answer) ? answer : Add(operation, find(operation));
}
