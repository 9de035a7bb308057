using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LeadAgent.Web.Features.Inbox.Providers.RespondIo;

/// <summary>One page of a Respond.io list endpoint and the cursor of the next page (null on the last).</summary>
public sealed record RioPage(IReadOnlyList<JsonElement> Items, string? NextCursor);

/// <summary>
/// The Respond.io Developer API v2 calls the inbox needs (reference: respondio.md §1): send a message, list a
/// contact's messages (to reconcile a send whose outcome is unknown), mirror assignment and open/close, list
/// channels, templates and contacts. No automatic retries here: a retried POST could send twice, so the outbox
/// decides.
/// </summary>
public sealed class RespondIoClient(HttpClient http, RespondIoConnection connection, TimeProvider time)
{
    public const string HttpClientName = "respondio";

    public static string ContactPath(string externalContactId) =>
        "contact/" + Uri.EscapeDataString($"id:{externalContactId}");

    /// <summary>Sends a message or a conversation change (<see cref="RespondIoOutbound"/> builds path and
    /// body).</summary>
    public async Task<SendResult> PostAsync(string path, JsonNode body, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Post, path);
        request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return new SendResult.Unknown(e is TaskCanceledException
                ? "The provider did not answer in time."
                : $"Could not reach the provider: {e.Message}");
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            if (response.IsSuccessStatusCode)
            {
                var id = TryJson(text) is { } json
                    ? RespondIoPayload.Str(json, "messageId") ?? RespondIoPayload.Str(json, "contactId")
                    : null;
                return new SendResult.Sent(id);
            }
            var reason = $"{(int)response.StatusCode}: {ErrorMessage(text) ?? response.ReasonPhrase}";
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return new SendResult.RetryAfter(RetryAfter(response), reason);
            }
            return (int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout
                ? new SendResult.Unknown(reason)
                : new SendResult.Refused(reason);
        }
    }

    /// <summary>GETs a list page; throws <see cref="HttpRequestException"/> with the provider's reason on
    /// failure.</summary>
    public async Task<RioPage> ListAsync(string path, int limit, string? cursor, CancellationToken ct,
        HttpMethod? method = null, JsonNode? body = null)
    {
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        var next = cursor is null ? "" : $"&cursorId={Uri.EscapeDataString(cursor)}";
        var query = $"{path}{separator}limit={limit}{next}";
        using var request = Request(method ?? HttpMethod.Get, query);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }
        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(
                $"Respond.io answered {(int)response.StatusCode}: {ErrorMessage(text) ?? response.ReasonPhrase}",
                null, response.StatusCode);
        }
        var root = TryJson(text)
            ?? throw new HttpRequestException("Respond.io answered with something that is not JSON.");
        var items = root.TryGetProperty("items", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(i => i.Clone()).ToList()
            : [];
        var nextPage = root.TryGetProperty("pagination", out var p) ? RespondIoPayload.Str(p, "next") : null;
        return new RioPage(items, CursorOf(nextPage));
    }

    /// <summary>The <c>cursorId</c> inside a <c>pagination.next</c> URL; null when there is no next page.</summary>
    public static string? CursorOf(string? next)
    {
        if (string.IsNullOrWhiteSpace(next) || !Uri.TryCreate(next, UriKind.Absolute, out var uri))
        {
            return null;
        }
        var pair = uri.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2))
            .FirstOrDefault(p => p[0] == "cursorId");
        return pair is { Length: 2 } ? Uri.UnescapeDataString(pair[1]) : null;
    }

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        var settings = connection.Current;
        var request = new HttpRequestMessage(method, new Uri(new Uri(settings.BaseUrl.TrimEnd('/') + "/"), path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.ApiToken ?? "");
        return request;
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter?.Delta is { } delta)
        {
            return delta;
        }
        return response.Headers.RetryAfter?.Date is { } date ? date - time.GetUtcNow() : null;
    }

    private static JsonElement? TryJson(string text)
    {
        try
        {
            return string.IsNullOrWhiteSpace(text) ? null : JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? ErrorMessage(string text) => TryJson(text) is { ValueKind: JsonValueKind.Object } json
        ? RespondIoPayload.Str(json, "message")
        : text.Length is > 0 and < 300 ? text : null;
}
