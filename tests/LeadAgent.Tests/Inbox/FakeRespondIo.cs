using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LeadAgent.Web.Features.Inbox.Providers.RespondIo;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LeadAgent.Tests.Inbox;

/// <summary>What the fake does with the next matching request instead of (or after) handling it normally.</summary>
public enum Fault { RateLimit, ServerError, Timeout, BadRequest, AcceptThenServerError, AcceptThenTimeout }

/// <summary>
/// A local Respond.io Developer API v2 on loopback (real HTTP, documented wire format: respondio.md §1): contacts'
/// messages (send, list newest first with cursor pagination), assignee and status, workspace channels and WhatsApp
/// templates. Faults are queued per contact and route, so one test's faults never reach another test's sends: 429
/// with Retry-After, 5xx, timeouts, 400 with the provider's reason, and "accepted then failed" (the message is
/// recorded, but the caller sees an error or no answer). It also signs and delivers webhooks the way Respond.io does.
/// Message times come from the given clock (the app's, when it runs on fake time).
/// </summary>
public sealed class FakeRespondIo : IAsyncDisposable
{
    public const string Token = "fake-respondio-token";

    private readonly WebApplication _app;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<(string Contact, string Route), ConcurrentQueue<Fault>> _faults = new();
    private readonly ConcurrentDictionary<string, int> _attempts = new();
    private long _nextId = 1_700_000_000_000_000;

    public sealed record Sent(long MessageId, string ContactIdentifier, long? ChannelId, JsonObject Message,
        DateTimeOffset At);

    public ConcurrentQueue<Sent> Messages { get; } = new();
    public ConcurrentQueue<(string Identifier, string Path, JsonNode? Body)> Commands { get; } = new();
    public List<JsonObject> Channels { get; } = [];
    /// <summary>The workspace's contacts, as <c>POST /contact/list</c> returns them.</summary>
    public List<JsonObject> Contacts { get; } = [];
    /// <summary>Earlier messages per contact identifier (<c>id:123</c>), listed with the ones sent through the
    /// API.</summary>
    public ConcurrentDictionary<string, List<JsonObject>> History { get; } = new();
    public Dictionary<string, List<JsonObject>> Templates { get; } = [];
    public TimeSpan TimeoutDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The API base URL, e.g. http://127.0.0.1:41234/v2 (what <c>RespondIo:BaseUrl</c> points at).</summary>
    public string Url { get; private set; } = "";

    private FakeRespondIo(WebApplication app, TimeProvider time) => (_app, _time) = (app, time);

    public static async Task<FakeRespondIo> StartAsync(TimeProvider? time = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeRespondIo(app, time ?? TimeProvider.System);
        fake.Map(app);
        await app.StartAsync();
        fake.Url = app.Urls.First() + "/v2";
        return fake;
    }

    /// <summary>The identifier the API uses for a contact (<c>id:123</c>).</summary>
    public static string Identifier(long contactId) => $"id:{contactId}";

    /// <summary>Queues faults for the next requests of one contact on a route (<c>message</c>).</summary>
    public void Inject(string contact, string route, Fault fault, int times = 1)
    {
        var queue = _faults.GetOrAdd((contact, route), _ => new ConcurrentQueue<Fault>());
        for (var i = 0; i < times; i++)
        {
            queue.Enqueue(fault);
        }
    }

    /// <summary>How many sends were attempted for the contact (including refused and faulted ones).</summary>
    public int SendAttempts(string contact) => _attempts.GetValueOrDefault(contact);

    private Fault? TakeFault(string contact, string route) =>
        _faults.TryGetValue((contact, route), out var queue) && queue.TryDequeue(out var fault) ? fault : null;

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.Request.Headers.Authorization != $"Bearer {Token}")
            {
                await Error(context, 401, "UN_AUTHORIZED");
                return;
            }
            await next();
        });
        app.MapPost("/v2/contact/{identifier}/message", SendAsync);
        app.MapGet("/v2/contact/{identifier}/message/list", (HttpContext context, string identifier, int? limit,
            string? cursorId) =>
        {
            var all = Messages.Where(m => m.ContactIdentifier == identifier).Select(ToMessage)
                .Concat(History.GetValueOrDefault(identifier, []).Select(h => (JsonNode)h.DeepClone()))
                .OrderByDescending(m => m!["messageId"]!.GetValue<long>()).ToList();
            return Paged(context, all, limit ?? 20, cursorId);
        });
        app.MapPost("/v2/contact/list", (HttpContext context, int? limit, string? cursorId) =>
            Paged(context, Contacts.Cast<JsonNode>().ToList(), limit ?? 10, cursorId));
        app.MapPost("/v2/contact/{identifier}/conversation/assignee", (HttpContext c, string identifier) =>
            CommandAsync(c, identifier, "assignee"));
        app.MapPost("/v2/contact/{identifier}/conversation/status", (HttpContext c, string identifier) =>
            CommandAsync(c, identifier, "status"));
        app.MapGet("/v2/space/channel", (HttpContext context, int? limit, string? cursorId) =>
            Paged(context, Channels.Cast<JsonNode>().ToList(), limit ?? 10, cursorId));
        app.MapGet("/v2/space/channel/{id}/template", (HttpContext context, string id, int? limit, string? cursorId) =>
            Paged(context, Templates.GetValueOrDefault(id, []).Cast<JsonNode>().ToList(), limit ?? 10, cursorId));
    }

    private async Task SendAsync(HttpContext context, string identifier)
    {
        _attempts.AddOrUpdate(identifier, 1, (_, n) => n + 1);
        var body = await JsonNode.ParseAsync(context.Request.Body);
        var fault = TakeFault(identifier, "message");
        switch (fault)
        {
            case Fault.RateLimit:
                context.Response.Headers.RetryAfter = "1";
                await Error(context, 429, "Too many requests");
                return;
            case Fault.ServerError:
                await Error(context, 502, "Bad gateway");
                return;
            case Fault.Timeout:
                await Task.Delay(TimeoutDelay, context.RequestAborted).ContinueWith(_ => { });
                return;
            case Fault.BadRequest:
                await Error(context, 400, "Message text is not allowed outside the 24 hour window (131047)");
                return;
        }
        var message = body?["message"] as JsonObject;
        if (message?["type"] is null)
        {
            await Error(context, 400, "message.type is required");
            return;
        }
        var id = Interlocked.Increment(ref _nextId);
        var channelId = body?["channelId"]?.GetValue<long?>();
        Messages.Enqueue(new Sent(id, identifier, channelId, (JsonObject)message.DeepClone(), _time.GetUtcNow()));
        if (fault == Fault.AcceptThenServerError)
        {
            await Error(context, 503, "Upstream hiccup");
            return;
        }
        if (fault == Fault.AcceptThenTimeout)
        {
            await Task.Delay(TimeoutDelay, context.RequestAborted).ContinueWith(_ => { });
            return;
        }
        await context.Response.WriteAsJsonAsync(new { messageId = id });
    }

    private async Task CommandAsync(HttpContext context, string identifier, string path)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body);
        Commands.Enqueue((identifier, path, body));
        await context.Response.WriteAsJsonAsync(new { contactId = identifier });
    }

    private JsonNode ToMessage(Sent m) => new JsonObject
    {
        ["messageId"] = m.MessageId,
        ["channelMessageId"] = $"wamid.{m.MessageId}",
        ["contactId"] = m.ContactIdentifier.Replace("id:", "", StringComparison.Ordinal),
        ["channelId"] = m.ChannelId,
        ["traffic"] = "outgoing",
        ["message"] = m.Message.DeepClone(),
        ["status"] = new JsonArray(new JsonObject
        {
            ["value"] = "sent",
            ["timestamp"] = m.At
            .ToUnixTimeMilliseconds()
        }),
        ["sender"] = new JsonObject { ["source"] = "api" },
    };

    private IResult Paged(HttpContext context, List<JsonNode> all, int limit, string? cursorId)
    {
        var start = int.TryParse(cursorId, out var c) ? c : 0;
        var items = all.Skip(start).Take(limit).Select(n => n.DeepClone()).ToList();
        var path = context.Request.Path.Value;
        var next = start + limit < all.Count
            ? $"{Url.Replace("/v2", "", StringComparison.Ordinal)}{path}?limit={limit}&cursorId={start + limit}" : "";
        return Results.Json(new JsonObject
        {
            ["items"] = new JsonArray([.. items]),
            ["pagination"] =
            new JsonObject { ["next"] = next, ["previous"] = "" }
        });
    }

    private static async Task Error(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(new { code = status, message });
    }

    /// <summary>Delivers a webhook body to the app, signed with the key like Respond.io does.</summary>
    public static async Task<HttpResponseMessage> DeliverAsync(HttpClient app, string body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/respondio")
        {
            Content =
            new StringContent(body, Encoding.UTF8, "application/json")
        };
        request.Headers.Add(RespondIoWebhookEndpoint.SignatureHeader, WebhookSignature
            .Sign(Encoding.UTF8.GetBytes(body), key));
        return await app.SendAsync(request);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
