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
                        private static readonly RemoteCertificateValidationCallback TrustAll = (s, c, h, e) => {|#5:true|};

                        public static void Open(ImapClient imap, Pop3Client pop, SmtpClient smtp, MailKit.IMailService service)
                        {
                            imap.ServerCertificateValidationCallback = {|#0:CertificateTrust.AcceptAll|};
                            pop.ServerCertificateValidationCallback = {|#1:new RemoteCertificateValidationCallback(Accept)|};
                            smtp.ServerCertificateValidationCallback = {|#2:TrustAll|};
                            RemoteCertificateValidationCallback local = (s, c, h, e) => {|#6:true|};
                            service.ServerCertificateValidationCallback = {|#3:local|};

                            static bool Accept(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) => {|#7:true|};
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
                            {|#4:return true;|}
                        }
                    }
                    """,
                },
                ExpectedDiagnostics =
                {
                    Verify.Diagnostic(DiagnosticIds.CertificateValidationDisabled).WithLocation(0).WithLocation(4).WithArguments("ImapClient.ServerCertificateValidationCallback"),
                    Verify.Diagnostic(DiagnosticIds.CertificateValidationDisabled).WithLocation(1).WithLocation(7).WithArguments("Pop3Client.ServerCertificateValidationCallback"),
                    Verify.Diagnostic(DiagnosticIds.CertificateValidationDisabled).WithLocation(2).WithLocation(5).WithArguments("SmtpClient.ServerCertificateValidationCallback"),
                    Verify.Diagnostic(DiagnosticIds.CertificateValidationDisabled).WithLocation(3).WithLocation(6).WithArguments("IMailService.ServerCertificateValidationCallback"),
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

                    smtp.ServerCertificateValidationCallback = {|#1:(s, c, h, e) => {|#3:settings.AllowInvalidCertificates|}|};
                    pop.ServerCertificateValidationCallback = {|#2:(s, c, h, e) => {|#4:settings.AllowInvalidCertificates || e == SslPolicyErrors.None|}|};
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic(DiagnosticIds.CertificateValidationDisabled).WithLocation(0).WithArguments("ImapClient.ServerCertificateValidationCallback, when 'SkipCertCheck' is true,"),
            Verify.Diagnostic(DiagnosticIds.CertificateValidationDisabled).WithLocation(1).WithLocation(3).WithArguments("SmtpClient.ServerCertificateValidationCallback, when 'AllowInvalidCertificates' is true,"),
            Verify.Diagnostic(DiagnosticIds.CertificateValidationDisabled).WithLocation(2).WithLocation(4).WithArguments("Pop3Client.ServerCertificateValidationCallback, when 'AllowInvalidCertificates' is true,"));
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
    [InlineData("(s, c, h, e) => { var ok = e == SslPolicyErrors.None; return ok; }")]
    [InlineData("(s, c, h, e) => { var allow = settings.AllowInvalidCertificates; var ok = e == SslPolicyErrors.None; return ok; }")]
    [InlineData("(s, c, h, e) => { if (s is ImapClient imap && imap.IsSecure) return true; return e == SslPolicyErrors.None; }")]
    [InlineData("settings.AllowInvalidCertificates ? (s, c, h, e) => e == SslPolicyErrors.None : (s, c, h, e) => false")]
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
                public Microsoft.Exchange.WebServices.Data.ExchangeService? Exchange { get; set; }
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
                public Microsoft.Exchange.WebServices.Data.ExchangeService? Exchange { get; set; }
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
                VerifyFix.Diagnostic(DiagnosticIds.CertificateValidationDisabled).WithLocation(0).WithArguments("Pop3Client.ServerCertificateValidationCallback, when 'SkipCertCheck' is true,"),
                VerifyFix.Diagnostic(DiagnosticIds.CertificateValidationDisabled).WithLocation(1).WithArguments("ServicePointManager.ServerCertificateValidationCallback (used by EWS), when 'SkipCertCheck' is true,"),
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

    [Fact]
    public async Task CallbacksWhoseAnswerIsASetting_ReportsDiagnostic()
    {
        var source = Usings + """
            public sealed class RelayOptions
            {
                public bool TrustServer { get; set; }
                public bool IgnoreInvalidCertificates { get; set; }
                public bool ValidateCertificates { get; set; } = true;
            }

            public sealed class RelaySender
            {
                private readonly RelayOptions options;

                public RelaySender(RelayOptions options) => this.options = options;

                public void Configure(SmtpClient smtp, ImapClient imap, Pop3Client pop, MailKit.IMailService service)
                {
                    smtp.ServerCertificateValidationCallback = {|#0:TrustRelay|};
                    imap.ServerCertificateValidationCallback = {|#1:LogAndDecide|};
                    pop.ServerCertificateValidationCallback = {|#2:delegate (object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
                    {
                        if (!options.ValidateCertificates)
                        {
                            {|#3:return true;|}
                        }

                        return errors == SslPolicyErrors.None;
                    }|};
                    service.ServerCertificateValidationCallback = {|#4:Check|};

                    bool Check(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
                        {|#5:options.TrustServer ? true : errors == SslPolicyErrors.None|};
                }

                private bool TrustRelay(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors sslPolicyErrors)
                {
                    if (options.TrustServer)
                    {
                        {|#6:return true;|}
                    }

                    return sslPolicyErrors == SslPolicyErrors.None;
                }

                private bool LogAndDecide(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors sslPolicyErrors)
                {
                    if (sslPolicyErrors == SslPolicyErrors.None)
                    {
                        return true;
                    }

                    Console.Error.WriteLine($"Relay certificate {certificate?.Subject} rejected: {sslPolicyErrors}");
                    if (chain is not null)
                    {
                        foreach (var status in chain.ChainStatus)
                        {
                            Console.Error.WriteLine(status.StatusInformation);
                        }
                    }

                    {|#7:return options.IgnoreInvalidCertificates;|}
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic(DiagnosticIds.CertificateValidationDisabled).WithLocation(0).WithLocation(6).WithArguments("SmtpClient.ServerCertificateValidationCallback, when 'TrustServer' is true,"),
            Verify.Diagnostic(DiagnosticIds.CertificateValidationDisabled).WithLocation(1).WithLocation(7).WithArguments("ImapClient.ServerCertificateValidationCallback, when 'IgnoreInvalidCertificates' is true,"),
            Verify.Diagnostic(DiagnosticIds.CertificateValidationDisabled).WithLocation(2).WithLocation(3).WithArguments("Pop3Client.ServerCertificateValidationCallback, when 'ValidateCertificates' is false,"),
            Verify.Diagnostic(DiagnosticIds.CertificateValidationDisabled).WithLocation(4).WithLocation(5).WithArguments("IMailService.ServerCertificateValidationCallback, when 'TrustServer' is true,"));
    }

    [Fact]
    public async Task SettingChoosesTheCallbackOrSitsInALocal_ReportsDiagnostic()
    {
        var source = Usings + """
            public enum CertificateMode { Full, Off }

            public sealed class RelayOptions
            {
                public bool SkipCertCheck { get; set; }
                public CertificateMode Mode { get; set; }
            }

            public sealed class RelaySender
            {
                private readonly RelayOptions options;

                public RelaySender(RelayOptions options) => this.options = options;

                public void Configure(SmtpClient smtp, ImapClient imap)
                {
                    smtp.ServerCertificateValidationCallback = {|#0:options.SkipCertCheck ? (s, c, h, e) => {|#1:true|} : null|};
                    imap.ServerCertificateValidationCallback = {|#2:Decide|};
                }

                private bool Decide(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors sslPolicyErrors)
                {
                    var mode = options.Mode;
                    if (mode == CertificateMode.Off)
                    {
                        {|#3:return true;|}
                    }

                    return sslPolicyErrors == SslPolicyErrors.None;
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic(DiagnosticIds.CertificateValidationDisabled).WithLocation(0).WithLocation(1).WithArguments("SmtpClient.ServerCertificateValidationCallback, when 'SkipCertCheck' is true,"),
            Verify.Diagnostic(DiagnosticIds.CertificateValidationDisabled).WithLocation(2).WithLocation(3).WithArguments("ImapClient.ServerCertificateValidationCallback, when 'mode == CertificateMode.Off' is true,"));
    }

    [Theory]
    [InlineData("(s, c, h, e) => { if (e == SslPolicyErrors.None) return true; return settings.AllowInvalidCertificates; }", "return settings.AllowInvalidCertificates;", "'AllowInvalidCertificates' is true")]
    [InlineData("(s, c, h, e) => e == SslPolicyErrors.None || settings.AllowInvalidCertificates", "e == SslPolicyErrors.None || settings.AllowInvalidCertificates", "'AllowInvalidCertificates' is true")]
    [InlineData("(s, c, h, e) => { if (e != SslPolicyErrors.None) Console.Error.WriteLine(e); return true; }", "return true;", null)]
    [InlineData("(s, c, h, e) => { if (settings.Mode == CertificateMode.Off) return true; return e == SslPolicyErrors.None; }", "return true;", "'settings.Mode == CertificateMode.Off' is true")]
    public async Task SettingAfterTheCheck_ReportsDiagnostic(string callback, string site, string? condition)
    {
        // The check only decides the valid certificates; the setting (or nothing) decides the invalid ones.
        var marked = condition is null ? callback : callback.Replace(site, "{|#1:" + site + "|}", StringComparison.Ordinal);
        var source = Usings + $$"""
            public enum CertificateMode { Full, Off }

            public sealed class MailSettings
            {
                public bool AllowInvalidCertificates { get; set; }
                public CertificateMode Mode { get; set; }
            }

            public static class Mailer
            {
                public static void Configure(ImapClient client, MailSettings settings) =>
                    client.ServerCertificateValidationCallback = {|#0:{{marked}}|};
            }
            """;

        var expected = Verify.Diagnostic(DiagnosticIds.CertificateValidationDisabled).WithLocation(0);
        expected = condition is null
            ? expected.WithArguments("ImapClient.ServerCertificateValidationCallback")
            : expected.WithLocation(1).WithArguments("ImapClient.ServerCertificateValidationCallback, when " + condition + ",");
        await Verify.VerifyAnalyzerAsync(source, expected);
    }

    [Fact]
    public async Task GlobalCallbackReturningASetting_ReportsDiagnostic()
    {
        var test = new Verify.Test
        {
            References = TestReferences.WithoutMailLibraries,
            TestCode = """
                using System.Net;
                using System.Net.Mail;

                public sealed class NotifierSettings
                {
                    public bool AcceptAllCertificates { get; set; }
                }

                public static class Notifier
                {
                    public static void Send(NotifierSettings settings, MailMessage message)
                    {
                        ServicePointManager.ServerCertificateValidationCallback = {|#0:(s, c, ch, e) => {|#1:settings.AcceptAllCertificates|}|};
                        using var client = new SmtpClient("smtp.contoso.com", 587) { EnableSsl = true };
                        client.Send(message);
                    }
                }
                """,
            ExpectedDiagnostics =
            {
                Verify.Diagnostic(DiagnosticIds.CertificateValidationDisabled).WithLocation(0).WithLocation(1)
                    .WithArguments("ServicePointManager.ServerCertificateValidationCallback (used by System.Net.Mail), when 'AcceptAllCertificates' is true,"),
            },
        };

        await test.RunAsync();
    }

    [Fact]
    public async Task SettingGatedCallbacksThatCheckTheErrors_NoDiagnostic()
    {
        var test = new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    "using System.Linq;\n" + Usings + """
                    public sealed class RelayOptions
                    {
                        public bool AllowNameMismatch { get; set; }
                        public bool PinnedOnly { get; set; }
                        public bool AllowSelfSigned { get; set; }
                        public string? Thumbprint { get; set; }
                        public RemoteCertificateValidationCallback? ServerCertificateValidationCallback { get; set; }
                    }

                    public sealed class RelaySender
                    {
                        private readonly RelayOptions options;
                        private readonly CertificatePolicy policy;

                        public RelaySender(RelayOptions options, CertificatePolicy policy)
                        {
                            this.options = options;
                            this.policy = policy;
                        }

                        public void Configure(SmtpClient smtp, ImapClient imap, Pop3Client pop, MailKit.IMailService service, RemoteCertificateValidationCallback? callback)
                        {
                            // With the setting off, the errors decide; with it on, they still do, less strictly.
                            smtp.ServerCertificateValidationCallback = (s, c, h, e) => options.AllowNameMismatch
                                ? (e & ~SslPolicyErrors.RemoteCertificateNameMismatch) == SslPolicyErrors.None
                                : e == SslPolicyErrors.None;
                            imap.ServerCertificateValidationCallback = (s, c, h, e) =>
                            {
                                if (options.PinnedOnly)
                                {
                                    return c?.GetCertHashString() == options.Thumbprint;
                                }

                                return e == SslPolicyErrors.None;
                            };
                            pop.ServerCertificateValidationCallback = (s, c, h, e) =>
                            {
                                if (e == SslPolicyErrors.None)
                                {
                                    return true;
                                }

                                if (options.AllowSelfSigned && h is not null && h.ChainStatus.All(x => x.Status == X509ChainStatusFlags.UntrustedRoot))
                                {
                                    return true;
                                }

                                return false;
                            };

                            // The caller's own callback, passed through.
                            service.ServerCertificateValidationCallback = options.ServerCertificateValidationCallback;
                            imap.ServerCertificateValidationCallback = callback;

                            // A validation service of another type that reads the errors.
                            smtp.ServerCertificateValidationCallback = (s, c, h, e) => policy.ShouldAccept(s, c, h, e);
                            pop.ServerCertificateValidationCallback = policy.ShouldAccept;
                        }
                    }
                    """,
                    """
                    using System.Net.Security;
                    using System.Security.Cryptography.X509Certificates;

                    public enum CertificateValidationMode { Enabled, DisabledForLocalAddresses, Disabled }

                    public interface ICertificateConfig
                    {
                        CertificateValidationMode Mode { get; }
                    }

                    public sealed class CertificatePolicy
                    {
                        private readonly ICertificateConfig config;

                        public CertificatePolicy(ICertificateConfig config) => this.config = config;

                        public bool ShouldAccept(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors sslPolicyErrors)
                        {
                            if (sslPolicyErrors == SslPolicyErrors.None)
                            {
                                return true;
                            }

                            if (config.Mode == CertificateValidationMode.Disabled)
                            {
                                return true;
                            }

                            return false;
                        }
                    }
                    """,
                },
            },
        };

        await test.RunAsync();
    }

    [Fact]
    public async Task SettingsTypeUnresolved_ReportsDiagnostic()
    {
        // The settings types live in files the compilation does not have: the callback is still judged.
        var test = new Verify.Test
        {
            TestCode = Usings + """
                public sealed class RelaySender
                {
                    private readonly RelayOptions options;
                    private readonly ILog log;

                    public RelaySender(RelayOptions options, ILog log)
                    {
                        this.options = options;
                        this.log = log;
                    }

                    public void Configure(SmtpClient smtp, ImapClient imap, Pop3Client pop, AppSettings settings)
                    {
                        smtp.ServerCertificateValidationCallback = {|#0:(s, c, ch, e) => {|#1:settings.AcceptAllCertificates|}|};
                        imap.ServerCertificateValidationCallback = {|#2:TrustRelay|};
                        smtp.ServerCertificateValidationCallback = {|#4:LogAndDecide|};

                        // Checks the errors whatever the setting says.
                        pop.ServerCertificateValidationCallback = (s, c, ch, e) => settings.AllowNameMismatch
                            ? (e & ~SslPolicyErrors.RemoteCertificateNameMismatch) == SslPolicyErrors.None
                            : e == SslPolicyErrors.None;
                    }

                    private bool TrustRelay(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors sslPolicyErrors)
                    {
                        if (options.TrustServer)
                        {
                            {|#3:return true;|}
                        }

                        return sslPolicyErrors == SslPolicyErrors.None;
                    }

                    private bool LogAndDecide(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors sslPolicyErrors)
                    {
                        if (sslPolicyErrors == SslPolicyErrors.None)
                        {
                            return true;
                        }

                        log.Warning("Relay certificate {Subject} rejected: {Errors}", certificate?.Subject, sslPolicyErrors);
                        foreach (var status in chain?.ChainStatus ?? [])
                        {
                            log.Warning("{Status}", status.StatusInformation);
                        }

                        {|#5:return options.IgnoreInvalidCertificates;|}
                    }
                }
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
            ExpectedDiagnostics =
            {
                Verify.Diagnostic(DiagnosticIds.CertificateValidationDisabled).WithLocation(0).WithLocation(1).WithArguments("SmtpClient.ServerCertificateValidationCallback, when 'AcceptAllCertificates' is true,"),
                Verify.Diagnostic(DiagnosticIds.CertificateValidationDisabled).WithLocation(2).WithLocation(3).WithArguments("ImapClient.ServerCertificateValidationCallback, when 'TrustServer' is true,"),
                Verify.Diagnostic(DiagnosticIds.CertificateValidationDisabled).WithLocation(4).WithLocation(5).WithArguments("SmtpClient.ServerCertificateValidationCallback, when 'IgnoreInvalidCertificates' is true,"),
            },
        };

        await test.RunAsync();
    }

    [Fact]
    public async Task GlobalCallbackWithEwsNamedInAnotherFile_ReportsDiagnostic()
    {
        var test = new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    """
                    using System.Net;

                    public static class Startup
                    {
                        public static void Configure() =>
                            ServicePointManager.ServerCertificateValidationCallback = {|#0:(s, c, h, e) => true|};
                    }
                    """,
                    """
                    using Microsoft.Exchange.WebServices.Data;

                    public static class Mailbox
                    {
                        public static ExchangeCredentials Credentials(string token) => new OAuthCredentials(token);
                    }
                    """,
                },
                ExpectedDiagnostics =
                {
                    Verify.Diagnostic(DiagnosticIds.CertificateValidationDisabled).WithLocation(0).WithArguments("ServicePointManager.ServerCertificateValidationCallback (used by EWS)"),
                },
            },
        };

        await test.RunAsync();
    }

    [Fact]
    public async Task GlobalCallbackWithMailLibrariesReferencedButUnused_NoDiagnostic()
    {
        // Every mail library is referenced (as a scan that references them all does), but the code uses none of them.
        const string source = """
            using System.Net;
            using System.Net.Http;

            public static class Startup
            {
                public static HttpClient Create()
                {
                    ServicePointManager.ServerCertificateValidationCallback = (s, c, h, e) => true;
                    return new HttpClient();
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task GlobalCallbackWithMailKitReferencedButUnusedOnNetFramework_NoDiagnostic()
    {
        var test = new Verify.Test
        {
            References = NetFrameworkWithMailKit.Value,
            TestCode = """
                using System.Net;

                public static class Startup
                {
                    public static void Configure()
                    {
                        ServicePointManager.ServerCertificateValidationCallback = (sender, certificate, chain, errors) => true;
                    }
                }
                """,
        };

        await test.RunAsync();
    }
}
