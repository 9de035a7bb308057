using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LeadAgent.Web.Features.Accounts;
using LeadAgent.Web.Features.Inbox.Processing;
using LeadAgent.Web.Features.Inbox.Settings;

namespace LeadAgent.Web.Features.Inbox.Sending;

public enum SendOutcomeKind { Sent, RateLimited, Transient, Permanent }

/// <summary>What a call to the provider came to: sent (with its message id), or why not and whether trying again can help.</summary>
public sealed record SendOutcome(SendOutcomeKind Kind, string? MessageId = null, string? Error = null, TimeSpan? RetryAfter = null);

/// <summary>One page of a Respond.io list endpoint and the cursor of the next page (null on the last).</summary>
public sealed record RioPage(IReadOnlyList<JsonElement> Items, string? NextCursor);

/// <summary>
/// The Respond.io Developer API v2 calls the inbox needs (reference: respondio.md §1): send a message, list a contact's
/// messages (to reconcile a send whose outcome is unknown), mirror assignment and open/close, list channels,
/// templates and contacts. No automatic retries here: a retried POST could send twice, so the outbox decides.
/// </summary>
public sealed class RespondIoClient(HttpClient http, RespondIoConnection connection)
{
    public const string HttpClientName = "respondio";

    public static string ContactPath(string externalContactId) => "contact/" + Uri.EscapeDataString($"id:{externalContactId}");

    public Task<SendOutcome> SendMessageAsync(string externalContactId, string? channelId, JsonNode message, CancellationToken ct)
    {
        var body = new JsonObject
        {
            ["channelId"] = long.TryParse(channelId, CultureInfo.InvariantCulture, out var n) ? n : null,
            ["message"] = message.DeepClone(),
        };
        return PostAsync($"{ContactPath(externalContactId)}/message", body, ct);
    }

    public Task<SendOutcome> AssignAsync(string externalContactId, string? assigneeEmail, CancellationToken ct) =>
        PostAsync($"{ContactPath(externalContactId)}/conversation/assignee", new JsonObject { ["assignee"] = assigneeEmail }, ct);

    public Task<SendOutcome> SetStatusAsync(string externalContactId, bool open, CancellationToken ct) =>
        PostAsync($"{ContactPath(externalContactId)}/conversation/status", new JsonObject { ["status"] = open ? "open" : "close" }, ct);

    public async Task<SendOutcome> PostAsync(string path, JsonNode body, CancellationToken ct)
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
            return new SendOutcome(SendOutcomeKind.Transient, Error: e is TaskCanceledException ? "The provider did not answer in time." : $"Could not reach the provider: {e.Message}");
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            if (response.IsSuccessStatusCode)
            {
                var id = TryJson(text) is { } json ? RioEvent.Str(json, "messageId") ?? RioEvent.Str(json, "contactId") : null;
                return new SendOutcome(SendOutcomeKind.Sent, id);
            }
            var reason = $"{(int)response.StatusCode}: {ErrorMessage(text) ?? response.ReasonPhrase}";
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return new SendOutcome(SendOutcomeKind.RateLimited, Error: reason, RetryAfter: RetryAfter(response));
            }
            return (int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout
                ? new SendOutcome(SendOutcomeKind.Transient, Error: reason)
                : new SendOutcome(SendOutcomeKind.Permanent, Error: reason);
        }
    }

    /// <summary>GETs a list page; throws <see cref="HttpRequestException"/> with the provider's reason on failure.</summary>
    public async Task<RioPage> ListAsync(string path, int limit, string? cursor, CancellationToken ct, HttpMethod? method = null, JsonNode? body = null)
    {
        var query = $"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}limit={limit}{(cursor is null ? "" : $"&cursorId={Uri.EscapeDataString(cursor)}")}";
        using var request = Request(method ?? HttpMethod.Get, query);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }
        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Respond.io answered {(int)response.StatusCode}: {ErrorMessage(text) ?? response.ReasonPhrase}", null, response.StatusCode);
        }
        var root = TryJson(text) ?? throw new HttpRequestException("Respond.io answered with something that is not JSON.");
        var items = root.TryGetProperty("items", out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().Select(i => i.Clone()).ToList() : [];
        var next = root.TryGetProperty("pagination", out var p) ? RioEvent.Str(p, "next") : null;
        return new RioPage(items, CursorOf(next));
    }

    /// <summary>The <c>cursorId</c> inside a <c>pagination.next</c> URL; null when there is no next page.</summary>
    public static string? CursorOf(string? next)
    {
        if (string.IsNullOrWhiteSpace(next) || !Uri.TryCreate(next, UriKind.Absolute, out var uri))
        {
            return null;
        }
        var pair = uri.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).FirstOrDefault(p => p[0] == "cursorId");
        return pair is { Length: 2 } ? Uri.UnescapeDataString(pair[1]) : null;
    }

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        var settings = connection.Current;
        var request = new HttpRequestMessage(method, new Uri(new Uri(settings.BaseUrl.TrimEnd('/') + "/"), path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.ApiToken ?? "");
        return request;
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter?.Delta is { } delta)
        {
            return delta;
        }
        return response.Headers.RetryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : null;
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

    private static string? ErrorMessage(string text) => TryJson(text) is { ValueKind: JsonValueKind.Object } json ? RioEvent.Str(json, "message") : text.Length is > 0 and < 300 ? text : null;
}
