using LegacyAuthAnalyzers.Configuration;
using LegacyAuthAnalyzers.Credentials;
using LegacyAuthAnalyzers.Roslyn;
using LegacyAuthAnalyzers.Transport;
using LegacyAuthAnalyzers.Values;
using LegacyAuthAnalyzers.Rules;
using LegacyAuthAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LegacyAuthAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<LegacyAuthAnalyzers.Rules.LA1001_HardCodedMailCredentialAnalyzer>;
using VerifyAppPassword = LegacyAuthAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<LegacyAuthAnalyzers.Rules.LA3001_AppPasswordShapedSecretAnalyzer>;

namespace LegacyAuthAnalyzers.Tests.Rules;

/// <summary>
/// LA1001 (and LA3001 for app-password shapes) on the Exchange sign-ins that are not mail protocol logons: the password
/// of a username/password token flow and the user-info of an HTTP Basic header sent to Exchange. LA4003 and LA1004
/// report the flow itself; these findings are about where the secret lives.
/// </summary>
public sealed class LA1001_SignInPasswordTests
{
    private const string Id = DiagnosticIds.HardCodedMailCredential;

    private static DiagnosticResult Expected(int location, string api, int length) =>
        Verify.Diagnostic(Id).WithLocation(location).WithArguments(api, length, SecretRemedies.PasswordInCode);

    // ---- Username/password token flows ----

    [Fact]
    public async Task MsalRopcWithConstantFromSecretsClass_ReportsWithDeclaration()
    {
        var test = new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    """
                    internal static class Secrets
                    {
                        public const string ServiceUser = "svc-reports@contoso.com";
                        public const string {|#1:ServicePassword|} = "R0pc-Svc-P4ss!";
                    }
                    """,
                    """
                    using System.Threading.Tasks;
                    using Microsoft.Identity.Client;

                    internal sealed class ReportMailbox
                    {
                        private static readonly string[] Scopes = { "https://outlook.office.com/IMAP.AccessAsUser.All" };

                        public async Task<string> TokenAsync(IPublicClientApplication app)
                        {
                    #pragma warning disable CS0618 // ROPC is obsolete on public clients: that is LA4003's finding.
                            var result = await app.AcquireTokenByUsernamePassword(Scopes, Secrets.ServiceUser, {|#0:Secrets.ServicePassword|}).ExecuteAsync();
                    #pragma warning restore CS0618
                            return result.AccessToken;
                        }
                    }
                    """,
                },
            },
        };

        test.ExpectedDiagnostics.Add(Expected(0, "IPublicClientApplication.AcquireTokenByUsernamePassword", 14).WithLocation(1));
        await test.RunAsync();
    }

    [Fact]
    public async Task MsalRopcWithSecureStringFilledFromStaticField_ReportsAtTheStringWithDeclaration()
    {
        const string source = """
            using System.Security;
            using System.Threading.Tasks;
            using Microsoft.Identity.Client;

            internal static class GraphDemo
            {
                private static string account = "user2@contoso.onmicrosoft.com";
                private static string {|#1:password|} = "S3cure-Str1ng!";

                public static async Task<string> TokenAsync(IPublicClientApplication app)
                {
                    var securePassword = new SecureString();
                    foreach (char c in {|#0:password|})
                        securePassword.AppendChar(c);

            #pragma warning disable CS0618 // ROPC is obsolete on public clients: that is LA4003's finding.
                    var result = await app.AcquireTokenByUsernamePassword(new[] { "user.read" }, account, securePassword).ExecuteAsync();
            #pragma warning restore CS0618
                    return result.AccessToken;
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Expected(0, "IPublicClientApplication.AcquireTokenByUsernamePassword", 14).WithLocation(1));
    }

    [Fact]
    public async Task MsalRopcWithSecureStringFromParameter_NoDiagnostic()
    {
        const string source = """
            using System.Security;
            using System.Threading.Tasks;
            using Microsoft.Identity.Client;

            internal static class GraphDemo
            {
                public static async Task<string> TokenAsync(IPublicClientApplication app, string account, string password)
                {
                    var securePassword = new SecureString();
                    foreach (char c in password)
                        securePassword.AppendChar(c);

            #pragma warning disable CS0618
                    var result = await app.AcquireTokenByUsernamePassword(new[] { "user.read" }, account, securePassword).ExecuteAsync();
            #pragma warning restore CS0618
                    return result.AccessToken;
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task AdalUserPasswordCredentialLiteral_ReportsDiagnostic()
    {
        const string source = """
            using Microsoft.IdentityModel.Clients.ActiveDirectory;

            internal static class LegacyToken
            {
                public static UserPasswordCredential Create() => new UserPasswordCredential("svc@contoso.com", {|#0:"Adal-Legacy-77#"|});
            }
            """;

        await VerifyAdalAsync(source, Expected(0, "new UserPasswordCredential", 15));
    }

    [Fact]
    public async Task AzureUsernamePasswordCredentialLiteral_ReportsDiagnostic()
    {
        const string source = """
            using Azure.Identity;

            internal static class GraphLogin
            {
            #pragma warning disable CS0618 // Obsolete: that is LA4003's finding.
                public static UsernamePasswordCredential Create() =>
                    new UsernamePasswordCredential("svc@contoso.com", {|#0:"Az-Id-Passw0rd%"|}, "contoso.onmicrosoft.com", "4a1aa1d5-c567-49d0-ad0b-cd957a47f842");
            #pragma warning restore CS0618
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Expected(0, "new UsernamePasswordCredential", 15));
    }

    [Fact]
    public async Task PasswordGrantDictionary_ReportsDiagnostic()
    {
        const string source = """
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Threading.Tasks;

            internal static class TokenRequest
            {
                public static Task<HttpResponseMessage> SendAsync(HttpClient http) =>
                    http.PostAsync("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
                    {
                        { "grant_type", "password" },
                        { "client_id", "4a1aa1d5-c567-49d0-ad0b-cd957a47f842" },
                        { "scope", "https://outlook.office.com/SMTP.Send" },
                        { "username", "svc@contoso.com" },
                        { "password", {|#0:"Gr4nt-B0dy-Pwd"|} },
                    }));
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Expected(0, "The grant_type=password token request", 14));
    }

    [Fact]
    public async Task PasswordGrantKeyValuePairArray_ReportsDiagnostic()
    {
        const string source = """
            using System.Collections.Generic;
            using System.Net.Http;

            internal static class TokenRequest
            {
                private const string {|#1:ServicePassword|} = "Kvp-Arr4y-Pass?";

                public static FormUrlEncodedContent Body() => new FormUrlEncodedContent(new[]
                {
                    new KeyValuePair<string, string>("grant_type", "password"),
                    new KeyValuePair<string, string>("username", "svc@contoso.com"),
                    new KeyValuePair<string, string>("password", {|#0:ServicePassword|}),
                });
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Expected(0, "The grant_type=password token request", 15).WithLocation(1));
    }

    [Fact]
    public async Task PasswordGrantFormText_ReportsTheConcatenatedConstant()
    {
        const string source = """
            using System.Net.Http;
            using System.Text;

            internal static class Secrets
            {
                public const string {|#1:ServicePassword|} = "Str1ng-Form-Pw!";
            }

            internal static class TokenRequest
            {
                public static StringContent Body(string user) =>
                    new StringContent("grant_type=password&client_id=4a1aa1d5&username=" + user + "&password=" + {|#0:Secrets.ServicePassword|}, Encoding.UTF8, "application/x-www-form-urlencoded");
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Expected(0, "The grant_type=password token request", 15).WithLocation(1));
    }

    [Fact]
    public async Task PasswordGrantAnonymousBody_ReportsDiagnostic()
    {
        const string source = """
            using MailKit.Net.Smtp;

            internal static class TokenRequest
            {
                public static object Body(SmtpClient smtp) => new { grant_type = "password", username = "svc@contoso.com", password = {|#0:"Anon-B0dy-Pass!"|} };
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Expected(0, "The grant_type=password token request", 15));
    }

    [Fact]
    public async Task RopcWithAppPasswordShape_IsLA3001NotLA1001()
    {
        const string source = """
            using Microsoft.IdentityModel.Clients.ActiveDirectory;

            internal static class LegacyToken
            {
                public static UserPasswordCredential Create() => new UserPasswordCredential("svc@contoso.com", {|#0:"hqzmvtkrpwjxnbcd"|});
            }
            """;

        await VerifyAdalAsync(source);
        var test = new VerifyAppPassword.Test { TestCode = source, References = TestReferences.WithAdalForNetFramework };
        test.ExpectedDiagnostics.Add(VerifyAppPassword.Diagnostic(DiagnosticIds.AppPasswordShapedSecret).WithLocation(0).WithArguments("new UserPasswordCredential", "16 lower-case letters", SecretRemedies.AppPasswordInCode));
        await test.RunAsync();
    }

    // ---- HTTP Basic to Exchange ----

    [Fact]
    public async Task BasicHeaderUserInfoFromConstant_ReportsDiagnostic()
    {
        const string source = """
            using System;
            using System.Net.Http;
            using System.Net.Http.Headers;
            using System.Text;
            using System.Threading.Tasks;

            internal static class Secrets
            {
                public const string {|#1:ServicePassword|} = "Fr0st-Ews-92!";
            }

            internal static class FreeBusy
            {
                public static async Task<string> QueryAsync(HttpClient http, string user, string soap)
                {
                    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
                        "Basic",
                        Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + {|#0:Secrets.ServicePassword|})));
                    var response = await http.PostAsync("https://outlook.office365.com/EWS/Exchange.asmx", new StringContent(soap));
                    return await response.Content.ReadAsStringAsync();
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Expected(0, "new AuthenticationHeaderValue(\"Basic\", …)", 13).WithLocation(1));
    }

    [Fact]
    public async Task BasicHeaderWrittenWithInterpolationThroughLocals_ReportsDiagnostic()
    {
        const string source = """
            using System;
            using System.Net.Http;
            using System.Text;

            internal static class Autodiscover
            {
                public static HttpRequestMessage Request(string user)
                {
                    const string {|#1:password|} = "Basic-Hdr-99";
                    var raw = $"{user}:{{|#0:password|}}";
                    var encoded = Convert.ToBase64String(Encoding.ASCII.GetBytes(raw));
                    var request = new HttpRequestMessage(HttpMethod.Get, "https://mail.contoso.com/autodiscover/autodiscover.xml");
                    request.Headers.Add("Authorization", "Basic " + encoded);
                    return request;
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Expected(0, "The Authorization header", 12).WithLocation(1));
    }

    [Fact]
    public async Task BasicHeaderWithConstantBase64_ReportsDiagnostic()
    {
        // The base64 of "svc-ews@contoso.com:" followed by a 13-character password.
        const string source = """
            using System.Net;

            internal static class Ews
            {
                public static WebClient Client()
                {
                    var client = new WebClient { BaseAddress = "https://outlook.office365.com/EWS/" };
                    client.Headers[HttpRequestHeader.Authorization] = {|#0:"Basic c3ZjLWV3c0Bjb250b3NvLmNvbTpGcjBzdC1Fd3MtOTIh"|};
                    return client;
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Expected(0, "The Authorization header", 13));
    }

    [Fact]
    public async Task MessagesNeverContainTheSecret()
    {
        const string secret = "Qz7#Wk2!Vb9$Xm4@";
        const string source = $$"""
            using System;
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Net.Http.Headers;
            using System.Text;
            using Microsoft.IdentityModel.Clients.ActiveDirectory;

            internal static class Everything
            {
                public static void Run(HttpClient http, string user)
                {
                    _ = new UserPasswordCredential(user, "{{secret}}");
                    _ = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "password", ["password"] = "{{secret}}" });
                    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":{{secret}}")));
                    http.GetAsync("https://outlook.office365.com/EWS/Exchange.asmx");
                }
            }
            """;

        var diagnostics = await AnalyzerRunner.GetDiagnosticsAsync(source, TestReferences.WithAdalForNetFramework, System.Collections.Immutable.ImmutableDictionary<string, string>.Empty, new LA1001_HardCodedMailCredentialAnalyzer());

        Assert.Equal(3, diagnostics.Count(d => d.Id == Id));
        SecretAssert.NotInMessages(secret, diagnostics);
    }

    // ---- Silent ----

    [Fact]
    public async Task PasswordsFromParametersAndConfiguration_NoDiagnostic()
    {
        const string source = """
            using System;
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Net.Http.Headers;
            using System.Text;
            using Azure.Identity;

            internal sealed class MailOptions
            {
                public string Password { get; set; } = "";
            }

            internal static class Flows
            {
                public static void Run(HttpClient http, MailOptions options, string user, string password)
                {
            #pragma warning disable CS0618
                    _ = new UsernamePasswordCredential(user, options.Password, "contoso.onmicrosoft.com", "4a1aa1d5-c567-49d0-ad0b-cd957a47f842");
            #pragma warning restore CS0618
                    _ = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "password", ["password"] = Environment.GetEnvironmentVariable("SVC_PASSWORD") ?? "" });
                    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));
                    http.GetAsync("https://outlook.office365.com/EWS/Exchange.asmx");
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<password>")]
    [InlineData("${SVC_PASSWORD}")]
    [InlineData("changeme")]
    public async Task PlaceholderPasswords_NoDiagnostic(string placeholder)
    {
        var source = $$"""
            using System;
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Net.Http.Headers;
            using System.Text;
            using Azure.Identity;

            internal static class Flows
            {
                public static void Run(HttpClient http, string user)
                {
            #pragma warning disable CS0618
                    _ = new UsernamePasswordCredential(user, "{{placeholder}}", "contoso.onmicrosoft.com", "4a1aa1d5-c567-49d0-ad0b-cd957a47f842");
            #pragma warning restore CS0618
                    _ = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "password", ["password"] = "{{placeholder}}" });
                    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":{{placeholder}}")));
                    http.GetAsync("https://outlook.office365.com/EWS/Exchange.asmx");
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task BasicHeaderToAnotherApi_NoDiagnostic()
    {
        // Not Exchange: LA1004 is silent there, and so is the secret rule for this sink (not a mail credential).
        const string source = """
            using System;
            using System.Net.Http;
            using System.Net.Http.Headers;
            using System.Text;

            internal static class Billing
            {
                public static void Run(HttpClient http)
                {
                    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("billing:N0t-M4il-Pass")));
                    http.GetAsync("https://billing.contoso.com/api/invoices");
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task ClientCredentialsGrantAndPasswordWordElsewhere_NoDiagnostic()
    {
        const string source = """
            using System.Collections.Generic;
            using System.Net.Http;

            internal static class Bodies
            {
                public static void Run()
                {
                    _ = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["password"] = "N0t-A-R0pc-Pass" });
                    _ = new Dictionary<string, string> { ["password"] = "Just-A-Dict-Pw1", ["user"] = "svc" };
                    _ = new StringContent("grant_type=password_reset&password=Res3t-Fl0w-Pw!");
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NoMailLibraryReferenced_RegistersNothingForSignInSites()
    {
        // Without System.Net.Mail or any mail library, a token request is not looked at (SPEC §7).
        const string source = """
            using System.Collections.Generic;
            using System.Net.Http;

            internal static class Bodies
            {
                public static FormUrlEncodedContent Body() =>
                    new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "password", ["password"] = "Gr4nt-B0dy-Pwd" });
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, TestReferences.WithoutSystemNetMail);
    }

    private static Task VerifyAdalAsync(string source, params DiagnosticResult[] expected)
    {
        // ADAL's UserPasswordCredential exists only in its .NET Framework build.
        var test = new Verify.Test { TestCode = source, References = TestReferences.WithAdalForNetFramework };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}
