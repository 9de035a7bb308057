using System.Globalization;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Qualification.Facts;

namespace LeadAgent.Web.Features.Qualification.Scoring;

/// <summary>One named factor of a score: the points it gave of its most, and why in words.</summary>
public sealed record ScoreFactor(string Key, string Name, double Points, int Max, string Detail);

/// <summary>A lead's 0–100 score, its band and the factors that made it.</summary>
public sealed record LeadScore(int Score, Classification Band, IReadOnlyList<ScoreFactor> Factors, string? Note);

/// <summary>
/// Scores a lead from its facts alone (pure: same facts, weights and time, same score). Each factor earns a share
/// (0–1) of its points; a fact not known yet earns nothing and says so. Lost and disqualified leads are scored like
/// any other (their history stays readable) but their band is always cold: nobody should chase them.
/// </summary>
public static class LeadScorer
{
    private static readonly CultureInfo En = CultureInfo.InvariantCulture;

    public static LeadScore Score(LeadFacts lead, ScoreWeights w, DateTime now)
    {
        var factors = new List<ScoreFactor>(7);
        foreach (var (key, name, max) in w.Factors())
        {
            var (share, detail) = key switch
            {
                ScoreFactorKeys.IcpFit => IcpFit(lead.Company),
                ScoreFactorKeys.SegmentConfidence => SegmentConfidence(lead.Company),
                ScoreFactorKeys.Engagement => Engagement(lead.Engagement, w, now),
                ScoreFactorKeys.OrderHistory => OrderHistory(lead.Company, w, now),
                ScoreFactorKeys.ClientSimilarity => ClientSimilarity(lead.Company),
                ScoreFactorKeys.OrderPotential => OrderPotential(lead.Company, w),
                _ => DataCompleteness(lead),
            };
            factors.Add(new(key, name, Math.Round(Math.Clamp(share, 0, 1) * max, 1, MidpointRounding.AwayFromZero), max,
                detail));
        }
        var score = Math.Clamp((int)Math.Round(factors.Sum(f => f.Points), MidpointRounding.AwayFromZero), 0, 100);
        var closed = lead.Status is LeadStatus.Lost or LeadStatus.Disqualified;
        var band = closed ? Classification.Cold : BandOf(score, w);
        return new(score, band, factors, closed ? $"{lead.Status}: the band stays cold whatever the score." : null);
    }

    public static Classification BandOf(int score, ScoreWeights w) =>
        score >= w.HotAt ? Classification.Hot : score >= w.WarmAt ? Classification.Warm : Classification.Cold;

    internal static (double, string) IcpFit(CompanyFacts c) => c.FitScore is { } fit
        ? (fit / 100.0, $"Fit score {fit} of 100 against the ICP")
        : (0, "Not computed yet: the company has not been judged against the ICP");

    internal static (double, string) SegmentConfidence(CompanyFacts c)
    {
        if (c.Segment == Segment.NotAFit)
        {
            return (0, "Not a fit for any segment");
        }
        if (c.Segment == Segment.Unknown)
        {
            return (0, "Segment unknown");
        }
        return c.SegmentConfidence is { } conf
            ? (conf, $"{SegmentName(c.Segment)}, {conf * 100:F0} % sure")
            : (0, $"{SegmentName(c.Segment)}; confidence not computed yet");
    }

    /// <summary>
    /// Half for having written at all, 30 % for how much (up to the weights' message count), 20 % for how fast they
    /// answer (4 hours or less: all; 3 days or more: none; unknown: half) — all halved every half-life since their
    /// last message.
    /// </summary>
    internal static (double, string) Engagement(EngagementFacts e, ScoreWeights w, DateTime now)
    {
        if (e.Inbound == 0 || e.LastInboundAt is not { } last)
        {
            return (0, e.Outbound > 0
                ? $"No reply yet to {Count(e.Outbound, "message")} sent"
                : "No messages from the contact yet");
        }
        var volume = Math.Min(1.0, e.Inbound / (double)w.InboundMessagesFull);
        var speed = e.ReplyHours is { } h ? Math.Clamp((72 - h) / (72 - 4), 0, 1) : 0.5;
        var days = Math.Max(0, (now - last).TotalDays);
        var decay = Math.Pow(0.5, days / w.EngagementHalfLifeDays);
        var share = (0.5 + 0.3 * volume + 0.2 * speed) * decay;
        var reply = e.ReplyHours is { } hours ? $", answers in about {Duration(hours)}" : "";
        var faded = decay < 0.995 ? $"; faded to {decay * 100:F0} % with time" : "";
        return (share, $"Last message {Ago(days)} ({Count(e.Inbound, "inbound message")}{reply}){faded}");
    }

    /// <summary>40 % recency (within 6 months: all; 3 years or more: none), 30 % frequency, 30 % value.</summary>
    internal static (double, string) OrderHistory(CompanyFacts c, ScoreWeights w, DateTime now)
    {
        if (c.OrderCount == 0 || c.LastOrderOn is not { } lastOn)
        {
            return (0, "No orders yet");
        }
        var days = Math.Max(0, DateOnly.FromDateTime(now).DayNumber - lastOn.DayNumber);
        var recency = Math.Clamp((1095 - days) / (1095.0 - 182), 0, 1);
        var frequency = Math.Min(1.0, c.OrderCount / (double)w.OrdersFull);
        var value = (double)Math.Min(1m, Math.Max(0m, c.OrderTotal) / w.OrderTotalFull);
        var cycle = c.OrderCycleDays is { } d ? $", about every {d:F0} days" : "";
        return (0.4 * recency + 0.3 * frequency + 0.3 * value,
            $"{Count(c.OrderCount, "order")} worth {c.OrderTotal.ToString("N0", En)} in total, "
            + $"the latest {Ago(days)}{cycle}");
    }

    internal static (double, string) ClientSimilarity(CompanyFacts c) => c.ClientSimilarity is { } s
        ? (s, $"{s * 100:F0} % like our best clients")
        : (0, "Not computed yet: no comparison with the best clients");

    internal static (double, string) OrderPotential(CompanyFacts c, ScoreWeights w) => c.PotentialExpected is { } p
        ? ((double)Math.Min(1m, Math.Max(0m, p) / w.PotentialFull),
            $"Expected {p.ToString("N0", En)} a year (all points from {w.PotentialFull.ToString("N0", En)})")
        : (0, "Not estimated yet");

    /// <summary>Six facts a salesperson needs: e-mail, phone, country, size, domain, expected value.</summary>
    internal static (double, string) DataCompleteness(LeadFacts lead)
    {
        var missing = new List<string>(6);
        Check(missing, !string.IsNullOrEmpty(lead.Contact?.Email), "e-mail");
        Check(missing, !string.IsNullOrEmpty(lead.Contact?.Phone), "phone");
        Check(missing, !string.IsNullOrEmpty(lead.Company.Country), "country");
        Check(missing, lead.Company.Size != SizeBand.Unknown, "size");
        Check(missing, !string.IsNullOrEmpty(lead.Company.Domain), "domain");
        Check(missing, lead.ExpectedValue is not null, "expected value");
        var known = 6 - missing.Count;
        return (known / 6.0, missing.Count == 0 ? "All 6 known" : $"{known} of 6 known (missing: {string.Join(", ",
            missing)})");
    }

    private static void Check(List<string> missing, bool known, string what)
    {
        if (!known)
        {
            missing.Add(what);
        }
    }

    private static string SegmentName(Segment s) => SegmentLabels.Of(s) ?? s.ToString();

    private static string Count(int n, string what) => n == 1 ? $"1 {what}" : $"{n} {what}s";

    private static string Ago(double days) => days switch
    {
        < 1 => "today",
        < 2 => "yesterday",
        < 60 => $"{(int)days} days ago",
        < 730 => $"{(int)(days / 30.4)} months ago",
        _ => $"{(int)(days / 365.25)} years ago",
    };

    private static string Duration(double hours) => hours < 1 ? $"{Math.Max(1, (int)Math.Round(hours * 60))} min"
        : hours < 48 ? $"{hours:F0} h" : $"{hours / 24:F0} days";
}
