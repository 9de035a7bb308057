using LeadAgent.Web.Infrastructure.Work;

namespace LeadAgent.Web.Features.Qualification.Work;

/// <summary>What changed: one record, or everything (a bulk import, new ICP or weights, the periodic sweep).</summary>
public enum WorkTarget { Company, Lead, Contact, Conversation, Sweep }

/// <summary>
/// A request to judge again what a change touched, claimed by one instance with a lease and deleted when done. Rows
/// are cheap and may repeat (a busy lead queues several): the worker takes many at once and judges each target once.
/// </summary>
public sealed class QualificationWork : ILeased<Guid>
{
    /// <summary>The one periodic sweep: never deleted, its <see cref="DueAt"/> moves on after each pass.</summary>
    public static readonly Guid PeriodicSweepId = new("6a1f0e52-2b1d-4c8e-9d41-5c0a7f3e9b01");

    public const int ReasonMax = 200;

    public Guid Id { get; set; } = Data.Ids.NewV7();
    public WorkTarget Target { get; set; }
    public Guid? TargetId { get; set; }
    /// <summary>A rule's own change: scores and plans follow it, rules do not run again (no rule loops).</summary>
    public bool ByRule { get; set; }
    public required string Reason { get; set; }
    public DateTime DueAt { get; set; }
    public int Attempts { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntil { get; set; }
}
