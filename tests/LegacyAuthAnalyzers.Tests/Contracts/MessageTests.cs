using System.Collections.Immutable;
using System.Text.RegularExpressions;
using LegacyAuthAnalyzers.Tests.Infrastructure;
using LegacyAuthAnalyzers.Tests.Robustness;
using Microsoft.CodeAnalysis;
using Xunit;

namespace LegacyAuthAnalyzers.Tests.Contracts;

/// <summary>
/// Every message shape of every rule, rendered by running the package's analyzers over code and configuration files
/// that produce it, must read once: no name or phrase twice, and a configuration-file message never tells the user to
/// put the value into configuration, where it already is.
/// </summary>
public sealed partial class MessageTests
{
    private const string Code = """
        using System;
        using System.Net;
        using System.Net.Http;
        using System.Net.Http.Headers;
        using System.Security.Authentication;
        using System.Threading.Tasks;
        using MailKit.Net.Imap;
        using MailKit.Net.Pop3;
        using MailKit.Net.Smtp;
        using MailKit.Security;
        using Microsoft.Exchange.WebServices.Data;
        using Microsoft.Identity.Client;
        using Microsoft.IdentityModel.Clients.ActiveDirectory;

        public static class Secrets
        {
            public const string ReportsMailboxPassword = "qwrtzkbvnhgfdlpx";
        }

        public static class Messages
        {
            public static void HardCoded(ImapClient imap, Pop3Client pop)
            {
                imap.Connect("imap.fabrikam.com", 993, SecureSocketOptions.SslOnConnect);
                imap.Authenticate("alerts@fabrikam.com", "Vb7#qLm2@xRt9");
                pop.Connect("pop.fabrikam.com", 995, SecureSocketOptions.SslOnConnect);
                pop.Authenticate("alerts@fabrikam.com", "qwrt zkbv nhgf dlpx");
            }

            public static void SettingDeclaration(MailKit.Net.Smtp.SmtpClient client) =>
                client.Authenticate("reports@fabrikam.com", Secrets.ReportsMailboxPassword);

            public static void FromSettings(MailKit.Net.Smtp.SmtpClient smtp, ImapClient imap, Pop3Client pop, string password, string appPassword)
            {
                smtp.Connect("smtp.office365.com", 587, SecureSocketOptions.StartTls);
                smtp.Authenticate("a@contoso.com", password);
                imap.Connect("outlook.office365.com", 993, SecureSocketOptions.SslOnConnect);
                imap.Authenticate("a@contoso.com", password);
                pop.Connect("outlook.office365.com", 995, SecureSocketOptions.SslOnConnect);
                pop.Authenticate("a@contoso.com", password);
                using var outlook = new MailKit.Net.Smtp.SmtpClient();
                outlook.Connect("smtp-mail.outlook.com", 587, SecureSocketOptions.StartTls);
                outlook.Authenticate("someone@outlook.com", password);
                using var other = new MailKit.Net.Smtp.SmtpClient();
                other.Connect("smtp.fabrikam.com", 587, SecureSocketOptions.StartTls);
                other.Authenticate("a@fabrikam.com", appPassword);
            }

            public static void UnknownHost(Pop3Client pop, string host, string password)
            {
                pop.Connect(host, 995, SecureSocketOptions.SslOnConnect);
                pop.Authenticate("a@fabrikam.com", password);
            }

            public static void Ews(string password)
            {
                var service = new ExchangeService(ExchangeVersion.Exchange2013_SP1) { Url = new Uri("https://outlook.office365.com/EWS/Exchange.asmx") };
                service.Credentials = new WebCredentials("a@contoso.com", password);
            }

            public static Task<HttpResponseMessage> HttpBasic(HttpClient http, string encoded)
            {
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", encoded);
                return http.GetAsync("https://outlook.office365.com/EWS/Exchange.asmx");
            }

            public static void Transport(
                MailKit.Net.Smtp.SmtpClient a, MailKit.Net.Smtp.SmtpClient b, MailKit.Net.Smtp.SmtpClient c, MailKit.Net.Smtp.SmtpClient d,
                ImapClient e, ImapClient f, Pop3Client g, MailKit.Net.Smtp.SmtpClient h, MailKit.Net.Smtp.SmtpClient i, MailKit.Net.Smtp.SmtpClient j)
            {
                a.Connect("smtp.fabrikam.com", 25, SecureSocketOptions.None);
                b.Connect(new Uri("smtp://smtp.fabrikam.com:25?starttls=never"));
                c.Connect("smtp.fabrikam.com", 587, SecureSocketOptions.StartTlsWhenAvailable);
                d.Connect("smtp.fabrikam.com", 587, false);
                e.Connect("imap.fabrikam.com", 143);
                f.Connect("imap.fabrikam.com", 993, SecureSocketOptions.StartTls);
                g.Connect("pop.fabrikam.com", 110, true);
                h.Connect("smtp.office365.com", 465, SecureSocketOptions.SslOnConnect);
                i.Connect(new Uri("smtp://smtp.fabrikam.com:587"));
                j.Connect("smtp.fabrikam.com", 587, SecureSocketOptions.SslOnConnect);
                e.ServerCertificateValidationCallback = (sender, certificate, chain, errors) => true;
                f.SslProtocols = SslProtocols.Tls | SslProtocols.Tls11;
            }

            public static void SystemNetMail(System.Net.Mail.MailMessage message)
            {
                using var never = new System.Net.Mail.SmtpClient("relay.fabrikam.com", 25);
                never.Send(message);
                using var off = new System.Net.Mail.SmtpClient("relay.fabrikam.com", 587) { EnableSsl = false };
                off.Send(message);
                using var implicitPort = new System.Net.Mail.SmtpClient("relay.fabrikam.com", 465) { EnableSsl = true };
                implicitPort.Send(message);
            }

            public static async Task Tokens(IPublicClientApplication app, string user, string password)
            {
                var daemon = ConfidentialClientApplicationBuilder.Create("0b7c3d1e-5f2a-4e8b-9c6d-1a2b3c4d5e6f")
                    .WithClientSecret("Qx8~vF2.kLm9_RtZ3pWn6-YbH1sDcJ4eGuA7")
                    .Build();
                var adal = new AuthenticationContext("https://login.microsoftonline.com/contoso.onmicrosoft.com");
                var result = await app.AcquireTokenByUsernamePassword(new[] { "https://outlook.office.com/IMAP.AccessAsUser.All" }, user, password).ExecuteAsync();
                using var client = new ImapClient();
                await client.ConnectAsync("outlook.office365.com", 993, SecureSocketOptions.SslOnConnect);
                await client.AuthenticateAsync(new SaslMechanismOAuth2(user, result.AccessToken));
            }
        }
        """;

    private const string WebConfig = """
        <configuration>
          <system.net>
            <mailSettings>
              <smtp from="alerts@contoso.com">
                <network host="smtp.office365.com" port="587" userName="alerts@contoso.com" password="Vb7#qLm2@xRt9" />
              </smtp>
            </mailSettings>
          </system.net>
        </configuration>
        """;

    private const string AppConfig = """
        <configuration>
          <system.net>
            <mailSettings>
              <smtp from="alerts@fabrikam.com">
                <network host="relay.fabrikam.com" port="465" userName="alerts" password="qwrtzkbvnhgfdlpx" enableSsl="false" />
              </smtp>
            </mailSettings>
          </system.net>
        </configuration>
        """;

    private const string AppSettings = """
        {
          "Smtp": { "Host": "smtp.office365.com", "Port": 465, "UseSsl": false, "Password": "Vb7#qLm2@xRt9", "ClientSecret": "Qx8~vF2.kLm9_RtZ3pWn6-YbH1sDcJ4eGuA7" },
          "Imap": { "Host": "imap.fabrikam.com", "Port": 993, "SecureSocketOptions": "StartTls", "AppPassword": "qwrt zkbv nhgf dlpx" },
          "Relay": { "Host": "relay.fabrikam.com", "Port": 587, "SecureSocketOptions": "SslOnConnect" },
          "Pop": { "Host": "pop.fabrikam.com", "Port": 110, "SecureSocketOptions": "None" },
          "Email": { "Host": "smtp.fabrikam.com", "Port": 587, "SecureSocketOptions": "StartTlsWhenAvailable" }
        }
        """;

    private static readonly string[] StopWords =
        ["a", "an", "the", "to", "in", "of", "on", "and", "or", "with", "for", "is", "it", "by", "at", "from", "be", "its", "that", "this", "as", "but", "not", "no"];

    private static readonly Lazy<Task<ImmutableArray<Diagnostic>>> Rendered = new(RenderAsync);

    [Fact]
    public async Task EveryRule_RendersAtLeastOneMessageInCodeAndEveryConfigRuleInConfigFiles()
    {
        var diagnostics = await Rendered.Value;

        var inCode = diagnostics.Where(d => d.Location.IsInSource).Select(d => d.Id).Distinct().Order(StringComparer.Ordinal);
        var inConfig = diagnostics.Where(d => !d.Location.IsInSource).Select(d => d.Id).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(RuleIds(PackageUnderTest.Analyzers), inCode);
        Assert.Equal(RuleIds(PackageUnderTest.Analyzers.Where(a => a.GetType().Namespace!.EndsWith(".Config", StringComparison.Ordinal))), inConfig);
    }

    [Fact]
    public async Task EveryMessage_NamesNothingTwice()
    {
        var problems = new List<string>();
        foreach (var message in await MessagesAsync())
        {
            if (RepeatedName(message) is { } name)
            {
                problems.Add($"'{name}' twice: {message}");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task EveryMessage_SaysNoPhraseTwice()
    {
        var problems = new List<string>();
        foreach (var message in await MessagesAsync())
        {
            if (RepeatedPhrase(message) is { } phrase)
            {
                problems.Add($"'{phrase}' twice: {message}");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task EveryMessage_IsOneSentenceWithoutTrailingPeriodOrDoubleSpace()
    {
        foreach (var message in await MessagesAsync())
        {
            Assert.False(message.EndsWith('.'), message);
            Assert.DoesNotContain("  ", message, StringComparison.Ordinal);
            Assert.True(char.IsUpper(message[0]) || message.StartsWith("new ", StringComparison.Ordinal), message);
        }
    }

    [Fact]
    public async Task ConfigFileSecretMessages_SayWhereToMoveTheValue()
    {
        var diagnostics = await Rendered.Value;
        var secrets = diagnostics.Where(d => !d.Location.IsInSource && d.Id is "LA1001" or "LA3001").Select(d => d.GetMessage()).ToList();

        Assert.NotEmpty(secrets);
        Assert.All(secrets, message =>
        {
            Assert.Contains("secret store", message, StringComparison.Ordinal);
            Assert.Contains("user secrets", message, StringComparison.Ordinal);
            Assert.Contains("environment variable", message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task ConfigFileMessages_NeverSendTheValueToConfiguration()
    {
        var diagnostics = await Rendered.Value;
        var messages = diagnostics.Where(d => !d.Location.IsInSource).Select(d => d.GetMessage()).ToList();

        Assert.NotEmpty(messages);
        Assert.All(messages, message => Assert.DoesNotMatch(ConfigurationAdvice(), message));
    }

    [Theory]
    [InlineData("SmtpClient.ConnectAsync with opportunistic STARTTLS (useSsl: false) uses opportunistic STARTTLS to 'smtp.fabrikam.com'", "opportunistic starttls")]
    [InlineData("ImapClient.Connect uses SecureSocketOptions.StartTls on port 993: it hangs; use SecureSocketOptions.SslOnConnect on port 993", "port 993")]
    [InlineData("SmtpClient.Credentials receives an app password from 'AppPassword'; app passwords bypass multi-factor authentication", "app passwords")]
    public void RepeatedPhrase_FindsTheRepetition(string message, string phrase)
        => Assert.Equal(phrase, RepeatedPhrase(message));

    [Theory]
    [InlineData("Secrets.ReportsMailboxPassword receives a hard-coded 16-character password for 'ReportsMailboxPassword'", "ReportsMailboxPassword")]
    [InlineData("The mail setting 'Smtp:Password' in appsettings.json receives a hard-coded password for 'Password'", "Password")]
    [InlineData("Pop3Client.Authenticate authenticates to a mail server with a password", "Authenticate")]
    [InlineData("System.Net.Mail.SmtpClient on port 465: System.Net.Mail cannot do implicit TLS", "System.Net.Mail")]
    public void RepeatedName_FindsTheRepetition(string message, string name)
        => Assert.Equal(name, RepeatedName(message));

    [Theory]
    [InlineData("The mail setting 'Smtp:Password' in appsettings.json receives a hard-coded password; read the secret from configuration")]
    [InlineData("The <network> element in app.config holds a password; move it to configuration")]
    public void ConfigurationAdvice_FindsTheAdvice(string message)
        => Assert.Matches(ConfigurationAdvice(), message);

    private static IEnumerable<string> RuleIds(IEnumerable<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer> analyzers)
        => analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().Order(StringComparer.Ordinal);

    private static async Task<ImmutableArray<Diagnostic>> RenderAsync()
    {
        var files = ImmutableArray.Create(
            AnalyzerRunner.AdditionalFile("/src/web.config", WebConfig),
            AnalyzerRunner.AdditionalFile("/src/app.config", AppConfig),
            AnalyzerRunner.AdditionalFile("/src/appsettings.json", AppSettings));
        return await AnalyzerRunner.GetDiagnosticsAsync(
            Code,
            TestReferences.All,
            ImmutableDictionary<string, string>.Empty,
            files,
            [.. PackageUnderTest.Analyzers]);
    }

    private static async Task<IReadOnlyList<string>> MessagesAsync()
    {
        var messages = (await Rendered.Value).Select(d => d.GetMessage()).Distinct(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(messages);
        return messages;
    }

    /// <summary>
    /// A name said twice: a quoted value, a dotted or PascalCase identifier, or a member name echoed by a verb
    /// (<c>Authenticate authenticates</c>, <c>Connect connects</c>).
    /// </summary>
    private static string? RepeatedName(string message)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in Names(message))
        {
            if (!seen.Add(name))
            {
                return name;
            }
        }

        // An API's member echoed by the verb that follows it: only members of dotted names, not configuration keys.
        var words = Words(message).Select(w => w.ToLowerInvariant()).ToList();
        foreach (var name in Identifier().Matches(Quoted().Replace(message, " ")).Select(m => m.Value).Where(n => n.Contains('.')))
        {
            var member = name.Split('.').Last();
            var verb = (member.EndsWith("Async", StringComparison.Ordinal) ? member[..^5] : member).ToLowerInvariant();
            if (member.Length > 0 && char.IsUpper(member[0]) && (words.Count(w => w == verb) > 1 || words.Contains(verb + "s")))
            {
                return member;
            }
        }

        return null;
    }

    private static IEnumerable<string> Names(string message)
    {
        foreach (Match quoted in Quoted().Matches(message))
        {
            // A quoted name and the same name inside a quoted key ('Smtp:Password' ... 'Password') are one name said twice.
            foreach (var part in quoted.Groups[1].Value.Split(':'))
            {
                yield return part;
            }
        }

        foreach (Match identifier in Identifier().Matches(Quoted().Replace(message, " ")))
        {
            // System.Net.Mail.SmtpClient names System.Net.Mail too: every dotted prefix, longest first, and the member.
            var parts = identifier.Value.Split('.');
            for (var length = parts.Length; length >= 2; length--)
            {
                yield return string.Join('.', parts.Take(length));
            }

            if (parts.Length > 1)
            {
                yield return parts[^1];
            }
        }
    }

    /// <summary>Two words in a row, neither of them a stop word, that come back later (plurals count as the same).</summary>
    private static string? RepeatedPhrase(string message)
    {
        var words = Words(message).Select(w => w.ToLowerInvariant().TrimEnd('s')).ToList();
        var original = Words(message).Select(w => w.ToLowerInvariant()).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < words.Count; i++)
        {
            if (StopWords.Contains(original[i]) || StopWords.Contains(original[i + 1]))
            {
                continue;
            }

            if (!seen.Add(words[i] + " " + words[i + 1]))
            {
                return original[i] + " " + original[i + 1];
            }
        }

        return null;
    }

    private static IEnumerable<string> Words(string message) => Word().Matches(message).Select(m => m.Value);

    [GeneratedRegex(@"'([^']+)'")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\b[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)+\b|\b[A-Z][a-z0-9]+(?:[A-Z][A-Za-z0-9]*)+\b")]
    private static partial Regex Identifier();

    // A dotted name (SecureSocketOptions.StartTls, smtp.fabrikam.com) is one word.
    [GeneratedRegex(@"[A-Za-z0-9]+(?:[-'.][A-Za-z0-9]+)*")]
    private static partial Regex Word();

    /// <summary>Advice to read or move a value from or to configuration, or to keep it there.</summary>
    [GeneratedRegex(@"\b(?:read|move|keep|put|store)\b[^;]*\b(?:from|to|in|into)\s+(?:the\s+)?configuration\b", RegexOptions.IgnoreCase)]
    private static partial Regex ConfigurationAdvice();
}
