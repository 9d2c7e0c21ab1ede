using System.Threading.Tasks;
using Microsoft.IdentityModel.Clients.ActiveDirectory;

namespace LegacyMailer;

/// <summary>App-only token for the reporting API, from the days before MSAL.</summary>
internal static class ReportingApiToken
{
    private const string Authority = "https://login.microsoftonline.com/contoso.onmicrosoft.com";
    private const string Resource = "https://outlook.office365.com";

    public static async Task<string> GetAsync(string clientId, string clientSecret)
    {
        var context = new AuthenticationContext(Authority);
        var result = await context.AcquireTokenAsync(Resource, new ClientCredential(clientId, clientSecret));
        return result.AccessToken;
    }
}
