namespace LeadAgent.Web.Infrastructure.Work;

/// <summary>
/// A row of background work (an import run, a webhook event, an outgoing message, a discovery run…) that one app
/// instance at a time holds, until <see cref="LeaseUntil"/>; a lease that runs out lets another instance take over.
/// </summary>
public interface ILeased
{
    /// <summary>The claim holding the row (instance and claim id), null when free.</summary>
    string? LeaseOwner { get; set; }
    DateTime? LeaseUntil { get; set; }
}

/// <summary>A leased row with its key, so claims can return what they won.</summary>
public interface ILeased<out TKey> : ILeased
{
    TKey Id { get; }
}
