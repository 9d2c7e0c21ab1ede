using static LegacyAuthAnalyzers.Benchmarks.Corpus.CorpusGenerator;

namespace LegacyAuthAnalyzers.Benchmarks.Corpus;

/// <summary>
/// Ordinary application code with no mail in it: the code the analyzers must cost (almost) nothing on. It includes the
/// near misses that make a careless analyzer do work: methods named Connect and Authenticate, Host, Port, Password and
/// Credentials properties, and NetworkCredential for HTTP proxies.
/// </summary>
internal static class OrdinaryCode
{
    public const string Common = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Contoso.Shared;

        public readonly record struct Result<T>(bool Success, T? Value, string? Error)
        {
            public static Result<T> Ok(T value) => new(true, value, null);

            public static Result<T> Fail(string error) => new(false, default, error);
        }

        public interface IClock
        {
            DateTimeOffset UtcNow { get; }
        }

        public sealed class SystemClock : IClock
        {
            public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;
        }

        public interface IRepository<TKey, TValue>
            where TKey : notnull
        {
            Task<TValue?> FindAsync(TKey key, CancellationToken cancellationToken);

            Task SaveAsync(TKey key, TValue value, CancellationToken cancellationToken);

            IReadOnlyCollection<TValue> All();
        }

        public static class Guard
        {
            public static string NotEmpty(string? value, string name) =>
                string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("Value required.", name) : value;
        }
        """;

    public const string AppSettings = """
        {
          "Logging": { "LogLevel": { "Default": "Information", "Microsoft.AspNetCore": "Warning" } },
          "ConnectionStrings": { "Default": "Server=db;Database=orders;Integrated Security=true" },
          "Features": { "Reports": true, "Exports": false },
          "AllowedHosts": "*"
        }
        """;

    public static string Orders(int i) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Globalization;
        using System.Linq;
        using Contoso.Shared;

        namespace Contoso.Orders.N{{i}};

        public sealed record OrderLine(string Sku, int Quantity, decimal UnitPrice)
        {
            public decimal Total => Quantity * UnitPrice;
        }

        public sealed record Order(Guid Id, string Customer, DateTimeOffset PlacedAt, IReadOnlyList<OrderLine> Lines)
        {
            public decimal Total => Lines.Sum(line => line.Total);
        }

        public enum OrderState
        {
            Draft,
            Placed,
            Shipped,
            Cancelled,
        }

        public sealed class {{Word(i, 1)}}OrderService
        {
            private const decimal DiscountThreshold = {{100 + Pick(i, 2, 900)}}m;
            private readonly List<Order> orders = new();
            private readonly Dictionary<Guid, OrderState> states = new();
            private readonly IClock clock;

            public {{Word(i, 1)}}OrderService(IClock clock) => this.clock = clock;

            public Order Place(string customer, IEnumerable<(string Sku, int Quantity, decimal Price)> items)
            {
                Guard.NotEmpty(customer, nameof(customer));
                var lines = items
                    .Where(item => item.Quantity > 0)
                    .Select(item => new OrderLine(item.Sku.Trim().ToUpperInvariant(), item.Quantity, item.Price))
                    .ToList();
                var order = new Order(Guid.NewGuid(), customer, clock.UtcNow, lines);
                orders.Add(order);
                states[order.Id] = OrderState.Placed;
                return order;
            }

            public IReadOnlyList<(string Customer, decimal Total)> TopCustomers(int count) =>
                orders
                    .GroupBy(order => order.Customer, StringComparer.OrdinalIgnoreCase)
                    .Select(group => (Customer: group.Key, Total: group.Sum(order => order.Total)))
                    .OrderByDescending(entry => entry.Total)
                    .ThenBy(entry => entry.Customer, StringComparer.Ordinal)
                    .Take(count)
                    .ToList();

            public string Describe(Guid id) => states.TryGetValue(id, out var state)
                ? state switch
                {
                    OrderState.Draft => "draft",
                    OrderState.Placed => "placed",
                    OrderState.Shipped => "shipped",
                    OrderState.Cancelled => "cancelled",
                    _ => "unknown",
                }
                : "missing";

            public Result<Order> Cancel(Guid id)
            {
                var order = orders.FirstOrDefault(candidate => candidate.Id == id);
                if (order is null)
                {
                    return Result<Order>.Fail("No order " + id.ToString("N", CultureInfo.InvariantCulture));
                }

                if (states[id] == OrderState.Shipped)
                {
                    return Result<Order>.Fail($"Order {id} has shipped already");
                }

                states[id] = OrderState.Cancelled;
                return Result<Order>.Ok(order);
            }

            public decimal PriceWithDiscount(Order order)
            {
                var total = order.Total;
                var discount = total > DiscountThreshold ? 0.{{Pick(i, 3, 9) + 1}}m : 0m;
                return decimal.Round(total * (1 - discount), 2, MidpointRounding.AwayFromZero);
            }
        }
        """;

    public static string ApiClient(int i) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Net;
        using System.Net.Http;
        using System.Net.Http.Headers;
        using System.Text;
        using System.Text.Json;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Contoso.Integrations.N{{i}};

        public sealed record {{Word(i, 4)}}Item(int Id, string Name, decimal Price, string[] Tags);

        public sealed class {{Word(i, 4)}}ApiClient : IDisposable
        {
            private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
            private readonly HttpClient http;

            public {{Word(i, 4)}}ApiClient(string baseAddress, string apiKey)
            {
                http = new HttpClient { BaseAddress = new Uri(baseAddress), Timeout = TimeSpan.FromSeconds({{10 + Pick(i, 5, 50)}}) };
                http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
            }

            public string? Host { get; set; }

            public int Port { get; set; } = {{8000 + Pick(i, 6, 999)}};

            public async Task<IReadOnlyList<{{Word(i, 4)}}Item>> ListAsync(string? tag, CancellationToken cancellationToken)
            {
                var path = tag is null ? "items" : "items?tag=" + Uri.EscapeDataString(tag);
                using var response = await http.GetAsync(path, cancellationToken).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.NotFound)
                {
                    return Array.Empty<{{Word(i, 4)}}Item>();
                }

                response.EnsureSuccessStatusCode();
                await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                var items = await JsonSerializer.DeserializeAsync<List<{{Word(i, 4)}}Item>>(stream, JsonOptions, cancellationToken).ConfigureAwait(false);
                return items ?? new List<{{Word(i, 4)}}Item>();
            }

            public async Task<{{Word(i, 4)}}Item?> CreateAsync({{Word(i, 4)}}Item item, CancellationToken cancellationToken)
            {
                var json = JsonSerializer.Serialize(item, JsonOptions);
                using var content = new StringContent(json, Encoding.UTF8, "application/json");
                using var response = await http.PostAsync("items", content, cancellationToken).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                    throw new HttpRequestException($"Create failed with {(int)response.StatusCode}: {body}");
                }

                var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                return JsonSerializer.Deserialize<{{Word(i, 4)}}Item>(text, JsonOptions);
            }

            public void Dispose() => http.Dispose();
        }
        """;

    public static string Repository(int i) => $$"""
        using System;
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Contoso.Shared;

        namespace Contoso.Data.N{{i}};

        public abstract record Entity(Guid Id);

        public sealed record {{Word(i, 7)}}Customer(Guid Id, string Name, string Email, int Tier, DateTime CreatedUtc) : Entity(Id);

        public sealed class InMemory{{Word(i, 7)}}Repository : IRepository<Guid, {{Word(i, 7)}}Customer>
        {
            private readonly ConcurrentDictionary<Guid, {{Word(i, 7)}}Customer> items = new();
            private int writes;

            public int Writes => Volatile.Read(ref writes);

            public Task<{{Word(i, 7)}}Customer?> FindAsync(Guid key, CancellationToken cancellationToken) =>
                Task.FromResult(items.TryGetValue(key, out var value) ? value : null);

            public Task SaveAsync(Guid key, {{Word(i, 7)}}Customer value, CancellationToken cancellationToken)
            {
                cancellationToken.ThrowIfCancellationRequested();
                items.AddOrUpdate(key, value, (_, _) => value);
                Interlocked.Increment(ref writes);
                return Task.CompletedTask;
            }

            public IReadOnlyCollection<{{Word(i, 7)}}Customer> All() => items.Values.ToArray();

            public IEnumerable<{{Word(i, 7)}}Customer> ByTier(int minimum) =>
                from customer in items.Values
                where customer.Tier >= minimum
                orderby customer.Tier descending, customer.Name
                select customer;

            public ILookup<string, {{Word(i, 7)}}Customer> ByDomain() =>
                items.Values.ToLookup(customer => customer.Email[(customer.Email.IndexOf('@') + 1)..].ToLowerInvariant());

            public int Purge(Func<{{Word(i, 7)}}Customer, bool> predicate)
            {
                var removed = 0;
                foreach (var pair in items)
                {
                    if (predicate(pair.Value) && items.TryRemove(pair.Key, out _))
                    {
                        removed++;
                    }
                }

                return removed;
            }

            public static string Classify({{Word(i, 7)}}Customer customer) => customer switch
            {
                { Tier: >= 3 } => "gold",
                { Tier: 2, CreatedUtc.Year: < 2020 } => "loyal",
                { Tier: 2 } => "silver",
                { Email: var email } when email.EndsWith(".edu", StringComparison.OrdinalIgnoreCase) => "education",
                _ => "standard",
            };
        }
        """;

    public static string TextProcessing(int i) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Globalization;
        using System.Linq;
        using System.Text;
        using System.Text.RegularExpressions;

        namespace Contoso.Text.N{{i}};

        public static class {{Word(i, 8)}}Text
        {
            private static readonly Regex Words = new(@"\b[\p{L}']+\b", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(250));
            private static readonly char[] Separators = [',', ';', '|'];

            public static IReadOnlyDictionary<string, int> WordFrequencies(string text) =>
                Words.Matches(text)
                    .Select(match => match.Value.ToLowerInvariant())
                    .GroupBy(word => word)
                    .OrderByDescending(group => group.Count())
                    .Take({{5 + Pick(i, 9, 20)}})
                    .ToDictionary(group => group.Key, group => group.Count());

            public static string Slug(string title)
            {
                var builder = new StringBuilder(title.Length);
                var lastDash = false;
                foreach (var c in title.Normalize(NormalizationForm.FormD))
                {
                    if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                    {
                        continue;
                    }

                    if (char.IsLetterOrDigit(c))
                    {
                        builder.Append(char.ToLowerInvariant(c));
                        lastDash = false;
                    }
                    else if (!lastDash && builder.Length > 0)
                    {
                        builder.Append('-');
                        lastDash = true;
                    }
                }

                return builder.ToString().TrimEnd('-');
            }

            public static string[] SplitList(string? value) =>
                string.IsNullOrWhiteSpace(value)
                    ? Array.Empty<string>()
                    : value.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

            public static string Truncate(string value, int max) =>
                value.Length <= max ? value : string.Concat(value.AsSpan(0, max - 1), "…");

            public static bool TryParseKeyValue(string line, out string key, out string value)
            {
                var index = line.IndexOf('=');
                if (index <= 0)
                {
                    key = value = string.Empty;
                    return false;
                }

                key = line[..index].Trim();
                value = line[(index + 1)..].Trim().Trim('"');
                return key.Length > 0;
            }

            public static string Mask(string value) => value.Length <= 4 ? new string('*', value.Length) : new string('*', value.Length - 4) + value[^4..];
        }
        """;

    public static string Worker(int i) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Channels;
        using System.Threading.Tasks;

        namespace Contoso.Workers.N{{i}};

        public sealed record Job(int Id, string Payload, int Attempts);

        /// <summary>A message broker client: Connect and Authenticate here have nothing to do with mail.</summary>
        public sealed class {{Word(i, 11)}}BrokerClient
        {
            private bool connected;

            public string Host { get; private set; } = "broker.internal";

            public int Port { get; private set; } = {{5600 + Pick(i, 12, 100)}};

            public void Connect(string host, int port, bool useTls)
            {
                Host = host;
                Port = port;
                connected = useTls || port > 0;
            }

            public bool Authenticate(string user, string password) => connected && user.Length > 0 && password.Length > 8;

            public Task PublishAsync(string topic, string message, CancellationToken cancellationToken) =>
                connected ? Task.Delay(1, cancellationToken) : Task.FromException(new InvalidOperationException("Not connected to " + topic + message));
        }

        public sealed class {{Word(i, 11)}}Worker
        {
            private readonly Channel<Job> queue = Channel.CreateBounded<Job>(new BoundedChannelOptions({{64 + Pick(i, 13, 64)}}) { FullMode = BoundedChannelFullMode.Wait });
            private readonly {{Word(i, 11)}}BrokerClient broker = new();
            private long processed;

            public long Processed => Interlocked.Read(ref processed);

            public async Task StartAsync(string user, string secretFromVault, CancellationToken cancellationToken)
            {
                broker.Connect("broker{{i}}.internal", {{5600 + Pick(i, 12, 100)}}, useTls: true);
                if (!broker.Authenticate(user, secretFromVault))
                {
                    throw new UnauthorizedAccessException("Broker refused the credentials.");
                }

                var consumers = new List<Task>();
                for (var n = 0; n < Environment.ProcessorCount; n++)
                {
                    consumers.Add(ConsumeAsync(cancellationToken));
                }

                await Task.WhenAll(consumers).ConfigureAwait(false);
            }

            public ValueTask EnqueueAsync(string payload, CancellationToken cancellationToken) =>
                queue.Writer.WriteAsync(new Job(payload.GetHashCode(StringComparison.Ordinal), payload, 0), cancellationToken);

            public void Complete() => queue.Writer.TryComplete();

            private async Task ConsumeAsync(CancellationToken cancellationToken)
            {
                await foreach (var job in queue.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                {
                    try
                    {
                        await broker.PublishAsync("jobs", job.Payload, cancellationToken).ConfigureAwait(false);
                        Interlocked.Increment(ref processed);
                    }
                    catch (InvalidOperationException) when (job.Attempts < 3)
                    {
                        await queue.Writer.WriteAsync(job with { Attempts = job.Attempts + 1 }, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }
        """;

    public static string Extensions(int i) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;

        namespace Contoso.Common.N{{i}};

        public static class {{Word(i, 14)}}Extensions
        {
            public static IEnumerable<T[]> Batch<T>(this IEnumerable<T> source, int size)
            {
                ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
                var batch = new List<T>(size);
                foreach (var item in source)
                {
                    batch.Add(item);
                    if (batch.Count == size)
                    {
                        yield return batch.ToArray();
                        batch.Clear();
                    }
                }

                if (batch.Count > 0)
                {
                    yield return batch.ToArray();
                }
            }

            public static TValue GetOrAdd<TKey, TValue>(this IDictionary<TKey, TValue> dictionary, TKey key, Func<TKey, TValue> factory)
                where TKey : notnull
            {
                if (!dictionary.TryGetValue(key, out var value))
                {
                    value = factory(key);
                    dictionary[key] = value;
                }

                return value;
            }

            public static double Median(this IEnumerable<double> values)
            {
                var sorted = values.OrderBy(value => value).ToArray();
                if (sorted.Length == 0)
                {
                    return double.NaN;
                }

                var middle = sorted.Length / 2;
                return sorted.Length % 2 == 0 ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle];
            }

            public static IEnumerable<(T Item, int Index)> Indexed<T>(this IEnumerable<T> source) => source.Select((item, index) => (item, index));

            public static string? FirstNonEmpty(params string?[] candidates) => candidates.FirstOrDefault(candidate => !string.IsNullOrEmpty(candidate));

            public static T Clamp<T>(this T value, T min, T max)
                where T : IComparable<T> =>
                value.CompareTo(min) < 0 ? min : value.CompareTo(max) > 0 ? max : value;

            public static int Checksum(string text)
            {
                var sum = {{Pick(i, 15, 1000)}};
                foreach (var c in text)
                {
                    sum = unchecked((sum * 31) + c);
                }

                return sum;
            }
        }
        """;

    public static string Controller(int i) => $$"""
        using System;
        using System.Collections.Generic;
        using System.ComponentModel.DataAnnotations;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Contoso.Shared;

        namespace Contoso.Web.N{{i}};

        public sealed class {{Word(i, 16)}}Request
        {
            [Required]
            [StringLength(80)]
            public string Name { get; set; } = string.Empty;

            [EmailAddress]
            public string? Email { get; set; }

            [Range(1, 100)]
            public int Quantity { get; set; } = 1;

            public DateTimeOffset? Deadline { get; set; }
        }

        public sealed record {{Word(i, 16)}}Response(Guid Id, string Status, IReadOnlyList<string> Warnings);

        public sealed class {{Word(i, 16)}}Controller
        {
            private readonly IClock clock;
            private readonly Dictionary<Guid, {{Word(i, 16)}}Request> store = new();

            public {{Word(i, 16)}}Controller(IClock clock) => this.clock = clock;

            public async Task<Result<{{Word(i, 16)}}Response>> PostAsync({{Word(i, 16)}}Request request, CancellationToken cancellationToken)
            {
                var results = new List<ValidationResult>();
                if (!Validator.TryValidateObject(request, new ValidationContext(request), results, validateAllProperties: true))
                {
                    return Result<{{Word(i, 16)}}Response>.Fail(string.Join("; ", results.Select(result => result.ErrorMessage)));
                }

                var warnings = new List<string>();
                if (request.Deadline is { } deadline && deadline - clock.UtcNow < TimeSpan.FromDays({{1 + Pick(i, 17, 6)}}))
                {
                    warnings.Add("The deadline is close.");
                }

                if (request.Quantity > 50)
                {
                    warnings.Add($"Large order of {request.Quantity} items.");
                }

                await Task.Yield();
                cancellationToken.ThrowIfCancellationRequested();
                var id = Guid.NewGuid();
                store[id] = request;
                return Result<{{Word(i, 16)}}Response>.Ok(new {{Word(i, 16)}}Response(id, warnings.Count == 0 ? "accepted" : "review", warnings));
            }

            public Result<{{Word(i, 16)}}Request> Get(Guid id) =>
                store.TryGetValue(id, out var request) ? Result<{{Word(i, 16)}}Request>.Ok(request) : Result<{{Word(i, 16)}}Request>.Fail("not found");

            public int StatusCode(Exception exception) => exception switch
            {
                ArgumentException => 400,
                UnauthorizedAccessException => 401,
                KeyNotFoundException => 404,
                TimeoutException or TaskCanceledException => 504,
                _ => 500,
            };
        }
        """;

    /// <summary>NetworkCredential for HTTP and proxies: the base class library's credential type outside mail.</summary>
    public static string NonMailCredentials(int i) => $$"""
        using System;
        using System.Net;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Contoso.Network.N{{i}};

        public sealed class ProxySettings
        {
            public string Address { get; set; } = "http://proxy.corp.example:8080";

            public string User { get; set; } = string.Empty;

            public string Password { get; set; } = string.Empty;
        }

        public static class {{Word(i, 18)}}HttpFactory
        {
            public static HttpClient CreateWithProxy(ProxySettings settings)
            {
                var proxy = new WebProxy(settings.Address)
                {
                    Credentials = new NetworkCredential(settings.User, settings.Password),
                    BypassProxyOnLocal = true,
                };

                var handler = new HttpClientHandler { Proxy = proxy, UseProxy = true };
                return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
            }

            public static HttpClient CreateForIntranet()
            {
                var handler = new HttpClientHandler
                {
                    Credentials = CredentialCache.DefaultNetworkCredentials,
                    PreAuthenticate = true,
                };

                return new HttpClient(handler);
            }

            public static async Task<string> DownloadReportAsync(Uri reportUri, string user, string password, CancellationToken cancellationToken)
            {
                var credential = new NetworkCredential(user, password, "CORP");
                using var handler = new HttpClientHandler();
                handler.Credentials = credential;
                using var client = new HttpClient(handler);
                return await client.GetStringAsync(reportUri, cancellationToken).ConfigureAwait(false);
            }
        }
        """;
}
