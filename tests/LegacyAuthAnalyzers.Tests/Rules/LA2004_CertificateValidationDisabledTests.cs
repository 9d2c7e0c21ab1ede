using System.Collections.Immutable;
using LegacyAuthAnalyzers.CodeFixes.Fixes;
using LegacyAuthAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = LegacyAuthAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<LegacyAuthAnalyzers.Rules.LA2004_CertificateValidationDisabledAnalyzer>;
using VerifyFix = LegacyAuthAnalyzers.Tests.Infrastructure.CSharpCodeFixVerifier<LegacyAuthAnalyzers.Rules.LA2004_CertificateValidationDisabledAnalyzer, LegacyAuthAnalyzers.CodeFixes.Fixes.LA2004_CertificateValidationDisabledCodeFix>;

namespace LegacyAuthAnalyzers.Tests.Rules;

public sealed class LA2004_CertificateValidationDisabledTests
{
    private const string Usings = """
        using System;
        using System.Net;
        using System.Net.Security;
        using System.Security.Cryptography.X509Certificates;
        using MailKit.Net.Imap;
        using MailKit.Net.Pop3;
        using MailKit.Net.Smtp;

        """;

    /// <summary>MailKit without the EWS API: the global callback only matters here if System.Net.Mail is used.</summary>
    private static ImmutableArray<MetadataReference> WithoutEws => TestReferences.All.Remove(TestReferences.ExchangeWebServices);

    /// <summary>
    /// A .NET Framework-shaped reference set: a core library named mscorlib with the few types the test needs, and a
    /// MailKit with its <c>MailService</c>. No .NET Framework reference pack is available offline.
    /// </summary>
    private static readonly Lazy<ImmutableArray<MetadataReference>> NetFrameworkWithMailKit = new(() =>
    {
        const string corlib = """
            namespace System
            {
                public class Object { }
                public abstract class ValueType { }
                public abstract class Enum : ValueType { }
                public struct Void { }
                public struct Boolean { }
                public struct Int32 { }
                public struct IntPtr { }
                public sealed class String { }
                public abstract class Attribute { }
                public abstract class Delegate { }
                public abstract class MulticastDelegate : Delegate { }
                public interface IAsyncResult { }
                public delegate void AsyncCallback(IAsyncResult ar);
                public abstract class Array { }
                public class Type { }
                public struct RuntimeTypeHandle { }
                public struct RuntimeFieldHandle { }
                public struct RuntimeMethodHandle { }
                public enum AttributeTargets { All = 32767 }
                public sealed class AttributeUsageAttribute : Attribute
                {
                    public AttributeUsageAttribute(AttributeTargets validOn) { }
                    public bool AllowMultiple { get; set; }
                    public bool Inherited { get; set; }
                }
            }

            namespace System.Security.Cryptography.X509Certificates
            {
                public class X509Certificate { }
                public class X509Chain { }
            }

            namespace System.Net.Security
            {
                public enum SslPolicyErrors { None = 0 }
                public delegate bool RemoteCertificateValidationCallback(object sender, System.Security.Cryptography.X509Certificates.X509Certificate certificate, System.Security.Cryptography.X509Certificates.X509Chain chain, SslPolicyErrors sslPolicyErrors);
            }

            namespace System.Net
            {
                public class ServicePointManager
                {
                    public static System.Net.Security.RemoteCertificateValidationCallback ServerCertificateValidationCallback { get; set; }
                }
            }
            """;
        var mscorlib = Compile("mscorlib", corlib);
        var mailKit = Compile("MailKit", "namespace MailKit { public abstract class MailService { } }", mscorlib);
        return ImmutableArray.Create(mscorlib, mailKit);

        static MetadataReference Compile(string name, string source, params MetadataReference[] references)
        {
            var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
                name,
                [Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source)],
                references,
                new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var image = new MemoryStream();
            var result = compilation.Emit(image);
            Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
            return MetadataReference.CreateFromImage(image.ToArray());
        }
    });

    [Theory]
    [InlineData("(s, c, h, e) => true")]
    [InlineData("(_, _, _, _) => true")]
    [InlineData("(sender, certificate, chain, errors) => { return true; }")]
    [InlineData("delegate { return true; }")]
    [InlineData("delegate (object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) { return true; }")]
    [InlineData("(s, c, h, e) => { Console.WriteLine(e); return true; }")]
    [InlineData("new RemoteCertificateValidationCallback((s, c, h, e) => true)")]
    public async Task AcceptAllCallbackOnMailKitClient_ReportsDiagnostic(string callback)
    {
        var source = Usings + $$"""
            public static class Mailer
            {
                public static void Connect(SmtpClient client)
                {
                    client.ServerCertificateValidationCallback = {|#0:{{callback}}|};
                    client.Connect("smtp.contoso.com", 587, MailKit.Security.SecureSocketOptions.StartTls);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic(DiagnosticIds.CertificateValidationDisabled).WithLocation(0).WithArguments("SmtpClient.ServerCertificateValidationCallback"));
    }

    [Fact]
    public async Task MethodGroupsAndStoredDelegates_ReportsDiagnostic()
    {
        var test = new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    Usings + """
                    public sealed class Inbox
                    {
                        private static readonly RemoteCertificateValidationCallback TrustAll = (s, c, h, e) => true;

                        public static void Open(ImapClient imap, Pop3Client pop, SmtpClient smtp, MailKit.IMailService service)
                        {
                            imap.ServerCertificateValidationCallback = {|#0:CertificateTrust.AcceptAll|};
                            pop.ServerCertificateValidationCallback = {|#1:new RemoteCertificateValidationCallback(Accept)|};
                            smtp.ServerCertificateValidationCallback = {|#2:TrustAll|};
                            RemoteCertificateValidationCallback local = (s, c, h, e) => true;
                            service.ServerCertificateValidationCallback = {|#3:local|};

                            static bool Accept(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) => true;
                        }
                    }
                    """,
                    """
                    using System.Net.Security;
                    using System.Security.Cryptography.X509Certificates;

                    public static class CertificateTrust
                    {
                        public static bool AcceptAll(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors sslPolicyErrors)
                        {
                            // Our relay uses a self-signed certificate.
                            return true;
                        }
                    }
                    """,
                },
                ExpectedDiagnostics =
                {
                    Verify.Diagnostic(DiagnosticIds.CertificateValidationDisabled).WithLocation(0).WithArguments("ImapClient.ServerCertificateValidationCallback"),
                    Verify.Diagnostic(DiagnosticIds.CertificateValidationDisabled).WithLocation(1).WithArguments("Pop3Client.ServerCertificateValidationCallback"),
                    Verify.Diagnostic(DiagnosticIds.CertificateValidationDisabled).WithLocation(2).WithArguments("SmtpClient.ServerCertificateValidationCallback"),
                    Verify.Diagnostic(DiagnosticIds.CertificateValidationDisabled).WithLocation(3).WithArguments("IMailService.ServerCertificateValidationCallback"),
                },
            },
        };

        await test.RunAsync();
    }

    [Fact]
    public async Task AcceptAllBehindRuntimeSetting_ReportsDiagnostic()
    {
        var source = Usings + """
            public sealed class MailSettings
            {
                public bool SkipCertCheck { get; set; }
                public bool AllowInvalidCertificates { get; set; }
            }

            public static class Mailer
            {
                public static void Configure(ImapClient imap, SmtpClient smtp, Pop3Client pop, MailSettings settings)
                {
                    if (settings.SkipCertCheck)
                    {
                        imap.ServerCertificateValidationCallback = {|#0:(s, c, h, e) => true|};
                    }

                    smtp.ServerCertificateValidationCallback = {|#1:(s, c, h, e) => settings.AllowInvalidCertificates|};
                    pop.ServerCertificateValidationCallback = {|#2:(s, c, h, e) => settings.AllowInvalidCertificates || e == SslPolicyErrors.None|};
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic(DiagnosticIds.CertificateValidationDisabled).WithLocation(0).WithArguments("ImapClient.ServerCertificateValidationCallback"),
            Verify.Diagnostic(DiagnosticIds.CertificateValidationDisabled).WithLocation(1).WithArguments("SmtpClient.ServerCertificateValidationCallback"),
            Verify.Diagnostic(DiagnosticIds.CertificateValidationDisabled).WithLocation(2).WithArguments("Pop3Client.ServerCertificateValidationCallback"));
    }

    [Fact]
    public async Task GlobalCallbackWithSystemNetMail_ReportsDiagnostic()
    {
        var test = new Verify.Test
        {
            References = TestReferences.WithoutMailLibraries,
            TestState =
            {
                Sources =
                {
                    """
                    using System.Net;

                    public static class Startup
                    {
                        public static void Configure()
                        {
                            ServicePointManager.ServerCertificateValidationCallback = {|#0:(sender, certificate, chain, errors) => true|};
                            ServicePointManager.ServerCertificateValidationCallback += {|#1:delegate { return true; }|};
                        }
                    }
                    """,
                    """
                    using System.Net.Mail;

                    public static class Mailer
                    {
                        public static void Send(MailMessage message)
                        {
                            using var client = new SmtpClient("smtp.contoso.com", 587) { EnableSsl = true };
                            client.Send(message);
                        }
                    }
                    """,
                },
                ExpectedDiagnostics =
                {
                    Verify.Diagnostic(DiagnosticIds.CertificateValidationDisabled).WithLocation(0).WithArguments("ServicePointManager.ServerCertificateValidationCallback (used by System.Net.Mail)"),
                    Verify.Diagnostic(DiagnosticIds.CertificateValidationDisabled).WithLocation(1).WithArguments("ServicePointManager.ServerCertificateValidationCallback (used by System.Net.Mail)"),
                },
            },
        };

        await test.RunAsync();
    }

    [Fact]
    public async Task GlobalCallbackWithEws_ReportsDiagnostic()
    {
        const string source = """
            using System.Net;
            using Microsoft.Exchange.WebServices.Data;

            public static class Startup
            {
                public static ExchangeService Create()
                {
                    ServicePointManager.ServerCertificateValidationCallback = {|#0:(s, c, h, e) => true|};
                    return new ExchangeService();
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic(DiagnosticIds.CertificateValidationDisabled).WithLocation(0).WithArguments("ServicePointManager.ServerCertificateValidationCallback (used by EWS)"));
    }

    [Theory]
    [InlineData("(s, c, h, e) => e == SslPolicyErrors.None")]
    [InlineData("(s, c, h, e) => false")]
    [InlineData("(s, c, h, e) => c != null && c.GetCertHashString() == \"3B1EFD3A66EA28B16697394703A72CA340A05BD5\"")]
    [InlineData("(s, c, h, e) => { if (e == SslPolicyErrors.None) return true; return h != null && h.ChainStatus.Length == 0; }")]
    [InlineData("(s, c, h, e) => { if (e != SslPolicyErrors.None) throw new InvalidOperationException(e.ToString()); return true; }")]
    [InlineData("(s, c, h, e) => { if (e == SslPolicyErrors.None) return true; return settings.AllowInvalidCertificates; }")]
    [InlineData("(s, c, h, e) => e == SslPolicyErrors.None || settings.AllowInvalidCertificates")]
    [InlineData("(s, c, h, e) => { var ok = e == SslPolicyErrors.None; return ok; }")]
    [InlineData("(s, c, h, e) => { foreach (var status in h!.ChainStatus) { if (status.Status != X509ChainStatusFlags.UntrustedRoot) return false; } return true; }")]
    [InlineData("(s, c, h, e) => Validate(c, h, e)")]
    [InlineData("(s, c, h, e) => MailSettings.SkipCertCheck")]
    [InlineData("MailService.DefaultCallback")]
    public async Task ValidatingCallback_NoDiagnostic(string callback)
    {
        var source = Usings + $$"""
            public sealed class MailSettings
            {
                public const bool SkipCertCheck = false;
                public bool AllowInvalidCertificates { get; set; }
            }

            public abstract class MailService : MailKit.MailService
            {
                protected MailService() : base(new MailKit.ProtocolLogger(Console.OpenStandardOutput())) { }
                public static RemoteCertificateValidationCallback DefaultCallback => DefaultServerCertificateValidationCallback;
            }

            public static class Mailer
            {
                public static void Configure(ImapClient client, MailSettings settings) =>
                    client.ServerCertificateValidationCallback = {{callback}};

                private static bool Validate(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) => errors == SslPolicyErrors.None;
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task AcceptAllBehindConstantFalseOrToLocalHost_NoDiagnostic()
    {
        var source = Usings + """
            public static class Mailer
            {
                private const bool DisableCertificateValidation = false;

                public static void Configure(SmtpClient smtp, ImapClient imap)
                {
                    if (DisableCertificateValidation)
                    {
                        smtp.ServerCertificateValidationCallback = (s, c, h, e) => true;
                    }

                    imap.ServerCertificateValidationCallback = (s, c, h, e) => true;
                    imap.Connect("localhost", 3993, MailKit.Security.SecureSocketOptions.SslOnConnect);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NonMailCallbacks_NoDiagnostic()
    {
        const string source = """
            using System.Net.Http;
            using System.Net.Security;

            public sealed class SslSettings
            {
                public RemoteCertificateValidationCallback? ServerCertificateValidationCallback { get; set; }
            }

            public sealed class ConnectionSettings
            {
                public ConnectionSettings ServerCertificateValidationCallback(RemoteCertificateValidationCallback callback) => this;
            }

            public static class Clients
            {
                public static HttpClient Create(SslSettings mongo, ConnectionSettings elastic)
                {
                    mongo.ServerCertificateValidationCallback = (s, c, h, e) => true;
                    elastic.ServerCertificateValidationCallback((s, c, h, e) => true);
                    var handler = new HttpClientHandler
                    {
                        ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) => true,
                    };
                    return new HttpClient(handler);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task GlobalCallbackWithoutMailThroughIt_NoDiagnostic()
    {
        const string source = """
            using System.Net;
            using MailKit.Net.Smtp;

            public static class Startup
            {
                public static void Configure(SmtpClient mailKitClient)
                {
                    // MailKit on .NET (not .NET Framework) never reads the global callback.
                    ServicePointManager.ServerCertificateValidationCallback = (s, c, h, e) => true;
                    mailKitClient.Connect("smtp.contoso.com", 465, true);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, WithoutEws);
    }

    [Fact]
    public async Task AcceptAllStatement_FixesToDefaultValidation()
    {
        var source = Usings + """
            public static class Mailer
            {
                public static void Connect(SmtpClient client)
                {
                    client.Timeout = 10000;
                    client.ServerCertificateValidationCallback = {|#0:(s, c, h, e) => true|};
                    client.Connect("smtp.contoso.com", 587, MailKit.Security.SecureSocketOptions.StartTls); // submission
                }
            }
            """;
        var fixedSource = Usings + """
            public static class Mailer
            {
                public static void Connect(SmtpClient client)
                {
                    client.Timeout = 10000;
                    client.Connect("smtp.contoso.com", 587, MailKit.Security.SecureSocketOptions.StartTls); // submission
                }
            }
            """;

        await VerifyFix.VerifyCodeFixAsync(
            source,
            VerifyFix.Diagnostic(DiagnosticIds.CertificateValidationDisabled).WithLocation(0).WithArguments("SmtpClient.ServerCertificateValidationCallback"),
            fixedSource);
    }

    [Fact]
    public async Task GuardedAndInitializerCallbacks_FixesToDefaultValidation()
    {
        var source = Usings + """
            public sealed class MailSettings
            {
                public bool SkipCertCheck { get; set; }
            }

            public static class Mailer
            {
                public static ImapClient Create(MailSettings settings, Pop3Client pop)
                {
                    pop.Timeout = 10000;

                    if (settings.SkipCertCheck)
                    {
                        pop.ServerCertificateValidationCallback = {|#0:(s, c, h, e) => true|};
                    }

                    if (settings.SkipCertCheck)
                        ServicePointManager.ServerCertificateValidationCallback += {|#1:(s, c, h, e) => true|};

                    return new ImapClient
                    {
                        ServerCertificateValidationCallback = {|#2:(s, c, h, e) => true|},
                        Timeout = 10000,
                    };
                }
            }
            """;
        var fixedSource = Usings + """
            public sealed class MailSettings
            {
                public bool SkipCertCheck { get; set; }
            }

            public static class Mailer
            {
                public static ImapClient Create(MailSettings settings, Pop3Client pop)
                {
                    pop.Timeout = 10000;

                    return new ImapClient
                    {
                        Timeout = 10000,
                    };
                }
            }
            """;

        await VerifyFix.VerifyCodeFixAsync(
            source,
            [
                VerifyFix.Diagnostic(DiagnosticIds.CertificateValidationDisabled).WithLocation(0).WithArguments("Pop3Client.ServerCertificateValidationCallback"),
                VerifyFix.Diagnostic(DiagnosticIds.CertificateValidationDisabled).WithLocation(1).WithArguments("ServicePointManager.ServerCertificateValidationCallback (used by EWS)"),
                VerifyFix.Diagnostic(DiagnosticIds.CertificateValidationDisabled).WithLocation(2).WithArguments("ImapClient.ServerCertificateValidationCallback"),
            ],
            fixedSource,
            LA2004_CertificateValidationDisabledCodeFix.EquivalenceKey);
    }

    [Fact]
    public async Task GlobalCallbackInTopLevelProgram_FixesToDefaultValidation()
    {
        var test = new VerifyFix.Test
        {
            References = TestReferences.WithoutMailLibraries,
            TestState =
            {
                OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication,
                Sources =
                {
                    """
                    using System.Net;
                    using System.Net.Mail;

                    ServicePointManager.ServerCertificateValidationCallback = {|#0:(sender, certificate, chain, errors) => true|};
                    using var client = new SmtpClient("smtp.contoso.com", 587) { EnableSsl = true };
                    client.Send("alerts@contoso.com", "ops@contoso.com", "Disk space", "Low on D:");
                    """,
                },
                ExpectedDiagnostics =
                {
                    VerifyFix.Diagnostic(DiagnosticIds.CertificateValidationDisabled).WithLocation(0).WithArguments("ServicePointManager.ServerCertificateValidationCallback (used by System.Net.Mail)"),
                },
            },
            FixedState =
            {
                Sources =
                {
                    """
                    using System.Net;
                    using System.Net.Mail;

                    using var client = new SmtpClient("smtp.contoso.com", 587) { EnableSsl = true };
                    client.Send("alerts@contoso.com", "ops@contoso.com", "Disk space", "Low on D:");
                    """,
                },
            },
        };

        await test.RunAsync();
    }

    [Fact]
    public async Task MalformedCode_NoDiagnostic()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Net;

                public static class Broken
                {
                    public static void Run(MailKit.Net.Smtp.SmtpClient client, Missing missing)
                    {
                        client.ServerCertificateValidationCallback = Missing.Method;
                        client.ServerCertificateValidationCallback = (s, c, h, e) => { if (missing) return; };
                        ServicePointManager.ServerCertificateValidationCallback = (s, c, h, e) =>;
                        missing.ServerCertificateValidationCallback = (s, c, h, e) => true;
                    }
                }
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
        };

        await test.RunAsync();
    }

    [Fact]
    public async Task GlobalCallbackWithMailKitOnNetFramework_ReportsDiagnostic()
    {
        var test = new Verify.Test
        {
            References = NetFrameworkWithMailKit.Value,
            TestCode = """
                using System.Net;

                public static class Startup
                {
                    public static void Configure(MailKit.MailService mail)
                    {
                        ServicePointManager.ServerCertificateValidationCallback = {|#0:(sender, certificate, chain, errors) => true|};
                    }
                }
                """,
            ExpectedDiagnostics =
            {
                Verify.Diagnostic(DiagnosticIds.CertificateValidationDisabled).WithLocation(0).WithArguments("ServicePointManager.ServerCertificateValidationCallback (used by MailKit on .NET Framework)"),
            },
        };

        await test.RunAsync();
    }
}
