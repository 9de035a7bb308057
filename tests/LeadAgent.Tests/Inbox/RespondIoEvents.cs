using System.Text.Json.Nodes;

namespace LeadAgent.Tests.Inbox;

/// <summary>Webhook bodies in Respond.io's wire format (respondio.md §2.3), with the fields tests vary.</summary>
public static class RespondIoEvents
{
    public sealed record Sender(long Id, string FirstName, string? LastName = null, string? Phone = null,
        string? Email = null, string Country = "DE");

    public sealed record Chan(long Id, string Name, string Source);

    public static readonly Chan WhatsApp = new(12, "WhatsApp Sales", "whatsapp_cloud");
    public static readonly Chan Instagram = new(13, "Instagram", "instagram");
    public static readonly Chan Mail = new(14, "Sales mailbox", "gmail");

    private static long _ids = 90_000_000;

    public static long NextMessageId() => Interlocked.Increment(ref _ids);

    public static JsonObject Contact(Sender s) => new()
    {
        ["id"] = s.Id,
        ["firstName"] = s.FirstName,
        ["lastName"] = s.LastName,
        ["phone"] = s.Phone,
        ["email"] = s.Email,
        ["language"] = "de",
        ["profilePic"] = null,
        ["countryCode"] = s.Country,
        ["status"] = "open",
        ["assignee"] = null,
        ["lifecycle"] = "New",
        ["tags"] = new JsonArray(),
        ["created_at"] = 1732400000,
    };

    private static JsonObject ChannelJson(Chan c) => new()
    {
        ["id"] = c.Id,
        ["name"] = c.Name,
        ["source"] = c.Source,
        ["meta"] = "{}",
        ["created_at"] = 1700000000
    };

    public static string Received(Sender s, string text, Chan? channel = null, long? messageId = null,
        DateTimeOffset? at = null, string? eventId = null)
    {
        var c = channel ?? WhatsApp;
        return new JsonObject
        {
            ["event_id"] = eventId ?? Guid.NewGuid().ToString(),
            ["event_type"] = "message.received",
            ["contact"] = Contact(s),
            ["message"] = new JsonObject
            {
                ["messageId"] = messageId ?? NextMessageId(),
                ["channelMessageId"] = $"wamid.{Guid.NewGuid():N}",
                ["contactId"] = s.Id,
                ["channelId"] = c.Id,
                ["traffic"] = "incoming",
                ["message"] = new JsonObject { ["type"] = "text", ["text"] = text },
                ["timestamp"] = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds(),
                ["status"] = new JsonArray(),
            },
            ["channel"] = ChannelJson(c),
        }.ToJsonString();
    }

    public static string Attachment(Sender s, string url, string fileName, long size)
    {
        var body = JsonNode.Parse(Received(s, "x"))!.AsObject();
        body["message"]!["message"] = new JsonObject
        {
            ["type"] = "attachment",
            ["attachment"] = new JsonObject
            {
                ["type"] = "file",
                ["url"] = url,
                ["fileName"] = fileName,
                ["ext"] = "pdf",
                ["size"] = size,
                ["mime"] = "application/pdf",
                ["isPending"] = false
            },
        };
        return body.ToJsonString();
    }

    public static string Sent(Sender s, long messageId, string text, string source = "user", Chan? channel = null,
        params string[] statuses)
    {
        var c = channel ?? WhatsApp;
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        return new JsonObject
        {
            ["event_id"] = Guid.NewGuid().ToString(),
            ["event_type"] = "message.sent",
            ["contact"] = Contact(s),
            ["message"] = new JsonObject
            {
                ["messageId"] = messageId,
                ["channelMessageId"] = $"wamid.{messageId}",
                ["contactId"] = s.Id,
                ["channelId"] = c.Id,
                ["traffic"] = "outgoing",
                ["message"] = new JsonObject { ["type"] = "text", ["text"] = text },
                ["timestamp"] = now / 1000,
                ["status"] =
                    new JsonArray([.. statuses.Select(v => (JsonNode)new JsonObject { ["value"] = v, ["timestamp"] =
                    now, ["message"] = v == "failed" ? "Re-engagement message (131047)" : null })]),
                ["sender"] = new JsonObject { ["source"] = source },
            },
            ["channel"] = ChannelJson(c),
        }.ToJsonString();
    }

    public static string ContactEvent(string type, Sender s, Action<JsonObject>? extra = null)
    {
        var body = new JsonObject
        {
            ["event_id"] = Guid.NewGuid().ToString(),
            ["event_type"] = type,
            ["contact"] =
            Contact(s)
        };
        extra?.Invoke(body);
        return body.ToJsonString();
    }
}
