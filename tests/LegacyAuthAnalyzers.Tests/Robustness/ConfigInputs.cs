using System.Text;

namespace LegacyAuthAnalyzers.Tests.Robustness;

/// <summary>A configuration file as the analyzers receive it: a path and its text.</summary>
internal sealed record ConfigFile(string Name, string Path, string Text);

/// <summary>
/// Configuration files a build may hand the analyzers: valid ones with made-up mail passwords, and every way to
/// break them: truncated, malformed, huge, deeply nested, odd encodings and line endings.
/// </summary>
internal static class ConfigInputs
{
    private const string WebConfig = """
        <?xml version="1.0" encoding="utf-8"?>
        <configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">
          <system.net>
            <mailSettings>
              <smtp deliveryMethod="Network" from="noreply@contoso.com">
                <network host="smtp.office365.com" port="465" userName="noreply@contoso.com" password="Cfg-Pa55word!2024" enableSsl="false" defaultCredentials="false" />
              </smtp>
            </mailSettings>
          </system.net>
        </configuration>
        """;

    private const string AppSettings = """
        {
          // Comments and trailing commas, as appsettings allows.
          "Logging": { "LogLevel": { "Default": "Information", }, },
          "ConnectionStrings": { "Default": "Server=db;Password=NotMail-Pa55;" },
          "Smtp": {
            "Host": "smtp.office365.com",
            "Port": 465,
            "UseSsl": false,
            "SecureSocketOptions": "None",
            "Password": "Json-Pa55word!2024",
            "AppPassword": "wkzqmhtrpvbnxcle",
          },
        }
        """;

    public static IEnumerable<ConfigFile> All()
    {
        yield return new ConfigFile("valid web.config", "/app/web.config", WebConfig);
        yield return new ConfigFile("valid appsettings.json", "/app/appsettings.json", AppSettings);
        yield return new ConfigFile("CRLF and BOM web.config", "/app/app.config", "\uFEFF" + WebConfig.Replace("\n", "\r\n", StringComparison.Ordinal));
        yield return new ConfigFile("CRLF and BOM appsettings", "/app/appsettings.Development.json", "\uFEFF" + AppSettings.Replace("\n", "\r\n", StringComparison.Ordinal));
        yield return new ConfigFile("UTF-16 declared XML", "/app/web.config", WebConfig.Replace("utf-8", "utf-16", StringComparison.Ordinal));
        yield return new ConfigFile("lone surrogates and NULs", "/app/appsettings.json", "{ \"Smtp\": { \"Password\": \"\uD800\0\uDFFF\", \"Host\": \"\u0000\" } }");

        for (var i = 1; i <= 8; i++)
        {
            yield return new ConfigFile($"web.config truncated {i}/9", "/app/web.config", WebConfig.Substring(0, WebConfig.Length * i / 9));
            yield return new ConfigFile($"appsettings truncated {i}/9", "/app/appsettings.json", AppSettings.Substring(0, AppSettings.Length * i / 9));
        }

        yield return new ConfigFile("malformed XML", "/app/web.config", "<configuration><system.net><mailSettings><smtp><network password=\"x\" host=smtp.office365.com></smtp></configuration");
        yield return new ConfigFile("XML with DTD entity", "/app/web.config", """<?xml version="1.0"?><!DOCTYPE c [<!ENTITY e "&#x41;"><!ENTITY f "&e;&e;&e;&e;">]><configuration><system.net><mailSettings><smtp><network password="&f;" host="smtp.office365.com"/></smtp></mailSettings></system.net></configuration>""");
        yield return new ConfigFile("malformed JSON", "/app/appsettings.json", "{ \"Smtp\": { \"Password\": \"abc, \"Host\": smtp.office365.com, ] } ");
        yield return new ConfigFile("JSON unterminated comment", "/app/appsettings.json", "{ \"Smtp\": /* never closed");
        yield return new ConfigFile("JSON with only a string", "/app/appsettings.json", "\"Password\"");
        yield return new ConfigFile("empty config", "/app/web.config", string.Empty);
        yield return new ConfigFile("empty JSON", "/app/appsettings.json", string.Empty);
        yield return new ConfigFile("deeply nested JSON", "/app/appsettings.json", new string('[', 20_000) + new string(']', 20_000));
        yield return new ConfigFile("deeply nested JSON objects", "/app/appsettings.json", Repeat("{\"Smtp\":", 20_000) + "\"x\"" + new string('}', 20_000));
        yield return new ConfigFile("deeply nested XML", "/app/web.config", Repeat("<a>", 20_000) + Repeat("</a>", 20_000));
        yield return new ConfigFile("huge JSON", "/app/appsettings.json", HugeJson());
        yield return new ConfigFile("huge XML", "/app/web.config", HugeXml());
    }

    private static string HugeJson()
    {
        var builder = new StringBuilder("{ \"Mail\": [");
        for (var i = 0; i < 60_000; i++)
        {
            builder.Append("{ \"Host\": \"smtp").Append(i).Append(".example.org\", \"Password\": \"Huge-Pa55-").Append(i).Append("\" },");
        }

        return builder.Append("{} ] }").ToString();
    }

    private static string HugeXml()
    {
        var builder = new StringBuilder("<configuration><system.net><mailSettings>");
        for (var i = 0; i < 40_000; i++)
        {
            builder.Append("<smtp><network host=\"smtp").Append(i).Append(".example.org\" password=\"Huge-Pa55-").Append(i).Append("\"/></smtp>");
        }

        return builder.Append("</mailSettings></system.net></configuration>").ToString();
    }

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();
}
