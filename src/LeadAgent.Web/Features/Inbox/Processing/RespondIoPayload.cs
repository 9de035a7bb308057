using System.Globalization;
using System.Text.Json;
using LeadAgent.Web.Features.Inbox.Conversations;

namespace LeadAgent.Web.Features.Inbox.Processing;

public sealed record RioUser(string? Id, string? FirstName, string? LastName, string? Email)
{
    public string Name => $"{FirstName} {LastName}".Trim() is { Length: > 0 } n ? n : Email ?? Id ?? "someone";
}

public sealed record RioContact(string Id, string? FirstName, string? LastName, string? Phone, string? Email, string? CountryCode,
    string? Status, RioUser? Assignee, string? Lifecycle, IReadOnlyList<string> Tags)
{
    public string Name => $"{FirstName} {LastName}".Trim() is { Length: > 0 } n ? n : Phone ?? Email ?? $"Contact {Id}";
}

public sealed record RioChannel(string Id, string Name, string Source);

public sealed record RioMessage(string MessageId, string? ChannelMessageId, string? ChannelId, bool Incoming, string Type, string? Text,
    string? Subject, IReadOnlyList<Attachment> Attachments, DateTime? At, DeliveryStatus? Status, string? StatusError, string? SenderSource);

/// <summary>One Respond.io webhook body, read defensively: ids may be numbers or strings, timestamps seconds or milliseconds.</summary>
public sealed record RioEvent(string Type, RioContact? Contact, RioMessage? Message, RioChannel? Channel, JsonElement Root)
{
    public static RioEvent Parse(string eventType, string body)
    {
        var root = JsonDocument.Parse(body).RootElement.Clone();
        var contact = root.TryGetProperty("contact", out var c) && c.ValueKind == JsonValueKind.Object ? ParseContact(c) : null;
        var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.Object ? ParseMessage(m) : null;
        var channel = root.TryGetProperty("channel", out var ch) && ch.ValueKind == JsonValueKind.Object && Str(ch, "id") is { } chId
            ? new RioChannel(chId, Str(ch, "name") ?? $"Channel {chId}", Str(ch, "source") ?? "other")
            : null;
        return new RioEvent(eventType, contact, message, channel, root);
    }

    private static RioContact? ParseContact(JsonElement c)
    {
        if (Str(c, "id") is not { } id)
        {
            return null;
        }
        var tags = c.TryGetProperty("tags", out var t) && t.ValueKind == JsonValueKind.Array
            ? t.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList()
            : [];
        return new RioContact(id, Str(c, "firstName"), Str(c, "lastName"), Str(c, "phone"), Str(c, "email"), Str(c, "countryCode"),
            Str(c, "status"), User(c, "assignee"), Str(c, "lifecycle"), tags);
    }

    public static RioUser? User(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Object && (Str(a, "id") ?? Str(a, "email")) is not null
            ? new RioUser(Str(a, "id"), Str(a, "firstName"), Str(a, "lastName"), Str(a, "email"))
            : null;

    public static RioMessage? ParseMessage(JsonElement m)
    {
        if (Str(m, "messageId") is not { } id)
        {
            return null;
        }
        var body = m.TryGetProperty("message", out var b) && b.ValueKind == JsonValueKind.Object ? b : default;
        var type = body.ValueKind == JsonValueKind.Object ? Str(body, "type") ?? "unknown" : "unknown";
        var text = body.ValueKind == JsonValueKind.Object ? Str(body, "text") ?? Str(body, "message") : null;
        var attachments = new List<Attachment>();
        if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("attachment", out var a) && a.ValueKind == JsonValueKind.Object)
        {
            attachments.Add(ParseAttachment(a));
        }
        if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("attachments", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            attachments.AddRange(list.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.Object).Select(ParseAttachment));
        }
        if (type == "whatsapp_template" && text is null && body.TryGetProperty("template", out var tpl) && tpl.ValueKind == JsonValueKind.Object)
        {
            text = $"[template {Str(tpl, "name")}]";
        }
        if (text is null && attachments.Count == 0)
        {
            // Locations, story replies, unsupported types: say what arrived rather than show nothing.
            text = $"[{type.Replace('_', ' ')}]";
        }
        var (status, statusAt, error) = LatestStatus(m);
        var at = Time(m, "timestamp") ?? statusAt;
        var sender = m.TryGetProperty("sender", out var s) && s.ValueKind == JsonValueKind.Object ? Str(s, "source") : null;
        return new RioMessage(id, Str(m, "channelMessageId"), Str(m, "channelId"), Str(m, "traffic") != "outgoing", type, text,
            body.ValueKind == JsonValueKind.Object ? Str(body, "subject") : null, attachments, at, status, error, sender);
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
            if (value is { } v && (best.Status is null || Conversations.Message.Rank(v) >= Conversations.Message.Rank(best.Status.Value)))
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
