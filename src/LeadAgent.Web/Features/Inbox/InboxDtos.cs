using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Inbox.Mentions;
using LeadAgent.Web.Features.Inbox.Sending;
using LeadAgent.Web.Features.Inbox.Templates;
using LeadAgent.Web.Features.Leads;

namespace LeadAgent.Web.Features.Inbox;

public enum AssignedFilter { Anyone, Me, Unassigned }

/// <summary>Inbox list filters; every one is optional.</summary>
public sealed record InboxQuery
{
    public ChannelKind? Channel { get; init; }
    /// <summary>Open leaves out conversations snoozed until later; see <see cref="Snoozed"/>.</summary>
    public ConversationStatus? Status { get; init; }
    /// <summary>Only conversations snoozed until a later time.</summary>
    public bool? Snoozed { get; init; }
    public AssignedFilter? Assigned { get; init; }
    public bool? Unread { get; init; }
    /// <summary>Only senders waiting to be matched to a contact.</summary>
    public bool? NeedsReview { get; init; }
    public LeadStatus? LeadStatus { get; init; }
    public Classification? Classification { get; init; }
    /// <summary>Contact name, phone, e-mail or message text.</summary>
    public string? Q { get; init; }
    /// <summary>Only the conversations of this contact, of this company's contacts, or of the lead's contact.</summary>
    public Guid? ContactId { get; init; }
    public Guid? CompanyId { get; init; }
    public Guid? LeadId { get; init; }
    public string? Cursor { get; init; }
    public int? Limit { get; init; }
}

public sealed record ConversationRow(
    Guid Id, ChannelKind Channel, string ChannelName, bool Sandbox, string DisplayName, string? Phone, string? Email,
    Guid? ContactId, string? ContactName, Guid? CompanyId, string? CompanyName, MatchState Match,
    ConversationStatus Status, string? AssigneeId, string? AssigneeName, DateTime LastMessageAt,
        DateTime? LastInboundAt,
    string? Preview, int Unread, LeadStatus? LeadStatus, Classification? Classification,
    DateTime? SnoozedUntil = null);

/// <summary>A page of conversations plus the counts the inbox shows beside its filters.</summary>
public sealed record InboxPage(IReadOnlyList<ConversationRow> Items, string? NextCursor, int UnreadConversations,
    int NeedsReview);

public sealed record MessageDto(
    Guid Id, MessageDirection Direction, string Type, string? Text, string? Subject,
        IReadOnlyList<Attachment> Attachments,
    DeliveryStatus Status, string? Error, DateTime At, string? AuthorName, string? SenderSource,
    IReadOnlyList<Mention>? Mentions = null);

public sealed record LeadCard(Guid Id, string Title, LeadStatus Status, string? OwnerName, int? Score,
    Classification? Classification);

/// <summary>One of the contact's leads in the conversation's side panel.</summary>
public sealed record ContactLead(Guid Id, string Title, LeadStatus Status, decimal? ExpectedValue, string Currency,
    string? OwnerName, DateTime UpdatedAt)
{
    public bool Closed => Status is LeadStatus.Won or LeadStatus.Lost or LeadStatus.Disqualified;
}

public sealed record CandidateCard(Guid Id, string Name, string? CompanyName);

public sealed record ConversationDetail(
    ConversationRow Conversation, LeadCard? Lead, IReadOnlyList<CandidateCard> Candidates,
        IReadOnlyList<MessageDto> Messages,
    SendVerdict FreeText, IReadOnlyList<TemplateDto> Templates, string? Blocked = null,
    IReadOnlyList<ContactLead>? Leads = null);

/// <summary>A reply: free text, or a template with its numbered body parameters (and header parameters for WhatsApp
/// text headers).</summary>
public sealed record ReplyInput(string? Text, Guid? TemplateId = null, List<string>? Parameters = null,
    string? Subject = null, List<string>? HeaderParameters = null);

/// <summary>An internal note; "@Name" or "@e-mail" mentions a user. A retry with the same
/// <paramref name="ClientKey"/> returns the note already stored (and notifies nobody again).</summary>
public sealed record ConversationNoteInput(string? Text, Guid? ClientKey = null);

public sealed record AssignInput(string? UserId);

public sealed record StatusInput(ConversationStatus? Status);

/// <summary>Wake-up times offered in the menu, worked out in the user's own time zone.</summary>
public enum SnoozePreset { Tomorrow, NextWeek, InOneWeek }

/// <summary>Snooze until an instant (UTC or with an offset), or until a preset in the user's time zone.</summary>
public sealed record SnoozeInput(DateTimeOffset? Until = null, SnoozePreset? Preset = null);

public sealed record ContactChoice(Guid? ContactId);
