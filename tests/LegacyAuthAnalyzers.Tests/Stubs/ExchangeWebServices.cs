// The EWS Managed API (Microsoft.Exchange.WebServices 2.2) is not on the package mirror, so the tests compile
// this stand-in into a separate metadata reference named Microsoft.Exchange.WebServices. It mirrors the public
// signatures the rules look at; the bodies never run.
#nullable disable

using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Net;
using System.Reflection;

[assembly: AssemblyVersion("15.0.0.0")]

namespace Microsoft.Exchange.WebServices.Data
{
    public enum ExchangeVersion
    {
        Exchange2007_SP1,
        Exchange2010,
        Exchange2010_SP1,
        Exchange2010_SP2,
        Exchange2013,
        Exchange2013_SP1,
    }

    public abstract class ExchangeCredentials
    {
        protected ExchangeCredentials()
        {
        }

        public static implicit operator ExchangeCredentials(NetworkCredential credentials) => throw new NotImplementedException();

        public static implicit operator ExchangeCredentials(CredentialCache credentials) => throw new NotImplementedException();
    }

    public sealed class WebCredentials : ExchangeCredentials
    {
        public WebCredentials() => throw new NotImplementedException();

        public WebCredentials(string username, string password) => throw new NotImplementedException();

        public WebCredentials(string username, string password, string domain) => throw new NotImplementedException();

        public WebCredentials(ICredentials credentials) => throw new NotImplementedException();

        public ICredentials Credentials => throw new NotImplementedException();
    }

    public sealed class OAuthCredentials : ExchangeCredentials
    {
        public OAuthCredentials(string token) => throw new NotImplementedException();

        public OAuthCredentials(string token, bool verbatim) => throw new NotImplementedException();
    }

    public abstract class ExchangeServiceBase
    {
        internal ExchangeServiceBase()
        {
        }

        public ExchangeCredentials Credentials { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

        public bool UseDefaultCredentials { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

        public bool PreAuthenticate { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

        public IDictionary<string, string> HttpHeaders => throw new NotImplementedException();

        public string UserAgent { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

        public int Timeout { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

        public bool TraceEnabled { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

        public IWebProxy WebProxy { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

        public bool KeepAlive { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

        public bool AcceptGzipEncoding { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

        public ExchangeVersion RequestedServerVersion => throw new NotImplementedException();
    }

    public delegate bool AutodiscoverRedirectionUrlValidationCallback(string redirectionUrl);

    public sealed class ExchangeService : ExchangeServiceBase
    {
        public ExchangeService() => throw new NotImplementedException();

        public ExchangeService(ExchangeVersion requestedServerVersion) => throw new NotImplementedException();

        public ExchangeService(TimeZoneInfo timeZone) => throw new NotImplementedException();

        public ExchangeService(ExchangeVersion requestedServerVersion, TimeZoneInfo timeZone) => throw new NotImplementedException();

        public Uri Url { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

        public ImpersonatedUserId ImpersonatedUserId { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

        public bool EnableScpLookup { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

        public void AutodiscoverUrl(string emailAddress) => throw new NotImplementedException();

        public void AutodiscoverUrl(string emailAddress, AutodiscoverRedirectionUrlValidationCallback validateRedirectionUrlCallback) => throw new NotImplementedException();

        public FindItemsResults<Item> FindItems(WellKnownFolderName parentFolderName, ItemView view) => throw new NotImplementedException();

        public FindItemsResults<Item> FindItems(FolderId parentFolderId, ItemView view) => throw new NotImplementedException();

        public FindItemsResults<Item> FindItems(WellKnownFolderName parentFolderName, string queryString, ItemView view) => throw new NotImplementedException();
    }

    public enum ConnectingIdType
    {
        PrincipalName,
        SID,
        SmtpAddress,
    }

    public sealed class ImpersonatedUserId
    {
        public ImpersonatedUserId() => throw new NotImplementedException();

        public ImpersonatedUserId(ConnectingIdType idType, string id) => throw new NotImplementedException();

        public ConnectingIdType IdType { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

        public string Id { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }
    }

    public enum WellKnownFolderName
    {
        Calendar,
        Contacts,
        DeletedItems,
        Drafts,
        Inbox,
        Journal,
        Notes,
        Outbox,
        SentItems,
        Tasks,
        MsgFolderRoot,
        PublicFoldersRoot,
        Root,
        JunkEmail,
        SearchFolders,
        VoiceMail,
        ArchiveRoot,
        ArchiveMsgFolderRoot,
    }

    public enum DeleteMode
    {
        HardDelete,
        SoftDelete,
        MoveToDeletedItems,
    }

    public enum ConflictResolutionMode
    {
        NeverOverwrite,
        AutoResolve,
        AlwaysOverwrite,
    }

    public enum BodyType
    {
        HTML,
        Text,
    }

    public abstract class ServiceId
    {
        internal ServiceId()
        {
        }

        public string UniqueId => throw new NotImplementedException();

        public string ChangeKey => throw new NotImplementedException();
    }

    public sealed class FolderId : ServiceId
    {
        public FolderId(string uniqueId) => throw new NotImplementedException();

        public FolderId(WellKnownFolderName folderName) => throw new NotImplementedException();

        public WellKnownFolderName? FolderName => throw new NotImplementedException();

        public static implicit operator FolderId(string uniqueId) => throw new NotImplementedException();

        public static implicit operator FolderId(WellKnownFolderName folderName) => throw new NotImplementedException();
    }

    public class ItemId : ServiceId
    {
        public ItemId(string uniqueId) => throw new NotImplementedException();

        public static implicit operator ItemId(string uniqueId) => throw new NotImplementedException();
    }

    public abstract class PagedView
    {
        internal PagedView()
        {
        }

        public int PageSize { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

        public int Offset { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }
    }

    public sealed class ItemView : PagedView
    {
        public ItemView(int pageSize) => throw new NotImplementedException();

        public ItemView(int pageSize, int offset) => throw new NotImplementedException();
    }

    public sealed class FindItemsResults<TItem> : IEnumerable<TItem>
        where TItem : Item
    {
        internal FindItemsResults()
        {
        }

        public int TotalCount => throw new NotImplementedException();

        public int? NextPageOffset => throw new NotImplementedException();

        public bool MoreAvailable => throw new NotImplementedException();

        public Collection<TItem> Items => throw new NotImplementedException();

        public IEnumerator<TItem> GetEnumerator() => throw new NotImplementedException();

        IEnumerator IEnumerable.GetEnumerator() => throw new NotImplementedException();
    }

    public abstract class ServiceObject
    {
        internal ServiceObject()
        {
        }

        public ExchangeService Service => throw new NotImplementedException();

        public void Load() => throw new NotImplementedException();
    }

    public abstract class Item : ServiceObject
    {
        internal Item()
        {
        }

        public ItemId Id => throw new NotImplementedException();

        public FolderId ParentFolderId => throw new NotImplementedException();

        public string Subject { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

        public MessageBody Body { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

        public DateTime DateTimeReceived => throw new NotImplementedException();

        public bool HasAttachments => throw new NotImplementedException();

        public static Item Bind(ExchangeService service, ItemId id) => throw new NotImplementedException();

        public Item Move(FolderId destinationFolderId) => throw new NotImplementedException();

        public Item Copy(FolderId destinationFolderId) => throw new NotImplementedException();

        public void Delete(DeleteMode deleteMode) => throw new NotImplementedException();

        public void Update(ConflictResolutionMode conflictResolutionMode) => throw new NotImplementedException();
    }

    public class EmailMessage : Item
    {
        public EmailMessage(ExchangeService service) => throw new NotImplementedException();

        public static new EmailMessage Bind(ExchangeService service, ItemId id) => throw new NotImplementedException();

        public EmailAddressCollection ToRecipients => throw new NotImplementedException();

        public EmailAddressCollection CcRecipients => throw new NotImplementedException();

        public EmailAddressCollection BccRecipients => throw new NotImplementedException();

        public EmailAddress From { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

        public EmailAddress Sender { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

        public bool IsRead { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

        public void Send() => throw new NotImplementedException();

        public void SendAndSaveCopy() => throw new NotImplementedException();

        public void SendAndSaveCopy(FolderId destinationFolderId) => throw new NotImplementedException();

        public void SendAndSaveCopy(WellKnownFolderName destinationFolderName) => throw new NotImplementedException();
    }

    public sealed class MessageBody
    {
        public MessageBody() => throw new NotImplementedException();

        public MessageBody(string text) => throw new NotImplementedException();

        public MessageBody(BodyType bodyType, string text) => throw new NotImplementedException();

        public BodyType BodyType { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

        public string Text { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

        public static implicit operator MessageBody(string textBody) => throw new NotImplementedException();

        public static implicit operator string(MessageBody messageBody) => throw new NotImplementedException();
    }

    public class EmailAddress
    {
        public EmailAddress() => throw new NotImplementedException();

        public EmailAddress(string smtpAddress) => throw new NotImplementedException();

        public EmailAddress(string name, string smtpAddress) => throw new NotImplementedException();

        public string Name { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

        public string Address { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

        public static implicit operator EmailAddress(string smtpAddress) => throw new NotImplementedException();
    }

    public sealed class EmailAddressCollection : IEnumerable<EmailAddress>
    {
        internal EmailAddressCollection()
        {
        }

        public int Count => throw new NotImplementedException();

        public EmailAddress this[int index] => throw new NotImplementedException();

        public void Add(EmailAddress emailAddress) => throw new NotImplementedException();

        public EmailAddress Add(string smtpAddress) => throw new NotImplementedException();

        public EmailAddress Add(string name, string smtpAddress) => throw new NotImplementedException();

        public void AddRange(IEnumerable<string> smtpAddresses) => throw new NotImplementedException();

        public void Clear() => throw new NotImplementedException();

        public IEnumerator<EmailAddress> GetEnumerator() => throw new NotImplementedException();

        IEnumerator IEnumerable.GetEnumerator() => throw new NotImplementedException();
    }

    public class Folder : ServiceObject
    {
        public Folder(ExchangeService service) => throw new NotImplementedException();

        public FolderId Id => throw new NotImplementedException();

        public string DisplayName { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

        public int TotalCount => throw new NotImplementedException();

        public static Folder Bind(ExchangeService service, WellKnownFolderName name) => throw new NotImplementedException();

        public static Folder Bind(ExchangeService service, FolderId id) => throw new NotImplementedException();

        public FindItemsResults<Item> FindItems(ItemView view) => throw new NotImplementedException();
    }
}
