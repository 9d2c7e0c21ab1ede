namespace LegacyAuthAnalyzers;

/// <summary>Every rule's ID and the one category they share.</summary>
public static class DiagnosticIds
{
    public const string Category = "Security";

    public const string HardCodedMailCredential = "LA1001";
    public const string PasswordAuthentication = "LA1002";
    public const string Microsoft365BasicAuthentication = "LA1003";
    public const string HttpBasicToExchange = "LA1004";
    public const string HardCodedClientSecret = "LA1005";

    public const string MailWithoutTls = "LA2001";
    public const string OpportunisticTls = "LA2002";
    public const string PortTlsMismatch = "LA2003";
    public const string CertificateValidationDisabled = "LA2004";
    public const string LegacyTlsVersion = "LA2005";

    public const string AppPasswordShapedSecret = "LA3001";
    public const string AppPasswordByName = "LA3002";

    public const string EwsToExchangeOnline = "LA4001";
    public const string AdalInUse = "LA4002";
    public const string UsernamePasswordTokenFlow = "LA4003";
}
