using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace LegacyAuthAnalyzers.Tests.Fixes;

/// <summary>
/// Every action and every Fix All of every fixer, applied to multi-file projects in the shapes real mail code has:
/// none may add a compiler error, and each must remove the finding it fixes.
/// </summary>
public sealed class RealShapeFixTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(Names))]
    public async Task EveryActionAndFixAll_Compiles(string name)
    {
        var input = RealShapeInputs.All.Single(i => i.Name == name);
        var outcome = await FixSuite.RunAsync(input);
        output.WriteLine(outcome.ToString());
        Assert.True(outcome.Actions > 0, name + " offers no action at all: the input no longer has the shape it was written for.");
        Assert.Empty(outcome.Failures);
    }

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var input in RealShapeInputs.All)
        {
            data.Add(input.Name);
        }

        return data;
    }
}

/// <summary>Multi-file inputs written after the shapes of public mail code (no code of theirs is copied).</summary>
internal static class RealShapeInputs
{
    /// <summary>A console tool: one top-level password read by three local functions, one per protocol.</summary>
    public static readonly FixSuite.Input TopLevelPasswordInLocalFunctions = new(
        "TopLevelPasswordInLocalFunctions",
        new[]
        {
            ("Program.cs", """
                using MailKit.Net.Imap;
                using MailKit.Net.Pop3;
                using MailKit.Net.Smtp;

                var email = "alerts@fabrikam-mail.net";
                var password = "Tr1ple-Use-Secret";

                Pop3();
                Imap();
                Smtp();

                void Pop3()
                {
                    using var client = new Pop3Client();
                    client.Connect("pop.fabrikam-mail.net", 995, true);
                    client.Authenticate(email, password);
                    client.Disconnect(true);
                }

                void Imap()
                {
                    using var client = new ImapClient();
                    client.Connect("imap.fabrikam-mail.net", 993, true);
                    client.Authenticate(email, password);
                    client.Disconnect(true);
                }

                void Smtp()
                {
                    using var client = new SmtpClient();
                    client.Connect("smtp.fabrikam-mail.net", 587, MailKit.Security.SecureSocketOptions.StartTls);
                    client.Authenticate(email, password);
                    client.Disconnect(true);
                }
                """),
        },
        OutputKind.ConsoleApplication);

    /// <summary>A partial mailer split over two files, with an internal constant another type reads too.</summary>
    public static readonly FixSuite.Input PartialTypeAcrossFiles = new(
        "PartialTypeAcrossFiles",
        new[]
        {
            ("MailSettings.cs", """
                namespace Fabrikam.Notify;

                internal static class MailSettings
                {
                    internal const string Host = "smtp.office365.com";
                    internal const string User = "notify@fabrikam.onmicrosoft.com";
                    internal const string Password = "Part1al-Shared-Pass";
                }
                """),
            ("Notifier.Send.cs", """
                using MailKit.Net.Smtp;
                using MailKit.Security;

                namespace Fabrikam.Notify;

                public partial class Notifier
                {
                    private readonly string password = MailSettings.Password;

                    public void Send(MimeKit.MimeMessage message)
                    {
                        using var client = new SmtpClient();
                        client.Connect(MailSettings.Host, 587, SecureSocketOptions.StartTls);
                        client.Authenticate(MailSettings.User, password);
                        client.Send(message);
                        client.Disconnect(true);
                    }
                }
                """),
            ("Notifier.Check.cs", """
                namespace Fabrikam.Notify;

                public partial class Notifier
                {
                    public bool IsConfigured => password.Length > 0;
                }
                """),
            ("Diagnostics.cs", """
                namespace Fabrikam.Notify;

                internal static class Diagnostics
                {
                    public static int SecretLength => MailSettings.Password.Length;
                }
                """),
        });

    /// <summary>A background job whose credentials are read inside a lambda and a second method.</summary>
    public static readonly FixSuite.Input CredentialInLambda = new(
        "CredentialInLambda",
        new[]
        {
            ("Jobs.cs", """
                using System;
                using System.Net;
                using System.Threading.Tasks;
                using MailKit.Net.Imap;

                namespace Fabrikam.Jobs;

                public sealed class InboxJob
                {
                    private const string Account = "inbox@fabrikam.com";
                    private static readonly NetworkCredential Login = new NetworkCredential(Account, "L4mbda-Inbox-Pass");

                    public Task RunAsync() => Task.Run(() =>
                    {
                        using var client = new ImapClient();
                        client.Connect("outlook.office365.com", 993, true);
                        client.Authenticate(Login);
                        client.Disconnect(true);
                    });

                    public string Describe() => "Reading " + Login.UserName;
                }
                """),
        });

    public static IReadOnlyList<FixSuite.Input> All { get; } = new[] { TopLevelPasswordInLocalFunctions, PartialTypeAcrossFiles, CredentialInLambda };
}
