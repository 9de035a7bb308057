using LeadAgent.Web.Data;

namespace LeadAgent.Web.Features.Duplicates;

public enum DuplicateKind { Company, Contact }

public enum PairStatus { Open, Merged, Dismissed }

/// <summary>
/// Two records that are probably one (ids ordered, A &lt; B). Detection opens and refreshes pairs; a user merges them
/// or marks them "not a duplicate", which is remembered so detection never proposes the pair again.
/// </summary>
public sealed class DuplicatePair
{
    public Guid Id { get; set; } = Ids.NewV7();
    public DuplicateKind Kind { get; set; }
    public Guid AId { get; set; }
    public Guid BId { get; set; }
    /// <summary>0–100: how sure detection is that A and B are the same.</summary>
    public int Confidence { get; set; }
    /// <summary>JSON array of human-readable reasons ("Same phone +49 30 1234567").</summary>
    public string Evidence { get; set; } = "[]";
    public PairStatus Status { get; set; }
    public DateTime DetectedAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public string? ResolvedBy { get; set; }

    public static (Guid A, Guid B) Order(Guid x, Guid y) => x.CompareTo(y) < 0 ? (x, y) : (y, x);
}

/// <summary>
/// One merge, with what is needed to undo it: the survivor's field values before, the values taken from the loser
/// (cleared on it because they are unique), and the ids of every related record moved to the survivor.
/// </summary>
public sealed class MergeRecord
{
    /// <summary>The records' names as shown in the merge history; longer names are cut.</summary>
    public const int LabelMax = 200;

    public Guid Id { get; set; } = Ids.NewV7();
    public DuplicateKind Kind { get; set; }
    public Guid SurvivorId { get; set; }
    public Guid LoserId { get; set; }
    public required string SurvivorLabel { get; set; }
    public required string LoserLabel { get; set; }
    public Guid? PairId { get; set; }
    /// <summary>JSON object: field → survivor's value before the merge.</summary>
    public required string SurvivorBefore { get; set; }
    /// <summary>JSON object: field → loser's value before the merge, for fields cleared on the loser.</summary>
    public required string LoserBefore { get; set; }
    /// <summary>JSON object: relation → ids moved from the loser to the survivor.</summary>
    public required string Moved { get; set; }
    public DateTime MergedAt { get; set; }
    public required string MergedBy { get; set; }
    public DateTime? UndoneAt { get; set; }
    public string? UndoneBy { get; set; }
}
