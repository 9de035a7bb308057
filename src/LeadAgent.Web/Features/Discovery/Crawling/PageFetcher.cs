using System.Net;
using LeadAgent.Web.Infrastructure.Net;
using Microsoft.Extensions.Options;

namespace LeadAgent.Web.Features.Discovery.Crawling;

/// <summary>
/// Fetches one URL for the crawler, safely and within limits: only http(s) without credentials; never a private,
/// loopback or link-local target (every connection goes to the address the guard checked, so DNS rebinding does not
/// help; IP literals in odd notations are normalised and checked first); at most <c>MaxRedirects</c> redirects, each
/// checked again; gzip, deflate and brotli; a time limit for the whole fetch; a size limit counted after
/// decompression while reading. Through a configured proxy the proxy resolves the names. Every failure is an
/// outcome with its reason, never an exception (except the caller's own cancellation).
/// </summary>
public sealed class PageFetcher : IDisposable
{
    /// <summary>The product token robots.txt groups are matched on.</summary>
    public const string ProductToken = "LeadAgent";

    // Names that never belong to a company site on the internet: a proxy would resolve them inside the network.
    private static readonly string[] LocalSuffixes =
        [".localhost", ".local", ".localdomain", ".internal", ".intranet", ".lan", ".home.arpa", ".corp", ".home"];

    private readonly HttpClient _http;
    private readonly DiscoveryHttpOptions _options;
    private readonly DnsEndPoint? _proxy;
    private readonly TimeProvider _time;

    public PageFetcher(IOptions<DiscoveryHttpOptions> options, TimeProvider time)
    {
        _time = time;
        _options = options.Value;
        _proxy = _options.Proxy is { Length: > 0 } p && new Uri(p) is var proxyUri
            ? new DnsEndPoint(proxyUri.IdnHost, proxyUri.Port) : null;
        // The configured proxy may sit on the LAN; every other connection goes to a public address only.
        var handler = PrivateNetworkGuard.CreateHandler((endpoint, address) =>
            (_proxy is not null && endpoint.Host == _proxy.Host && endpoint.Port == _proxy.Port) || Allows(address));
        handler.AutomaticDecompression = DecompressionMethods.All;
        handler.ConnectTimeout = TimeSpan.FromSeconds(_options.ConnectTimeoutSeconds);
        handler.MaxResponseHeadersLength = 64;   // KiB
        handler.UseCookies = false;
        if (_options.Proxy is { Length: > 0 } proxy)
        {
            // The proxy's own address is the one private address connections may go to (see the handler above).
            (handler.UseProxy, handler.Proxy) = (true, new WebProxy(new Uri(proxy)));
        }
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        var version = typeof(PageFetcher).Assembly.GetName().Version?.ToString(2) ?? "1.0";
        UserAgent = $"{ProductToken}/{version} (+{_options.ContactUrl})";
    }

    /// <summary><c>LeadAgent/1.0 (+contact URL)</c>: says who crawls and how to reach them.</summary>
    public string UserAgent { get; }

    /// <summary>
    /// Fetches <paramref name="url"/>; <paramref name="mayFollow"/> decides each redirect target (robots.txt), a
    /// refused one ends the fetch as <see cref="FetchOutcome.Refused"/>.
    /// </summary>
    public async Task<FetchResult> FetchAsync(Uri url, FetchKind kind, CancellationToken ct,
        Func<Uri, CancellationToken, Task<bool>>? mayFollow = null)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeSpan.FromSeconds(_options.TimeoutSeconds));
        var current = url;
        for (var hop = 0; ; hop++)
        {
            if (Refusal(current) is { } why)
            {
                return new FetchResult(current, FetchOutcome.Refused, 0, null, [], why);
            }
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
                request.Headers.TryAddWithoutValidation("Accept", kind switch
                {
                    FetchKind.Robots => "text/plain, */*;q=0.5",
                    FetchKind.Sitemap => "application/xml, text/xml;q=0.9, text/plain;q=0.5",
                    _ => "text/html, application/xhtml+xml;q=0.9, */*;q=0.1",
                });
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead,
                    limit.Token);
                var status = (int)response.StatusCode;
                if (status is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    if (hop >= _options.MaxRedirects)
                    {
                        return new FetchResult(current, FetchOutcome.TooManyRedirects, status, null, [],
                            $"More than {_options.MaxRedirects} redirects.");
                    }
                    if (!Uri.TryCreate(current, location, out var next))
                    {
                        return new FetchResult(current, FetchOutcome.HttpError, status, null, [],
                            $"A redirect to an address that cannot be read ({location.OriginalString}).");
                    }
                    if (mayFollow is not null && Refusal(next) is null && !await mayFollow(next, limit.Token))
                    {
                        return new FetchResult(next, FetchOutcome.Refused, status, null, [],
                            "robots.txt disallows where the redirect leads.");
                    }
                    current = next;
                    continue;
                }
                return await ReadAsync(current, kind, response, limit.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                return new FetchResult(current, FetchOutcome.TimedOut, 0, null, [],
                    $"No complete answer within {_options.TimeoutSeconds} s.");
            }
            catch (HttpRequestException e) when (e.InnerException is PrivateTargetException p)
            {
                return new FetchResult(current, FetchOutcome.Refused, 0, null, [], p.Message);
            }
            catch (Exception e) when (e is HttpRequestException or IOException or InvalidOperationException
                or InvalidDataException or UriFormatException)
            {
                return new FetchResult(current, FetchOutcome.Unreachable, 0, null, [], e.Message);
            }
        }
    }

    // Checked before every hop: through a proxy the names are the proxy's to resolve, so only literals are checked.
    private string? Refusal(Uri uri)
    {
        if (uri.Scheme is not ("http" or "https"))
        {
            return $"Only http and https are fetched, not {uri.Scheme}.";
        }
        if (uri.UserInfo.Length > 0)
        {
            return "Addresses with a user name or password are not fetched.";
        }
        var host = uri.IdnHost.TrimEnd('.').ToLowerInvariant();
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal))
        {
            return Allows(literal.IsIPv4MappedToIPv6 ? literal.MapToIPv4() : literal) ? null
                : $"{literal} is a private, loopback or link-local address.";
        }
        // "0x7f.1", "127.1", "017700000001": numbers a resolver may read as an address in an odd notation.
        if (host.Split('.').All(l => l.Length > 0 && (l.All(char.IsAsciiDigit)
            || (l.StartsWith("0x", StringComparison.Ordinal) && l[2..].All(char.IsAsciiHexDigit)))))
        {
            return $"{host} looks like an IP address in an odd notation.";
        }
        if (host == "localhost" || !host.Contains('.', StringComparison.Ordinal)
            || host.StartsWith("localhost.", StringComparison.Ordinal)
            || host.StartsWith("ip6-", StringComparison.Ordinal)
            || LocalSuffixes.Any(s => host.EndsWith(s, StringComparison.Ordinal)))
        {
            return $"{host} is a local or internal name, not a site on the internet.";
        }
        return null;
    }

    private bool Allows(IPAddress address) =>
        !PrivateAddresses.IsPrivate(address) || (_options.AllowLoopback && IPAddress.IsLoopback(address));

    private async Task<FetchResult> ReadAsync(Uri url, FetchKind kind, HttpResponseMessage response,
        CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        var type = response.Content.Headers.ContentType?.MediaType?.ToLowerInvariant();
        if (status is < 200 or >= 300)
        {
            return new FetchResult(url, FetchOutcome.HttpError, status, type, [], $"HTTP {status}.")
            {
                RetryAfter = status is 429 or 503 ? RetryAfter(response) : null,
            };
        }
        if (kind == FetchKind.Sitemap && type is not (null or "application/xml" or "text/xml" or "text/plain"))
        {
            return new FetchResult(url, FetchOutcome.NotHtml, status, type, [], $"Not a sitemap ({type}).");
        }
        if (kind == FetchKind.Page && type is not (null or "text/html" or "application/xhtml+xml"))
        {
            return new FetchResult(url, FetchOutcome.NotHtml, status, type, [], $"Not a web page ({type}).");
        }
        var max = kind == FetchKind.Robots ? RobotsTxt.MaxBytes : _options.MaxPageBytes;
        if (kind != FetchKind.Robots && response.Content.Headers.ContentLength > max)
        {
            return TooLarge(url, status, type, max);
        }
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        var (body, over) = await BoundedRead.ReadAsync(stream, max, ct);
        // robots.txt is read up to the RFC's limit and the rest ignored; a page over the limit is refused.
        return over && kind != FetchKind.Robots ? TooLarge(url, status, type, max)
            : new FetchResult(url, FetchOutcome.Fetched, status, type, body);
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - _time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    private static FetchResult TooLarge(Uri url, int status, string? type, int max) =>
        new(url, FetchOutcome.TooLarge, status, type, [], $"Larger than {max / 1024:N0} KB.");

    public void Dispose() => _http.Dispose();
}
