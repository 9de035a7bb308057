using LeadAgent.Web.Features.Discovery.Search.Providers;
using Microsoft.Extensions.Options;

namespace LeadAgent.Web.Features.Discovery.Search;

/// <summary>The configured search providers by name; one lacking its address or key says what is missing.</summary>
public sealed class SearchProviders(IHttpClientFactory clients, IOptionsMonitor<SearchOptions> options,
    TimeProvider time)
{
    public const string HttpClientName = "discovery-search";
    public static readonly IReadOnlyList<string> Names = ["searxng", "brave", "serper", "google"];

    public string Default => options.CurrentValue.Default.ToLowerInvariant();

    /// <summary>
    /// The provider, or why it cannot be used; <paramref name="saved"/> holds what admins saved in the app, which wins
    /// over the configuration value by value.
    /// </summary>
    public (ISearchProvider? Provider, string? Problem) Get(string? name,
        IReadOnlyDictionary<string, ProviderEndpoint>? saved = null)
    {
        var o = Effective(saved);
        var http = clients.CreateClient(HttpClientName);
        switch ((name ?? o.Default).ToLowerInvariant())
        {
            case "searxng" when o.SearXng.BaseUrl is { Length: > 0 } url:
                return (new SearXngProvider(http, Root(url)), null);
            case "searxng":
                return (null, "SearXNG has no address: set Discovery:Providers:SearXng:BaseUrl.");
            case "brave" when o.Brave.BaseUrl is { Length: > 0 } url && o.Brave.ApiKey is { Length: > 0 } key:
                return (new BraveProvider(http, Root(url), key), null);
            case "brave":
                return (null, "Brave needs an API key: set Discovery:Providers:Brave:ApiKey.");
            case "serper" when o.Serper.BaseUrl is { Length: > 0 } url && o.Serper.ApiKey is { Length: > 0 } key:
                return (new SerperProvider(http, Root(url), key), null);
            case "serper":
                return (null, "Serper needs an API key: set Discovery:Providers:Serper:ApiKey.");
            case "google" when GoogleCseProvider.Closed(time):
                return (null, GoogleCseProvider.ClosedMessage);
            case "google" when o.Google.BaseUrl is { Length: > 0 } url && o.Google.ApiKey is { Length: > 0 } key
                && o.Google.Cx is { Length: > 0 } cx:
                return (new GoogleCseProvider(http, Root(url), key, cx, time), null);
            case "google":
                return (null, "Google needs an API key and a search engine id: set "
                    + Missing(("Discovery:Providers:Google:ApiKey", o.Google.ApiKey),
                        ("Discovery:Providers:Google:Cx", o.Google.Cx)) + ".");
            case var other:
                return (null, $"Unknown search provider '{other}'.");
        }
    }

    /// <summary>Each provider as admins see it: address, whether a key is set, where the values come from.</summary>
    public List<ProviderView> Views(IReadOnlyDictionary<string, ProviderEndpoint> saved)
    {
        var o = Effective(saved);
        return [.. Names.Select(n => (n, Endpoint(o, n))).Select(x => new ProviderView(x.n, x.Item2.BaseUrl,
            !string.IsNullOrEmpty(x.Item2.ApiKey), x.Item2.Cx, saved.ContainsKey(x.n)))];
    }

    private SearchOptions Effective(IReadOnlyDictionary<string, ProviderEndpoint>? saved)
    {
        var o = options.CurrentValue;
        ProviderEndpoint Merge(string name, ProviderEndpoint configured) =>
            saved?.GetValueOrDefault(name) is { } s
                ? new ProviderEndpoint
                {
                    BaseUrl = s.BaseUrl ?? configured.BaseUrl,
                    ApiKey = s.ApiKey ?? configured.ApiKey,
                    Cx = s.Cx ?? configured.Cx,
                }
                : configured;
        return new SearchOptions
        {
            Default = o.Default,
            TimeoutSeconds = o.TimeoutSeconds,
            SearXng = Merge("searxng", o.SearXng),
            Brave = Merge("brave", o.Brave),
            Serper = Merge("serper", o.Serper),
            Google = Merge("google", o.Google),
        };
    }

    private static ProviderEndpoint Endpoint(SearchOptions o, string name) => name switch
    {
        "searxng" => o.SearXng,
        "brave" => o.Brave,
        "serper" => o.Serper,
        _ => o.Google,
    };

    private static string Missing(params (string Key, string? Value)[] settings) =>
        string.Join(" and ", settings.Where(s => string.IsNullOrEmpty(s.Value)).Select(s => s.Key));

    // Relative paths resolve under the base address only when it ends with a slash.
    private static Uri Root(string url) => new(url.EndsWith('/') ? url : url + "/");
}
