using static LegacyAuthAnalyzers.Benchmarks.Corpus.CorpusGenerator;

namespace LegacyAuthAnalyzers.Benchmarks.Corpus;

/// <summary>
/// Mail, EWS, ADAL and MSAL code in every shape the rules know (DOMAIN §6), compiled against the real libraries. Every
/// secret here is made up; the shapes (16 letters, four groups of four, connection URIs) are what matter.
/// </summary>
internal static class MailCode
{
    private static readonly Func<int, string>[] Kinds =
    [
        SystemNetMailMicrosoft365,
        SystemNetMailFromSettings,
        MailKitSmtpTutorial,
        MailKitImapWithFieldPassword,
        MailKitPop3ConnectionUri,
        MailKitSaslMechanisms,
        MsalClientCredentialsXoauth2,
        RopcTokenFlows,
        AdalTokenFlows,
        ExchangeWebServices,
        AppPasswordSettings,
        HttpBasicAndPasswordGrant,
    ];

    public const string AppSettings = """
        {
          "Logging": { "LogLevel": { "Default": "Information" } },
          "Smtp": {
            "Host": "smtp.office365.com",
            "Port": 587,
            "UseSsl": false,
            "User": "reports@contoso.example",
            "Password": "Tr0ub4dor-and-3"
          },
          "MailSettings": { "AppPassword": "wxqz plmk trnv hbsa", "SecureSocketOptions": "None" },
          "Imap": { "Host": "outlook.office365.com", "Port": 993, "Password": "${IMAP_PASSWORD}" }
        }
        """;

    public const string WebConfig = """
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <system.net>
            <mailSettings>
              <smtp deliveryMethod="Network" from="alerts@contoso.example">
                <network host="smtp.office365.com" port="587" userName="alerts@contoso.example" password="Spr1ng-Forward-42" enableSsl="false" defaultCredentials="false" />
              </smtp>
            </mailSettings>
          </system.net>
        </configuration>
        """;

    public static string Generate(int fileIndex, int mailIndex) => Kinds[mailIndex % Kinds.Length](fileIndex);

    private static string SystemNetMailMicrosoft365(int i) => $$"""
        using System.Net;
        using System.Net.Mail;

        namespace Contoso.Notifications.N{{i}};

        public static class {{Word(i, 20)}}Notifier
        {
            private const string Sender = "noreply{{i}}@contoso.example";

            public static void SendWelcome(string recipient, string name)
            {
                using var client = new SmtpClient
                {
                    Host = "smtp.office365.com",
                    Port = 587,
                    EnableSsl = true,
                    DeliveryMethod = SmtpDeliveryMethod.Network,
                    Credentials = new NetworkCredential(Sender, "Kx9#mP2vLq7!wZ{{i}}"),
                };

                using var message = new MailMessage(Sender, recipient, "Welcome", $"Hello {name}, your account is ready.");
                client.Send(message);
            }

            public static void SendDigest(string recipient, string body)
            {
                var client = new SmtpClient("smtp.office365.com", 587);
                client.EnableSsl = true;
                client.UseDefaultCredentials = false;
                client.Credentials = new NetworkCredential("digest{{i}}@contoso.example", "Digest-Pa55-{{i}}!");
                client.Send(Sender, recipient, "Daily digest", body);
                client.Dispose();
            }
        }
        """;

    private static string SystemNetMailFromSettings(int i) => $$"""
        using System;
        using System.Net;
        using System.Net.Mail;

        namespace Contoso.Alerts.N{{i}};

        public sealed class SmtpOptions
        {
            public string Host { get; set; } = "mail.contoso.example";

            public int Port { get; set; } = 25;

            public string User { get; set; } = string.Empty;

            public string Password { get; set; } = string.Empty;
        }

        public sealed class {{Word(i, 21)}}AlertSender
        {
            private static readonly string RelayHost = "relay{{i}}.contoso.example";
            private readonly SmtpOptions options;

            public {{Word(i, 21)}}AlertSender(SmtpOptions options) => this.options = options;

            public void SendAlert(string to, string text)
            {
                using var client = new SmtpClient(options.Host, options.Port)
                {
                    Credentials = new NetworkCredential(options.User, options.Password),
                };

                client.Send(new MailMessage("alerts@contoso.example", to, "Alert", text));
            }

            public void SendThroughRelay(string to, string text)
            {
                using var client = new SmtpClient(RelayHost, 25);
                client.Send("alerts@contoso.example", to, "Relay alert", text);
            }

            public void SendImplicitTls(string to, string text)
            {
                using var client = new SmtpClient("smtp.contoso.example") { Port = 465, EnableSsl = true };
                client.Credentials = CredentialCache.DefaultNetworkCredentials;
                client.Send("alerts@contoso.example", to, "Alert", text);
            }

            public static void SendToLocalSink(string to)
            {
                using var client = new SmtpClient("localhost", 2525) { Credentials = new NetworkCredential("dev", "dev-only-pass") };
                client.Send("dev@localhost", to, "Test", DateTime.UtcNow.ToString("O"));
            }
        }
        """;

    private static string MailKitSmtpTutorial(int i) => $$"""
        using MailKit.Net.Smtp;
        using MailKit.Security;
        using MimeKit;

        namespace Contoso.Mailing.N{{i}};

        public static class MailConstants{{i}}
        {
            public const string Address = "newsletter{{i}}@gmail.example";
            public const string AppPassword = "qzvx ktrw mhpl dnje";
            public const string Host = "smtp.gmail.com";
        }

        public static class {{Word(i, 22)}}Newsletter
        {
            public static void Send(string to, string subject, string html)
            {
                var message = new MimeMessage();
                message.From.Add(new MailboxAddress("Newsletter", MailConstants{{i}}.Address));
                message.To.Add(MailboxAddress.Parse(to));
                message.Subject = subject;
                message.Body = new TextPart("html") { Text = html };

                using var client = new SmtpClient();
                client.Connect(MailConstants{{i}}.Host, 465, true);
                client.Authenticate(MailConstants{{i}}.Address, MailConstants{{i}}.AppPassword);
                client.Send(message);
                client.Disconnect(true);
            }

            public static void SendStartTls(MimeMessage message)
            {
                using var client = new SmtpClient();
                client.Connect("smtp.mailgun.example", 587, SecureSocketOptions.StartTls);
                client.Authenticate("postmaster@mg.contoso.example", "mgpass{{i}}ZxCv");
                client.Send(message);
                client.Disconnect(true);
            }

            public static void SendPlaintext(MimeMessage message)
            {
                using var client = new SmtpClient();
                client.Connect("mail.contoso.example", 25, SecureSocketOptions.None);
                client.Send(message);
                client.Disconnect(true);
            }

            public static void SendWithDefaults(MimeMessage message, string host)
            {
                using var client = new SmtpClient();
                client.Connect(host, 587);
                client.Send(message);
                client.Disconnect(true);
            }
        }
        """;

    private static string MailKitImapWithFieldPassword(int i) => $$"""
        using System.Collections.Generic;
        using System.Security.Authentication;
        using MailKit;
        using MailKit.Net.Imap;
        using MailKit.Security;

        namespace Contoso.Inbox.N{{i}};

        public sealed class {{Word(i, 23)}}InboxReader
        {
            private const string Host = "outlook.office365.com";
            private static readonly string Password = "Imap-Secret-{{i}}-Xq";
            private readonly string user = "support{{i}}@contoso.example";

            public IList<string> ReadSubjects(int max)
            {
                using var client = new ImapClient();
                client.ServerCertificateValidationCallback = (sender, certificate, chain, errors) => true;
                client.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
                client.Connect(Host, 993, SecureSocketOptions.SslOnConnect);
                client.Authenticate(user, Password);

                var inbox = client.Inbox;
                inbox.Open(FolderAccess.ReadOnly);
                var subjects = new List<string>();
                for (var n = inbox.Count - 1; n >= 0 && subjects.Count < max; n--)
                {
                    subjects.Add(inbox.GetMessage(n).Subject ?? string.Empty);
                }

                client.Disconnect(true);
                return subjects;
            }

            public int CountUnread(string host, string login, string secret, bool skipCertificateCheck)
            {
                using var client = new ImapClient();
                if (skipCertificateCheck)
                {
                    client.ServerCertificateValidationCallback = delegate { return true; };
                }

                client.Connect(host, 143, SecureSocketOptions.StartTlsWhenAvailable);
                client.Authenticate(login, secret);
                client.Inbox.Open(FolderAccess.ReadOnly);
                var unread = client.Inbox.Search(MailKit.Search.SearchQuery.NotSeen).Count;
                client.Disconnect(true);
                return unread;
            }
        }
        """;

    private static string MailKitPop3ConnectionUri(int i) => $$"""
        using System;
        using System.Net;
        using System.Security.Authentication;
        using System.Threading;
        using System.Threading.Tasks;
        using MailKit.Net.Pop3;
        using MailKit.Security;

        namespace Contoso.Archive.N{{i}};

        public static class {{Word(i, 24)}}Pop3Archiver
        {
            public static int CountWithUri()
            {
                using var client = new Pop3Client();
                client.Connect(new Uri("pops://archive%40contoso.example:Arch1ve-{{i}}-Pw@pop.contoso.example:995"));
                var count = client.Count;
                client.Disconnect(true);
                return count;
            }

            public static async Task<int> CountAsync(string user, CancellationToken cancellationToken)
            {
                var password = "Pop-Archive-{{i}}-9f";
                using var client = new Pop3Client();
                client.SslProtocols = SslProtocols.Tls11;
                await client.ConnectAsync("pop.gmail.com", 995, SecureSocketOptions.SslOnConnect, cancellationToken);
                await client.AuthenticateAsync(new NetworkCredential(user, password), cancellationToken);
                var count = client.Count;
                await client.DisconnectAsync(true, cancellationToken);
                return count;
            }

            public static void Legacy(string host)
            {
                using var client = new Pop3Client();
                client.Connect(host, 110, useSsl: false);
                client.Connect("pop.contoso.example", 995, SecureSocketOptions.StartTls);
                client.Authenticate("legacy{{i}}", "legacy-pass-{{i}}");
            }
        }
        """;

    private static string MailKitSaslMechanisms(int i) => $$"""
        using System.Net;
        using System.Net.Security;
        using System.Security.Cryptography.X509Certificates;
        using MailKit.Net.Smtp;
        using MailKit.Security;

        namespace Contoso.Relay.N{{i}};

        public sealed class {{Word(i, 25)}}RelayClient
        {
            private readonly string password = "Sasl-Relay-{{i}}-Kp";

            public void SendPlain(MimeKit.MimeMessage message)
            {
                using var client = new SmtpClient();
                client.ServerCertificateValidationCallback = AcceptAll;
                client.Connect("relay.contoso.example", 587, SecureSocketOptions.StartTls);
                var mechanism = new SaslMechanismPlain("relay{{i}}@contoso.example", password);
                client.Authenticate(mechanism);
                client.Send(message);
                client.Disconnect(true);
            }

            public void SendLogin(MimeKit.MimeMessage message, string user, string secret)
            {
                using var client = new SmtpClient();
                client.ServerCertificateValidationCallback = Validate;
                client.Connect("smtp.office365.com", 587, SecureSocketOptions.StartTls);
                client.Authenticate(new SaslMechanismLogin(new NetworkCredential(user, secret)));
                client.Authenticate(new SaslMechanismScramSha256(user, "scram-{{i}}-Secret"));
                client.Send(message);
                client.Disconnect(true);
            }

            private static bool AcceptAll(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
            {
                return true;
            }

            private static bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
                errors == SslPolicyErrors.None;
        }
        """;

    private static string MsalClientCredentialsXoauth2(int i) => $$"""
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using MailKit.Net.Smtp;
        using MailKit.Security;
        using Microsoft.Identity.Client;
        using MimeKit;

        namespace Contoso.Daemon.N{{i}};

        public sealed class {{Word(i, 26)}}MailDaemon
        {
            private static readonly string[] Scopes = ["https://outlook.office365.com/.default"];
            private readonly IConfidentialClientApplication application;
            private readonly string mailbox;

            public {{Word(i, 26)}}MailDaemon(string mailbox)
            {
                this.mailbox = mailbox;
                application = ConfidentialClientApplicationBuilder
                    .Create(Environment.GetEnvironmentVariable("MAIL_CLIENT_ID"))
                    .WithTenantId(Environment.GetEnvironmentVariable("MAIL_TENANT_ID"))
                    .WithClientSecret(Environment.GetEnvironmentVariable("MAIL_CLIENT_SECRET"))
                    .Build();
            }

            public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
            {
                var result = await application.AcquireTokenForClient(Scopes).ExecuteAsync(cancellationToken);
                using var client = new SmtpClient();
                await client.ConnectAsync("smtp.office365.com", 587, SecureSocketOptions.StartTls, cancellationToken);
                await client.AuthenticateAsync(new SaslMechanismOAuth2(mailbox, result.AccessToken), cancellationToken);
                await client.SendAsync(message, cancellationToken);
                await client.DisconnectAsync(true, cancellationToken);
            }
        }
        """;

    private static string RopcTokenFlows(int i) => $$"""
        using System.Threading;
        using System.Threading.Tasks;
        using Azure.Core;
        using Azure.Identity;
        using MailKit.Net.Imap;
        using MailKit.Security;
        using Microsoft.Identity.Client;

        namespace Contoso.Sync.N{{i}};

        public static class {{Word(i, 27)}}MailboxSync
        {
            private static readonly string[] Scopes = ["https://outlook.office.com/IMAP.AccessAsUser.All"];

            public static async Task<int> SyncAsync(string user, string password, CancellationToken cancellationToken)
            {
                var application = PublicClientApplicationBuilder
                    .Create("6f1c2a3b-4d5e-4f60-8a7b-{{(100000000000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture)}}")
                    .WithAuthority("https://login.microsoftonline.com/organizations")
                    .Build();
                var result = await application.AcquireTokenByUsernamePassword(Scopes, user, password).ExecuteAsync(cancellationToken);

                using var client = new ImapClient();
                await client.ConnectAsync("outlook.office365.com", 993, SecureSocketOptions.SslOnConnect, cancellationToken);
                await client.AuthenticateAsync(new SaslMechanismOAuth2(user, result.AccessToken), cancellationToken);
                var count = client.Inbox.Count;
                await client.DisconnectAsync(true, cancellationToken);
                return count;
            }

            public static async Task<string> GraphTokenAsync(string user, string password, CancellationToken cancellationToken)
            {
                var credential = new UsernamePasswordCredential(user, password, "contoso.onmicrosoft.com", "0b7e5c1d-2f3a-4b6c-9d8e-7f6a5b4c3d2e");
                var token = await credential.GetTokenAsync(new TokenRequestContext(["https://graph.microsoft.com/.default"]), cancellationToken);
                return token.Token;
            }
        }
        """;

    private static string AdalTokenFlows(int i) => $$"""
        using System.Security.Cryptography.X509Certificates;
        using System.Threading.Tasks;
        using Microsoft.IdentityModel.Clients.ActiveDirectory;

        namespace Contoso.Legacy.N{{i}};

        public static class {{Word(i, 28)}}AdalTokens
        {
            private const string Authority = "https://login.microsoftonline.com/contoso.onmicrosoft.com";
            private const string Resource = "https://outlook.office365.com";

            public static async Task<string> AppTokenAsync(string clientId, string clientSecret)
            {
                var context = new AuthenticationContext(Authority);
                var result = await context.AcquireTokenAsync(Resource, new ClientCredential(clientId, clientSecret));
                return result.AccessToken;
            }

            public static async Task<string> CertificateTokenAsync(string clientId, X509Certificate2 certificate)
            {
                var context = new AuthenticationContext(Authority, validateAuthority: true);
                var result = await context.AcquireTokenAsync(Resource, new ClientAssertionCertificate(clientId, certificate));
                return result.AccessToken;
            }

            public static async Task<string> CachedTokenAsync(string clientId)
            {
                var context = new AuthenticationContext(Authority);
                var result = await context.AcquireTokenSilentAsync(Resource, clientId);
                return result.AccessToken;
            }
        }
        """;

    private static string ExchangeWebServices(int i) => $$"""
        using System;
        using System.Net;
        using Microsoft.Exchange.WebServices.Data;

        namespace Contoso.Calendar.N{{i}};

        public static class {{Word(i, 29)}}EwsMailer
        {
            public static void SendReport(string to, string body)
            {
                var service = new ExchangeService(ExchangeVersion.Exchange2013_SP1)
                {
                    Url = new Uri("https://outlook.office365.com/EWS/Exchange.asmx"),
                    Credentials = new WebCredentials("reports{{i}}@contoso.example", "Ews-Reports-{{i}}-Pw"),
                };

                var message = new EmailMessage(service) { Subject = "Weekly report", Body = new MessageBody(BodyType.HTML, body) };
                message.ToRecipients.Add(to);
                message.SendAndSaveCopy();
            }

            public static ExchangeService OnPremises(string user, string password)
            {
                var service = new ExchangeService(ExchangeVersion.Exchange2010_SP2);
                service.Credentials = new NetworkCredential(user, password, "CONTOSO");
                service.Url = new Uri("https://mail.contoso.example/EWS/Exchange.asmx");
                return service;
            }

            public static ExchangeService Discover(string mailbox, string accessToken)
            {
                var service = new ExchangeService { Credentials = new OAuthCredentials(accessToken) };
                service.ImpersonatedUserId = new ImpersonatedUserId(ConnectingIdType.SmtpAddress, mailbox);
                service.HttpHeaders.Add("X-AnchorMailbox", mailbox);
                service.AutodiscoverUrl(mailbox, url => url.StartsWith("https://", StringComparison.OrdinalIgnoreCase));
                return service;
            }
        }
        """;

    private static string HttpBasicAndPasswordGrant(int i) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Net;
        using System.Net.Http;
        using System.Net.Http.Headers;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;
        using MailKit.Net.Imap;
        using MailKit.Net.Smtp;
        using MailKit.Security;

        namespace Contoso.Gateway.N{{i}};

        public static class {{Word(i, 31)}}ExchangeGateway
        {
            private const string Endpoint = "https://outlook.office365.com/EWS/Exchange.asmx";

            public static async Task<string> CallEwsAsync(string user, string password, string soap, CancellationToken cancellationToken)
            {
                using var client = new HttpClient();
                var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password));
                using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new StringContent(soap, Encoding.UTF8, "text/xml") };
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
                using var response = await client.SendAsync(request, cancellationToken);
                return await response.Content.ReadAsStringAsync(cancellationToken);
            }

            public static HttpClient OnPremises(string user, string password)
            {
                var handler = new HttpClientHandler { Credentials = new NetworkCredential(user, password, "CONTOSO") };
                var client = new HttpClient(handler) { BaseAddress = new Uri("https://mail.contoso.example/EWS/Exchange.asmx") };
                client.DefaultRequestHeaders.Add("Authorization", "Basic " + Convert.ToBase64String(Encoding.ASCII.GetBytes(user + ":" + password)));
                return client;
            }

            public static async Task<string> PasswordGrantAsync(string user, string password, CancellationToken cancellationToken)
            {
                using var client = new HttpClient();
                using var form = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "password",
                    ["client_id"] = "3c2d1e0f-{{i % 10}}a1b-4c2d-8e3f-5a6b7c8d9e0f",
                    ["scope"] = "https://outlook.office.com/SMTP.Send",
                    ["username"] = user,
                    ["password"] = password,
                });
                using var response = await client.PostAsync("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token", form, cancellationToken);
                return await response.Content.ReadAsStringAsync(cancellationToken);
            }

            public static void Mismatched(MimeKit.MimeMessage message)
            {
                using var smtp = new SmtpClient();
                smtp.Connect("smtp.office365.com", 465, SecureSocketOptions.SslOnConnect);
                smtp.Send(message);
                smtp.Disconnect(true);

                using var imap = new ImapClient();
                imap.Connect(new Uri("imap://mail.contoso.example:143/?starttls=never"));
                imap.Disconnect(true);

                using var legacy = new System.Net.Mail.SmtpClient("smtp.office365.com", 465) { EnableSsl = true };
                legacy.Send("gateway@contoso.example", "ops@contoso.example", "Mismatch", "Port 465 with System.Net.Mail.");
            }
        }
        """;

    private static string AppPasswordSettings(int i) => $$"""
        using System;
        using System.Net;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;
        using MailKit.Net.Smtp;
        using MailKit.Security;
        using MimeKit;

        namespace Contoso.Billing.N{{i}};

        public sealed class MailSettings
        {
            public string SmtpUser { get; set; } = "billing{{i}}@contoso.example";

            public string SmtpPassword { get; set; } = "hbsawxqzplmktrnv";

            public string AppPassword { get; set; } = string.Empty;

            public bool SkipCertificateCheck { get; set; }
        }

        public sealed class {{Word(i, 30)}}InvoiceMailer
        {
            private readonly MailSettings settings;

            public {{Word(i, 30)}}InvoiceMailer(MailSettings settings) => this.settings = settings;

            public static void TrustEveryone() =>
                ServicePointManager.ServerCertificateValidationCallback = (sender, certificate, chain, errors) => true;

            public async Task SendAsync(MimeMessage invoice, CancellationToken cancellationToken)
            {
                using var client = new SmtpClient();
                if (settings.SkipCertificateCheck)
                {
                    client.ServerCertificateValidationCallback = (s, c, h, e) => true;
                }

                await client.ConnectAsync("smtp.gmail.com", 587, SecureSocketOptions.Auto, cancellationToken);
                await client.AuthenticateAsync(Encoding.UTF8, settings.SmtpUser, settings.AppPassword, cancellationToken);
                await client.SendAsync(invoice, cancellationToken);
                await client.DisconnectAsync(true, cancellationToken);
            }

            public void SendWithEnvironment(MimeMessage invoice)
            {
                var appPassword = Environment.GetEnvironmentVariable("SMTP_APP_PASSWORD") ?? string.Empty;
                using var client = new SmtpClient();
                client.Connect(new Uri("smtp://smtp.gmail.com:587"));
                client.Authenticate(settings.SmtpUser, appPassword);
                client.Send(invoice);
                client.Disconnect(true);
            }
        }
        """;
}
