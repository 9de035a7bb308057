using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Money;

namespace LeadAgent.Web.Features.Pipeline;

/// <summary>One lead on the board; <see cref="Converted"/> is its value in the workspace currency (null: no
/// rate).</summary>
public sealed record PipelineCard(
    Guid Id, string Title, LeadStatus Status, Guid CompanyId, string CompanyName, decimal? ExpectedValue,
    string Currency, decimal? Converted, string? OwnerName, DateOnly? NextActionOn, long Version);

/// <summary>
/// A status column: how many leads it holds, their value in the workspace currency (amounts without a rate left out
/// and counted), and the first <see cref="PipelineService.CardsPerColumn"/> cards, next action soonest first.
/// </summary>
public sealed record PipelineColumn(LeadStatus Status, int Count, MoneyTotal Total, List<PipelineCard> Cards);

public sealed record PipelineBoard(string Currency, List<PipelineColumn> Columns);

/// <summary>The board's filters: those of the lead list but the status, which the columns are.</summary>
public sealed class PipelineQuery
{
    /// <summary>A user id, "me" or "none".</summary>
    public string? Owner { get; set; }
    public string? Q { get; set; }
    public string? Tag { get; set; }
    public string? Source { get; set; }
    public string? Classification { get; set; }
    public string? Segment { get; set; }
    public string? Country { get; set; }
    public Guid? ListId { get; set; }

    public LeadListQuery ToListQuery() => new()
    {
        Owner = Owner,
        Q = Q,
        Tag = Tag,
        Source = Source,
        Classification = Classification,
        Segment = Segment,
        Country = Country,
        ListId = ListId,
    };
}

/// <summary>Moves a lead to a column; <see cref="Version"/> is the version read (a stale one gets 409).</summary>
public sealed record PipelineMove(Guid LeadId, LeadStatus? Status, long? Version);
