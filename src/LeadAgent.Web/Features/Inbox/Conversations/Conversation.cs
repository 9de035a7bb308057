using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Contacts;

namespace LeadAgent.Web.Features.Inbox.Conversations;

public enum ConversationStatus { Open, Closed }

/// <summary>Whether the sender is linked to a CRM contact, or waits for a person to choose between several.</summary>
public enum MatchState { Matched, Ambiguous }

/// <summary>
/// The thread with one external contact on one channel. It belongs to a CRM contact (and through it to the company and
/// open lead) once the sender is matched; an ambiguous sender waits in the review list with its candidates.
/// </summary>
public sealed class Conversation
{
    public Guid Id { get; set; } = Ids.NewV7();
    public Guid ChannelId { get; set; }
    public Channel? Channel { get; set; }
    /// <summary>The provider's contact id (Respond.io <c>contact.id</c>); with the channel it identifies the
    /// thread.</summary>
    public required string ExternalContactId { get; set; }
    public Guid? ContactId { get; set; }
    public Contact? Contact { get; set; }
    public MatchState Match { get; set; }
    /// <summary>Ambiguous matches: the CRM contacts that fit (comma-separated ids).</summary>
    public string? CandidateContactIds { get; set; }

    // What the provider says about the sender, shown until (and besides) the CRM contact.
    public required string DisplayName { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }

    public ConversationStatus Status { get; set; }
    public DateTime StatusChangedAt { get; set; }
    public string? AssigneeId { get; set; }
    public DateTime LastMessageAt { get; set; }
    /// <summary>The contact's last inbound message: starts the channel's reply window.</summary>
    public DateTime? LastInboundAt { get; set; }
    public string? LastMessagePreview { get; set; }
    /// <summary>Inbound messages so far (history brought in by a backfill excluded: it was read at the provider);
    /// each user's unread count is this minus their <see cref="ConversationRead.ReadInboundCount"/>.</summary>
    public int InboundCount { get; set; }
    /// <summary>Hidden from the open list until then; from then on it is open and unread again for everyone who has
    /// not read it since (evaluated when read, so nothing has to run at that moment).</summary>
    public DateTime? SnoozedUntil { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
