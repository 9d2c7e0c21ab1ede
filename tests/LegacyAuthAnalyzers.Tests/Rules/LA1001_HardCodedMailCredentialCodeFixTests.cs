using LegacyAuthAnalyzers.Configuration;
using LegacyAuthAnalyzers.Credentials;
using LegacyAuthAnalyzers.Roslyn;
using LegacyAuthAnalyzers.Transport;
using LegacyAuthAnalyzers.Values;
using LegacyAuthAnalyzers.CodeFixes.Fixes;
using LegacyAuthAnalyzers.Rules;
using LegacyAuthAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LegacyAuthAnalyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    LegacyAuthAnalyzers.Rules.LA1001_HardCodedMailCredentialAnalyzer,
    LegacyAuthAnalyzers.CodeFixes.Fixes.LA1001_HardCodedMailCredentialCodeFix>;

namespace LegacyAuthAnalyzers.Tests.Rules;

public sealed class LA1001_HardCodedMailCredentialCodeFixTests
{
    private const string AppOnly = LA1001_HardCodedMailCredentialCodeFix.OAuthAppOnlyKey;
    private const string ReadFromEnvironment = LA1001_HardCodedMailCredentialCodeFix.ReadFromEnvironmentKey;

    private static DiagnosticResult Expected(int location, string api, int length) =>
        Verify.Diagnostic(DiagnosticIds.HardCodedMailCredential).WithLocation(location).WithArguments(api, length, SecretRemedies.PasswordInCode);

    [Fact]
    public async Task LiteralForThirdPartyServer_FixesToEnvironmentVariable()
    {
        const string source = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            public static class Mailer
            {
                public static void Login(SmtpClient client)
                {
                    client.Connect("smtp.gmail.com", 587, SecureSocketOptions.StartTls);
                    client.Authenticate("me@gmail.com", {|#0:"Gm4il-Passw0rd!"|});
                }
            }
            """;

        const string fixedSource = """
            using System;
            using MailKit.Net.Smtp;
            using MailKit.Security;

            public static class Mailer
            {
                public static void Login(SmtpClient client)
                {
                    client.Connect("smtp.gmail.com", 587, SecureSocketOptions.StartTls);
                    client.Authenticate("me@gmail.com", Environment.GetEnvironmentVariable("SMTP_PASSWORD") ?? throw new InvalidOperationException("Set the SMTP_PASSWORD environment variable to the SMTP password."));
                }
            }
            """;

        await CredentialFixTest.VerifyAsync<LA1001_HardCodedMailCredentialAnalyzer, LA1001_HardCodedMailCredentialCodeFix>(
            source, fixedSource, ReadFromEnvironment, [Expected(0, "SmtpClient.Authenticate", 15)], null, ["Gm4il-Passw0rd!"]);
    }

    [Fact]
    public async Task LocalBetweenBlankLines_RemovalKeepsTheLinesAroundItSeparated()
    {
        const string source = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            public static class Mailer
            {
                public static void Login(SmtpClient client)
                {
                    client.Connect("smtp.gmail.com", 587, SecureSocketOptions.StartTls);

                    var {|#1:secret|} = "Qw7!rT9#pL2x-Gm";

                    client.Authenticate("me@gmail.com", {|#0:secret|});

                    client.Disconnect(true);
                }
            }
            """;

        const string fixedSource = """
            using System;
            using MailKit.Net.Smtp;
            using MailKit.Security;

            public static class Mailer
            {
                public static void Login(SmtpClient client)
                {
                    client.Connect("smtp.gmail.com", 587, SecureSocketOptions.StartTls);

                    client.Authenticate("me@gmail.com", Environment.GetEnvironmentVariable("SMTP_PASSWORD") ?? throw new InvalidOperationException("Set the SMTP_PASSWORD environment variable to the SMTP password."));

                    client.Disconnect(true);
                }
            }
            """;

        await CredentialFixTest.VerifyAsync<LA1001_HardCodedMailCredentialAnalyzer, LA1001_HardCodedMailCredentialCodeFix>(
            source, fixedSource, ReadFromEnvironment, [Expected(0, "SmtpClient.Authenticate", 15).WithLocation(1)], null, ["Qw7!rT9#pL2x-Gm"]);
    }

    [Fact]
    public async Task FirstStatementsAndFirstField_RemovalLeavesNoBlankLineAfterTheBrace()
    {
        const string source = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            public sealed class Mailer
            {
                private readonly string {|#2:_secret|} = "Fd8!vB3#qZ6w-Gm";

                public void Login(SmtpClient client)
                {
                    var {|#3:local|} = "Lc5!nM2#xR8t-Gm";

                    client.Connect("smtp.gmail.com", 587, SecureSocketOptions.StartTls);
                    client.Authenticate("me@gmail.com", {|#0:_secret|});
                    client.Authenticate("me@gmail.com", {|#1:local|});
                }
            }
            """;

        const string fixedSource = """
            using System;
            using MailKit.Net.Smtp;
            using MailKit.Security;

            public sealed class Mailer
            {
                public void Login(SmtpClient client)
                {
                    client.Connect("smtp.gmail.com", 587, SecureSocketOptions.StartTls);
                    client.Authenticate("me@gmail.com", Environment.GetEnvironmentVariable("SMTP_PASSWORD") ?? throw new InvalidOperationException("Set the SMTP_PASSWORD environment variable to the SMTP password."));
                    client.Authenticate("me@gmail.com", Environment.GetEnvironmentVariable("SMTP_PASSWORD") ?? throw new InvalidOperationException("Set the SMTP_PASSWORD environment variable to the SMTP password."));
                }
            }
            """;

        await CredentialFixTest.VerifyAsync<LA1001_HardCodedMailCredentialAnalyzer, LA1001_HardCodedMailCredentialCodeFix>(
            source,
            fixedSource,
            ReadFromEnvironment,
            [Expected(0, "SmtpClient.Authenticate", 15).WithLocation(2), Expected(1, "SmtpClient.Authenticate", 15).WithLocation(3)],
            null,
            ["Fd8!vB3#qZ6w-Gm", "Lc5!nM2#xR8t-Gm"]);
    }

    [Fact]
    public async Task ThirdPartyServer_NoOAuthFixOffered()
    {
        const string source = """
            using MailKit.Net.Imap;

            public static class Inbox
            {
                public static void Open(ImapClient client)
                {
                    client.Connect("imap.gmail.com", 993, true);
                    client.Authenticate("me@gmail.com", {|#0:"Gm4il-Imap-Pass"|});
                }
            }
            """;

        // Asking for the app-only action leaves the code as it is: only the environment-variable fix exists here.
        var test = new Verify.Test
        {
            TestCode = source,
            FixedCode = source,
            CodeActionEquivalenceKey = AppOnly,
        };
        test.ExpectedDiagnostics.Add(Expected(0, "ImapClient.Authenticate", 15));
        test.CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllCheck;
        await test.RunAsync();
    }

    [Fact]
    public async Task ConstantInAnotherFileUsedTwice_FixAllRemovesIt()
    {
        const string secrets = """
            namespace Contoso.Mail;

            internal static class MailSecrets
            {
                public const string User = "relay@contoso.org";
                public const string {|#2:Password|} = "Rel4y-Const-Secret";
            }
            """;

        const string mailer = """
            using System.Net;
            using MailKit.Net.Pop3;
            using MailKit.Net.Smtp;

            namespace Contoso.Mail;

            internal static class Relay
            {
                public static void Login(SmtpClient smtp, Pop3Client pop)
                {
                    smtp.Connect("mail.contoso.org", 587, MailKit.Security.SecureSocketOptions.StartTls);
                    smtp.Authenticate(MailSecrets.User, {|#0:MailSecrets.Password|});
                    pop.Connect("mail.contoso.org", 995, true);
                    pop.Authenticate(new NetworkCredential(MailSecrets.User, {|#1:MailSecrets.Password|}));
                }
            }
            """;

        const string secretsFixed = """
            namespace Contoso.Mail;

            internal static class MailSecrets
            {
                public const string User = "relay@contoso.org";
            }
            """;

        const string mailerFixed = """
            using System;
            using System.Net;
            using MailKit.Net.Pop3;
            using MailKit.Net.Smtp;

            namespace Contoso.Mail;

            internal static class Relay
            {
                public static void Login(SmtpClient smtp, Pop3Client pop)
                {
                    smtp.Connect("mail.contoso.org", 587, MailKit.Security.SecureSocketOptions.StartTls);
                    smtp.Authenticate(MailSecrets.User, Environment.GetEnvironmentVariable("SMTP_PASSWORD") ?? throw new InvalidOperationException("Set the SMTP_PASSWORD environment variable to the SMTP password."));
                    pop.Connect("mail.contoso.org", 995, true);
                    pop.Authenticate(new NetworkCredential(MailSecrets.User, Environment.GetEnvironmentVariable("POP3_PASSWORD") ?? throw new InvalidOperationException("Set the POP3_PASSWORD environment variable to the POP3 password.")));
                }
            }
            """;

        var test = CredentialFixTest.Create<LA1001_HardCodedMailCredentialAnalyzer, LA1001_HardCodedMailCredentialCodeFix>(ReadFromEnvironment);
        test.TestState.Sources.Add(("/0/MailSecrets.cs", secrets));
        test.TestState.Sources.Add(("/0/Relay.cs", mailer));
        test.FixedState.Sources.Add(("/0/MailSecrets.cs", secretsFixed));
        test.FixedState.Sources.Add(("/0/Relay.cs", mailerFixed));
        test.ExpectedDiagnostics.Add(Expected(0, "SmtpClient.Authenticate", 18).WithLocation(2));
        test.ExpectedDiagnostics.Add(Expected(1, "Pop3Client.Authenticate", 18).WithLocation(2));
        await test.RunAsync();

        Assert.DoesNotContain("Rel4y-Const-Secret", secretsFixed + mailerFixed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LocalPasswordForMicrosoft365_FixesToOAuthAndRemovesTheLocal()
    {
        const string source = """
            using System.Net;
            using System.Net.Mail;

            namespace Contoso.Alerts;

            internal sealed class AlertMailer
            {
                public void Send(MailMessage message)
                {
                    const string user = "alerts@contoso.com";
                    var {|#1:password|} = "Al3rts-Local-Pwd";
                    using var client = new SmtpClient("smtp.office365.com")
                    {
                        Port = 587,
                        EnableSsl = true,
                        UseDefaultCredentials = false,
                    };
                    client.Credentials = new NetworkCredential(user, {|#0:password|});
                    client.Send(message);
                }
            }
            """;

        const string fixedSource = """
            using System.Net.Mail;
            using MailKit.Security;
            using MimeKit;

            namespace Contoso.Alerts;

            internal sealed class AlertMailer
            {
                public void Send(MailMessage message)
                {
                    const string user = "alerts@contoso.com";
                    using var client = new MailKit.Net.Smtp.SmtpClient();
                    client.Connect("smtp.office365.com", 587, SecureSocketOptions.StartTls);
                    client.Authenticate(new SaslMechanismOAuth2(user, MailTokenProvider.GetAppOnlyToken()));
                    client.Send(MimeMessage.CreateFromMailMessage(message));
                    client.Disconnect(true);
                }
            }
            """;

        await CredentialFixTest.VerifyAsync<LA1001_HardCodedMailCredentialAnalyzer, LA1001_HardCodedMailCredentialCodeFix>(
            source, fixedSource, AppOnly, [Expected(0, "SmtpClient.Credentials", 16).WithLocation(1)], CredentialFixTest.Provider("Contoso.Alerts"), ["Al3rts-Local-Pwd"]);
    }

    [Fact]
    public async Task HostFromConfiguration_OffersOAuthAndEnvironmentVariable()
    {
        const string source = """
            using MailKit.Net.Smtp;

            internal static class Mailer
            {
                public static void Login(SmtpClient client, string host)
                {
                    client.Connect(host, 587, MailKit.Security.SecureSocketOptions.StartTls);
                    client.Authenticate("bot@contoso.com", {|#0:"Unkn0wn-Host-Pwd"|});
                }
            }
            """;

        const string oauthFixed = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            internal static class Mailer
            {
                public static void Login(SmtpClient client, string host)
                {
                    client.Connect(host, 587, MailKit.Security.SecureSocketOptions.StartTls);
                    client.Authenticate(new SaslMechanismOAuth2("bot@contoso.com", MailTokenProvider.GetAppOnlyToken()));
                }
            }
            """;

        const string environmentFixed = """
            using System;
            using MailKit.Net.Smtp;

            internal static class Mailer
            {
                public static void Login(SmtpClient client, string host)
                {
                    client.Connect(host, 587, MailKit.Security.SecureSocketOptions.StartTls);
                    client.Authenticate("bot@contoso.com", Environment.GetEnvironmentVariable("SMTP_PASSWORD") ?? throw new InvalidOperationException("Set the SMTP_PASSWORD environment variable to the SMTP password."));
                }
            }
            """;

        // The OAuth action assumes Microsoft 365 and says so; Fix All applies it only where the host is known.
        await CredentialFixTest.VerifyAsync<LA1001_HardCodedMailCredentialAnalyzer, LA1001_HardCodedMailCredentialCodeFix>(
            source,
            oauthFixed,
            AppOnly,
            [Expected(0, "SmtpClient.Authenticate", 16)],
            CredentialFixTest.Provider(null),
            ["Unkn0wn-Host-Pwd"],
            test =>
            {
                CredentialFixTest.FixAllLeavesUnknownHost<LA1001_HardCodedMailCredentialAnalyzer, LA1001_HardCodedMailCredentialCodeFix>(source, Expected(0, "SmtpClient.Authenticate", 16))(test);
                test.CodeActionVerifier = (action, verifier) =>
                    verifier.Equal("Use OAuth 2.0 with an app-only token (MSAL client credentials), assuming the server is Microsoft 365", action.Title);
            });
        await CredentialFixTest.VerifyAsync<LA1001_HardCodedMailCredentialAnalyzer, LA1001_HardCodedMailCredentialCodeFix>(
            source, environmentFixed, ReadFromEnvironment, [Expected(0, "SmtpClient.Authenticate", 16)], null, ["Unkn0wn-Host-Pwd"]);
    }

    [Fact]
    public async Task PasswordPropertyInInitializer_FixesToEnvironmentVariable()
    {
        const string source = """
            using System.Net;
            using System.Net.Mail;

            internal static class Mailer
            {
                public static SmtpClient Create() => new SmtpClient("mail.example.org", 587)
                {
                    EnableSsl = true,
                    Credentials = new NetworkCredential { UserName = "app@example.org", Password = {|#0:"Ex4mple-0rg-Pwd"|} },
                };
            }
            """;

        const string fixedSource = """
            using System;
            using System.Net;
            using System.Net.Mail;

            internal static class Mailer
            {
                public static SmtpClient Create() => new SmtpClient("mail.example.org", 587)
                {
                    EnableSsl = true,
                    Credentials = new NetworkCredential { UserName = "app@example.org", Password = Environment.GetEnvironmentVariable("SMTP_PASSWORD") ?? throw new InvalidOperationException("Set the SMTP_PASSWORD environment variable to the SMTP password.") },
                };
            }
            """;

        await CredentialFixTest.VerifyAsync<LA1001_HardCodedMailCredentialAnalyzer, LA1001_HardCodedMailCredentialCodeFix>(
            source, fixedSource, ReadFromEnvironment, [Expected(0, "SmtpClient.Credentials", 15)], null, ["Ex4mple-0rg-Pwd"]);
    }

    [Theory]
    [InlineData(0, AppOnly, "Use OAuth 2.0 with an app-only token (MSAL client credentials)")]
    [InlineData(1, LA1001_HardCodedMailCredentialCodeFix.OAuthSignedInUserKey, "Use OAuth 2.0 with the signed-in user's token (MSAL)")]
    [InlineData(2, ReadFromEnvironment, "Read the password from the IMAP_PASSWORD environment variable")]
    public async Task Microsoft365Site_OffersAppOnlyFirstThenSignedInUserThenEnvironmentVariable(int index, string key, string title)
    {
        const string source = """
            using MailKit.Net.Imap;

            internal static class Inbox
            {
                public static void Open(ImapClient client)
                {
                    client.Connect("outlook.office365.com", 993, true);
                    client.Authenticate("inbox@contoso.com", {|#0:"0rder-0f-Acti0ns"|});
                }
            }
            """;

        var fixedSource = index switch
        {
            0 => source.Replace("using MailKit.Net.Imap;", "using MailKit.Net.Imap;\nusing MailKit.Security;", StringComparison.Ordinal)
                .Replace("""client.Authenticate("inbox@contoso.com", {|#0:"0rder-0f-Acti0ns"|});""", """client.Authenticate(new SaslMechanismOAuth2("inbox@contoso.com", MailTokenProvider.GetAppOnlyToken()));""", StringComparison.Ordinal),
            1 => source.Replace("using MailKit.Net.Imap;", "using MailKit.Net.Imap;\nusing MailKit.Security;", StringComparison.Ordinal)
                .Replace("""client.Authenticate("inbox@contoso.com", {|#0:"0rder-0f-Acti0ns"|});""", """client.Authenticate(new SaslMechanismOAuth2("inbox@contoso.com", MailTokenProvider.GetUserToken(MailTokenProvider.ImapScope)));""", StringComparison.Ordinal),
            _ => source.Replace("using MailKit.Net.Imap;", "using System;\nusing MailKit.Net.Imap;", StringComparison.Ordinal)
                .Replace("""{|#0:"0rder-0f-Acti0ns"|}""", """Environment.GetEnvironmentVariable("IMAP_PASSWORD") ?? throw new InvalidOperationException("Set the IMAP_PASSWORD environment variable to the IMAP password.")""", StringComparison.Ordinal),
        };

        var test = CredentialFixTest.Create<LA1001_HardCodedMailCredentialAnalyzer, LA1001_HardCodedMailCredentialCodeFix>(key);
        test.TestCode = source;
        test.FixedState.Sources.Add(fixedSource);
        if (index < 2)
        {
            test.FixedState.Sources.Add((CredentialFixTest.ProviderPath, CredentialFixTest.Provider(null)));
        }

        test.CodeActionIndex = index;
        test.CodeActionVerifier = (action, verifier) => verifier.Equal(title, action.Title);
        test.ExpectedDiagnostics.Add(Expected(0, "ImapClient.Authenticate", 16));
        await test.RunAsync();
    }

    private const string TopLevelProgram = """
        using MailKit.Net.Imap;
        using MailKit.Net.Pop3;
        using MailKit.Net.Smtp;

        var email = "alerts@fabrikam-mail.net";
        var {|#3:password|} = "Tr1ple-Use-Secret";

        Pop3();
        Imap();
        Smtp();

        void Pop3()
        {
            using var client = new Pop3Client();
            client.Connect("pop.fabrikam-mail.net", 995, true);
            client.Authenticate(email, {|#0:password|});
        }

        void Imap()
        {
            using var client = new ImapClient();
            client.Connect("imap.fabrikam-mail.net", 993, true);
            client.Authenticate(email, {|#1:password|});
        }

        void Smtp()
        {
            using var client = new SmtpClient();
            client.Connect("smtp.fabrikam-mail.net", 587, MailKit.Security.SecureSocketOptions.StartTls);
            client.Authenticate(email, {|#2:password|});
        }
        """;

    private static string ReadVariable(string protocol) =>
        $"Environment.GetEnvironmentVariable(\"{protocol}_PASSWORD\") ?? throw new InvalidOperationException(\"Set the {protocol}_PASSWORD environment variable to the {protocol} password.\")";

    [Theory]
    [InlineData(0, "POP3")]
    [InlineData(1, "IMAP")]
    [InlineData(2, "SMTP")]
    public async Task TopLevelPasswordReadByThreeLocalFunctions_OneFixKeepsTheDeclarationTheOthersUse(int fixedIndex, string protocol)
    {
        // One finding fixed: the declaration stays for the two local functions that still read it.
        var fixedSource = "using System;\n" + TopLevelProgram.Replace("{|#" + fixedIndex + ":password|}", ReadVariable(protocol), StringComparison.Ordinal);
        var remaining = Enumerable.Range(0, 3).Where(i => i != fixedIndex).ToList();

        var test = CredentialFixTest.Create<LA1001_HardCodedMailCredentialAnalyzer, LA1001_HardCodedMailCredentialCodeFix>(ReadFromEnvironment);
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.TestCode = TopLevelProgram;
        test.FixedState.Sources.Add(fixedSource);
        // The declaration on its own line is each finding's additional location.
        test.ExpectedDiagnostics.AddRange(Enumerable.Range(0, 3).Select(i => Expected(i, Api(i), 17).WithLocation(3)));
        test.FixedState.ExpectedDiagnostics.AddRange(remaining.Select(i => Expected(i, Api(i), 17).WithLocation(3)));
        test.NumberOfIncrementalIterations = 1;
        test.CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllCheck | CodeFixTestBehaviors.FixOne;
        test.DiagnosticSelector = diagnostics => diagnostics[fixedIndex];
        await test.RunAsync();
    }

    [Fact]
    public async Task TopLevelPasswordReadByThreeLocalFunctions_FixAllRemovesTheDeclaration()
    {
        var fixedSource = "using System;\n" + TopLevelProgram
            .Replace("{|#0:password|}", ReadVariable("POP3"), StringComparison.Ordinal)
            .Replace("{|#1:password|}", ReadVariable("IMAP"), StringComparison.Ordinal)
            .Replace("{|#2:password|}", ReadVariable("SMTP"), StringComparison.Ordinal)
            .Replace("var {|#3:password|} = \"Tr1ple-Use-Secret\";\n", string.Empty, StringComparison.Ordinal);

        var test = CredentialFixTest.Create<LA1001_HardCodedMailCredentialAnalyzer, LA1001_HardCodedMailCredentialCodeFix>(ReadFromEnvironment);
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.TestCode = TopLevelProgram;
        test.FixedCode = fixedSource;
        test.ExpectedDiagnostics.AddRange(Enumerable.Range(0, 3).Select(i => Expected(i, Api(i), 17).WithLocation(3)));
        await test.RunAsync();
    }

    private static string Api(int index) => index switch
    {
        0 => "Pop3Client.Authenticate",
        1 => "ImapClient.Authenticate",
        _ => "SmtpClient.Authenticate",
    };

    [Fact]
    public async Task PasswordInConnectUriToMicrosoft365_FixesToOAuthWithoutTheUserInfo()
    {
        const string source = """
            using System;
            using MailKit.Net.Pop3;

            namespace Contoso.Archive;

            public static class Poller
            {
                public static int Poll()
                {
                    using var client = new Pop3Client();
                    client.Connect(new Uri({|#0:"pops://archive%40contoso.com:Lit3ral-Uri-Pass@outlook.office365.com:995"|}));
                    return client.Count;
                }
            }
            """;

        const string fixedSource = """
            using System;
            using MailKit.Net.Pop3;
            using MailKit.Security;

            namespace Contoso.Archive;

            public static class Poller
            {
                public static int Poll()
                {
                    using var client = new Pop3Client();
                    client.Connect(new Uri("pops://outlook.office365.com:995"));
                    client.Authenticate(new SaslMechanismOAuth2("archive@contoso.com", MailTokenProvider.GetAppOnlyToken()));
                    return client.Count;
                }
            }
            """;

        await CredentialFixTest.VerifyAsync<LA1001_HardCodedMailCredentialAnalyzer, LA1001_HardCodedMailCredentialCodeFix>(
            source, fixedSource, AppOnly, [Expected(0, "Pop3Client.Connect", 16)], CredentialFixTest.Provider("Contoso.Archive"), ["Lit3ral-Uri-Pass"]);
    }
}
