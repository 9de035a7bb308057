using LeadAgent.Web.Data;
using LeadAgent.Web.Infrastructure.Work;

namespace LeadAgent.Web.Features.Inbox.Conversations;

/// <summary>Inbound from the contact, outbound to them, or an event on the timeline (assignment, close,
/// lifecycle…).</summary>
public enum MessageDirection { Inbound, Outbound, Event, Note }

/// <summary>
/// Delivery state. Outbound messages start <see cref="Pending"/> in the outbox, become <see cref="Sending"/> just
/// before the provider is called (so a crash in between is detected and reconciled), then Sent/Delivered/Read or
/// Failed.
/// </summary>
public enum DeliveryStatus { Received, Pending, Sending, Sent, Delivered, Read, Failed }

public sealed class Message : ILeased<Guid>
{
    /// <summary>The longest text a user may send or play in the sandbox.</summary>
    public const int MaxText = 4096;

    public Guid Id { get; set; } = Ids.NewV7();
    public Guid ConversationId { get; set; }
    public MessageDirection Direction { get; set; }
    /// <summary>Provider message type: text, attachment, email, whatsapp_template…; "event"/"note" for the
    /// timeline.</summary>
    public required string Type { get; set; }
    /// <summary>Untrusted when inbound: always rendered as plain text.</summary>
    public string? Text { get; set; }
    public string? Subject { get; set; }
    /// <summary>JSON list of <see cref="Attachment"/>; links are shown, never fetched.</summary>
    public string? Attachments { get; set; }
    /// <summary>The provider's message id (Respond.io <c>messageId</c>); unique, so a redelivered message is stored
    /// once.</summary>
    public string? ProviderMessageId { get; set; }
    public string? ChannelMessageId { get; set; }
    public DeliveryStatus Status { get; set; }
    public string? Error { get; set; }
    /// <summary>When it was sent or received (the provider's timestamp when known).</summary>
    public DateTime At { get; set; }
    /// <summary>Who sent an outbound message: a user, "api", "workflow"…</summary>
    public string? SenderSource { get; set; }
    public string? AuthorId { get; set; }
    public string? AuthorName { get; set; }
    /// <summary>A note's mentions: JSON list of <see cref="Mentions.Mention"/>, found by the server when it was
    /// written (the text keeps "@Name").</summary>
    public string? Mentions { get; set; }

    // Outbox state for outbound messages written here.
    /// <summary>JSON of what to send (the provider's message object); null for messages we did not send.</summary>
    public string? Payload { get; set; }
    public int Attempts { get; set; }
    public DateTime? NextAttemptAt { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntil { get; set; }
    /// <summary>Set when the provider was called; a message still <see cref="DeliveryStatus.Sending"/> after its lease
    /// ran out may have gone out.</summary>
    public DateTime? SendStartedAt { get; set; }
    public DateTime CreatedAt { get; set; }

    public static int Rank(DeliveryStatus s) => s switch
    {
        DeliveryStatus.Pending => 0,
        DeliveryStatus.Sending => 1,
        DeliveryStatus.Sent => 2,
        DeliveryStatus.Delivered => 3,
        DeliveryStatus.Read => 4,
        _ => 5,
    };
}

/// <summary>Attachment metadata as the provider gives it.</summary>
public sealed record Attachment(string Type, string? Url, string? FileName, string? Mime, long? Size);
