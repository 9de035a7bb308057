using System.Globalization;
using System.Text.Json;
using LeadAgent.Web.Features.Inbox.Conversations;

namespace LeadAgent.Web.Features.Inbox.Providers.RespondIo;

/// <summary>
/// Reads Respond.io webhook bodies (and list items of its API) into the inbox's model, defensively: ids may be numbers
/// or strings, timestamps seconds or milliseconds, and anything missing is left empty rather than guessed.
/// </summary>
public static class RespondIoPayload
{
    public static InboundEvent Parse(string eventType, string body)
    {
        var root = JsonDocument.Parse(body).RootElement.Clone();
        var contact = root.TryGetProperty("contact", out var c) && c.ValueKind == JsonValueKind.Object
            ? ParseContact(c)
            : null;
        var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.Object
            ? ParseMessage(m)
            : null;
        var channel = root.TryGetProperty("channel", out var ch) && ch.ValueKind == JsonValueKind.Object
            && Str(ch, "id") is { } chId
            ? Channel(chId, Str(ch, "name"), Str(ch, "source"))
            : null;
        var details = root.TryGetProperty("conversation", out var cv) && cv.ValueKind == JsonValueKind.Object
            ? cv
            : default;
        var closing = eventType == "conversation.closed";
        var summary = new[] { Str(details, "category"), Str(details, "summary") }.Where(s => s is not null);
        return new InboundEvent(eventType, KindOf(eventType), contact, message, channel)
        {
            Backfill = root.TryGetProperty("backfill", out var backfill) && backfill.ValueKind == JsonValueKind.True,
            Assignee = contact?.Assignee ?? User(root, "assignee"),
            Lifecycle = Str(root, "lifecycle") ?? contact?.Lifecycle,
            OldLifecycle = Str(root, "oldLifecycle"),
            Tag = Str(root, "tag"),
            TagRemoved = Str(root, "action") == "remove",
            StatusAt = Time(details, closing ? "closedTime" : "openedTime"),
            StatusBy = closing
                ? User(details, "closedBy")?.Name ?? Str(details, "closedBySource")
                : Str(details, "openedBySource"),
            CloseSummary = closing ? string.Join(": ", summary) : null,
        };
    }

    private static InboundKind KindOf(string eventType) => eventType switch
    {
        "message.received" => InboundKind.MessageReceived,
        "message.sent" => InboundKind.MessageSent,
        "contact.created" or "contact.updated" => InboundKind.ContactChanged,
        "contact.assignee.updated" => InboundKind.AssigneeChanged,
        "contact.lifecycle.updated" => InboundKind.LifecycleChanged,
        "contact.tag.updated" => InboundKind.TagChanged,
        "conversation.opened" => InboundKind.ConversationOpened,
        "conversation.closed" => InboundKind.ConversationClosed,
        _ => InboundKind.Other,
    };

    public static InboundChannel Channel(string id, string? name, string? source) =>
        new(id, name ?? $"Channel {id}", source ?? "other", KindOfSource(source));

    /// <summary>Maps a Respond.io source defensively: anything with "whatsapp" is WhatsApp, gmail/other_email
    /// e-mail.</summary>
    public static ChannelKind KindOfSource(string? source)
    {
        var s = (source ?? "").ToLowerInvariant();
        return s.Contains("whatsapp", StringComparison.Ordinal) ? ChannelKind.WhatsApp
            : s == "instagram" ? ChannelKind.Instagram
            : s is "facebook" or "messenger" ? ChannelKind.Facebook
            : s is "gmail" or "other_email" or "email" ? ChannelKind.Email
            : ChannelKind.Other;
    }

    private static InboundContact? ParseContact(JsonElement c) => Str(c, "id") is { } id
        ? new InboundContact(id, Str(c, "firstName"), Str(c, "lastName"), Str(c, "phone"), Str(c, "email"),
            Str(c, "countryCode"), User(c, "assignee"), Str(c, "lifecycle"))
        : null;

    public static InboundUser? User(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var a)
        && a.ValueKind == JsonValueKind.Object && (Str(a, "id") ?? Str(a, "email")) is not null
            ? new InboundUser(Str(a, "id"), Str(a, "firstName"), Str(a, "lastName"), Str(a, "email"))
            : null;

    public static InboundMessage? ParseMessage(JsonElement m)
    {
        if (Str(m, "messageId") is not { } id)
        {
            return null;
        }
        var body = m.TryGetProperty("message", out var b) && b.ValueKind == JsonValueKind.Object ? b : default;
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
            : null;
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
        new(Str(a, "type") ?? "file", Str(a, "url"), Str(a, "fileName"), Str(a, "mime"),
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

    /// <summary>A string or number property as text; null when absent, null or empty.</summary>
    public static string? Str(JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v))
        {
            return null;
        }
        var s = v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(s) ? null : s;
    }

    /// <summary>Unix time in seconds or milliseconds (a value below 1e11 is seconds), or an ISO date.</summary>
    public static DateTime? Time(JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v))
        {
            return null;
        }
        if (v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var n) && n > 0)
        {
            var ms = n < 1e11 ? n * 1000 : n;
            return ms < 253402300799000 ? DateTime.UnixEpoch.AddMilliseconds(ms) : null;
        }
        return v.ValueKind == JsonValueKind.String && DateTime.TryParse(v.GetString(), CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var d) ? d : null;
    }
}
