using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Leads;

namespace LeadAgent.Web.Features.Qualification.Facts;

/// <summary>
/// Everything the brain reads about one lead, loaded set-based for many at once (<see cref="LeadFactsLoader"/>): the
/// lead, its company with order history and fit, its contact, and the contact's conversations. Scores, rules and the
/// planner all judge from this one record, so they agree.
/// </summary>
public sealed record LeadFacts
{
    public required Guid LeadId { get; init; }
    public required string Title { get; init; }
    public LeadStatus Status { get; init; }
    public string? OwnerId { get; init; }
    public LeadSource Source { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime StatusChangedAt { get; init; }
    public DateOnly? NextActionOn { get; init; }
    public decimal? ExpectedValue { get; init; }
    public required string Currency { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public int? Score { get; init; }
    public Classification? Band { get; init; }

    public required CompanyFacts Company { get; init; }
    public ContactFacts? Contact { get; init; }
    public EngagementFacts Engagement { get; init; } = EngagementFacts.None;

    /// <summary>Open: not won, lost or disqualified.</summary>
    public bool IsOpen => Status is not (LeadStatus.Won or LeadStatus.Lost or LeadStatus.Disqualified);
}

public sealed record CompanyFacts
{
    public required Guid Id { get; init; }
    public required string Name { get; init; }
    public string? Domain { get; init; }
    public string? Country { get; init; }
    public Segment Segment { get; init; }
    public SizeBand Size { get; init; }
    public string? Industry { get; init; }
    public bool HasPhone { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public int OrderCount { get; init; }
    public DateOnly? FirstOrderOn { get; init; }
    public DateOnly? LastOrderOn { get; init; }
    public decimal OrderTotal { get; init; }
    /// <summary>Contacts (not archived) at the company.</summary>
    public int ContactCount { get; init; }
    /// <summary>The brain's fit score, null until the company was judged.</summary>
    public int? FitScore { get; init; }
    public double? SegmentConfidence { get; init; }
    public decimal? PotentialExpected { get; init; }
    /// <summary>0–1 likeness to the best clients, null until the lookalikes computed it.</summary>
    public double? ClientSimilarity { get; init; }
    /// <summary>The ICP version that judged the company, null until it was judged.</summary>
    public int? IcpVersion { get; init; }

    /// <summary>Mean days between orders, when there were at least two.</summary>
    public double? OrderCycleDays => OrderCount >= 2 && FirstOrderOn is { } first && LastOrderOn is { } last
        ? (last.DayNumber - first.DayNumber) / (double)(OrderCount - 1) : null;
}

public sealed record ContactFacts
{
    public required Guid Id { get; init; }
    public required string Name { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
}

/// <summary>The primary contact's conversations, summed over channels.</summary>
public sealed record EngagementFacts
{
    public static readonly EngagementFacts None = new();

    public int Conversations { get; init; }
    public int Inbound { get; init; }
    public int Outbound { get; init; }
    public DateTime? LastInboundAt { get; init; }
    public DateTime? LastOutboundAt { get; init; }
    /// <summary>
    /// The contact's median time to answer our message, in hours, over recent replies (inbound right after
    /// outbound); null when they never answered one.
    /// </summary>
    public double? ReplyHours { get; init; }
    /// <summary>The conversation with the latest inbound message (where an answer goes) and its channel.</summary>
    public Guid? LatestConversationId { get; init; }
    public ChannelKind? LatestChannel { get; init; }

    /// <summary>The contact wrote last and nobody answered since: the time of their message.</summary>
    public DateTime? AwaitingReplySince =>
        LastInboundAt is { } inbound && (LastOutboundAt is null || LastOutboundAt < inbound) ? inbound : null;

    /// <summary>We wrote last and the contact has not answered since: the time of our message.</summary>
    public DateTime? QuietSince =>
        LastOutboundAt is { } outbound && (LastInboundAt is null || LastInboundAt < outbound) ? outbound : null;
}
