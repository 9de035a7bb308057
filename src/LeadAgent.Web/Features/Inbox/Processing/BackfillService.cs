using System.Text.Json;
using System.Text.Json.Nodes;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Inbox.Sending;
using LeadAgent.Web.Features.Inbox.Settings;
using LeadAgent.Web.Features.Inbox.Webhooks;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Inbox.Processing;

public sealed record BackfillInput(int? Contacts = null, int? MessagesPerContact = null);

public sealed record BackfillResult(int Contacts, int Messages, int Queued, int AlreadyKnown);

/// <summary>
/// Brings an existing Respond.io workspace's history in: pages through the contacts (<c>POST /contact/list</c>) and each
/// one's recent messages (<c>GET /contact/{id}/message/list</c>, cursor pagination) and queues every message as a
/// <c>message.received</c>/<c>message.sent</c> event with the id <c>backfill:{messageId}</c>. The normal processing then
/// matches senders and stores messages, so a backfill run twice — or overlapping live webhooks — stores nothing twice.
/// History does not count as unread.
/// </summary>
public sealed class BackfillService(RespondIoConnection connection, IHttpClientFactory http, IDbContextFactory<AppDbContext> dbFactory,
    InboxSignal signal, TimeProvider time)
{
    public async Task<BackfillResult> RunAsync(BackfillInput input, CancellationToken ct = default)
    {
        await using (var check = await dbFactory.CreateDbContextAsync(ct))
        {
            await check.RequireAdminAsync();
        }
        var errors = new Errors();
        var maxContacts = input.Contacts ?? 1000;
        var perContact = input.MessagesPerContact ?? 100;
        if (maxContacts is < 1 or > 100_000)
        {
            errors.Add("contacts", "Between 1 and 100,000.");
        }
        if (perContact is < 1 or > 10_000)
        {
            errors.Add("messagesPerContact", "Between 1 and 10,000.");
        }
        errors.ThrowIfAny();
        if (!connection.Current.CanCallApi)
        {
            throw new ConflictException("Respond.io is not connected: add the API token under Settings → Inbox first.");
        }
        var client = new RespondIoClient(http.CreateClient(RespondIoClient.HttpClientName), connection);
        var channels = new Dictionary<string, JsonNode>();
        await ForEachAsync(client, "space/channel", 100, int.MaxValue, null, item =>
        {
            if (RioEvent.Str(item, "id") is { } id)
            {
                channels[id] = new JsonObject { ["id"] = JsonNode.Parse(item.GetProperty("id").GetRawText()), ["name"] = RioEvent.Str(item, "name"), ["source"] = RioEvent.Str(item, "source") };
            }
        }, ct);

        var contacts = new List<JsonElement>();
        var search = new JsonObject { ["search"] = "", ["timezone"] = "UTC", ["filter"] = new JsonObject { ["$and"] = new JsonArray() } };
        await ForEachAsync(client, "contact/list", 100, maxContacts, search, contacts.Add, ct);

        var (messages, queued, known) = (0, 0, 0);
        foreach (var contact in contacts)
        {
            if (RioEvent.Str(contact, "id") is not { } contactId)
            {
                continue;
            }
            var history = new List<JsonElement>();
            await ForEachAsync(client, $"{RespondIoClient.ContactPath(contactId)}/message/list", 50, perContact, null, history.Add, ct);
            messages += history.Count;
            // Oldest first, so the conversation's state ends where the history does.
            var events = history.AsEnumerable().Reverse().Select(m => Event(contact, m, channels)).Where(e => e is not null).Select(e => e!).ToList();
            var (added, already) = await StoreAsync(events, ct);
            (queued, known) = (queued + added, known + already);
        }
        signal.Notify();
        return new BackfillResult(contacts.Count, messages, queued, known);
    }

    private static WebhookEvent? Event(JsonElement contact, JsonElement message, Dictionary<string, JsonNode> channels)
    {
        if (RioEvent.Str(message, "messageId") is not { } id)
        {
            return null;
        }
        var incoming = RioEvent.Str(message, "traffic") != "outgoing";
        var channelId = RioEvent.Str(message, "channelId");
        var body = new JsonObject
        {
            ["event_id"] = $"backfill:{id}",
            ["event_type"] = incoming ? "message.received" : "message.sent",
            ["backfill"] = true,
            ["contact"] = JsonNode.Parse(contact.GetRawText()),
            ["message"] = JsonNode.Parse(message.GetRawText()),
            ["channel"] = channelId is not null && channels.TryGetValue(channelId, out var channel) ? channel.DeepClone() : null,
        };
        return new WebhookEvent
        {
            Provider = RespondIoWebhookEndpoint.Provider,
            EventId = $"backfill:{id}",
            EventType = incoming ? "message.received" : "message.sent",
            Body = body.ToJsonString(),
            Status = WebhookEventStatus.Received,
        };
    }

    private async Task<(int Added, int Known)> StoreAsync(List<WebhookEvent> events, CancellationToken ct)
    {
        if (events.Count == 0)
        {
            return (0, 0);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = events.Select(e => e.EventId!).ToList();
        var known = await db.WebhookEvents.Where(e => e.Provider == RespondIoWebhookEndpoint.Provider && ids.Contains(e.EventId!)).Select(e => e.EventId!).ToListAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var fresh = events.Where(e => !known.Contains(e.EventId!)).DistinctBy(e => e.EventId).ToList();
        foreach (var e in fresh)
        {
            e.ReceivedAt = now;
        }
        db.WebhookEvents.AddRange(fresh);
        await db.SaveChangesAsync(ct);
        return (fresh.Count, known.Count);
    }

    private static async Task ForEachAsync(RespondIoClient client, string path, int pageSize, int max, JsonNode? body, Action<JsonElement> each, CancellationToken ct)
    {
        string? cursor = null;
        var seen = 0;
        do
        {
            var page = await client.ListAsync(path, Math.Min(pageSize, max - seen), cursor, ct, body is null ? null : HttpMethod.Post, body);
            foreach (var item in page.Items.Take(max - seen))
            {
                each(item);
                seen++;
            }
            cursor = page.NextCursor;
        }
        while (cursor is not null && seen < max);
    }
}
