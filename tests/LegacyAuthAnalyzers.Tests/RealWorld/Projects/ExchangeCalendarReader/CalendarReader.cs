using System;
using Microsoft.Exchange.WebServices.Data;

namespace Calendar.Sync;

// EWS to Exchange Online with a service account read from settings in another project.
public sealed class CalendarReader
{
    private readonly ServiceAccount account;

    public CalendarReader(ServiceAccount account) => this.account = account;

    public ExchangeService Connect()
    {
        var service = new ExchangeService(ExchangeVersion.Exchange2013_SP1);
        {|LA1003:service.Credentials = new WebCredentials(account.User, account.Password, account.Domain)|};
        {|LA4001:service.Url = new Uri("https://outlook.office365.com/EWS/Exchange.asmx")|};
        return service;
    }
}
