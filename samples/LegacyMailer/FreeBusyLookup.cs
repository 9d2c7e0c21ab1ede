using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;

namespace LegacyMailer;

/// <summary>Asks Exchange for a room's free/busy times with a hand-written SOAP call.</summary>
internal sealed class FreeBusyLookup
{
    private const string EwsUrl = "https://outlook.office365.com/EWS/Exchange.asmx";

    private static readonly HttpClient Http = new();

    public async Task<string> GetAvailabilityAsync(string soapEnvelope, string user, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, EwsUrl);
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));
        request.Content = new StringContent(soapEnvelope, Encoding.UTF8, "text/xml");

        using var response = await Http.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }
}
