using System.Net;
using System.Text;

namespace LeadAgent.Tests.Security;

/// <summary>
/// Sends malformed requests and collects every one that did not get a 400 problem naming the expected field, so one
/// run reports all of them.
/// </summary>
public sealed class BadRequests(HttpClient client)
{
    private readonly List<string> _failures = [];

    public Task GetAsync(string url, string field) => SendAsync(new HttpRequestMessage(HttpMethod.Get, url), field);

    public Task PostAsync(string url, string json, string field) => SendAsync(Json(HttpMethod.Post, url, json), field);

    public Task PutAsync(string url, string json, string field) => SendAsync(Json(HttpMethod.Put, url, json), field);

    public async Task SendAsync(HttpRequestMessage request, string field)
    {
        var what = $"{request.Method} {request.RequestUri} {Body(request)}";
        var response = await client.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        if (response.StatusCode != HttpStatusCode.BadRequest
            || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            _failures.Add($"{what} → {(int)response.StatusCode} {Cut(text)}");
            return;
        }
        var problem = System.Text.Json.JsonDocument.Parse(text).RootElement;
        if (!problem.TryGetProperty("errors", out var errors) || !errors.TryGetProperty(field, out _))
        {
            _failures.Add($"{what} → 400 without an error on '{field}': {Cut(text)}");
        }
    }

    public void AssertAll() => Assert.True(_failures.Count == 0, string.Join("\n", _failures));

    private static HttpRequestMessage Json(HttpMethod method, string url, string json) =>
        new(method, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private static string Body(HttpRequestMessage request) =>
        request.Content is StringContent s ? Cut(s.ReadAsStringAsync().Result) : "";

    private static string Cut(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
