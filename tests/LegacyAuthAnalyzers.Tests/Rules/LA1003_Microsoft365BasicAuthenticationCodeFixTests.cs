using LegacyAuthAnalyzers.CodeFixes.Fixes;
using LegacyAuthAnalyzers.CodeFixes.Fixes.OAuth;
using LegacyAuthAnalyzers.Rules;
using LegacyAuthAnalyzers.Tests.Infrastructure;
using Xunit;
using Verify = LegacyAuthAnalyzers.Tests.Infrastructure.CSharpCodeFixVerifier<
    LegacyAuthAnalyzers.Rules.LA1003_Microsoft365BasicAuthenticationAnalyzer,
    LegacyAuthAnalyzers.CodeFixes.Fixes.LA1003_Microsoft365BasicAuthenticationCodeFix>;

namespace LegacyAuthAnalyzers.Tests.Rules;

public sealed class LA1003_Microsoft365BasicAuthenticationCodeFixTests
{
    private const string AppOnly = LA1003_Microsoft365BasicAuthenticationCodeFix.OAuthAppOnlyKey;
    private const string SignedInUser = LA1003_Microsoft365BasicAuthenticationCodeFix.OAuthSignedInUserKey;

    private const string SmtpStatus = "Exchange Online disables SMTP AUTH Basic authentication by default at the end of December 2026";
    private const string ImapStatus = "Exchange Online disabled Basic authentication for IMAP in 2022";
    private const string PersonalAccountStatus = "the user is a personal Outlook.com account, and Outlook.com stopped accepting Basic authentication and app passwords on 16 September 2024";
    private const string PopStatus = "Exchange Online disabled Basic authentication for POP in 2022";
    private const string EwsStatus = "Exchange Online disabled Basic authentication for EWS in 2022";

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Expected(int location, string api, string host, string status) =>
        Verify.Diagnostic(DiagnosticIds.Microsoft365BasicAuthentication).WithLocation(location).WithArguments(api, "'" + host + "'", status);

    private static Task VerifyAsync(string source, string fixedSource, string key, Microsoft.CodeAnalysis.Testing.DiagnosticResult expected, string? provider, params string[] secrets) =>
        CredentialFixTest.VerifyAsync<LA1003_Microsoft365BasicAuthenticationAnalyzer, LA1003_Microsoft365BasicAuthenticationCodeFix>(
            source, fixedSource, key, [expected], provider, secrets);

    [Fact]
    public async Task MailKitAuthenticateInStaticMethod_FixesToAppOnlyToken()
    {
        const string source = """
            using MailKit.Net.Smtp;

            namespace Contoso.Mail;

            public static class Mailer
            {
                public static void Send()
                {
                    using var client = new SmtpClient();
                    client.Connect("smtp.office365.com", 587, MailKit.Security.SecureSocketOptions.StartTls);
                    {|#0:client.Authenticate("reports@contoso.com", "Tr0ub4dor&3-x")|};
                    client.Disconnect(true);
                }
            }
            """;

        const string fixedSource = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            namespace Contoso.Mail;

            public static class Mailer
            {
                public static void Send()
                {
                    using var client = new SmtpClient();
                    client.Connect("smtp.office365.com", 587, MailKit.Security.SecureSocketOptions.StartTls);
                    client.Authenticate(new SaslMechanismOAuth2("reports@contoso.com", MailTokenProvider.GetAppOnlyToken()));
                    client.Disconnect(true);
                }
            }
            """;

        await VerifyAsync(source, fixedSource, AppOnly, Expected(0, "SmtpClient.Authenticate", "smtp.office365.com", SmtpStatus), CredentialFixTest.Provider("Contoso.Mail"), "Tr0ub4dor&3-x");
    }

    [Fact]
    public async Task MailKitImapInInstanceMethod_FixesToSignedInUserToken()
    {
        const string source = """
            using MailKit.Net.Imap;

            namespace Contoso.Inbox
            {
                public sealed class InboxReader
                {
                    private readonly string mailbox = "support@contoso.com";

                    public int CountMessages()
                    {
                        using (var client = new ImapClient())
                        {
                            client.Connect("outlook.office365.com", 993, true);
                            {|#0:client.Authenticate(mailbox, "Summer2024!Inbox")|};
                            return client.Inbox.Count;
                        }
                    }
                }
            }
            """;

        const string fixedSource = """
            using MailKit.Net.Imap;
            using MailKit.Security;

            namespace Contoso.Inbox
            {
                public sealed class InboxReader
                {
                    private readonly string mailbox = "support@contoso.com";

                    public int CountMessages()
                    {
                        using (var client = new ImapClient())
                        {
                            client.Connect("outlook.office365.com", 993, true);
                            client.Authenticate(new SaslMechanismOAuth2(mailbox, MailTokenProvider.GetUserToken(MailTokenProvider.ImapScope)));
                            return client.Inbox.Count;
                        }
                    }
                }
            }
            """;

        await VerifyAsync(
            source,
            fixedSource,
            SignedInUser,
            Expected(0, "ImapClient.Authenticate", "outlook.office365.com", ImapStatus),
            CredentialFixTest.Provider("Contoso.Inbox", UserSignIn.Interactive, fileScoped: false),
            "Summer2024!Inbox");
    }

    [Fact]
    public async Task PasswordFieldFilledByTheConstructor_GoesWithItsConstructorStatement()
    {
        const string source = """
            using System.Collections.Generic;
            using MailKit.Net.Smtp;
            using MailKit.Security;

            namespace Contoso.Mail;

            public sealed class Mailer
            {
                private readonly string user;
                private readonly string password;
                private readonly int retries;

                public Mailer(IReadOnlyDictionary<string, string> settings, int retries)
                {
                    user = settings["Mail:User"];

                    // Filled from the deployment's settings.
                    this.password = settings["Mail:Password"];
                    this.retries = retries;
                }

                public int Retries => retries;

                public void Send()
                {
                    using var client = new SmtpClient();
                    client.Connect("smtp.office365.com", 587, SecureSocketOptions.StartTls);
                    {|#0:client.Authenticate(user, password)|};
                    client.Disconnect(true);
                }
            }
            """;

        const string fixedSource = """
            using System.Collections.Generic;
            using MailKit.Net.Smtp;
            using MailKit.Security;

            namespace Contoso.Mail;

            public sealed class Mailer
            {
                private readonly string user;
                private readonly int retries;

                public Mailer(IReadOnlyDictionary<string, string> settings, int retries)
                {
                    user = settings["Mail:User"];

                    // Filled from the deployment's settings.
                    this.retries = retries;
                }

                public int Retries => retries;

                public void Send()
                {
                    using var client = new SmtpClient();
                    client.Connect("smtp.office365.com", 587, SecureSocketOptions.StartTls);
                    client.Authenticate(new SaslMechanismOAuth2(user, MailTokenProvider.GetAppOnlyToken()));
                    client.Disconnect(true);
                }
            }
            """;

        await VerifyAsync(source, fixedSource, AppOnly, Expected(0, "SmtpClient.Authenticate", "smtp.office365.com", SmtpStatus), CredentialFixTest.Provider("Contoso.Mail"));
    }

    [Fact]
    public async Task MailKitAuthenticateAsyncWithCancellationToken_FixesToAppOnlyToken()
    {
        const string source = """
            using System.Threading;
            using System.Threading.Tasks;
            using MailKit.Net.Pop3;

            namespace Contoso.Mail;

            public static class Poller
            {
                public static async Task<int> PollAsync(CancellationToken cancellationToken)
                {
                    using var client = new Pop3Client();
                    await client.ConnectAsync("outlook.office365.com", 995, true, cancellationToken);
                    await {|#0:client.AuthenticateAsync("archive@contoso.com", "Autumn#2024pop", cancellationToken)|};
                    return client.Count;
                }
            }
            """;

        const string fixedSource = """
            using System.Threading;
            using System.Threading.Tasks;
            using MailKit.Net.Pop3;
            using MailKit.Security;

            namespace Contoso.Mail;

            public static class Poller
            {
                public static async Task<int> PollAsync(CancellationToken cancellationToken)
                {
                    using var client = new Pop3Client();
                    await client.ConnectAsync("outlook.office365.com", 995, true, cancellationToken);
                    await client.AuthenticateAsync(new SaslMechanismOAuth2("archive@contoso.com", await MailTokenProvider.GetAppOnlyTokenAsync(cancellationToken)), cancellationToken);
                    return client.Count;
                }
            }
            """;

        await VerifyAsync(source, fixedSource, AppOnly, Expected(0, "Pop3Client.AuthenticateAsync", "outlook.office365.com", PopStatus), CredentialFixTest.Provider("Contoso.Mail"), "Autumn#2024pop");
    }

    [Fact]
    public async Task SyncAuthenticateInAsyncMethod_FixesToAwaitedAuthenticateAsync()
    {
        const string source = """
            using System.Threading;
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;
            using MimeKit;

            namespace Contoso.Mail;

            public sealed class Notifier
            {
                public async Task NotifyAsync(MimeMessage message, CancellationToken token)
                {
                    using var client = new SmtpClient();
                    await client.ConnectAsync("smtp.office365.com", 587, MailKit.Security.SecureSocketOptions.StartTls, token);
                    {|#0:client.Authenticate("alerts@contoso.com", "W1nter-is-c0ming")|};
                    await client.SendAsync(message, token);
                    await client.DisconnectAsync(true, token);
                }
            }
            """;

        const string fixedSource = """
            using System.Threading;
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;
            using MailKit.Security;
            using MimeKit;

            namespace Contoso.Mail;

            public sealed class Notifier
            {
                public async Task NotifyAsync(MimeMessage message, CancellationToken token)
                {
                    using var client = new SmtpClient();
                    await client.ConnectAsync("smtp.office365.com", 587, MailKit.Security.SecureSocketOptions.StartTls, token);
                    await client.AuthenticateAsync(new SaslMechanismOAuth2("alerts@contoso.com", await MailTokenProvider.GetUserTokenAsync(MailTokenProvider.SmtpScope, token)), token);
                    await client.SendAsync(message, token);
                    await client.DisconnectAsync(true, token);
                }
            }
            """;

        await VerifyAsync(source, fixedSource, SignedInUser, Expected(0, "SmtpClient.Authenticate", "smtp.office365.com", SmtpStatus), CredentialFixTest.Provider("Contoso.Mail"), "W1nter-is-c0ming");
    }

    [Fact]
    public async Task TopLevelStatements_FixesToDeviceCodeProvider()
    {
        const string source = """
            using MailKit.Net.Smtp;
            using MailKit.Security;
            using MimeKit;

            var message = new MimeMessage();
            message.From.Add(MailboxAddress.Parse("me@contoso.com"));
            message.To.Add(MailboxAddress.Parse("you@contoso.com"));
            message.Subject = "Hello";

            using var client = new SmtpClient();
            client.Connect("smtp.office365.com", 587, SecureSocketOptions.StartTls);
            {|#0:client.Authenticate("me@contoso.com", "P@ssw0rd-2024!")|};
            client.Send(message);
            client.Disconnect(true);
            """;

        const string fixedSource = """
            using MailKit.Net.Smtp;
            using MailKit.Security;
            using MimeKit;

            var message = new MimeMessage();
            message.From.Add(MailboxAddress.Parse("me@contoso.com"));
            message.To.Add(MailboxAddress.Parse("you@contoso.com"));
            message.Subject = "Hello";

            using var client = new SmtpClient();
            client.Connect("smtp.office365.com", 587, SecureSocketOptions.StartTls);
            client.Authenticate(new SaslMechanismOAuth2("me@contoso.com", MailTokenProvider.GetUserToken(MailTokenProvider.SmtpScope)));
            client.Send(message);
            client.Disconnect(true);
            """;

        await CredentialFixTest.VerifyAsync<LA1003_Microsoft365BasicAuthenticationAnalyzer, LA1003_Microsoft365BasicAuthenticationCodeFix>(
            source,
            fixedSource,
            SignedInUser,
            [Expected(0, "SmtpClient.Authenticate", "smtp.office365.com", SmtpStatus)],
            CredentialFixTest.Provider(null, UserSignIn.DeviceCode),
            ["P@ssw0rd-2024!"],
            test =>
            {
                test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
                test.FixedState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
            });
    }

    [Fact]
    public async Task LambdaInFluentChain_FixKeepsTheChainAndTheLambdaIndentation()
    {
        const string source = """
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;
            using MailKit.Security;
            using MimeKit;

            namespace Contoso.Alerts;

            public static class Broadcast
            {
                public static Task<int> SendAllAsync(IEnumerable<MimeMessage> messages) =>
                    Task.WhenAll(messages
                        .Where(m => m.To.Count > 0)
                        .Select(async m =>
                        {
                            using var client = new SmtpClient();
                            await client.ConnectAsync("smtp.office365.com", 587, SecureSocketOptions.StartTls);
                            await {|#0:client.AuthenticateAsync("alerts@contoso.com", "Zr4!kQ8#wN2v")|};
                            await client.SendAsync(m);
                            return 1;
                        }))
                        .ContinueWith(t => t.Result.Sum());
            }
            """;

        const string fixedSource = """
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;
            using MailKit.Security;
            using MimeKit;

            namespace Contoso.Alerts;

            public static class Broadcast
            {
                public static Task<int> SendAllAsync(IEnumerable<MimeMessage> messages) =>
                    Task.WhenAll(messages
                        .Where(m => m.To.Count > 0)
                        .Select(async m =>
                        {
                            using var client = new SmtpClient();
                            await client.ConnectAsync("smtp.office365.com", 587, SecureSocketOptions.StartTls);
                            await client.AuthenticateAsync(new SaslMechanismOAuth2("alerts@contoso.com", await MailTokenProvider.GetAppOnlyTokenAsync()));
                            await client.SendAsync(m);
                            return 1;
                        }))
                        .ContinueWith(t => t.Result.Sum());
            }
            """;

        await VerifyAsync(source, fixedSource, AppOnly, Expected(0, "SmtpClient.AuthenticateAsync", "smtp.office365.com", SmtpStatus), CredentialFixTest.Provider("Contoso.Alerts"), "Zr4!kQ8#wN2v");
    }

    [Fact]
    public async Task AwaitingTopLevelStatementsAndLambda_FixesToAsyncTokens()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using MailKit.Net.Imap;

            Func<ImapClient, Task> login = async client =>
            {
                await client.ConnectAsync("outlook.office365.com", 993, true);
                await {|#0:client.AuthenticateAsync("ops@contoso.com", "Correct-Horse-9")|};
            };

            using var imap = new ImapClient();
            await login(imap);
            """;

        const string fixedSource = """
            using System;
            using System.Threading.Tasks;
            using MailKit.Net.Imap;
            using MailKit.Security;

            Func<ImapClient, Task> login = async client =>
            {
                await client.ConnectAsync("outlook.office365.com", 993, true);
                await client.AuthenticateAsync(new SaslMechanismOAuth2("ops@contoso.com", await MailTokenProvider.GetAppOnlyTokenAsync()));
            };

            using var imap = new ImapClient();
            await login(imap);
            """;

        await CredentialFixTest.VerifyAsync<LA1003_Microsoft365BasicAuthenticationAnalyzer, LA1003_Microsoft365BasicAuthenticationCodeFix>(
            source,
            fixedSource,
            AppOnly,
            [Expected(0, "ImapClient.AuthenticateAsync", "outlook.office365.com", ImapStatus)],
            CredentialFixTest.Provider(null, UserSignIn.DeviceCode),
            ["Correct-Horse-9"],
            test =>
            {
                test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
                test.FixedState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
            });
    }

    [Fact]
    public async Task SyncLambdaWithNetworkCredentialLocal_FixesAndRemovesCredential()
    {
        const string source = """
            using System;
            using System.Net;
            using MailKit.Net.Smtp;

            namespace Contoso.Mail;

            public static class Jobs
            {
                public static Action<SmtpClient> Login()
                {
                    return client =>
                    {
                        client.Connect("smtp.office365.com", 587, MailKit.Security.SecureSocketOptions.StartTls);
                        var credential = new NetworkCredential("jobs@contoso.com", {|#1:"Sprung!Lambda7"|});
                        {|#0:client.Authenticate(credential)|};
                    };
                }
            }
            """;

        const string fixedSource = """
            using System;
            using MailKit.Net.Smtp;
            using MailKit.Security;

            namespace Contoso.Mail;

            public static class Jobs
            {
                public static Action<SmtpClient> Login()
                {
                    return client =>
                    {
                        client.Connect("smtp.office365.com", 587, MailKit.Security.SecureSocketOptions.StartTls);
                        client.Authenticate(new SaslMechanismOAuth2("jobs@contoso.com", MailTokenProvider.GetAppOnlyToken()));
                    };
                }
            }
            """;

        await VerifyAsync(source, fixedSource, AppOnly, Expected(0, "SmtpClient.Authenticate", "smtp.office365.com", SmtpStatus).WithLocation(1), CredentialFixTest.Provider("Contoso.Mail"), "Sprung!Lambda7");
    }

    [Fact]
    public async Task PasswordSaslMechanism_FixesToOAuth2Mechanism()
    {
        const string source = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            namespace Contoso.Mail;

            public static class Mailer
            {
                public static void Login(SmtpClient client)
                {
                    client.Connect("smtp.office365.com", 587, SecureSocketOptions.StartTls);
                    client.Authenticate({|#0:new SaslMechanismLogin("reports@contoso.com", "L0gin-Mech4nism")|});
                }
            }
            """;

        const string fixedSource = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            namespace Contoso.Mail;

            public static class Mailer
            {
                public static void Login(SmtpClient client)
                {
                    client.Connect("smtp.office365.com", 587, SecureSocketOptions.StartTls);
                    client.Authenticate(new SaslMechanismOAuth2("reports@contoso.com", MailTokenProvider.GetAppOnlyToken()));
                }
            }
            """;

        await VerifyAsync(source, fixedSource, AppOnly, Expected(0, "new SaslMechanismLogin", "smtp.office365.com", SmtpStatus), CredentialFixTest.Provider("Contoso.Mail"), "L0gin-Mech4nism");
    }

    [Fact]
    public async Task EwsWebCredentialsStatement_FixesToAppOnlyWithImpersonation()
    {
        const string source = """
            using System;
            using Microsoft.Exchange.WebServices.Data;

            namespace Contoso.Calendar;

            public static class Exchange
            {
                private const string Mailbox = "rooms@contoso.com";

                public static ExchangeService Connect()
                {
                    var service = new ExchangeService(ExchangeVersion.Exchange2013_SP1);
                    service.Url = new Uri("https://outlook.office365.com/EWS/Exchange.asmx");
                    service.Credentials = {|#0:new WebCredentials(Mailbox, "Ews-Basic-2019")|};
                    return service;
                }
            }
            """;

        const string fixedSource = """
            using System;
            using Microsoft.Exchange.WebServices.Data;

            namespace Contoso.Calendar;

            public static class Exchange
            {
                private const string Mailbox = "rooms@contoso.com";

                public static ExchangeService Connect()
                {
                    var service = new ExchangeService(ExchangeVersion.Exchange2013_SP1);
                    service.Url = new Uri("https://outlook.office365.com/EWS/Exchange.asmx");
                    service.Credentials = new OAuthCredentials(MailTokenProvider.GetAppOnlyToken());
                    service.ImpersonatedUserId = new ImpersonatedUserId(ConnectingIdType.SmtpAddress, Mailbox);
                    service.HttpHeaders["X-AnchorMailbox"] = Mailbox;
                    return service;
                }
            }
            """;

        await VerifyAsync(source, fixedSource, AppOnly, Expected(0, "new WebCredentials", "outlook.office365.com", EwsStatus), CredentialFixTest.Provider("Contoso.Calendar"), "Ews-Basic-2019");
    }

    [Fact]
    public async Task EwsWebCredentialsInitializer_FixesToAppOnlyWithImpersonation()
    {
        const string source = """
            using System;
            using Microsoft.Exchange.WebServices.Data;

            namespace Contoso.Calendar;

            public static class Exchange
            {
                public static ExchangeService Connect(string mailbox) => new ExchangeService(ExchangeVersion.Exchange2013_SP1)
                {
                    Url = new Uri("https://outlook.office365.com/EWS/Exchange.asmx"),
                    Credentials = {|#0:new WebCredentials(mailbox, "Init!alizer-42")|},
                    Timeout = 30000,
                };
            }
            """;

        const string fixedSource = """
            using System;
            using Microsoft.Exchange.WebServices.Data;

            namespace Contoso.Calendar;

            public static class Exchange
            {
                public static ExchangeService Connect(string mailbox) => new ExchangeService(ExchangeVersion.Exchange2013_SP1)
                {
                    Url = new Uri("https://outlook.office365.com/EWS/Exchange.asmx"),
                    Credentials = new OAuthCredentials(MailTokenProvider.GetAppOnlyToken()),
                    ImpersonatedUserId = new ImpersonatedUserId(ConnectingIdType.SmtpAddress, mailbox),
                    HttpHeaders = { ["X-AnchorMailbox"] = mailbox },
                    Timeout = 30000,
                };
            }
            """;

        await VerifyAsync(source, fixedSource, AppOnly, Expected(0, "new WebCredentials", "outlook.office365.com", EwsStatus), CredentialFixTest.Provider("Contoso.Calendar"), "Init!alizer-42");
    }

    [Fact]
    public async Task EwsNetworkCredentialInAsyncMethod_FixesToSignedInUserToken()
    {
        const string source = """
            using System;
            using System.Net;
            using System.Threading.Tasks;
            using Microsoft.Exchange.WebServices.Data;

            namespace Contoso.Calendar;

            public static class Exchange
            {
                public static async Task<ExchangeService> ConnectAsync()
                {
                    await Task.Yield();
                    var service = new ExchangeService(ExchangeVersion.Exchange2013_SP1);
                    service.Url = new Uri("https://outlook.office365.com/EWS/Exchange.asmx");
                    {|#0:service.Credentials = new NetworkCredential("planner@contoso.com", "Netw0rk-Cred!")|};
                    return service;
                }
            }
            """;

        const string fixedSource = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Exchange.WebServices.Data;

            namespace Contoso.Calendar;

            public static class Exchange
            {
                public static async Task<ExchangeService> ConnectAsync()
                {
                    await Task.Yield();
                    var service = new ExchangeService(ExchangeVersion.Exchange2013_SP1);
                    service.Url = new Uri("https://outlook.office365.com/EWS/Exchange.asmx");
                    service.Credentials = new OAuthCredentials(await MailTokenProvider.GetUserTokenAsync(MailTokenProvider.EwsScope));
                    return service;
                }
            }
            """;

        await VerifyAsync(source, fixedSource, SignedInUser, Expected(0, "ExchangeService.Credentials", "outlook.office365.com", EwsStatus), CredentialFixTest.Provider("Contoso.Calendar"), "Netw0rk-Cred!");
    }

    [Fact]
    public async Task SystemNetMailSmtpClient_FixesToMailKitWithAppOnlyToken()
    {
        const string source = """
            using System.Net;
            using System.Net.Mail;

            namespace Contoso.Reports;

            public static class ReportMailer
            {
                public static void Send(string to, string body)
                {
                    using var message = new MailMessage("reports@contoso.com", to, "Daily report", body);
                    using var client = new SmtpClient("smtp.office365.com", 587)
                    {
                        EnableSsl = true,
                        DeliveryMethod = SmtpDeliveryMethod.Network,
                        {|#0:Credentials = new NetworkCredential("reports@contoso.com", "R3ports!Daily")|},
                    };
                    client.Send(message);
                }
            }
            """;

        const string fixedSource = """
            using System.Net.Mail;
            using MailKit.Security;
            using MimeKit;

            namespace Contoso.Reports;

            public static class ReportMailer
            {
                public static void Send(string to, string body)
                {
                    using var message = new MailMessage("reports@contoso.com", to, "Daily report", body);
                    using var client = new MailKit.Net.Smtp.SmtpClient();
                    client.Connect("smtp.office365.com", 587, SecureSocketOptions.StartTls);
                    client.Authenticate(new SaslMechanismOAuth2("reports@contoso.com", MailTokenProvider.GetAppOnlyToken()));
                    client.Send(MimeMessage.CreateFromMailMessage(message));
                    client.Disconnect(true);
                }
            }
            """;

        await VerifyAsync(source, fixedSource, AppOnly, Expected(0, "SmtpClient.Credentials", "smtp.office365.com", SmtpStatus), CredentialFixTest.Provider("Contoso.Reports"), "R3ports!Daily");
    }

    [Fact]
    public async Task SystemNetMailSettingsWrittenAfterCreation_MoveIntoConnectAndTheirCommentStays()
    {
        const string source = """
            using System.Net;
            using System.Net.Mail;

            namespace Contoso.Reports;

            public static class ReportMailer
            {
                public static void Send(string to, string body)
                {
                    using var client = new SmtpClient();

                    // The relay of the reporting tenant.
                    client.Host = "smtp.office365.com";
                    client.Port = 587;
                    client.EnableSsl = true;
                    {|#0:client.Credentials = new NetworkCredential("reports@contoso.com", "R3ports!Later")|};
                    client.Timeout = 20000;

                    using var message = new MailMessage("reports@contoso.com", to, "Daily report", body);
                    client.Send(message);
                }
            }
            """;

        const string fixedSource = """
            using System.Net.Mail;
            using MailKit.Security;
            using MimeKit;

            namespace Contoso.Reports;

            public static class ReportMailer
            {
                public static void Send(string to, string body)
                {
                    using var client = new MailKit.Net.Smtp.SmtpClient();

                    // The relay of the reporting tenant.
                    client.Timeout = 20000;

                    using var message = new MailMessage("reports@contoso.com", to, "Daily report", body);
                    client.Connect("smtp.office365.com", 587, SecureSocketOptions.StartTls);
                    client.Authenticate(new SaslMechanismOAuth2("reports@contoso.com", MailTokenProvider.GetAppOnlyToken()));
                    client.Send(MimeMessage.CreateFromMailMessage(message));
                    client.Disconnect(true);
                }
            }
            """;

        await VerifyAsync(source, fixedSource, AppOnly, Expected(0, "SmtpClient.Credentials", "smtp.office365.com", SmtpStatus), CredentialFixTest.Provider("Contoso.Reports"), "R3ports!Later");
    }

    [Fact]
    public async Task SystemNetMailSendMailAsync_FixesToAwaitedMailKitCalls()
    {
        const string source = """
            using System.Net;
            using System.Net.Mail;
            using System.Threading;
            using System.Threading.Tasks;

            namespace Contoso.Reports;

            public sealed class Notifier
            {
                private readonly string host;

                public Notifier(string host) => this.host = host;

                public async Task NotifyAsync(MailMessage message, CancellationToken cancellationToken)
                {
                    var client = new SmtpClient();
                    client.Host = host;
                    client.Port = 25;
                    client.EnableSsl = true;
                    client.Timeout = 20000;
                    {|#0:client.Credentials = new NetworkCredential("notify@contoso.com", "Async-Send-99")|};
                    await client.SendMailAsync(message, cancellationToken).ConfigureAwait(false);
                    client.Dispose();
                }
            }
            """;

        const string fixedSource = """
            using System.Net.Mail;
            using System.Threading;
            using System.Threading.Tasks;
            using MailKit.Security;
            using MimeKit;

            namespace Contoso.Reports;

            public sealed class Notifier
            {
                private readonly string host;

                public Notifier(string host) => this.host = host;

                public async Task NotifyAsync(MailMessage message, CancellationToken cancellationToken)
                {
                    var client = new MailKit.Net.Smtp.SmtpClient();
                    client.Timeout = 20000;
                    await client.ConnectAsync(host, 587, SecureSocketOptions.StartTls, cancellationToken).ConfigureAwait(false);
                    await client.AuthenticateAsync(new SaslMechanismOAuth2("notify@contoso.com", await MailTokenProvider.GetAppOnlyTokenAsync(cancellationToken)), cancellationToken).ConfigureAwait(false);
                    await client.SendAsync(MimeMessage.CreateFromMailMessage(message), cancellationToken).ConfigureAwait(false);
                    await client.DisconnectAsync(true, cancellationToken).ConfigureAwait(false);
                    client.Dispose();
                }
            }
            """;

        // The host comes from a field here, so LA1003 does not know it; LA1002 reports it and offers the same fix.
        await CredentialFixTest.VerifyAsync<LA1002_PasswordAuthenticationAnalyzer, LA1002_PasswordAuthenticationCodeFix>(
            source,
            fixedSource,
            LA1002_PasswordAuthenticationCodeFix.OAuthAppOnlyKey,
            [CSharpCodeFixVerifier<LA1002_PasswordAuthenticationAnalyzer, LA1002_PasswordAuthenticationCodeFix>.Diagnostic(DiagnosticIds.PasswordAuthentication).WithLocation(0).WithArguments("SmtpClient.Credentials", "a mail server")],
            CredentialFixTest.Provider("Contoso.Reports"),
            ["Async-Send-99"],
            CredentialFixTest.FixAllLeavesUnknownHost<LA1002_PasswordAuthenticationAnalyzer, LA1002_PasswordAuthenticationCodeFix>(
                source,
                CSharpCodeFixVerifier<LA1002_PasswordAuthenticationAnalyzer, LA1002_PasswordAuthenticationCodeFix>.Diagnostic(DiagnosticIds.PasswordAuthentication).WithLocation(0).WithArguments("SmtpClient.Credentials", "a mail server")));
    }

    [Fact]
    public async Task SystemNetMailClientReturnedToCaller_NoMigrationOffered()
    {
        const string source = """
            using System.Net;
            using System.Net.Mail;

            namespace Contoso.Reports;

            public static class SmtpFactory
            {
                public static SmtpClient Create()
                {
                    var client = new SmtpClient("smtp.office365.com", 587) { EnableSsl = true };
                    {|#0:client.Credentials = new NetworkCredential("reports@contoso.com", "Esc4pes-Method")|};
                    return client;
                }
            }
            """;

        await Verify.VerifyCodeFixAsync(source, Expected(0, "SmtpClient.Credentials", "smtp.office365.com", SmtpStatus), source);
    }

    [Fact]
    public async Task SystemNetMailWithoutMailKit_NoMigrationOffered()
    {
        const string source = """
            using System.Net;
            using System.Net.Mail;

            public static class Mailer
            {
                public static void Send(MailMessage message)
                {
                    using var client = new SmtpClient("smtp.office365.com", 587) { EnableSsl = true };
                    {|#0:client.Credentials = new NetworkCredential("reports@contoso.com", "N0-MailKit-Here")|};
                    client.Send(message);
                }
            }
            """;

        var test = new Verify.Test
        {
            TestCode = source,
            FixedCode = source,
            References = TestReferences.Net100,
        };
        test.ExpectedDiagnostics.Add(Expected(0, "SmtpClient.Credentials", "smtp.office365.com", SmtpStatus));
        await test.RunAsync();
    }

    [Fact]
    public async Task MailKitWithoutMsal_NoOAuthFixOffered()
    {
        const string source = """
            using MailKit.Net.Smtp;

            public static class Mailer
            {
                public static void Login(SmtpClient client)
                {
                    client.Connect("smtp.office365.com", 587, MailKit.Security.SecureSocketOptions.StartTls);
                    {|#0:client.Authenticate("reports@contoso.com", "N0-Msal-Here")|};
                }
            }
            """;

        var test = new Verify.Test
        {
            TestCode = source,
            FixedCode = source,
            References = TestReferences.All.RemoveAll(r => r.Display?.EndsWith("Microsoft.Identity.Client.dll", StringComparison.OrdinalIgnoreCase) == true),
        };
        test.ExpectedDiagnostics.Add(Expected(0, "SmtpClient.Authenticate", "smtp.office365.com", SmtpStatus));
        await test.RunAsync();
    }

    [Fact]
    public async Task SitesInSeveralDocuments_FixAllAddsOneTokenProvider()
    {
        const string imap = """
            using MailKit.Net.Imap;

            namespace Contoso.Mail;

            public static class Inbox
            {
                public static void Open(ImapClient client)
                {
                    client.Connect("outlook.office365.com", 993, true);
                    {|#0:client.Authenticate("inbox@contoso.com", "Inb0x-Secret!")|};
                }
            }
            """;

        const string smtp = """
            using MailKit.Net.Smtp;

            namespace Contoso.Notifications;

            public static class Outbox
            {
                public static void Open(SmtpClient client, SmtpClient backup)
                {
                    client.Connect("smtp.office365.com", 587, MailKit.Security.SecureSocketOptions.StartTls);
                    {|#1:client.Authenticate("outbox@contoso.com", "0utb0x-Secret!")|};
                    backup.Connect("smtp-legacy.office365.com", 587, MailKit.Security.SecureSocketOptions.StartTls);
                    {|#2:backup.Authenticate("outbox@contoso.com", "B4ckup-Secret!")|};
                }
            }
            """;

        const string imapFixed = """
            using MailKit.Net.Imap;
            using MailKit.Security;

            namespace Contoso.Mail;

            public static class Inbox
            {
                public static void Open(ImapClient client)
                {
                    client.Connect("outlook.office365.com", 993, true);
                    client.Authenticate(new SaslMechanismOAuth2("inbox@contoso.com", MailTokenProvider.GetAppOnlyToken()));
                }
            }
            """;

        const string smtpFixed = """
            using Contoso.Mail;
            using MailKit.Net.Smtp;
            using MailKit.Security;

            namespace Contoso.Notifications;

            public static class Outbox
            {
                public static void Open(SmtpClient client, SmtpClient backup)
                {
                    client.Connect("smtp.office365.com", 587, MailKit.Security.SecureSocketOptions.StartTls);
                    client.Authenticate(new SaslMechanismOAuth2("outbox@contoso.com", MailTokenProvider.GetAppOnlyToken()));
                    backup.Connect("smtp-legacy.office365.com", 587, MailKit.Security.SecureSocketOptions.StartTls);
                    backup.Authenticate(new SaslMechanismOAuth2("outbox@contoso.com", MailTokenProvider.GetAppOnlyToken()));
                }
            }
            """;

        var test = CredentialFixTest.Create<LA1003_Microsoft365BasicAuthenticationAnalyzer, LA1003_Microsoft365BasicAuthenticationCodeFix>(AppOnly);
        test.TestState.Sources.Add(("/0/Inbox.cs", imap));
        test.TestState.Sources.Add(("/0/Outbox.cs", smtp));
        test.FixedState.Sources.Add(("/0/Inbox.cs", imapFixed));
        test.FixedState.Sources.Add(("/0/Outbox.cs", smtpFixed));
        test.FixedState.Sources.Add((CredentialFixTest.ProviderPath, CredentialFixTest.Provider("Contoso.Mail")));
        test.ExpectedDiagnostics.Add(Expected(0, "ImapClient.Authenticate", "outlook.office365.com", ImapStatus));
        test.ExpectedDiagnostics.Add(Expected(1, "SmtpClient.Authenticate", "smtp.office365.com", SmtpStatus));
        test.ExpectedDiagnostics.Add(Expected(2, "SmtpClient.Authenticate", "smtp-legacy.office365.com", SmtpStatus));
        await test.RunAsync();

        Assert.DoesNotContain("Secret!", imapFixed + smtpFixed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenProviderAlreadyInProject_ReusesIt()
    {
        const string source = """
            using MailKit.Net.Smtp;

            namespace Contoso.Mail.Sending;

            public static class Mailer
            {
                public static void Login(SmtpClient client)
                {
                    client.Connect("smtp.office365.com", 587, MailKit.Security.SecureSocketOptions.StartTls);
                    {|#0:client.Authenticate("reports@contoso.com", "Alr3ady-There")|};
                }
            }
            """;

        const string fixedSource = """
            using Contoso.Auth;
            using MailKit.Net.Smtp;
            using MailKit.Security;

            namespace Contoso.Mail.Sending;

            public static class Mailer
            {
                public static void Login(SmtpClient client)
                {
                    client.Connect("smtp.office365.com", 587, MailKit.Security.SecureSocketOptions.StartTls);
                    client.Authenticate(new SaslMechanismOAuth2("reports@contoso.com", MailTokenProvider.GetAppOnlyToken()));
                }
            }
            """;

        var provider = CredentialFixTest.Provider("Contoso.Auth");
        var test = CredentialFixTest.Create<LA1003_Microsoft365BasicAuthenticationAnalyzer, LA1003_Microsoft365BasicAuthenticationCodeFix>(AppOnly);
        test.TestState.Sources.Add(source);
        test.TestState.Sources.Add(("/0/Auth/MailTokenProvider.cs", provider));
        test.FixedState.Sources.Add(fixedSource);
        test.FixedState.Sources.Add(("/0/Auth/MailTokenProvider.cs", provider));
        test.ExpectedDiagnostics.Add(Expected(0, "SmtpClient.Authenticate", "smtp.office365.com", SmtpStatus));
        await test.RunAsync();
    }

    [Fact]
    public async Task TeamTokenProviderOption_CallsItAndAddsNothing()
    {
        const string source = """
            using System.Threading;
            using System.Threading.Tasks;
            using MailKit.Net.Imap;

            namespace Contoso.Mail
            {
                public static class Inbox
                {
                    public static async Task OpenAsync(ImapClient client, CancellationToken cancellationToken)
                    {
                        await client.ConnectAsync("outlook.office365.com", 993, true, cancellationToken);
                        await {|#0:client.AuthenticateAsync("inbox@contoso.com", "T3am-Provider", cancellationToken)|};
                    }
                }
            }

            namespace Contoso.Identity
            {
                public static class Tokens
                {
                    public static Task<string> GetMailTokenAsync(string scope, CancellationToken cancellationToken = default) => Task.FromResult(scope);
                }
            }
            """;

        const string fixedSource = """
            using System.Threading;
            using System.Threading.Tasks;
            using Contoso.Identity;
            using MailKit.Net.Imap;
            using MailKit.Security;

            namespace Contoso.Mail
            {
                public static class Inbox
                {
                    public static async Task OpenAsync(ImapClient client, CancellationToken cancellationToken)
                    {
                        await client.ConnectAsync("outlook.office365.com", 993, true, cancellationToken);
                        await client.AuthenticateAsync(new SaslMechanismOAuth2("inbox@contoso.com", await Tokens.GetMailTokenAsync("https://outlook.office.com/IMAP.AccessAsUser.All", cancellationToken)), cancellationToken);
                    }
                }
            }

            namespace Contoso.Identity
            {
                public static class Tokens
                {
                    public static Task<string> GetMailTokenAsync(string scope, CancellationToken cancellationToken = default) => Task.FromResult(scope);
                }
            }
            """;

        var test = CredentialFixTest.Create<LA1003_Microsoft365BasicAuthenticationAnalyzer, LA1003_Microsoft365BasicAuthenticationCodeFix>(SignedInUser);
        test.TestCode = source;
        test.FixedCode = fixedSource;
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\nlegacy_auth.token_provider = Contoso.Identity.Tokens.GetMailTokenAsync\n"));
        test.ExpectedDiagnostics.Add(Expected(0, "ImapClient.AuthenticateAsync", "outlook.office365.com", ImapStatus));
        await test.RunAsync();
    }

    [Fact]
    public async Task TeamTokenProviderOptionThatDoesNotResolve_NoFixOffered()
    {
        const string source = """
            using MailKit.Net.Imap;

            public static class Inbox
            {
                public static void Open(ImapClient client)
                {
                    client.Connect("outlook.office365.com", 993, true);
                    {|#0:client.Authenticate("inbox@contoso.com", "Unres0lved-Provider")|};
                }
            }
            """;

        var test = new Verify.Test { TestCode = source, FixedCode = source };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\nlegacy_auth.token_provider = Contoso.Identity.Missing.GetToken\n"));
        test.ExpectedDiagnostics.Add(Expected(0, "ImapClient.Authenticate", "outlook.office365.com", ImapStatus));
        await test.RunAsync();
    }

    [Fact]
    public async Task SystemNetMailFourStringSendInConsoleApp_FixesToMailKitWithSignedInUserToken()
    {
        const string source = """
            using System.Net;
            using System.Net.Mail;

            var client = new SmtpClient();
            client.Host = "smtp.office365.com";
            client.Port = 587;
            client.EnableSsl = true;
            client.UseDefaultCredentials = false;
            {|#0:client.Credentials = new NetworkCredential("me@contoso.com", "C0nsole-Sender!")|};
            if (args.Length > 0)
                client.Send("me@contoso.com", args[0], "Build finished", "All green.");
            """;

        const string fixedSource = """
            using System.Net.Mail;
            using MailKit.Security;
            using MimeKit;

            var client = new MailKit.Net.Smtp.SmtpClient();
            if (args.Length > 0)
            {
                client.Connect("smtp.office365.com", 587, SecureSocketOptions.StartTls);
                client.Authenticate(new SaslMechanismOAuth2("me@contoso.com", MailTokenProvider.GetUserToken(MailTokenProvider.SmtpScope)));
                client.Send(MimeMessage.CreateFromMailMessage(new MailMessage("me@contoso.com", args[0], "Build finished", "All green.")));
                client.Disconnect(true);
            }
            """;

        await CredentialFixTest.VerifyAsync<LA1003_Microsoft365BasicAuthenticationAnalyzer, LA1003_Microsoft365BasicAuthenticationCodeFix>(
            source,
            fixedSource,
            SignedInUser,
            [Expected(0, "SmtpClient.Credentials", "smtp.office365.com", SmtpStatus)],
            CredentialFixTest.Provider(null, UserSignIn.DeviceCode),
            ["C0nsole-Sender!"],
            test =>
            {
                test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
                test.FixedState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
            });
    }

    [Fact]
    public async Task EwsWebCredentialsInAsyncLambda_FixesToSignedInUserToken()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Exchange.WebServices.Data;

            namespace Contoso.Calendar;

            public static class Exchange
            {
                public static Func<Task<ExchangeService>> Factory(string user) => async () =>
                {
                    await Task.Yield();
                    var credentials = {|#0:new WebCredentials(user, "L4mbda-Ews-Pwd")|};
                    return new ExchangeService { Url = new Uri("https://outlook.office365.com/EWS/Exchange.asmx"), Credentials = credentials };
                };
            }
            """;

        const string fixedSource = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Exchange.WebServices.Data;

            namespace Contoso.Calendar;

            public static class Exchange
            {
                public static Func<Task<ExchangeService>> Factory(string user) => async () =>
                {
                    await Task.Yield();
                    var credentials = new OAuthCredentials(await MailTokenProvider.GetUserTokenAsync(MailTokenProvider.EwsScope));
                    return new ExchangeService { Url = new Uri("https://outlook.office365.com/EWS/Exchange.asmx"), Credentials = credentials };
                };
            }
            """;

        // No host is known for a credential built apart from its service: LA1002 reports it.
        await CredentialFixTest.VerifyAsync<LA1002_PasswordAuthenticationAnalyzer, LA1002_PasswordAuthenticationCodeFix>(
            source,
            fixedSource,
            LA1002_PasswordAuthenticationCodeFix.OAuthSignedInUserKey,
            [CSharpCodeFixVerifier<LA1002_PasswordAuthenticationAnalyzer, LA1002_PasswordAuthenticationCodeFix>.Diagnostic(DiagnosticIds.PasswordAuthentication).WithLocation(0).WithArguments("new WebCredentials", "a mail server")],
            CredentialFixTest.Provider("Contoso.Calendar"),
            ["L4mbda-Ews-Pwd"],
            CredentialFixTest.FixAllLeavesUnknownHost<LA1002_PasswordAuthenticationAnalyzer, LA1002_PasswordAuthenticationCodeFix>(
                source,
                CSharpCodeFixVerifier<LA1002_PasswordAuthenticationAnalyzer, LA1002_PasswordAuthenticationCodeFix>.Diagnostic(DiagnosticIds.PasswordAuthentication).WithLocation(0).WithArguments("new WebCredentials", "a mail server")));
    }

    [Fact]
    public async Task EwsWebCredentialsWithoutService_NoAppOnlyFixOffered()
    {
        const string source = """
            using Microsoft.Exchange.WebServices.Data;

            public static class Exchange
            {
                public static void Connect(ExchangeService service)
                {
                    service.Url = new System.Uri("https://outlook.office365.com/EWS/Exchange.asmx");
                    var credentials = new WebCredentials("rooms@contoso.com", "N0-Imp3rsonation");
                    service.Credentials = credentials;
                }
            }
            """;

        // App-only EWS must impersonate the mailbox on the service; with the credential built apart, only the
        // signed-in user action is offered, so asking for app-only changes nothing.
        var test = new Verify.Test { TestCode = source, FixedCode = source, CodeActionEquivalenceKey = AppOnly };
        test.CodeFixTestBehaviors = Microsoft.CodeAnalysis.Testing.CodeFixTestBehaviors.SkipFixAllCheck;
        await test.RunAsync();
    }

    [Fact]
    public async Task PasswordSaslMechanismInAsyncMethod_FixesToSignedInUserToken()
    {
        const string source = """
            using System.Threading;
            using System.Threading.Tasks;
            using MailKit.Net.Imap;
            using MailKit.Security;

            namespace Contoso.Mail;

            public static class Inbox
            {
                public static async Task OpenAsync(ImapClient client, CancellationToken cancellationToken)
                {
                    await client.ConnectAsync("outlook.office365.com", 993, SecureSocketOptions.SslOnConnect, cancellationToken);
                    var mechanism = {|#0:new SaslMechanismPlain("inbox@contoso.com", "Pl4in-Mech-Async")|};
                    await client.AuthenticateAsync(mechanism, cancellationToken);
                }
            }
            """;

        const string fixedSource = """
            using System.Threading;
            using System.Threading.Tasks;
            using MailKit.Net.Imap;
            using MailKit.Security;

            namespace Contoso.Mail;

            public static class Inbox
            {
                public static async Task OpenAsync(ImapClient client, CancellationToken cancellationToken)
                {
                    await client.ConnectAsync("outlook.office365.com", 993, SecureSocketOptions.SslOnConnect, cancellationToken);
                    var mechanism = new SaslMechanismOAuth2("inbox@contoso.com", await MailTokenProvider.GetUserTokenAsync(MailTokenProvider.ImapScope, cancellationToken));
                    await client.AuthenticateAsync(mechanism, cancellationToken);
                }
            }
            """;

        await VerifyAsync(source, fixedSource, SignedInUser, Expected(0, "new SaslMechanismPlain", "outlook.office365.com", ImapStatus), CredentialFixTest.Provider("Contoso.Mail"), "Pl4in-Mech-Async");
    }

    [Fact]
    public async Task SitesInTwoProjects_FixAllAddsOneTokenProviderPerProject()
    {
        const string first = """
            using MailKit.Net.Smtp;

            namespace Contoso.Sender;

            public static class Mailer
            {
                public static void Login(SmtpClient client)
                {
                    client.Connect("smtp.office365.com", 587, MailKit.Security.SecureSocketOptions.StartTls);
                    {|#0:client.Authenticate(System.Text.Encoding.UTF8, "sender@contoso.com", "Pr0ject-One-Pwd")|};
                }
            }
            """;

        const string second = """
            using MailKit.Net.Pop3;

            namespace Contoso.Archiver;

            public static class Archive
            {
                public static void Login(Pop3Client client)
                {
                    client.Connect("outlook.office365.com", 995, true);
                    {|#1:client.Authenticate("archive@contoso.com", "Pr0ject-Two-Pwd")|};
                }
            }
            """;

        const string firstFixed = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            namespace Contoso.Sender;

            public static class Mailer
            {
                public static void Login(SmtpClient client)
                {
                    client.Connect("smtp.office365.com", 587, MailKit.Security.SecureSocketOptions.StartTls);
                    client.Authenticate(new SaslMechanismOAuth2("sender@contoso.com", MailTokenProvider.GetAppOnlyToken()));
                }
            }
            """;

        const string secondFixed = """
            using MailKit.Net.Pop3;
            using MailKit.Security;

            namespace Contoso.Archiver;

            public static class Archive
            {
                public static void Login(Pop3Client client)
                {
                    client.Connect("outlook.office365.com", 995, true);
                    client.Authenticate(new SaslMechanismOAuth2("archive@contoso.com", MailTokenProvider.GetAppOnlyToken()));
                }
            }
            """;

        var test = CredentialFixTest.Create<LA1003_Microsoft365BasicAuthenticationAnalyzer, LA1003_Microsoft365BasicAuthenticationCodeFix>(AppOnly);
        test.TestState.Sources.Add(first);
        test.TestState.AdditionalProjects["Archiver"].Sources.Add(("/Archiver/Archive.cs", second));
        test.FixedState.Sources.Add(firstFixed);
        test.FixedState.Sources.Add((CredentialFixTest.ProviderPath, CredentialFixTest.Provider("Contoso.Sender")));
        test.FixedState.AdditionalProjects["Archiver"].Sources.Add(("/Archiver/Archive.cs", secondFixed));
        test.FixedState.AdditionalProjects["Archiver"].Sources.Add(("/Archiver/" + MailTokenProviderTemplate.FileName, CredentialFixTest.Provider("Contoso.Archiver")));
        test.ExpectedDiagnostics.Add(Expected(0, "SmtpClient.Authenticate", "smtp.office365.com", SmtpStatus));
        test.ExpectedDiagnostics.Add(Expected(1, "Pop3Client.Authenticate", "outlook.office365.com", PopStatus));
        await test.RunAsync();
    }

    [Fact]
    public async Task EwsCredentialsLastInInitializerWithoutTrailingComma_FixesToAppOnlyWithImpersonation()
    {
        const string source = """
            using System;
            using System.Net;
            using Microsoft.Exchange.WebServices.Data;

            internal static class Exchange
            {
                public static ExchangeService Connect() => new ExchangeService
                {
                    Url = new Uri("https://outlook.office365.com/EWS/Exchange.asmx"),
                    {|#0:Credentials = new NetworkCredential("rooms@contoso.com", "L4st-Member-Pwd")|}
                };
            }
            """;

        const string fixedSource = """
            using System;
            using Microsoft.Exchange.WebServices.Data;

            internal static class Exchange
            {
                public static ExchangeService Connect() => new ExchangeService
                {
                    Url = new Uri("https://outlook.office365.com/EWS/Exchange.asmx"),
                    Credentials = new OAuthCredentials(MailTokenProvider.GetAppOnlyToken()),
                    ImpersonatedUserId = new ImpersonatedUserId(ConnectingIdType.SmtpAddress, "rooms@contoso.com"),
                    HttpHeaders = { ["X-AnchorMailbox"] = "rooms@contoso.com" }
                };
            }
            """;

        await VerifyAsync(source, fixedSource, AppOnly, Expected(0, "ExchangeService.Credentials", "outlook.office365.com", EwsStatus), CredentialFixTest.Provider(null), "L4st-Member-Pwd");
    }

    [Fact]
    public async Task Microsoft365HostsOptionWithOpportunisticTls_FixAllMakesTlsStrict()
    {
        // A bearer token must not travel over opportunistic STARTTLS: the OAuth fix also makes the connection strict.
        const string source = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            public static class Relay
            {
                public static void Login(SmtpClient client, string password)
                {
                    client.Connect("mail.contoso.com", 587, SecureSocketOptions.StartTlsWhenAvailable);
                    {|#0:client.Authenticate("relay@contoso.com", password)|};
                }
            }
            """;

        const string fixedSource = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            public static class Relay
            {
                public static void Login(SmtpClient client, string password)
                {
                    client.Connect("mail.contoso.com", 587, SecureSocketOptions.StartTls);
                    client.Authenticate(new SaslMechanismOAuth2("relay@contoso.com", MailTokenProvider.GetAppOnlyToken()));
                }
            }
            """;

        await CredentialFixTest.VerifyAsync<LA1003_Microsoft365BasicAuthenticationAnalyzer, LA1003_Microsoft365BasicAuthenticationCodeFix>(
            source,
            fixedSource,
            AppOnly,
            [Expected(0, "SmtpClient.Authenticate", "mail.contoso.com", SmtpStatus)],
            CredentialFixTest.Provider(null),
            [],
            test =>
            {
                test.TestState.AnalyzerConfigFiles.Add((EditorConfigs.Path, EditorConfigs.With("legacy_auth.microsoft365_hosts", "mail.contoso.com")));
                test.FixedState.AnalyzerConfigFiles.Add((EditorConfigs.Path, EditorConfigs.With("legacy_auth.microsoft365_hosts", "mail.contoso.com")));
            });
    }

    [Fact]
    public async Task ImapUseSslFalseOnImplicitPort_OAuthFixConnectsWithSslOnConnect()
    {
        const string source = """
            using MailKit.Net.Imap;

            public static class Inbox
            {
                public static void Open(ImapClient client, string password)
                {
                    client.Connect("outlook.office365.com", 993, false);
                    {|#0:client.Authenticate("inbox@contoso.com", password)|};
                }
            }
            """;

        const string fixedSource = """
            using MailKit.Net.Imap;
            using MailKit.Security;

            public static class Inbox
            {
                public static void Open(ImapClient client, string password)
                {
                    client.Connect("outlook.office365.com", 993, MailKit.Security.SecureSocketOptions.SslOnConnect);
                    client.Authenticate(new SaslMechanismOAuth2("inbox@contoso.com", MailTokenProvider.GetAppOnlyToken()));
                }
            }
            """;

        await VerifyAsync(source, fixedSource, AppOnly, Expected(0, "ImapClient.Authenticate", "outlook.office365.com", ImapStatus), CredentialFixTest.Provider(null));
    }

    [Fact]
    public async Task SystemNetMailToSmtpLive_FixesToMailKitWithPersonalAccountTokenOnly()
    {
        // Outlook.com and Hotmail accounts have no app-only flow: the only OAuth action signs the user in through the
        // consumers authority with the SMTP scope.
        const string source = """
            using System.Net;
            using System.Net.Mail;

            public static class HomeMailer
            {
                public static void Send(MailMessage message, string password)
                {
                    using var client = new SmtpClient("smtp.live.com", 587);
                    client.EnableSsl = true;
                    {|#0:client.Credentials = new NetworkCredential("family.photos@hotmail.com", password)|};
                    client.Send(message);
                }
            }
            """;

        const string fixedSource = """
            using System.Net.Mail;
            using MailKit.Security;
            using MimeKit;

            public static class HomeMailer
            {
                public static void Send(MailMessage message, string password)
                {
                    using var client = new MailKit.Net.Smtp.SmtpClient();
                    client.Connect("smtp.live.com", 587, SecureSocketOptions.StartTls);
                    client.Authenticate(new SaslMechanismOAuth2("family.photos@hotmail.com", MailTokenProvider.GetPersonalAccountToken(MailTokenProvider.SmtpScope)));
                    client.Send(MimeMessage.CreateFromMailMessage(message));
                    client.Disconnect(true);
                }
            }
            """;

        var test = CredentialFixTest.Create<LA1003_Microsoft365BasicAuthenticationAnalyzer, LA1003_Microsoft365BasicAuthenticationCodeFix>(SignedInUser);
        test.TestCode = source;
        test.FixedState.Sources.Add(fixedSource);
        test.FixedState.Sources.Add((CredentialFixTest.ProviderPath, CredentialFixTest.Provider(null)));
        test.ExpectedDiagnostics.Add(Expected(0, "SmtpClient.Credentials", "smtp.live.com", "Outlook.com stopped accepting Basic authentication and app passwords on 16 September 2024"));
        test.CodeActionIndex = 0;
        test.CodeActionVerifier = (action, verifier) =>
            verifier.Equal("Move to MailKit with OAuth 2.0 and the Outlook.com user's token (MSAL, consumers authority)", action.Title);
        await test.RunAsync();
    }

    [Fact]
    public async Task SystemNetMailClientInFieldHandedOut_NoOAuthFix()
    {
        // Other code can reach the client through the property: migrating the field would break it.
        const string source = """
            using System.Net;
            using System.Net.Mail;

            public sealed class SharedMailer
            {
                private readonly SmtpClient _smtp;

                public SharedMailer() => _smtp = new SmtpClient("smtp.office365.com", 587) { EnableSsl = true };

                public SmtpClient Client => _smtp;

                public void Send(MailMessage message, string password)
                {
                    {|#0:_smtp.Credentials = new NetworkCredential("alerts@contoso.com", password)|};
                    _smtp.Send(message);
                }
            }
            """;

        var test = CredentialFixTest.Create<LA1003_Microsoft365BasicAuthenticationAnalyzer, LA1003_Microsoft365BasicAuthenticationCodeFix>(AppOnly);
        test.TestCode = source;
        test.FixedCode = source;
        test.ExpectedDiagnostics.Add(Expected(0, "SmtpClient.Credentials", "smtp.office365.com", SmtpStatus));
        await test.RunAsync();
    }

    [Fact]
    public async Task DotnetFormatWithMicrosoft365FindingFirst_GivesOutlookComSitesTheirSignedInFlow()
    {
        // dotnet format takes the first finding's first action (app-only) for every finding; the Outlook.com site has
        // no app-only flow and gets its only OAuth flow instead of keeping its password.
        const string office = """
            using MailKit.Net.Imap;

            public static class Inbox
            {
                public static void Open(ImapClient client, string password)
                {
                    client.Connect("outlook.office365.com", 993, true);
                    client.Authenticate("inbox@contoso.com", password);
                }
            }
            """;
        const string home = """
            using MailKit.Net.Smtp;
            using MailKit.Security;

            public static class HomeMailer
            {
                public static void Open(SmtpClient client, string password)
                {
                    client.Connect("smtp-mail.outlook.com", 587, SecureSocketOptions.StartTls);
                    client.Authenticate("family.photos@outlook.com", password);
                }
            }
            """;

        var result = await DotnetFormatFixAll.RunAsync(
            new LA1003_Microsoft365BasicAuthenticationAnalyzer(), new LA1003_Microsoft365BasicAuthenticationCodeFix(), DiagnosticIds.Microsoft365BasicAuthentication, ("Inbox.cs", office), ("HomeMailer.cs", home));

        Assert.Equal(AppOnly, result.FirstFindingAction?.EquivalenceKey);
        Assert.Contains("MailTokenProvider.GetAppOnlyToken()", await DotnetFormatFixAll.TextAsync(result.After, "Inbox.cs"), StringComparison.Ordinal);
        Assert.Contains(
            "client.Authenticate(new SaslMechanismOAuth2(\"family.photos@outlook.com\", MailTokenProvider.GetPersonalAccountToken(MailTokenProvider.SmtpScope)));",
            await DotnetFormatFixAll.TextAsync(result.After, "HomeMailer.cs"),
            StringComparison.Ordinal);
        Assert.Empty(await DotnetFormatFixAll.CompilerProblemsAsync(result.After));
    }

    [Fact]
    public async Task CountryHotmailUserOnOffice365Imap_OffersNoAppOnlyActionAsTheMessageSays()
    {
        // The message calls hotmail.co.uk a personal account; the fix agrees and offers no app-only action.
        const string source = """
            using MailKit.Net.Imap;

            public static class Inbox
            {
                public static void Open(ImapClient client, string password)
                {
                    client.Connect("outlook.office365.com", 993, true);
                    {|#0:client.Authenticate("someone@hotmail.co.uk", password)|};
                }
            }
            """;

        var test = new Verify.Test { TestCode = source, FixedCode = source, CodeActionEquivalenceKey = AppOnly };
        test.ExpectedDiagnostics.Add(Expected(0, "ImapClient.Authenticate", "outlook.office365.com", PersonalAccountStatus));
        test.CodeFixTestBehaviors = Microsoft.CodeAnalysis.Testing.CodeFixTestBehaviors.SkipFixAllCheck;
        await test.RunAsync();
    }

    [Fact]
    public async Task HotmailUserOnOffice365Imap_OffersNoAppOnlyAction()
    {
        const string source = """
            using MailKit.Net.Imap;

            public static class Inbox
            {
                public static void Open(ImapClient client, string password)
                {
                    client.Connect("outlook.office365.com", 993, true);
                    {|#0:client.Authenticate("someone@hotmail.com", password)|};
                }
            }
            """;

        // Asking for the app-only action changes nothing: a personal account has none.
        var test = new Verify.Test { TestCode = source, FixedCode = source, CodeActionEquivalenceKey = AppOnly };
        test.ExpectedDiagnostics.Add(Expected(0, "ImapClient.Authenticate", "outlook.office365.com", PersonalAccountStatus));
        test.CodeFixTestBehaviors = Microsoft.CodeAnalysis.Testing.CodeFixTestBehaviors.SkipFixAllCheck;
        await test.RunAsync();

        const string fixedSource = """
            using MailKit.Net.Imap;
            using MailKit.Security;

            public static class Inbox
            {
                public static void Open(ImapClient client, string password)
                {
                    client.Connect("outlook.office365.com", 993, true);
                    client.Authenticate(new SaslMechanismOAuth2("someone@hotmail.com", MailTokenProvider.GetPersonalAccountToken(MailTokenProvider.ImapScope)));
                }
            }
            """;

        await VerifyAsync(source, fixedSource, SignedInUser, Expected(0, "ImapClient.Authenticate", "outlook.office365.com", PersonalAccountStatus), CredentialFixTest.Provider(null));
    }

    [Fact]
    public async Task SystemNetMailWithNamedPortConstant_KeepsTheConstantAndDropsTheUsingItEmptied()
    {
        // Minimal diff: the named port stays named, and `using System.Net;` goes with its last use (NetworkCredential).
        const string source = """
            using System.Net;
            using System.Net.Mail;

            namespace Contoso.Billing;

            public static class InvoiceMailer
            {
                private const int SmtpPort = 587;

                public static void Send(MailMessage invoice, string password)
                {
                    using var client = new SmtpClient("smtp.office365.com");
                    client.Port = SmtpPort;
                    client.EnableSsl = true;
                    {|#0:client.Credentials = new NetworkCredential("billing@contoso.com", password)|};
                    client.Send(invoice);
                }
            }
            """;

        const string fixedSource = """
            using System.Net.Mail;
            using MailKit.Security;
            using MimeKit;

            namespace Contoso.Billing;

            public static class InvoiceMailer
            {
                private const int SmtpPort = 587;

                public static void Send(MailMessage invoice, string password)
                {
                    using var client = new MailKit.Net.Smtp.SmtpClient();
                    client.Connect("smtp.office365.com", SmtpPort, SecureSocketOptions.StartTls);
                    client.Authenticate(new SaslMechanismOAuth2("billing@contoso.com", MailTokenProvider.GetAppOnlyToken()));
                    client.Send(MimeMessage.CreateFromMailMessage(invoice));
                    client.Disconnect(true);
                }
            }
            """;

        await VerifyAsync(source, fixedSource, AppOnly, Expected(0, "SmtpClient.Credentials", "smtp.office365.com", SmtpStatus), CredentialFixTest.Provider("Contoso.Billing"));
    }

    [Fact]
    public async Task ConnectionUriWithUserInfo_AuthenticatesWithXOAuth2AfterConnect()
    {
        const string source = """
            using System;
            using MailKit.Net.Imap;

            namespace Contoso.Inbox;

            public static class InboxReader
            {
                public static int Count()
                {
                    using var client = new ImapClient();
                    {|#0:client.Connect(new Uri("imaps://reader%40contoso.com:Tr0ub4dor%263x@outlook.office365.com:993/?compress=true"))|};
                    return client.Inbox.Count;
                }
            }
            """;

        const string fixedSource = """
            using System;
            using MailKit.Net.Imap;
            using MailKit.Security;

            namespace Contoso.Inbox;

            public static class InboxReader
            {
                public static int Count()
                {
                    using var client = new ImapClient();
                    client.Connect(new Uri("imaps://outlook.office365.com:993/?compress=true"));
                    client.Authenticate(new SaslMechanismOAuth2("reader@contoso.com", MailTokenProvider.GetAppOnlyToken()));
                    return client.Inbox.Count;
                }
            }
            """;

        await VerifyAsync(source, fixedSource, AppOnly, Expected(0, "ImapClient.Connect", "outlook.office365.com", ImapStatus), CredentialFixTest.Provider("Contoso.Inbox"), "Tr0ub4dor%263x");
    }

    [Fact]
    public async Task AwaitedConnectUriOnSubmissionPort_AuthenticatesAsyncAndRequiresStartTls()
    {
        const string source = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;
            using MimeKit;

            namespace Contoso.Mail;

            public sealed class Notifier
            {
                public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
                {
                    using var client = new SmtpClient();
                    await {|#0:client.ConnectAsync(new Uri("smtp://alerts%40contoso.com:W1nter-Relay-42@smtp.office365.com:587"), cancellationToken)|}.ConfigureAwait(false);
                    await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
                    await client.DisconnectAsync(true, cancellationToken).ConfigureAwait(false);
                }
            }
            """;

        const string fixedSource = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using MailKit.Net.Smtp;
            using MailKit.Security;
            using MimeKit;

            namespace Contoso.Mail;

            public sealed class Notifier
            {
                public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
                {
                    using var client = new SmtpClient();
                    await client.ConnectAsync(new Uri("smtp://smtp.office365.com:587?starttls=always"), cancellationToken).ConfigureAwait(false);
                    await client.AuthenticateAsync(new SaslMechanismOAuth2("alerts@contoso.com", await MailTokenProvider.GetUserTokenAsync(MailTokenProvider.SmtpScope, cancellationToken)), cancellationToken).ConfigureAwait(false);
                    await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
                    await client.DisconnectAsync(true, cancellationToken).ConfigureAwait(false);
                }
            }
            """;

        await VerifyAsync(source, fixedSource, SignedInUser, Expected(0, "SmtpClient.ConnectAsync", "smtp.office365.com", SmtpStatus), CredentialFixTest.Provider("Contoso.Mail"), "W1nter-Relay-42");
    }

    [Fact]
    public async Task ConnectUriBuiltFromPartsForOutlookCom_KeepsTheUserExpressionAndOffersOnlyThePersonalAccountToken()
    {
        const string source = """
            using System;
            using MailKit.Net.Imap;

            public static class PersonalInbox
            {
                public static void Open(ImapClient client, string user, string password)
                {
                    var uri = new Uri($"imaps://{Uri.EscapeDataString(user)}:{Uri.EscapeDataString(password)}@imap-mail.outlook.com:993");
                    {|#0:client.Connect(uri)|};
                }
            }
            """;

        const string fixedSource = """
            using System;
            using MailKit.Net.Imap;
            using MailKit.Security;

            public static class PersonalInbox
            {
                public static void Open(ImapClient client, string user, string password)
                {
                    var uri = new Uri("imaps://imap-mail.outlook.com:993");
                    client.Connect(uri);
                    client.Authenticate(new SaslMechanismOAuth2(user, MailTokenProvider.GetPersonalAccountToken(MailTokenProvider.ImapScope)));
                }
            }
            """;

        var expected = Expected(0, "ImapClient.Connect", "imap-mail.outlook.com", "Outlook.com stopped accepting Basic authentication and app passwords on 16 September 2024");
        await VerifyAsync(source, fixedSource, SignedInUser, expected, CredentialFixTest.Provider(null));

        // Personal accounts have no tenant to consent for an app: asking for app-only changes nothing.
        var appOnly = new Verify.Test { TestCode = source, FixedCode = source, CodeActionEquivalenceKey = AppOnly };
        appOnly.ExpectedDiagnostics.Add(expected);
        appOnly.CodeFixTestBehaviors = Microsoft.CodeAnalysis.Testing.CodeFixTestBehaviors.SkipFixAllCheck;
        await appOnly.RunAsync();
    }

    [Fact]
    public async Task ConcatenatedConnectUriWithConfiguredPort_KeepsHostAndPortAndRequiresStartTls()
    {
        const string source = """
            using System;
            using MailKit.Net.Pop3;

            namespace Contoso.Archive;

            public static class Archiver
            {
                private const string Host = "outlook.office365.com";
                private const string Password = "P0p-Arch1ve-Concat";

                public static void Open(Pop3Client client, int port)
                {
                    {|#0:client.Connect(new Uri("pop://archive%40contoso.com:" + Password + "@" + Host + ":" + port))|};
                }
            }
            """;

        const string fixedSource = """
            using System;
            using MailKit.Net.Pop3;
            using MailKit.Security;

            namespace Contoso.Archive;

            public static class Archiver
            {
                private const string Host = "outlook.office365.com";

                public static void Open(Pop3Client client, int port)
                {
                    client.Connect(new Uri($"pop://{Host}:{port}?starttls=always"));
                    client.Authenticate(new SaslMechanismOAuth2("archive@contoso.com", MailTokenProvider.GetAppOnlyToken()));
                }
            }
            """;

        await VerifyAsync(source, fixedSource, AppOnly, Expected(0, "Pop3Client.Connect", "outlook.office365.com", PopStatus), CredentialFixTest.Provider("Contoso.Archive"), "P0p-Arch1ve-Concat");
    }

    [Fact]
    public async Task ConnectUriFromConstantOrSharedLocal_NoOAuthFixOffered()
    {
        // The constant may serve other code, and the local is read again: rewriting either would change more than the
        // connection, so there is no fix rather than a surprising one.
        const string source = """
            using System;
            using MailKit.Net.Imap;

            public static class SharedUris
            {
                private const string Inbox = "imaps://reader%40contoso.com:Sh4red-Const-Uri@outlook.office365.com";

                public static void Open(ImapClient client) => {|#0:client.Connect(new Uri(Inbox))|};

                public static void OpenAndLog(ImapClient client, Action<string> log)
                {
                    var uri = new Uri("imaps://audit%40contoso.com:Sh4red-L0cal-Uri@outlook.office365.com");
                    {|#1:client.Connect(uri)|};
                    log(uri.Host);
                }
            }
            """;

        foreach (var key in new[] { AppOnly, SignedInUser })
        {
            var test = new Verify.Test { TestCode = source, FixedCode = source, CodeActionEquivalenceKey = key };
            test.ExpectedDiagnostics.Add(Expected(0, "ImapClient.Connect", "outlook.office365.com", ImapStatus));
            test.ExpectedDiagnostics.Add(Expected(1, "ImapClient.Connect", "outlook.office365.com", ImapStatus));
            test.CodeFixTestBehaviors = Microsoft.CodeAnalysis.Testing.CodeFixTestBehaviors.SkipFixAllCheck;
            await test.RunAsync();
        }
    }

    [Fact]
    public async Task HotmailUserInConnectUriToOffice365_ReportsPersonalAccountAndFixesToItsToken()
    {
        const string source = """
            using System;
            using MailKit.Net.Imap;

            public static class Desk
            {
                public static void Open(ImapClient client)
                {
                    {|#0:client.Connect(new Uri("imaps://dispatch.desk%40hotmail.com:H0tm4il-Uri-Pass@outlook.office365.com"))|};
                }
            }
            """;

        const string fixedSource = """
            using System;
            using MailKit.Net.Imap;
            using MailKit.Security;

            public static class Desk
            {
                public static void Open(ImapClient client)
                {
                    client.Connect(new Uri("imaps://outlook.office365.com"));
                    client.Authenticate(new SaslMechanismOAuth2("dispatch.desk@hotmail.com", MailTokenProvider.GetPersonalAccountToken(MailTokenProvider.ImapScope)));
                }
            }
            """;

        await VerifyAsync(source, fixedSource, SignedInUser, Expected(0, "ImapClient.Connect", "outlook.office365.com", PersonalAccountStatus), CredentialFixTest.Provider(null), "H0tm4il-Uri-Pass");
    }

    [Fact]
    public async Task AuthenticateWithSettingsOfAMissingType_FixesTheRecoveredCall()
    {
        // The settings type lives in a project that is not referenced (a failed restore, a scan of loose sources): the
        // call does not bind, the analyzer reads its overload anyway, and the fix adds no error to those already there.
        const string source = """
            using MailKit.Net.Imap;

            public sealed class Archive
            {
                private readonly {|CS0246:ArchiveSettings|} settings;

                public Archive({|CS0246:ArchiveSettings|} settings) => this.settings = settings;

                public void Open(ImapClient client)
                {
                    client.Connect("outlook.office365.com", 993, true);
                    {|#0:client.Authenticate(settings.User, settings.Password)|};
                }
            }
            """;

        const string fixedSource = """
            using MailKit.Net.Imap;
            using MailKit.Security;

            public sealed class Archive
            {
                private readonly {|CS0246:ArchiveSettings|} settings;

                public Archive({|CS0246:ArchiveSettings|} settings) => this.settings = settings;

                public void Open(ImapClient client)
                {
                    client.Connect("outlook.office365.com", 993, true);
                    client.Authenticate(new SaslMechanismOAuth2(settings.User, MailTokenProvider.GetAppOnlyToken()));
                }
            }
            """;

        await VerifyAsync(source, fixedSource, AppOnly, Expected(0, "ImapClient.Authenticate", "outlook.office365.com", ImapStatus), CredentialFixTest.Provider(null));
    }

    [Fact]
    public async Task EwsWebCredentialsFromAMissingSettingsType_FixesTheRecoveredCreation()
    {
        const string source = """
            using System;
            using Microsoft.Exchange.WebServices.Data;

            public static class Calendar
            {
                public static ExchangeService Connect({|CS0246:ServiceAccount|} account)
                {
                    var service = new ExchangeService(ExchangeVersion.Exchange2013_SP1);
                    service.Credentials = {|#0:new WebCredentials(account.User, account.Password)|};
                    service.Url = new Uri("https://outlook.office365.com/EWS/Exchange.asmx");
                    return service;
                }
            }
            """;

        const string fixedSource = """
            using System;
            using Microsoft.Exchange.WebServices.Data;

            public static class Calendar
            {
                public static ExchangeService Connect({|CS0246:ServiceAccount|} account)
                {
                    var service = new ExchangeService(ExchangeVersion.Exchange2013_SP1);
                    service.Credentials = new OAuthCredentials(MailTokenProvider.GetUserToken(MailTokenProvider.EwsScope));
                    service.Url = new Uri("https://outlook.office365.com/EWS/Exchange.asmx");
                    return service;
                }
            }
            """;

        await VerifyAsync(source, fixedSource, SignedInUser, Expected(0, "new WebCredentials", "outlook.office365.com", EwsStatus), CredentialFixTest.Provider(null));
    }

    [Fact]
    public async Task SystemNetMailClientInFieldBuiltInConstructor_MovesToAMailKitClientWhereItSends()
    {
        // The client is built once in the constructor and only this method signs in and sends with it: the MailKit
        // client takes its place in that method, and the field and its creation go.
        const string source = """
            using System.Net;
            using System.Net.Mail;

            namespace Desk.Notify;

            public sealed class DeskAccount
            {
                public string Sender { get; set; } = "";
                public string Password { get; set; } = "";
            }

            public sealed class DeskMailer
            {
                private readonly SmtpClient _smtp;
                private readonly DeskAccount _account;

                public DeskMailer(DeskAccount account)
                {
                    _account = account;
                    _smtp = new SmtpClient("smtp-mail.outlook.com", 587) { EnableSsl = true };
                }

                public void Send(MailMessage message)
                {
                    {|#0:_smtp.Credentials = new NetworkCredential(_account.Sender, _account.Password)|};
                    _smtp.Send(message);
                }
            }
            """;

        const string fixedSource = """
            using System.Net.Mail;
            using MailKit.Security;
            using MimeKit;

            namespace Desk.Notify;

            public sealed class DeskAccount
            {
                public string Sender { get; set; } = "";
                public string Password { get; set; } = "";
            }

            public sealed class DeskMailer
            {
                private readonly DeskAccount _account;

                public DeskMailer(DeskAccount account)
                {
                    _account = account;
                }

                public void Send(MailMessage message)
                {
                    using var client = new MailKit.Net.Smtp.SmtpClient();
                    client.Connect("smtp-mail.outlook.com", 587, SecureSocketOptions.StartTls);
                    client.Authenticate(new SaslMechanismOAuth2(_account.Sender, MailTokenProvider.GetPersonalAccountToken(MailTokenProvider.SmtpScope)));
                    client.Send(MimeMessage.CreateFromMailMessage(message));
                    client.Disconnect(true);
                }
            }
            """;

        await VerifyAsync(
            source,
            fixedSource,
            SignedInUser,
            Expected(0, "SmtpClient.Credentials", "smtp-mail.outlook.com", "Outlook.com stopped accepting Basic authentication and app passwords on 16 September 2024"),
            CredentialFixTest.Provider("Desk.Notify"));
    }

    [Fact]
    public async Task SystemNetMailClientFieldUsedElsewhere_NoMigrationOffered()
    {
        const string source = """
            using System;
            using System.Net;
            using System.Net.Mail;

            public sealed class Mailer : IDisposable
            {
                private readonly SmtpClient smtp;

                public Mailer() => smtp = new SmtpClient("smtp.office365.com", 587) { EnableSsl = true };

                public void Send(MailMessage message, string user, string password)
                {
                    {|#0:smtp.Credentials = new NetworkCredential(user, password)|};
                    smtp.Send(message);
                }

                public void Dispose() => smtp.Dispose();
            }
            """;

        var test = new Verify.Test { TestCode = source, FixedCode = source, CodeActionEquivalenceKey = AppOnly };
        test.ExpectedDiagnostics.Add(Expected(0, "SmtpClient.Credentials", "smtp.office365.com", SmtpStatus));
        test.CodeFixTestBehaviors = Microsoft.CodeAnalysis.Testing.CodeFixTestBehaviors.SkipFixAllCheck;
        await test.RunAsync();
    }
}
