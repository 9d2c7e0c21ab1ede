using LegacyAuthAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LegacyAuthAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<LegacyAuthAnalyzers.Rules.LA1004_HttpBasicToExchangeAnalyzer>;

namespace LegacyAuthAnalyzers.Tests.Rules;

public sealed class LA1004_HttpBasicToExchangeTests
{
    [Fact]
    public async Task AuthenticationHeaderValueBasicToExchangeOnline_ReportsDiagnostic()
    {
        const string source = """
            using System;
            using System.Net.Http;
            using System.Net.Http.Headers;
            using System.Text;
            using System.Threading.Tasks;

            public static class EwsClient
            {
                public static Task<HttpResponseMessage> FindItemsAsync(HttpClient http, string user, string password, string soap)
                {
                    var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password));
                    http.DefaultRequestHeaders.Authorization = {|#0:new AuthenticationHeaderValue("Basic", encoded)|};
                    return http.PostAsync("https://outlook.office365.com/EWS/Exchange.asmx", new StringContent(soap, Encoding.UTF8, "text/xml"));
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic(DiagnosticIds.HttpBasicToExchange).WithLocation(0).WithArguments("new AuthenticationHeaderValue(\"Basic\", …)", "outlook.office365.com"));
    }

    [Fact]
    public async Task AuthorizationHeaderToOnPremisesEws_ReportsDiagnostic()
    {
        const string source = """
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;

            public static class EwsClient
            {
                private const string Endpoint = "https://mail.contoso.com/EWS/Exchange.asmx";

                public static Task<HttpResponseMessage> SendAsync(HttpClient http, string encodedCredentials, string soap)
                {
                    var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new StringContent(soap) };
                    {|#0:request.Headers.Add("Authorization", $"Basic {encodedCredentials}")|};
                    return http.SendAsync(request);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic(DiagnosticIds.HttpBasicToExchange).WithLocation(0).WithArguments("The Authorization header", "mail.contoso.com"));
    }

    [Fact]
    public async Task HandlerCredentialsWithBaseAddress_ReportsDiagnostic()
    {
        const string source = """
            using System;
            using System.Net;
            using System.Net.Http;

            public static class EwsClient
            {
                public static HttpClient Create(string user, string password)
                {
                    var handler = new HttpClientHandler { {|#0:Credentials = new NetworkCredential(user, password)|} };
                    return new HttpClient(handler) { BaseAddress = new Uri("https://outlook.office365.com/") };
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic(DiagnosticIds.HttpBasicToExchange).WithLocation(0).WithArguments("HttpClientHandler.Credentials", "outlook.office365.com"));
    }

    [Fact]
    public async Task WebClientHeaderIndexer_ReportsDiagnostic()
    {
        const string source = """
            using System.Net;

            public static class EwsClient
            {
                public static string Post(string token, string soap)
                {
                    using var client = new WebClient();
                    {|#0:client.Headers[HttpRequestHeader.Authorization] = "Basic " + token|};
                    return client.UploadString("https://outlook.office365.com/EWS/Exchange.asmx", soap);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic(DiagnosticIds.HttpBasicToExchange).WithLocation(0).WithArguments("The Authorization header", "outlook.office365.com"));
    }

    [Fact]
    public async Task BasicToOtherApiOrBearerToExchange_NoDiagnostic()
    {
        const string source = """
            using System.Net.Http;
            using System.Net.Http.Headers;
            using System.Threading.Tasks;

            public static class Clients
            {
                public static Task<string> OrdersAsync(HttpClient http, string encoded)
                {
                    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", encoded);
                    return http.GetStringAsync("https://api.contoso.com/orders");
                }

                public static Task<HttpResponseMessage> EwsAsync(HttpClient http, string accessToken, HttpContent soap)
                {
                    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
                    return http.PostAsync("https://outlook.office365.com/EWS/Exchange.asmx", soap);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task DefaultCredentialsConfiguredUrlOrLocalServer_NoDiagnostic()
    {
        const string source = """
            using System;
            using System.Net;
            using System.Net.Http;
            using System.Net.Http.Headers;
            using System.Threading.Tasks;

            public static class Clients
            {
                public static HttpClient Windows() =>
                    new HttpClient(new HttpClientHandler { Credentials = CredentialCache.DefaultCredentials })
                    {
                        BaseAddress = new Uri("https://mail.contoso.com/EWS/Exchange.asmx"),
                    };

                public static Task<HttpResponseMessage> ConfiguredAsync(HttpClient http, string url, string encoded, HttpContent soap)
                {
                    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", encoded);
                    return http.PostAsync(url, soap);
                }

                public static Task<HttpResponseMessage> MockAsync(HttpClient http, string encoded, HttpContent soap)
                {
                    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", encoded);
                    return http.PostAsync("http://localhost:5000/EWS/Exchange.asmx", soap);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task WithoutMailLibraries_ReportsDiagnostic()
    {
        const string source = """
            using System.Net.Http;
            using System.Net.Http.Headers;
            using System.Threading.Tasks;

            public static class EwsClient
            {
                public static Task<HttpResponseMessage> PostAsync(HttpClient http, string encoded, HttpContent soap)
                {
                    http.DefaultRequestHeaders.Authorization = {|#0:new AuthenticationHeaderValue("basic", encoded)|};
                    return http.PostAsync("https://outlook.office365.com/EWS/Exchange.asmx", soap);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            TestReferences.WithoutMailLibraries,
            Verify.Diagnostic(DiagnosticIds.HttpBasicToExchange).WithLocation(0).WithArguments("new AuthenticationHeaderValue(\"Basic\", …)", "outlook.office365.com"));
    }

    [Fact]
    public async Task HttpWebRequestHeaderWritesAndSchemeInAnyCase_ReportsDiagnostic()
    {
        const string source = """
            using System.IO;
            using System.Net;
            using System.Net.Http;
            using System.Net.Http.Headers;
            using System.Threading.Tasks;

            public static class Schemes
            {
                public static readonly string Basic = "BASIC";
            }

            public static class EwsClient
            {
            #pragma warning disable SYSLIB0014
                public static WebResponse Indexer(string encoded)
                {
                    var request = (HttpWebRequest)WebRequest.Create("https://outlook.office365.com/EWS/Exchange.asmx");
                    {|#0:request.Headers["Authorization"] = "basic " + encoded|};
                    return request.GetResponse();
                }

                public static WebResponse HeaderLine(string encoded)
                {
                    var request = WebRequest.Create("https://mail.contoso.com/EWS/Exchange.asmx");
                    {|#1:request.Headers.Add("Authorization: Basic " + encoded)|};
                    return request.GetResponse();
                }
            #pragma warning restore SYSLIB0014

                public static Task<HttpResponseMessage> SchemeFromField(HttpClient http, string encoded, HttpContent soap)
                {
                    http.DefaultRequestHeaders.Authorization = {|#2:new AuthenticationHeaderValue(Schemes.Basic, encoded)|};
                    return http.PostAsync("https://outlook.office365.com/EWS/Exchange.asmx", soap);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic(DiagnosticIds.HttpBasicToExchange).WithLocation(0).WithArguments("The Authorization header", "outlook.office365.com"),
            Verify.Diagnostic(DiagnosticIds.HttpBasicToExchange).WithLocation(1).WithArguments("The Authorization header", "mail.contoso.com"),
            Verify.Diagnostic(DiagnosticIds.HttpBasicToExchange).WithLocation(2).WithArguments("new AuthenticationHeaderValue(\"Basic\", …)", "outlook.office365.com"));
    }

    [Fact]
    public async Task HeaderLinesThatAreNotBasicToExchange_NoDiagnostic()
    {
        const string source = """
            using System.Net;

            public static class Clients
            {
            #pragma warning disable SYSLIB0014
                public static WebResponse Bearer(string token)
                {
                    var request = WebRequest.Create("https://outlook.office365.com/EWS/Exchange.asmx");
                    request.Headers.Add("Authorization: Bearer " + token);
                    request.Headers["X-Note"] = "Basic plan";
                    return request.GetResponse();
                }

                public static WebResponse OtherApi(string encoded)
                {
                    var request = WebRequest.Create("https://api.contoso.com/orders");
                    request.Headers.Add("Authorization: basic " + encoded);
                    request.Headers["Authorization"] = "Basic " + encoded;
                    return request.GetResponse();
                }
            #pragma warning restore SYSLIB0014
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }
}
