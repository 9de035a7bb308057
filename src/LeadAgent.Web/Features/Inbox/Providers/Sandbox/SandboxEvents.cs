using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LeadAgent.Web.Features.Inbox.Conversations;

namespace LeadAgent.Web.Features.Inbox.Providers.Sandbox;

/// <summary>
/// The sandbox's event format: a <c>message.received</c> body shaped like a Respond.io webhook (contact, message,
/// channel), the shape sandbox events have always been stored in, so stored ones stay readable.
/// </summary>
public static class SandboxEvents
{
    public const string Received = "message.received";

    /// <summary>Who the user plays: a name, and the number or address the channel needs.</summary>
    public sealed record SandboxSender(string Name, string? Phone, string? Email);

    /// <summary>The sender's stable id on a channel: a hash of the channel and their number, address or name.</summary>
    public static string ContactId(ChannelKind channel, string identity) => "sbx" + Convert.ToHexString(
        SHA256.HashData(Encoding.UTF8.GetBytes($"{channel}:{identity.ToLowerInvariant()}")))[..12].ToLowerInvariant();

    /// <summary>A customer's message as a stored event body.</summary>
    public static JsonObject Message(string eventId, string contactId, ChannelKind channel, SandboxSender sender,
        string text, string? subject, DateTimeOffset now)
    {
        var name = sender.Name;
        var parts = name.Split(' ', 2);
        var channelId = $"sandbox-{channel.ToString().ToLowerInvariant()}";
        return new JsonObject
        {
            ["event_id"] = eventId,
            ["event_type"] = Received,
            ["contact"] = new JsonObject
            {
                ["id"] = contactId,
                ["firstName"] = parts[0],
                ["lastName"] = parts.Length > 1 ? parts[1] : null,
                ["phone"] = sender.Phone,
                ["email"] = sender.Email,
                ["status"] = "open",
            },
            ["message"] = new JsonObject
            {
                ["messageId"] = $"sbx-in-{Guid.NewGuid():N}",
                ["contactId"] = contactId,
                ["channelId"] = channelId,
                ["traffic"] = "incoming",
                ["message"] = channel == ChannelKind.Email
                    ? new JsonObject { ["type"] = "email", ["text"] = text, ["subject"] = subject }
                    : new JsonObject { ["type"] = "text", ["text"] = text },
                ["timestamp"] = now.ToUnixTimeMilliseconds(),
            },
            ["channel"] = new JsonObject
            {
                ["id"] = channelId,
                ["name"] = $"Sandbox {channel}",
                ["source"] = channel switch
                {
                    ChannelKind.WhatsApp => "whatsapp",
                    ChannelKind.Email => "other_email",
                    _ => channel.ToString().ToLowerInvariant(),
                },
            },
        };
    }

    public static InboundEvent Parse(string eventType, string body)
    {
        var root = JsonNode.Parse(body) as JsonObject ?? throw new FormatException("A sandbox event is a JSON object.");
        var c = root["contact"] as JsonObject;
        var contact = c is null || Str(c["id"]) is not { } contactId ? null : new InboundContact(contactId,
            Str(c["firstName"]), Str(c["lastName"]), Str(c["phone"]), Str(c["email"]), null, null, null);
        var m = root["message"] as JsonObject;
        var content = m?["message"] as JsonObject;
        var message = m is null || Str(m["messageId"]) is not { } id ? null : new InboundMessage(id, null,
            Str(m["channelId"]), Str(m["traffic"]) != "outgoing", Str(content?["type"]) ?? "text",
            Str(content?["text"]), Str(content?["subject"]), [],
            m["timestamp"]?.GetValue<long>() is { } ms ? DateTime.UnixEpoch.AddMilliseconds(ms) : null, null, null,
                null);
        var ch = root["channel"] as JsonObject;
        var channel = ch is null || Str(ch["id"]) is not { } channelId ? null
            : new InboundChannel(channelId, Str(ch["name"]) ?? channelId, Str(ch["source"]) ?? "other",
                KindOf(Str(ch["source"])));
        var kind = eventType == Received ? InboundKind.MessageReceived : InboundKind.Other;
        return new InboundEvent(eventType, kind, contact, message, channel);
    }

    private static ChannelKind KindOf(string? source) => source switch
    {
        "whatsapp" => ChannelKind.WhatsApp,
        "instagram" => ChannelKind.Instagram,
        "facebook" => ChannelKind.Facebook,
        "other_email" => ChannelKind.Email,
        _ => ChannelKind.Other,
    };

    private static string? Str(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s : null;
}
