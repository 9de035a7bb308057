using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LeadAgent.Web.Features.Inbox.Providers.RespondIo;

/// <summary>
/// Lists an existing Respond.io workspace's history: the contacts (<c>POST /contact/list</c>) and each one's recent
/// messages (<c>GET /contact/{id}/message/list</c>, cursor pagination), each message as a
/// <c>message.received</c>/<c>message.sent</c> webhook body with the id <c>backfill:{messageId}</c> and
/// <c>"backfill": true</c>, so storing it twice — or next to live webhooks — keeps one.
/// </summary>
internal static class RespondIoBackfill
{
    public static async IAsyncEnumerable<BackfillContact> RunAsync(RespondIoClient client, int maxContacts,
        int perContact, [EnumeratorCancellation] CancellationToken ct)
    {
        var channels = new Dictionary<string, JsonNode>();
        await foreach (var item in PagesAsync(client, "space/channel", 100, int.MaxValue, null, ct))
        {
            if (RespondIoPayload.Str(item, "id") is { } id)
            {
                channels[id] = new JsonObject
                {
                    ["id"] = JsonNode.Parse(item.GetProperty("id").GetRawText()),
                    ["name"] = RespondIoPayload.Str(item, "name"),
                    ["source"] = RespondIoPayload.Str(item, "source"),
                };
            }
        }
        var contacts = new List<JsonElement>();
        var search = new JsonObject
        {
            ["search"] = "",
            ["timezone"] = "UTC",
            ["filter"] = new JsonObject { ["$and"] = new JsonArray() },
        };
        await foreach (var contact in PagesAsync(client, "contact/list", 100, maxContacts, search, ct))
        {
            contacts.Add(contact);
        }
        foreach (var contact in contacts)
        {
            if (RespondIoPayload.Str(contact, "id") is not { } contactId)
            {
                yield return new BackfillContact(0, []);
                continue;
            }
            var history = new List<JsonElement>();
            var path = $"{RespondIoClient.ContactPath(contactId)}/message/list";
            await foreach (var message in PagesAsync(client, path, 50, perContact, null, ct))
            {
                history.Add(message);
            }
            // Oldest first, so the conversation's state ends where the history does.
            var events = history.AsEnumerable().Reverse().Select(m => Event(contact, m, channels))
                .OfType<RawEvent>().ToList();
            yield return new BackfillContact(history.Count, events);
        }
    }

    private static RawEvent? Event(JsonElement contact, JsonElement message, Dictionary<string, JsonNode> channels)
    {
        if (RespondIoPayload.Str(message, "messageId") is not { } id)
        {
            return null;
        }
        var incoming = RespondIoPayload.Str(message, "traffic") != "outgoing";
        var channelId = RespondIoPayload.Str(message, "channelId");
        var type = incoming ? "message.received" : "message.sent";
        var body = new JsonObject
        {
            ["event_id"] = $"backfill:{id}",
            ["event_type"] = type,
            ["backfill"] = true,
            ["contact"] = JsonNode.Parse(contact.GetRawText()),
            ["message"] = JsonNode.Parse(message.GetRawText()),
            ["channel"] = channelId is not null && channels.TryGetValue(channelId, out var channel)
                ? channel.DeepClone()
                : null,
        };
        return new RawEvent($"backfill:{id}", type, body.ToJsonString());
    }

    /// <summary>Every item of a list endpoint up to <paramref name="max"/>, page by page (POST when given a
    /// body).</summary>
    public static async IAsyncEnumerable<JsonElement> PagesAsync(RespondIoClient client, string path, int pageSize,
        int max, JsonNode? body, [EnumeratorCancellation] CancellationToken ct)
    {
        string? cursor = null;
        var seen = 0;
        do
        {
            var page = await client.ListAsync(path, Math.Min(pageSize, max - seen), cursor, ct,
                body is null ? null : HttpMethod.Post, body);
            foreach (var item in page.Items.Take(max - seen))
            {
                yield return item;
                seen++;
            }
            cursor = page.NextCursor;
        }
        while (cursor is not null && seen < max);
    }
}
