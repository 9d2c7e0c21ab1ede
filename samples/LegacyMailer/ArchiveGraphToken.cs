using System.Threading.Tasks;
using Microsoft.Identity.Client;

namespace LegacyMailer;

/// <summary>App-only Microsoft Graph token for the archive job, written when the job moved off POP.</summary>
internal static class ArchiveGraphToken
{
    private static readonly IConfidentialClientApplication App = ConfidentialClientApplicationBuilder
        .Create("6c1e2f4a-8b3d-4e5f-9a7b-1c2d3e4f5a6b")
        .WithTenantId("contoso.onmicrosoft.com")
        .WithClientSecret("Tg5~nB8.qW3_zX6cV9mK2lP4jH7fD1sA0eR3tY6u")
        .Build();

    public static async Task<string> GetAsync()
    {
        var result = await App.AcquireTokenForClient(new[] { "https://graph.microsoft.com/.default" }).ExecuteAsync();
        return result.AccessToken;
    }
}
