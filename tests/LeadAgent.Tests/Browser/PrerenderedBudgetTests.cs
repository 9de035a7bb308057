using LeadAgent.Web.Ui.Shared;

namespace LeadAgent.Tests.Browser;

/// <summary>A page carries its first read into the live page only while it fits the message that starts it.</summary>
public sealed class PrerenderedBudgetTests
{
    [Fact]
    public void A_small_value_is_carried_and_one_over_the_budget_is_read_again_instead()
    {
        var small = new List<string> { "Alpha", "Bravo" };
        var big = Enumerable.Range(0, 2000).Select(i => $"Lead number {i} with a title of some length").ToList();

        Assert.Same(small, Prerendered.Carry(small));
        Assert.Null(Prerendered.Carry(big));
        // Base64 and data protection grow the budget by about a third; the hub must take that with room to spare.
        Assert.True(Prerendered.Budget * 4 / 3 + 8 * 1024 < Prerendered.HubMessageLimit);
    }
}
