using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Rules;
using LeadAgent.Web.Infrastructure.Api;
using static LeadAgent.Tests.Rules.RuleConditionTests;

namespace LeadAgent.Tests.Rules;

/// <summary>What actions plan for a lead: round-robin turns, regions, skips (blocked leads, no owner).</summary>
public sealed class RulePlannerTests
{
    private static readonly DateTime Now = new(2026, 6, 15, 12, 0, 0, DateTimeKind.Utc);

    private static RuleWorld World(IReadOnlySet<Guid>? blocked = null) => new(
        new HashSet<string> { "anna", "ben", "cem" },
        new Dictionary<string, string> { ["anna"] = "Anna", ["ben"] = "Ben", ["cem"] = "Cem", ["vic"] = "Vic" },
        new Dictionary<Guid, string>(), blocked ?? new HashSet<Guid>(), Now);

    private static List<RuleStep> Steps(params RuleAction[] actions)
    {
        var errors = new Errors();
        var steps = RuleActions.Compile(actions, errors);
        errors.ThrowIfAny();
        return steps;
    }

    [Fact]
    public void Round_robin_hands_out_owners_in_turn_from_the_cursor()
    {
        var steps = Steps(new RuleAction { Kind = "assignRoundRobin", Users = ["anna", "ben", "cem"] });
        long cursor = 0;
        var owners = Enumerable.Range(0, 9).Select(_ => RulePlanner.Plan(steps, Facts(), World(), ref cursor).OwnerId)
            .ToList();
        Assert.Equal(9, cursor);
        Assert.All(owners.GroupBy(o => o), g => Assert.Equal(3, g.Count()));
        Assert.Equal(["anna", "ben", "cem", "anna"], owners.Take(4));
        cursor = 10; // a later run continues where the last one stopped
        Assert.Equal("ben", RulePlanner.Plan(steps, Facts(), World(), ref cursor).OwnerId);
    }

    [Fact]
    public void Round_robin_leaves_out_users_who_may_no_longer_own_leads()
    {
        var steps = Steps(new RuleAction { Kind = "assignRoundRobin", Users = ["vic", "anna"] });
        long cursor = 0;
        Assert.Equal("anna", RulePlanner.Plan(steps, Facts(), World(), ref cursor).OwnerId);
        var none = Steps(new RuleAction { Kind = "assignRoundRobin", Users = ["vic"] });
        var plan = RulePlanner.Plan(none, Facts(), World(), ref cursor);
        Assert.Null(plan.OwnerId);
        Assert.Single(plan.Skipped);
    }

    [Fact]
    public void By_region_maps_countries_and_regions_with_a_fallback()
    {
        var steps = Steps(new RuleAction
        {
            Kind = "assignByRegion",
            Regions = new() { ["DACH"] = "anna", ["GB"] = "ben", ["*"] = "cem" },
        });
        long cursor = 0;
        string? OwnerIn(string? country) => RulePlanner.Plan(steps,
            Facts(f => f with { Company = f.Company with { Country = country } }), World(), ref cursor).OwnerId;
        Assert.Equal("anna", OwnerIn("AT"));
        Assert.Equal("ben", OwnerIn("GB"));
        Assert.Equal("cem", OwnerIn("AE"));
        Assert.Equal("cem", OwnerIn(null));
        var noFallback = Steps(new RuleAction { Kind = "assignByRegion", Regions = new() { ["DE"] = "anna" } });
        var plan = RulePlanner.Plan(noFallback, Facts(f => f with { Company = f.Company with { Country = "FR" } }),
            World(), ref cursor);
        Assert.Null(plan.OwnerId);
        Assert.Contains("FR", plan.Skipped.Single());
    }

    [Fact]
    public void A_blocked_lead_gets_no_contact_task_or_playbook_but_the_other_actions()
    {
        var lead = Facts();
        var steps = Steps(
            new RuleAction { Kind = "createTask", Title = "Call them", DueInDays = 2 },
            new RuleAction { Kind = "createTask", Title = "Check the data", Contact = false },
            new RuleAction { Kind = "proposePlaybook", Playbook = "Reseller intro" },
            new RuleAction { Kind = "addTag", Tag = "Review" });
        long cursor = 0;
        var plan = RulePlanner.Plan(steps, lead, World(new HashSet<Guid> { lead.LeadId }), ref cursor);
        Assert.Equal("Check the data", Assert.Single(plan.Tasks).Title);
        Assert.Equal(2, plan.Skipped.Count);
        Assert.All(plan.Skipped, s => Assert.Contains(RulePlanner.BlockedReason, s));
        Assert.Contains("review", plan.Tags);

        var free = RulePlanner.Plan(steps, Facts(), World(), ref cursor);
        Assert.Equal(3, free.Tasks.Count);
        Assert.Contains(free.Tasks, t => t.Playbook && t.Title == "Propose playbook: Reseller intro");
        Assert.Equal(Now.AddDays(2), free.Tasks[0].DueAt);
    }

    [Fact]
    public void Tasks_go_to_the_owner_just_assigned_and_notify_needs_someone()
    {
        var steps = Steps(
            new RuleAction { Kind = "assignRoundRobin", Users = ["ben"] },
            new RuleAction { Kind = "createTask", Title = "Call" },
            new RuleAction { Kind = "notify", Text = "New reseller" });
        long cursor = 0;
        var plan = RulePlanner.Plan(steps, Facts(), World(), ref cursor);
        Assert.Equal("ben", plan.Tasks.Single().OwnerId);
        Assert.Equal(("ben", "New reseller"), plan.Notifications.Single());

        var lonely = RulePlanner.Plan(Steps(new RuleAction { Kind = "notify", Text = "Hello" }), Facts(), World(),
            ref cursor);
        Assert.Empty(lonely.Notifications);
        Assert.Single(lonely.Skipped);
    }

    [Fact]
    public void Status_and_tag_that_are_already_so_change_nothing()
    {
        var steps = Steps(new RuleAction { Kind = "setStatus", Status = "New" },
            new RuleAction { Kind = "addTag", Tag = "vip" });
        long cursor = 0;
        var plan = RulePlanner.Plan(steps, Facts(f => f with { Tags = ["vip"] }), World(), ref cursor);
        Assert.Empty(plan.Changes);
        Assert.Equal(LeadStatus.New, plan.Status);
    }

    [Theory]
    [InlineData("explode", "actions[0].kind")]
    [InlineData("assignRoundRobin", "actions[0].users")]
    [InlineData("assignByRegion", "actions[0].regions")]
    [InlineData("setStatus", "actions[0].status")]
    [InlineData("addToList", "actions[0].listId")]
    [InlineData("addTag", "actions[0].tag")]
    [InlineData("createTask", "actions[0].title")]
    [InlineData("notify", "actions[0].text")]
    [InlineData("proposePlaybook", "actions[0].playbook")]
    public void Actions_missing_what_they_need_are_field_errors(string kind, string key)
    {
        var errors = new Errors();
        RuleActions.Compile([new RuleAction { Kind = kind }], errors);
        var e = Assert.Throws<ValidationFailedException>(errors.ThrowIfAny);
        Assert.True(e.Errors.ContainsKey(key), string.Join(", ", e.Errors.Keys));
    }
}
