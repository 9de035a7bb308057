using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Qualification.Facts;
using LeadAgent.Web.Features.Qualification.Scoring;

namespace LeadAgent.Tests.Qualification.Scoring;

/// <summary>Each factor of the lead score at its edges, the bands, and closed leads.</summary>
public sealed class LeadScorerTests
{
    internal static readonly DateTime Now = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly ScoreWeights W = ScoreWeights.Default;

    internal static LeadFacts Lead(CompanyFacts? company = null, EngagementFacts? engagement = null,
        ContactFacts? contact = null, LeadStatus status = LeadStatus.New, decimal? value = null) => new()
        {
            LeadId = Guid.NewGuid(),
            Title = "Lead",
            Currency = "EUR",
            Status = status,
            ExpectedValue = value,
            Company = company ?? Company(),
            Contact = contact,
            Engagement = engagement ?? EngagementFacts.None,
        };

    internal static CompanyFacts Company() => new() { Id = Guid.NewGuid(), Name = "Co" };

    private static ScoreFactor Factor(LeadFacts lead, string key, ScoreWeights? w = null) =>
        LeadScorer.Score(lead, w ?? W, Now).Factors.Single(f => f.Key == key);

    [Fact]
    public void A_lead_about_which_nothing_is_known_scores_zero_cold_and_says_what_is_missing()
    {
        var score = LeadScorer.Score(Lead(), W, Now);
        Assert.Equal(0, score.Score);
        Assert.Equal(Classification.Cold, score.Band);
        Assert.Equal(7, score.Factors.Count);
        Assert.Equal(100, score.Factors.Sum(f => f.Max));
        Assert.Contains("not computed yet", Factor(Lead(), ScoreFactorKeys.ClientSimilarity).Detail,
            StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Not computed yet", Factor(Lead(), ScoreFactorKeys.IcpFit).Detail);
        Assert.Equal("No messages from the contact yet", Factor(Lead(), ScoreFactorKeys.Engagement).Detail);
        Assert.Equal("No orders yet", Factor(Lead(), ScoreFactorKeys.OrderHistory).Detail);
        Assert.Equal("Not estimated yet", Factor(Lead(), ScoreFactorKeys.OrderPotential).Detail);
    }

    [Theory]
    [InlineData(0, 0.0)]
    [InlineData(50, 12.5)]
    [InlineData(100, 25.0)]
    public void Icp_fit_gives_its_share_of_the_fit_score(int fit, double points)
    {
        var f = Factor(Lead(Company() with { FitScore = fit }), ScoreFactorKeys.IcpFit);
        Assert.Equal(points, f.Points);
        Assert.Equal($"Fit score {fit} of 100 against the ICP", f.Detail);
    }

    [Fact]
    public void Segment_confidence_counts_only_for_a_known_fitting_segment()
    {
        var agency = Company() with { Segment = Segment.EventAgency, SegmentConfidence = 0.85 };
        var f = Factor(Lead(agency), ScoreFactorKeys.SegmentConfidence);
        Assert.Equal(8.5, f.Points);
        Assert.Equal("Event agency, 85 % sure", f.Detail);
        Assert.Equal(0, Factor(Lead(agency with { Segment = Segment.NotAFit }), ScoreFactorKeys.SegmentConfidence)
            .Points);
        Assert.Equal(0, Factor(Lead(agency with { Segment = Segment.Unknown }), ScoreFactorKeys.SegmentConfidence)
            .Points);
        Assert.Contains("not computed yet", Factor(Lead(agency with { SegmentConfidence = null }),
            ScoreFactorKeys.SegmentConfidence).Detail);
    }

    [Fact]
    public void Engagement_of_a_fresh_busy_fast_replier_is_full_and_halves_each_half_life()
    {
        var busy = new EngagementFacts { Inbound = 5, Outbound = 3, LastInboundAt = Now, ReplyHours = 4 };
        var fresh = Factor(Lead(engagement: busy), ScoreFactorKeys.Engagement);
        Assert.Equal(25, fresh.Points);
        Assert.Equal("Last message today (5 inbound messages, answers in about 4 h)", fresh.Detail);

        var old = Factor(Lead(engagement: busy with { LastInboundAt = Now.AddDays(-14) }), ScoreFactorKeys.Engagement);
        Assert.Equal(12.5, old.Points);
        Assert.Equal("Last message 14 days ago (5 inbound messages, answers in about 4 h); faded to 50 % with time",
            old.Detail);
        var older = Factor(Lead(engagement: busy with { LastInboundAt = Now.AddDays(-28) }),
            ScoreFactorKeys.Engagement);
        Assert.Equal(6.3, older.Points);
    }

    [Fact]
    public void Engagement_counts_volume_and_reply_speed_at_their_edges()
    {
        var one = new EngagementFacts { Inbound = 1, LastInboundAt = Now, ReplyHours = 72 };
        // 0.5 for writing + 0.3 × 1/5 + 0.2 × 0 (three days to answer).
        Assert.Equal(14.0, Factor(Lead(engagement: one), ScoreFactorKeys.Engagement).Points);
        // Unknown speed counts half.
        Assert.Equal(16.5, Factor(Lead(engagement: one with { ReplyHours = null }), ScoreFactorKeys.Engagement)
            .Points);
        // More than the full count earns no more.
        Assert.Equal(20.0, Factor(Lead(engagement: one with { Inbound = 50, ReplyHours = 100 }),
            ScoreFactorKeys.Engagement).Points);
        var unanswered = new EngagementFacts { Outbound = 2, LastOutboundAt = Now };
        var f = Factor(Lead(engagement: unanswered), ScoreFactorKeys.Engagement);
        Assert.Equal(0, f.Points);
        Assert.Equal("No reply yet to 2 messages sent", f.Detail);
    }

    [Fact]
    public void Order_history_weighs_recency_frequency_and_value()
    {
        var today = DateOnly.FromDateTime(Now);
        var client = Company() with
        {
            OrderCount = 5,
            FirstOrderOn = today.AddDays(-400),
            LastOrderOn = today.AddDays(-10),
            OrderTotal = 20_000m,
        };
        var full = Factor(Lead(client), ScoreFactorKeys.OrderHistory);
        Assert.Equal(15, full.Points);
        Assert.Equal("5 orders worth 20,000 in total, the latest 10 days ago, about every 98 days", full.Detail);
        // Three years since the last order: recency gives nothing.
        var lapsed = client with { LastOrderOn = today.AddDays(-1095), FirstOrderOn = today.AddDays(-2000) };
        Assert.Equal(9, Factor(Lead(lapsed), ScoreFactorKeys.OrderHistory).Points);
        // One small recent order: recency full, 1/5 frequency, 1/20 value.
        var once = Company() with
        {
            OrderCount = 1,
            FirstOrderOn = today,
            LastOrderOn = today.AddDays(-182),
            OrderTotal = 1000m,
        };
        Assert.Equal(7.1, Factor(Lead(once), ScoreFactorKeys.OrderHistory).Points);
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(0.78, 7.8)]
    [InlineData(1.0, 10.0)]
    public void Client_similarity_gives_its_share(double similarity, double points)
    {
        var f = Factor(Lead(Company() with { ClientSimilarity = similarity }), ScoreFactorKeys.ClientSimilarity);
        Assert.Equal(points, f.Points);
        Assert.EndsWith("like our best clients", f.Detail);
    }

    [Theory]
    [InlineData(0, 0.0)]
    [InlineData(25_000, 5.0)]
    [InlineData(50_000, 10.0)]
    [InlineData(500_000, 10.0)]
    public void Order_potential_is_relative_to_the_weights_full_value(int expected, double points)
    {
        var f = Factor(Lead(Company() with { PotentialExpected = expected }), ScoreFactorKeys.OrderPotential);
        Assert.Equal(points, f.Points);
    }

    [Fact]
    public void Data_completeness_counts_six_facts_and_names_the_missing()
    {
        var company = Company() with { Country = "DE", Size = SizeBand.Small, Domain = "a.example" };
        var contact = new ContactFacts { Id = Guid.NewGuid(), Name = "A", Email = "a@a.example", Phone = "+49301" };
        var all = Factor(Lead(company, contact: contact, value: 100m), ScoreFactorKeys.DataCompleteness);
        Assert.Equal(5, all.Points);
        Assert.Equal("All 6 known", all.Detail);
        var some = Factor(Lead(company with { Size = SizeBand.Unknown }, contact: contact with { Phone = null }),
            ScoreFactorKeys.DataCompleteness);
        Assert.Equal(2.5, some.Points);
        Assert.Equal("3 of 6 known (missing: phone, size, expected value)", some.Detail);
    }

    [Theory]
    [InlineData(69, Classification.Warm)]
    [InlineData(70, Classification.Hot)]
    [InlineData(39, Classification.Cold)]
    [InlineData(40, Classification.Warm)]
    public void Bands_follow_the_thresholds(int score, Classification band) =>
        Assert.Equal(band, LeadScorer.BandOf(score, W));

    [Theory]
    [InlineData(LeadStatus.Lost)]
    [InlineData(LeadStatus.Disqualified)]
    public void Lost_and_disqualified_leads_keep_their_score_but_are_cold(LeadStatus status)
    {
        var strong = Company() with
        {
            FitScore = 100,
            Segment = Segment.Reseller,
            SegmentConfidence = 1,
            ClientSimilarity = 1,
            PotentialExpected = 50_000,
        };
        var talking = new EngagementFacts { Inbound = 5, LastInboundAt = Now, ReplyHours = 1 };
        var open = LeadScorer.Score(Lead(strong, talking), W, Now);
        var closed = LeadScorer.Score(Lead(strong, talking, status: status), W, Now);
        Assert.Equal(Classification.Hot, open.Band);
        Assert.Equal(open.Score, closed.Score);
        Assert.Equal(Classification.Cold, closed.Band);
        Assert.NotNull(closed.Note);
    }

    [Fact]
    public void Weights_validate_sum_thresholds_and_yardsticks()
    {
        ScoreWeights.Default.Validate();
        var e = Assert.Throws<LeadAgent.Web.Infrastructure.Api.ValidationFailedException>(() =>
            (ScoreWeights.Default with { IcpFit = 30, HotAt = 40, WarmAt = 40, PotentialFull = 0 }).Validate("w."));
        Assert.Contains("w.factors", e.Errors.Keys);
        Assert.Contains("w.hotAt", e.Errors.Keys);
        Assert.Contains("w.potentialFull", e.Errors.Keys);
        Assert.DoesNotContain("w.warmAt", e.Errors.Keys);
    }
}
