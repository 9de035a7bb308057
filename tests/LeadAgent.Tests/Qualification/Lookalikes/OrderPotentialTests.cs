using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Qualification.Lookalikes;
using LeadAgent.Web.Features.Qualification.Potential;

namespace LeadAgent.Tests.Qualification.Lookalikes;

/// <summary>Order potential from similar clients' annual values and the size factor.</summary>
public sealed class OrderPotentialTests
{
    private static LookalikeMatch Client(decimal annual, SizeBand size = SizeBand.Small, double similarity = 0.6) =>
        new(Guid.NewGuid(), $"Client {annual}", similarity, similarity, Segment.EventAgency, true, size, true, "DE",
            RegionMatch.SameCountry, [], [], annual, 3);

    [Fact]
    public void The_range_is_the_quartiles_of_the_clients_values_and_expected_their_weighted_mean()
    {
        var estimate = OrderPotential.Estimate(SizeBand.Small,
            [Client(10_000), Client(20_000), Client(30_000), Client(40_000), Client(50_000), Client(99_000)],
            "EUR", 6);

        Assert.Equal(30_000m, estimate.Expected);
        Assert.Equal(20_000m, estimate.Low);
        Assert.Equal(40_000m, estimate.High);
        Assert.Equal("EUR", estimate.Currency);
        Assert.Equal(OrderPotential.ClientsUsed, estimate.Basis.Count);
        Assert.DoesNotContain(estimate.Basis, b => b.AnnualValue == 99_000);
        Assert.All(estimate.Basis, b => Assert.Equal(1, b.SizeFactor));
    }

    [Fact]
    public void A_bigger_company_is_expected_to_order_more_by_the_square_root_of_the_head_count_ratio()
    {
        Assert.Equal(Math.Round(Math.Sqrt(150.0 / 30), 3), OrderPotential.SizeFactor(SizeBand.Medium, SizeBand.Small));
        Assert.Equal(OrderPotential.FactorMin, OrderPotential.SizeFactor(SizeBand.Micro, SizeBand.Enterprise));
        Assert.Equal(1, OrderPotential.SizeFactor(SizeBand.Unknown, SizeBand.Large));

        var estimate = OrderPotential.Estimate(SizeBand.Medium, [Client(10_000), Client(20_000)], "EUR", 2);

        Assert.Equal(Math.Round(10_000m * 2.236m), estimate.Basis[0].Scaled);
        Assert.Equal(Math.Round(15_000m * 2.236m), estimate.Expected);
        Assert.True(estimate.Low < estimate.Expected && estimate.Expected < estimate.High);
    }

    [Fact]
    public void More_similar_clients_weigh_more_in_the_expected_value()
    {
        var estimate = OrderPotential.Estimate(SizeBand.Small,
            [Client(10_000, similarity: 0.9), Client(40_000, similarity: 0.1)], "EUR", 2);

        Assert.Equal(13_000m, estimate.Expected);
    }

    [Fact]
    public void Without_clients_or_clients_with_values_there_is_no_potential_and_a_reason()
    {
        var none = OrderPotential.Estimate(SizeBand.Small, [], "EUR", 0);
        Assert.False(none.Known);
        Assert.Null(none.Low);
        Assert.Contains("No clients", none.Reason);

        var idle = OrderPotential.Estimate(SizeBand.Small, [Client(0)], "EUR", 4);
        Assert.False(idle.Known);
        Assert.Contains("in EUR", idle.Reason);
    }

    [Fact]
    public void Annual_value_spreads_the_window_over_the_years_the_client_has_been_ordering()
    {
        var today = new DateOnly(2026, 12, 1);
        Assert.Equal(12_000m, ClientHistory.Annual(12_000m, today.AddMonths(-3), today));
        Assert.Equal(12_000m, ClientHistory.Annual(18_000m, today.AddMonths(-18), today));
        Assert.Equal(12_000m, ClientHistory.Annual(24_000m, today.AddYears(-5), today));
        Assert.Equal(0m, ClientHistory.Annual(0m, today.AddYears(-1), today));
    }
}
