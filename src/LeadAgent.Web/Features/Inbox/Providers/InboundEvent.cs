using LeadAgent.Web.Features.Inbox.Conversations;

namespace LeadAgent.Web.Features.Inbox.Providers;

/// <summary>What an inbound event is about; the inbox applies each kind its own way.</summary>
public enum InboundKind
{
    MessageReceived,
    MessageSent,
    ContactChanged,
    AssigneeChanged,
    LifecycleChanged,
    TagChanged,
    ConversationOpened,
    ConversationClosed,
    /// <summary>Not used by the inbox; kept for inspection.</summary>
    Other,
}

public sealed record InboundUser(string? Id, string? FirstName, string? LastName, string? Email)
{
    public string Name => $"{FirstName} {LastName}".Trim() is { Length: > 0 } n ? n : Email ?? Id ?? "someone";
}

/// <summary>The sender as the provider knows them; <see cref="Id"/> is the provider's contact id.</summary>
public sealed record InboundContact(string Id, string? FirstName, string? LastName, string? Phone, string? Email,
    string? CountryCode, InboundUser? Assignee, string? Lifecycle)
{
    public string Name => $"{FirstName} {LastName}".Trim() is { Length: > 0 } n ? n : Phone ?? Email ?? $"Contact {Id}";
}

/// <summary>A provider channel with the kind that decides its sending rules.</summary>
public sealed record InboundChannel(string Id, string Name, string Source, ChannelKind Kind);

public sealed record InboundMessage(string MessageId, string? ChannelMessageId, string? ChannelId, bool Incoming,
    string Type, string? Text, string? Subject, IReadOnlyList<Attachment> Attachments, DateTime? At,
    DeliveryStatus? Status, string? StatusError, string? SenderSource);

/// <summary>
/// One provider event in the inbox's own terms. <see cref="Type"/> is the provider's name for it (shown when it is
/// ignored); the optional parts are filled for the kinds that use them.
/// </summary>
public sealed record InboundEvent(string Type, InboundKind Kind, InboundContact? Contact, InboundMessage? Message,
    InboundChannel? Channel)
{
    /// <summary>History brought in by a backfill: already read at the provider.</summary>
    public bool Backfill { get; init; }

    /// <summary><see cref="InboundKind.AssigneeChanged"/>: the new assignee (null when unassigned).</summary>
    public InboundUser? Assignee { get; init; }

    /// <summary><see cref="InboundKind.LifecycleChanged"/>: the new and the old stage.</summary>
    public string? Lifecycle { get; init; }

    public string? OldLifecycle { get; init; }

    /// <summary><see cref="InboundKind.TagChanged"/>: the tag and whether it was removed.</summary>
    public string? Tag { get; init; }

    public bool TagRemoved { get; init; }

    /// <summary>Opened/closed: when, by whom, and the closing category and summary.</summary>
    public DateTime? StatusAt { get; init; }

    public string? StatusBy { get; init; }

    public string? CloseSummary { get; init; }
}
