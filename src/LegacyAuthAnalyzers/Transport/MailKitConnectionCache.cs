using System.Runtime.CompilerServices;
using System.Threading;

namespace LegacyAuthAnalyzers.Transport;

/// <summary>
/// The MailKit connections of one compilation, each read once and shared by the rules that assess them: LA2001, LA2002
/// and LA2003 all ask for the connection of the same <c>Connect</c> call, and reading it resolves the host, the port and
/// every branch of the TLS setting. The analyzer driver hands the rules the same operation objects, so the second and
/// third rule read the first one's answer.
/// Serves LA2001, LA2002 and LA2003.
/// </summary>
/// <remarks>
/// A connection depends on the compilation alone (no options), so an answer is valid for every rule that asks. A
/// <see cref="MailKitConnection"/> is not changed after it is read, so the rules may share it across threads.
/// </remarks>
internal sealed class MailKitConnectionCache
{
    private static readonly ConditionalWeakTable<Compilation, MailKitConnectionCache> PerCompilation = new();

    private readonly OperationAnswers<Answer> connections = new();
    private readonly KnownTypes types;

    private MailKitConnectionCache(KnownTypes types) => this.types = types;

    public static MailKitConnectionCache For(Compilation compilation, KnownTypes types) =>
        PerCompilation.GetValue(compilation, _ => new MailKitConnectionCache(types));

    /// <summary>The connection of a <c>Connect</c> call and its assessment, read once per operation; false when it is none.</summary>
    public bool TryGet(IOperation operation, CancellationToken cancellationToken, out MailKitConnection connection, out TransportAssessment assessment)
    {
        var answer = connections.GetOrAdd(
            operation,
            call => MailKitConnection.TryGet(call, types, cancellationToken, out var read) ? new Answer(read, read.Assess()) : Answer.None);
        connection = answer.Connection!;
        assessment = answer.Assessment;
        return answer.Connection is not null;
    }

    /// <summary>A connection and its assessment, or the knowledge that the call is none.</summary>
    private sealed class Answer
    {
        public static readonly Answer None = new(null, default);

        public Answer(MailKitConnection? connection, TransportAssessment assessment)
        {
            Connection = connection;
            Assessment = assessment;
        }

        public MailKitConnection? Connection { get; }

        public TransportAssessment Assessment { get; }
    }
}
