using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LeadAgent.Web.Features.Inbox.Conversations;

namespace LeadAgent.Web.Features.Inbox.Providers.RespondIo;

/// <summary>Message objects of webhooks and of the API: text, attachments, delivery status, sender and the key that
/// dedupes them.</summary>
public static partial class RespondIoPayload
{
    /// <summary>
    /// A message object of a webhook or of the API's message list; <paramref name="topSender"/> is a <c>sender</c>
    /// given beside the message. Null when it carries neither an id nor a body.
    /// </summary>
    public static InboundMessage? ParseMessage(JsonElement m, JsonElement topSender = default)
    {
        var body = m.TryGetProperty("message", out var b) && b.ValueKind == JsonValueKind.Object ? b : default;
        if (MessageKey(m, body) is not { } id)
        {
            return null;
        }
        var isObject = body.ValueKind == JsonValueKind.Object;
        var type = isObject ? Str(body, "type") ?? "unknown" : "unknown";
        var text = isObject ? Str(body, "text") ?? Str(body, "message") : null;
        var attachments = new List<Attachment>();
        if (isObject && body.TryGetProperty("attachment", out var a) && a.ValueKind == JsonValueKind.Object)
        {
            attachments.Add(ParseAttachment(a));
        }
        if (isObject && body.TryGetProperty("attachments", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            attachments.AddRange(list.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.Object)
                .Select(ParseAttachment));
        }
        if (type == "whatsapp_template" && text is null && HasTemplate(body, out var name))
        {
            text = $"[template {name}]";
        }
        if (text is null && attachments.Count == 0)
        {
            // Locations, story replies, unsupported types: say what arrived rather than show nothing.
            text = $"[{type.Replace('_', ' ')}]";
        }
        var (status, statusAt, error) = LatestStatus(m);
        var at = Time(m, "timestamp") ?? statusAt;
        var sender = m.TryGetProperty("sender", out var s) && s.ValueKind == JsonValueKind.Object
            ? Str(s, "source")
            : Str(topSender, "source");
        return new InboundMessage(id, Str(m, "channelMessageId"), Str(m, "channelId"),
            Str(m, "traffic") != "outgoing", type, text, isObject ? Str(body, "subject") : null, attachments, at,
            status, error, sender);
    }

    /// <summary>Whether a message object carries a template, and the template's name.</summary>
    public static bool HasTemplate(JsonElement body, out string? name)
    {
        var found = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("template", out var t)
            && t.ValueKind == JsonValueKind.Object;
        name = found ? Str(body.GetProperty("template"), "name") : null;
        return found;
    }

    private static Attachment ParseAttachment(JsonElement a) =>
        new(Str(a, "type") ?? "file", Str(a, "url"), Str(a, "fileName"),
            Str(a, "mime") ?? Str(a, "mimeType"),
            a.TryGetProperty("size", out var size) && size.TryGetInt64(out var n) ? n : null);

    /// <summary>The furthest state in the message's <c>status</c> list (they never go backwards).</summary>
    private static (DeliveryStatus?, DateTime?, string?) LatestStatus(JsonElement m)
    {
        if (!m.TryGetProperty("status", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return (null, null, null);
        }
        (DeliveryStatus? Status, DateTime? At, string? Error) best = (null, null, null);
        DateTime? first = null;
        foreach (var item in list.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.Object))
        {
            var at = Time(item, "timestamp");
            first ??= at;
            DeliveryStatus? value = Str(item, "value") switch
            {
                "pending" => DeliveryStatus.Pending,
                "sent" => DeliveryStatus.Sent,
                "delivered" => DeliveryStatus.Delivered,
                "read" => DeliveryStatus.Read,
                "failed" => DeliveryStatus.Failed,
                _ => null,
            };
            if (value is { } v && (best.Status is null
                || Message.Rank(v) >= Message.Rank(best.Status.Value)))
            {
                best = (v, at, v == DeliveryStatus.Failed ? Str(item, "message") : null);
            }
        }
        return (best.Status, first, best.Error);
    }

    /// <summary>
    /// The message's idempotency key: Respond.io's <c>messageId</c>; without one the channel's own id; without that a
    /// hash of what identifies the message (so a redelivery, even under another event id, maps to the same key).
    /// </summary>
    private static string? MessageKey(JsonElement m, JsonElement body)
    {
        if (Str(m, "messageId") is { } id)
        {
            return id.Length <= MaxKey ? id : "h:" + Hash(id);
        }
        if (Str(m, "channelMessageId") is { } channelId)
        {
            return ("c:" + channelId) is { Length: <= MaxKey } key ? key : "c:" + Hash(channelId);
        }
        if (body.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        var parts = string.Join('\n', Str(m, "contactId"), Str(m, "channelId"), Str(m, "traffic"),
            Str(m, "timestamp"), body.GetRawText());
        return "h:" + Hash(parts);
    }

    // The inbox stores provider message ids in 64 characters.
    private const int MaxKey = 64;

    private static string Hash(string s) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s)))[..40];
}
