using System.Net;
using System.Text.Json;
using LeadAgent.Web.Infrastructure.Net;

namespace LeadAgent.Web.Features.Discovery.Search;

/// <summary>What every provider's HTTP answers have in common: status codes, Retry-After, bounded JSON.</summary>
internal static class SearchResponses
{
    /// <summary>A search answer is small; anything larger is refused rather than parsed.</summary>
    private const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>The answer to a failed call, or null when the call succeeded.</summary>
    public static SearchPage? Failure(HttpResponseMessage response, string provider)
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            return null;
        }
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            // Retry-After, else the first window of X-RateLimit-Reset (Brave: "1, 1419704" seconds), else a minute.
            var after = response.Headers.RetryAfter is { } r ? r.Delta ?? (r.Date - DateTimeOffset.UtcNow)
                : response.Headers.TryGetValues("X-RateLimit-Reset", out var reset)
                    && int.TryParse(reset.First().Split(',')[0].Trim(), out var seconds) ? TimeSpan.FromSeconds(seconds)
                : TimeSpan.FromSeconds(60);
            return new SearchPage(SearchStatus.RateLimited, [], $"{provider} asks to slow down (429).",
                after < TimeSpan.Zero ? TimeSpan.Zero : after);
        }
        return SearchPage.Failed(status is 401 or 403
            ? $"{provider} refused the request ({status}): check the key or the instance's settings."
            : $"{provider} answered {status}.");
    }

    public static async Task<JsonDocument?> ReadJsonAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.Content.Headers.ContentLength > MaxBytes)
        {
            return null;
        }
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        var (body, over) = await BoundedRead.ReadAsync(stream, MaxBytes, ct);
        if (over)
        {
            return null;
        }
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString() : null;

    public static Uri? WebUrl(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;
}
