using System.Runtime.CompilerServices;

namespace LegacyAuthAnalyzers.Credentials;

/// <summary>
/// The credential sites of one compilation, each found once and shared by the rules that read them: LA1001, LA1002,
/// LA1003, LA3001 and LA3002 all ask for the sink site of the same operation (<see cref="CredentialSites"/>), and LA1001
/// and LA3001 for its sign-in site (<see cref="SignInPasswordSites"/>). Finding a site resolves its host, which walks
/// member bodies and the client's type; the analyzer driver hands the rules the same operation objects, so the second
/// rule reads the first one's answer.
/// </summary>
/// <remarks>
/// An answer is tied to the options it was found with (the declared sinks, the Microsoft 365 and local hosts, all of
/// which can differ per file): asked with other options, the site is found again and not stored.
/// </remarks>
internal sealed class CredentialSiteCache
{
    private static readonly ConditionalWeakTable<Compilation, CredentialSiteCache> PerCompilation = new();

    private readonly OperationAnswers<Answer> sinkSites = new();
    private readonly OperationAnswers<Answer> signInSites = new();

    public static CredentialSiteCache For(Compilation compilation) => PerCompilation.GetValue(compilation, static _ => new CredentialSiteCache());

    /// <summary>The sink site of an operation as found with <paramref name="options"/>, when it was found before (null: none).</summary>
    public bool TryGetSinkSite(IOperation operation, object options, out CredentialSite? site) => TryGet(sinkSites, operation, options, out site);

    public void AddSinkSite(IOperation operation, object options, CredentialSite? site) => sinkSites.Add(operation, new Answer(options, site));

    /// <summary>The sign-in site of an operation as found with <paramref name="options"/>, when it was found before (null: none).</summary>
    public bool TryGetSignInSite(IOperation operation, object options, out CredentialSite? site) => TryGet(signInSites, operation, options, out site);

    public void AddSignInSite(IOperation operation, object options, CredentialSite? site) => signInSites.Add(operation, new Answer(options, site));

    private static bool TryGet(OperationAnswers<Answer> answers, IOperation operation, object options, out CredentialSite? site)
    {
        if (answers.TryGet(operation, out var answer) && ReferenceEquals(answer.Options, options))
        {
            site = answer.Site;
            return true;
        }

        site = null;
        return false;
    }

    /// <summary>A site, or the knowledge that there is none, and the options it was found with.</summary>
    private sealed class Answer
    {
        public Answer(object options, CredentialSite? site)
        {
            Options = options;
            Site = site;
        }

        public object Options { get; }

        public CredentialSite? Site { get; }
    }
}
