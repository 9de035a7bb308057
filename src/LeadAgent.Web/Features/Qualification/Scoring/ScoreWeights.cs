using System.Globalization;
using LeadAgent.Web.Infrastructure.Api;

namespace LeadAgent.Web.Features.Qualification.Scoring;

/// <summary>
/// The lead score's weights (versioned as <see cref="Versions.VersionKind.Weights"/>; version 0 is
/// <see cref="Default"/>): the points each named factor can give (summing to 100), the hot and warm thresholds, and
/// the yardsticks that turn facts into a share of a factor's points.
/// </summary>
public sealed record ScoreWeights
{
    public static ScoreWeights Default => new();

    /// <summary>Points for the company's ICP fit score.</summary>
    public int IcpFit { get; init; } = 25;
    public int SegmentConfidence { get; init; } = 10;
    public int Engagement { get; init; } = 25;
    public int OrderHistory { get; init; } = 15;
    public int ClientSimilarity { get; init; } = 10;
    public int OrderPotential { get; init; } = 10;
    public int DataCompleteness { get; init; } = 5;

    /// <summary>A score at or above this is hot.</summary>
    public int HotAt { get; init; } = 70;
    /// <summary>A score at or above this (and below <see cref="HotAt"/>) is warm; below, cold.</summary>
    public int WarmAt { get; init; } = 40;

    /// <summary>Engagement halves every this many days since the contact's last message (HubSpot-like decay).</summary>
    public int EngagementHalfLifeDays { get; init; } = 14;
    /// <summary>Inbound messages that earn the whole volume share of engagement.</summary>
    public int InboundMessagesFull { get; init; } = 5;
    /// <summary>Orders that earn the whole frequency share of order history.</summary>
    public int OrdersFull { get; init; } = 5;
    /// <summary>Order total that earns the whole value share of order history.</summary>
    public decimal OrderTotalFull { get; init; } = 20_000m;
    /// <summary>Expected annual order value that earns all order-potential points.</summary>
    public decimal PotentialFull { get; init; } = 50_000m;

    /// <summary>The factors' points by key, in display order.</summary>
    public IReadOnlyList<(string Key, string Label, int Max)> Factors() =>
    [
        (ScoreFactorKeys.IcpFit, "ICP fit", IcpFit),
        (ScoreFactorKeys.SegmentConfidence, "Segment confidence", SegmentConfidence),
        (ScoreFactorKeys.Engagement, "Engagement", Engagement),
        (ScoreFactorKeys.OrderHistory, "Order history", OrderHistory),
        (ScoreFactorKeys.ClientSimilarity, "Similarity to best clients", ClientSimilarity),
        (ScoreFactorKeys.OrderPotential, "Order potential", OrderPotential),
        (ScoreFactorKeys.DataCompleteness, "Data completeness", DataCompleteness),
    ];

    /// <summary>
    /// Throws the field errors (camelCase as in the JSON body, after <paramref name="prefix"/>) when the weights are
    /// not usable.
    /// </summary>
    public void Validate(string prefix = "")
    {
        var errors = new Errors();
        void Range(string field, decimal value, decimal min, decimal max)
        {
            if (value < min || value > max)
            {
                errors.Add(prefix + field,
                    string.Create(CultureInfo.InvariantCulture, $"Must be between {min:N0} and {max:N0}."));
            }
        }
        foreach (var (key, _, max) in Factors())
        {
            Range(key, max, 0, 100);
        }
        var sum = Factors().Sum(f => f.Max);
        if (sum != 100)
        {
            errors.Add(prefix + "factors", $"The factors' points must add up to 100 (they add up to {sum}).");
        }
        Range("warmAt", WarmAt, 1, 99);
        Range("hotAt", HotAt, 2, 100);
        if (HotAt <= WarmAt)
        {
            errors.Add(prefix + "hotAt", "Must be above the warm threshold.");
        }
        Range("engagementHalfLifeDays", EngagementHalfLifeDays, 1, 365);
        Range("inboundMessagesFull", InboundMessagesFull, 1, 1000);
        Range("ordersFull", OrdersFull, 1, 1000);
        Range("orderTotalFull", OrderTotalFull, 1, 1_000_000_000m);
        Range("potentialFull", PotentialFull, 1, 1_000_000_000m);
        errors.ThrowIfAny();
    }
}

/// <summary>The stable keys of the score's factors (in stored explanations and the API).</summary>
public static class ScoreFactorKeys
{
    public const string IcpFit = "icpFit", SegmentConfidence = "segmentConfidence", Engagement = "engagement",
        OrderHistory = "orderHistory", ClientSimilarity = "clientSimilarity", OrderPotential = "orderPotential",
        DataCompleteness = "dataCompleteness";
}
