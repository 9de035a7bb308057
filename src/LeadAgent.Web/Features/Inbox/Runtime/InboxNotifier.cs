namespace LeadAgent.Web.Features.Inbox.Runtime;

/// <summary>
/// Tells open inbox pages on this instance that conversations changed, so new messages appear without reloading.
/// Pages also poll the newest activity time, which covers changes made by other instances.
/// </summary>
public sealed class InboxNotifier
{
    public event Action<IReadOnlyCollection<Guid>>? ConversationsChanged;

    public void Changed(IEnumerable<Guid> conversationIds)
    {
        var ids = conversationIds.Distinct().ToList();
        if (ids.Count > 0)
        {
            ConversationsChanged?.Invoke(ids);
        }
    }
}
