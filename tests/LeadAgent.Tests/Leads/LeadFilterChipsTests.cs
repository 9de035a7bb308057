using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.CustomFields;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Leads.Pages;

namespace LeadAgent.Tests.Leads;

/// <summary>The lead list's chips read as people say them, and removing one leaves the rest of the filter.</summary>
public sealed class LeadFilterChipsTests
{
    private static readonly LeadFilter Full = new()
    {
        Q = "stand",
        Status = [LeadStatus.New, LeadStatus.Contacted],
        Owner = "u1",
        Segment = [Segment.EventAgency],
        ScoreMin = 40,
        ScoreMax = 80,
        HasOrders = false,
        LastOrderBefore = new DateOnly(2026, 1, 31),
        Custom = [new CustomFieldCondition("messe", CustomFieldType.Text, Is: "Hall 3")],
        IncludeArchived = true,
        CompanyId = Guid.NewGuid(),
    };

    [Fact]
    public void Each_filter_reads_as_a_chip()
    {
        var chips = LeadFilterChips.For(Full, id => id == "u1" ? "Anna Berg" : null, null, k => "Trade fair")
            .Select(c => c.Label).ToList();
        Assert.Equal(
        [
            "Search: “stand”", "Status: New, Contacted", "Owner: Anna Berg", "Segment: Event agency",
            "Score: 40–80", "Orders: never ordered", "Last order before: 2026-01-31", "Trade fair: Hall 3",
            "Archived included",
        ], chips);
        Assert.Equal("Owner: me", LeadFilterChips.For(new() { Owner = "me" }, _ => null).Single().Label);
        Assert.Equal("Score: ≤ 20", LeadFilterChips.For(new() { ScoreMax = 20 }, _ => null).Single().Label);
    }

    [Fact]
    public void Removing_a_chip_keeps_the_others_and_clearing_keeps_the_scope()
    {
        var without = LeadFilterChips.Without(Full, "score");
        Assert.Equal((null, null), (without.ScoreMin, without.ScoreMax));
        Assert.Equal(Full.Status, without.Status);
        Assert.Null(LeadFilterChips.Without(Full, "cf.messe").Custom);
        Assert.False(LeadFilterChips.Without(Full, "includeArchived").IncludeArchived);
        var cleared = LeadFilterChips.Cleared(Full);
        Assert.Equal(Full.CompanyId, cleared.CompanyId);
        Assert.Empty(LeadFilterChips.For(cleared, _ => null));
    }
}
