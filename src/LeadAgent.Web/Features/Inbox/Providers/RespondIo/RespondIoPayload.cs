using System.Text.Json;
using LeadAgent.Web.Features.Inbox.Conversations;

namespace LeadAgent.Web.Features.Inbox.Providers.RespondIo;

/// <summary>
/// Reads Respond.io webhook bodies (and list items of its API) into the inbox's model, defensively: ids may be numbers
/// or strings, timestamps seconds or milliseconds, and anything missing is left empty rather than guessed. Messages are
/// read in RespondIoPayload.Messages.cs, single values in RespondIoPayload.Values.cs.
/// </summary>
public static partial class RespondIoPayload
{
    public static InboundEvent Parse(string eventType, string body)
    {
        var root = JsonDocument.Parse(body).RootElement.Clone();
        var messageJson = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.Object
            ? m
            : default;
        // Some integrations send the sender beside the message instead of inside it.
        var topSender = root.TryGetProperty("sender", out var ts) && ts.ValueKind == JsonValueKind.Object
            ? ts
            : default;
        var message = messageJson.ValueKind == JsonValueKind.Object ? ParseMessage(messageJson, topSender) : null;
        var contact = root.TryGetProperty("contact", out var c) && c.ValueKind == JsonValueKind.Object
            ? ParseContact(c)
            : null;
        // A message whose contact object is missing still names its contact.
        contact ??= Str(messageJson, "contactId") is { } contactId
            ? new InboundContact(contactId, null, null, null, null, null, null, null)
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
}
