namespace LeadAgent.Web.Features.Qualification.Scoring.Pages;

/// <summary>The scoring page's editable copy of <see cref="ScoreWeights"/> (an immutable record).</summary>
internal sealed class WeightsForm
{
    private readonly Dictionary<string, int> _points = [];

    public int HotAt { get; set; }
    public int WarmAt { get; set; }
    public int HalfLife { get; set; }
    public int Inbound { get; set; }
    public int Orders { get; set; }
    public decimal OrderTotal { get; set; }
    public decimal Potential { get; set; }

    public int Sum => _points.Values.Sum();

    public int Get(string key) => _points.GetValueOrDefault(key);

    public void Set(string key, int value) => _points[key] = value;

    public static WeightsForm From(ScoreWeights w)
    {
        var form = new WeightsForm
        {
            HotAt = w.HotAt,
            WarmAt = w.WarmAt,
            HalfLife = w.EngagementHalfLifeDays,
            Inbound = w.InboundMessagesFull,
            Orders = w.OrdersFull,
            OrderTotal = w.OrderTotalFull,
            Potential = w.PotentialFull,
        };
        foreach (var (key, _, max) in w.Factors())
        {
            form._points[key] = max;
        }
        return form;
    }

    public ScoreWeights ToWeights() => new()
    {
        IcpFit = Get(ScoreFactorKeys.IcpFit),
        SegmentConfidence = Get(ScoreFactorKeys.SegmentConfidence),
        Engagement = Get(ScoreFactorKeys.Engagement),
        OrderHistory = Get(ScoreFactorKeys.OrderHistory),
        ClientSimilarity = Get(ScoreFactorKeys.ClientSimilarity),
        OrderPotential = Get(ScoreFactorKeys.OrderPotential),
        DataCompleteness = Get(ScoreFactorKeys.DataCompleteness),
        HotAt = HotAt,
        WarmAt = WarmAt,
        EngagementHalfLifeDays = HalfLife,
        InboundMessagesFull = Inbound,
        OrdersFull = Orders,
        OrderTotalFull = OrderTotal,
        PotentialFull = Potential,
    };
}
