namespace LeadAgent.Web.Features.Inbox.Conversations;

/// <summary>
/// How far one user has read one conversation: the conversation's <see cref="Conversation.InboundCount"/> when they
/// last opened (or answered) it. Their unread count is the difference, so one user reading leaves it unread for the
/// others, and a new inbound message makes it unread for everyone. No row: nothing read yet.
/// </summary>
public sealed class ConversationRead
{
    public Guid ConversationId { get; set; }
    public required string UserId { get; set; }
    public int ReadInboundCount { get; set; }
    public DateTime ReadAt { get; set; }
}
