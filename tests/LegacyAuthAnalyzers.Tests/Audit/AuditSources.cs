namespace LegacyAuthAnalyzers.Tests.Audit;

/// <summary>Small files for the audit tests, in the shapes real repositories have. Every secret is made up.</summary>
internal static class AuditSources
{
    /// <summary>A made-up 16-letter value shaped like a Microsoft 365 app password.</summary>
    public const string AppPassword = "qzvbnmtrwplkjhgx";

    /// <summary>A made-up password in a configuration file.</summary>
    public const string ConfigPassword = "Tr0ub4dor&3-mail";

    public const string MailKitProject = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup>
          <ItemGroup><PackageReference Include="MailKit" Version="4.3.0" /></ItemGroup>
        </Project>
        """;

    public const string PlainProject = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup>
        </Project>
        """;

    /// <summary>MailKit IMAP with a hard-coded password to Exchange Online: LA1001 and LA1003 (and LA3001 for the shape).</summary>
    public const string InboxReader = $$"""
        using MailKit.Net.Imap;
        using MailKit.Security;

        namespace Contoso.Support
        {
            public sealed class InboxReader
            {
                public void Read()
                {
                    using var client = new ImapClient();
                    client.Connect("outlook.office365.com", 993, SecureSocketOptions.SslOnConnect);
                    client.Authenticate("support@contoso.com", "{{AppPassword}}");
                }
            }
        }
        """;

    /// <summary>System.Net.Mail to Microsoft 365 with a password from configuration: LA1003 only.</summary>
    public const string ReportSender = """
        using System.Net;
        using System.Net.Mail;

        namespace Contoso.Reports
        {
            public static class ReportSender
            {
                public static void Send(string user, string password)
                {
                    var client = new SmtpClient("smtp.office365.com", 587) { EnableSsl = true };
                    client.Credentials = new NetworkCredential(user, password);
                    client.Send("reports@contoso.com", "team@contoso.com", "Daily", "...");
                }
            }
        }
        """;

    public const string AppSettings = $$"""
        {
          "Smtp": {
            "Host": "smtp.office365.com",
            "Port": 587,
            "UserName": "alerts@contoso.com",
            "Password": "{{ConfigPassword}}"
          }
        }
        """;
}
