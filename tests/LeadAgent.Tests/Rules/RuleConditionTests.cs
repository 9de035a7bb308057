using System.Text.Json;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Qualification.Facts;
using LeadAgent.Web.Features.Rules;
using LeadAgent.Web.Infrastructure.Api;

namespace LeadAgent.Tests.Rules;

/// <summary>Each field type and operator at its edges, and the field errors of bad conditions.</summary>
public sealed class RuleConditionTests
{
    private static readonly DateTime Now = new(2026, 6, 15, 12, 0, 0, DateTimeKind.Utc);

    internal static LeadFacts Facts(Func<LeadFacts, LeadFacts>? change = null)
    {
        var facts = new LeadFacts
        {
            LeadId = Guid.NewGuid(),
            Title = "Badges for Eventwerk",
            Currency = "EUR",
            Status = LeadStatus.New,
            CreatedAt = Now.AddDays(-10),
            StatusChangedAt = Now.AddDays(-10),
            Company = new CompanyFacts { Id = Guid.NewGuid(), Name = "Eventwerk", Country = "DE" },
        };
        return change is null ? facts : change(facts);
    }

    private static bool Holds(LeadFacts facts, string field, string op, object? value = null)
    {
        var errors = new Errors();
        var checks = RuleConditions.Compile([Condition(field, op, value)], errors);
        errors.ThrowIfAny();
        return RuleCheck.All(checks, facts, Now);
    }

    internal static RuleCondition Condition(string field, string op, object? value = null) =>
        new() { Field = field, Op = op, Value = value is null ? null : JsonSerializer.SerializeToElement(value) };

    [Fact]
    public void Choices_compare_by_name_in_any_case_and_lists_hold_any_member()
    {
        var lead = Facts(f => f with { Status = LeadStatus.Qualified });
        Assert.True(Holds(lead, "lead.status", "eq", "qualified"));
        Assert.False(Holds(lead, "lead.status", "neq", "Qualified"));
        Assert.True(Holds(lead, "lead.status", "in", new[] { "New", "Qualified" }));
        Assert.True(Holds(lead, "lead.status", "in", "New, Qualified"));
        Assert.False(Holds(lead, "lead.status", "notIn", new[] { "Qualified" }));
        Assert.True(Holds(lead, "company.segment", "eq", "Unknown"));
    }

    [Fact]
    public void An_empty_band_fails_equality_but_holds_negation_and_is_empty()
    {
        var unscored = Facts();
        Assert.False(Holds(unscored, "lead.band", "eq", "Hot"));
        Assert.True(Holds(unscored, "lead.band", "neq", "Hot"));
        Assert.True(Holds(unscored, "lead.band", "isEmpty"));
        Assert.True(Holds(Facts(f => f with { Band = Classification.Hot }), "lead.band", "isSet"));
    }

    [Fact]
    public void Numbers_are_inclusive_at_the_bound_and_null_never_compares()
    {
        var seventy = Facts(f => f with { Score = 70 });
        Assert.True(Holds(seventy, "lead.score", "gte", 70));
        Assert.False(Holds(seventy, "lead.score", "gte", 70.01));
        Assert.True(Holds(seventy, "lead.score", "lte", "70"));
        Assert.False(Holds(seventy, "lead.score", "lte", 69));
        Assert.True(Holds(seventy, "lead.score", "eq", 70));
        var unscored = Facts();
        Assert.False(Holds(unscored, "lead.score", "gte", 0));
        Assert.False(Holds(unscored, "lead.score", "lte", 100));
        Assert.True(Holds(unscored, "lead.score", "isEmpty"));
        Assert.True(Holds(Facts(f => f with { ExpectedValue = 5000.5m }), "lead.expectedValue", "gte", 5000.5));
        Assert.True(Holds(Facts(f => f with { Company = f.Company with { OrderCount = 3 } }),
            "company.orderCount", "gte", 3));
        Assert.True(Holds(Facts(f => f with { Company = f.Company with { PotentialExpected = 20_000m } }),
            "company.potential", "gte", 20_000));
        Assert.False(Holds(Facts(), "company.potential", "gte", 0));
        Assert.True(Holds(Facts(f => f with { Company = f.Company with { FitScore = 80 } }),
            "company.fitScore", "gte", 80));
    }

    [Fact]
    public void Countries_take_codes_and_the_dach_region()
    {
        Assert.True(Holds(Facts(), "company.country", "in", new[] { "DACH" }));
        Assert.True(Holds(Facts(f => f with { Company = f.Company with { Country = "CH" } }),
            "company.country", "in", "dach, GB"));
        Assert.True(Holds(Facts(f => f with { Company = f.Company with { Country = "AE" } }),
            "company.country", "in", new[] { "DACH", "GB", "AE" }));
        Assert.False(Holds(Facts(f => f with { Company = f.Company with { Country = "FR" } }),
            "company.country", "in", new[] { "DACH", "GB", "AE" }));
        Assert.True(Holds(Facts(f => f with { Company = f.Company with { Country = "FR" } }),
            "company.country", "notIn", "DACH"));
        Assert.True(Holds(Facts(), "company.country", "eq", "de"));
        Assert.False(Holds(Facts(f => f with { Company = f.Company with { Country = null } }),
            "company.country", "in", "DACH"));
        Assert.True(Holds(Facts(f => f with { Company = f.Company with { Country = null } }),
            "company.country", "isEmpty"));
    }

    [Fact]
    public void Tags_contain_one_any_or_none()
    {
        var lead = Facts(f => f with { Tags = ["vip", "fair-2026"] });
        Assert.True(Holds(lead, "lead.tags", "contains", "VIP"));
        Assert.False(Holds(lead, "lead.tags", "contains", "vi"));
        Assert.True(Holds(lead, "lead.tags", "in", new[] { "x", "fair-2026" }));
        Assert.True(Holds(lead, "lead.tags", "notIn", new[] { "x", "y" }));
        Assert.False(Holds(lead, "lead.tags", "notIn", new[] { "vip" }));
        Assert.True(Holds(Facts(), "lead.tags", "isEmpty"));
        Assert.True(Holds(lead, "lead.tags", "isSet"));
    }

    [Fact]
    public void Text_matches_without_case_and_contains_finds_parts()
    {
        var lead = Facts(f => f with { Company = f.Company with { Industry = "Event Management" } });
        Assert.True(Holds(lead, "company.industry", "contains", "management"));
        Assert.True(Holds(lead, "company.industry", "eq", "event management"));
        Assert.False(Holds(Facts(), "company.industry", "contains", "event"));
        Assert.True(Holds(Facts(), "lead.currency", "eq", "eur"));
        Assert.True(Holds(Facts(), "contact.email", "isEmpty"));
        var reachable = Facts(f => f with
        {
            Contact = new ContactFacts
            {
                Id = Guid.NewGuid(),
                Name = "Anna",
                Email = "anna@eventwerk.de"
            }
        });
        Assert.True(Holds(reachable, "contact.email", "isSet"));
        Assert.True(Holds(reachable, "contact.phone", "isEmpty"));
    }

    [Fact]
    public void Older_than_and_within_split_at_exactly_n_days()
    {
        var exactly30 = Facts(f => f with { StatusChangedAt = Now.AddDays(-30) });
        Assert.False(Holds(exactly30, "lead.statusChangedAt", "olderThan", 30));
        Assert.True(Holds(exactly30, "lead.statusChangedAt", "within", 30));
        var justOver = Facts(f => f with { StatusChangedAt = Now.AddDays(-30).AddMinutes(-1) });
        Assert.True(Holds(justOver, "lead.statusChangedAt", "olderThan", 30));
        Assert.False(Holds(justOver, "lead.statusChangedAt", "within", 30));

        var ordered = Facts(f => f with { Company = f.Company with { LastOrderOn = new DateOnly(2026, 3, 17) } });
        Assert.False(Holds(ordered, "company.lastOrderOn", "olderThan", 90)); // 90 days before 15 June
        Assert.True(Holds(ordered, "company.lastOrderOn", "olderThan", 89));
        Assert.True(Holds(ordered, "company.lastOrderOn", "within", 90));
        Assert.False(Holds(Facts(), "company.lastOrderOn", "olderThan", 0));
        Assert.False(Holds(Facts(), "company.lastOrderOn", "within", 10_000));
        Assert.True(Holds(Facts(), "company.lastOrderOn", "isEmpty"));
    }

    [Fact]
    public void Conversation_waits_and_quiet_count_from_the_last_message()
    {
        var waiting = Facts(f => f with
        {
            Engagement = new EngagementFacts
            {
                Inbound = 3,
                LastInboundAt = Now.AddHours(-24),
                LastOutboundAt = Now.AddHours(-30),
                LatestChannel = ChannelKind.WhatsApp,
            },
        });
        Assert.True(Holds(waiting, "conversation.awaitingReplyHours", "gte", 24));
        Assert.False(Holds(waiting, "conversation.awaitingReplyHours", "gte", 24.5));
        Assert.True(Holds(waiting, "conversation.quietDays", "isEmpty"));
        Assert.True(Holds(waiting, "conversation.inbound", "gte", 3));
        Assert.False(Holds(waiting, "conversation.inbound", "gte", 4));
        Assert.True(Holds(waiting, "conversation.channel", "eq", "WhatsApp"));

        var quiet = Facts(f => f with
        {
            Engagement = new EngagementFacts { LastInboundAt = Now.AddDays(-9), LastOutboundAt = Now.AddDays(-7) },
        });
        Assert.True(Holds(quiet, "conversation.quietDays", "gte", 7));
        Assert.False(Holds(quiet, "conversation.quietDays", "gte", 8));
        Assert.False(Holds(quiet, "conversation.awaitingReplyHours", "gte", 0));
        Assert.True(Holds(Facts(), "conversation.channel", "isEmpty"));
    }

    [Fact]
    public void Owner_none_or_one_of_several()
    {
        Assert.True(Holds(Facts(), "lead.owner", "isEmpty"));
        var owned = Facts(f => f with { OwnerId = "u1" });
        Assert.True(Holds(owned, "lead.owner", "eq", "u1"));
        Assert.True(Holds(owned, "lead.owner", "in", new[] { "u2", "u1" }));
        Assert.True(Holds(owned, "lead.owner", "neq", "u2"));
        Assert.True(Holds(Facts(), "lead.owner", "neq", "u2"));
    }

    [Fact]
    public void All_conditions_must_hold_and_a_group_needs_any_one()
    {
        var errors = new Errors();
        var checks = RuleConditions.Compile(
        [
            Condition("company.segment", "eq", "Reseller"),
            new RuleCondition { Any = [Condition("lead.score", "gte", 70), Condition("lead.tags", "contains", "vip")] },
        ], errors);
        errors.ThrowIfAny();
        var reseller = Facts(f => f with { Company = f.Company with { Segment = Segment.Reseller } });
        Assert.False(RuleCheck.All(checks, reseller, Now));
        Assert.True(RuleCheck.All(checks, reseller with { Score = 70 }, Now));
        Assert.True(RuleCheck.All(checks, reseller with { Tags = ["vip"] }, Now));
        Assert.False(RuleCheck.All(checks, Facts(f => f with { Tags = ["vip"], Score = 90 }), Now));
    }

    [Theory]
    [InlineData("lead.colour", "eq", "red", "conditions[0].field")]
    [InlineData("lead.score", "contains", "7", "conditions[0].op")]
    [InlineData("lead.status", "gte", "New", "conditions[0].op")]
    [InlineData("lead.status", "isEmpty", null, "conditions[0].op")]
    [InlineData("lead.score", "gte", "high", "conditions[0].value")]
    [InlineData("lead.status", "eq", "Sleeping", "conditions[0].value")]
    [InlineData("company.country", "in", "Germany", "conditions[0].value")]
    [InlineData("lead.createdAt", "olderThan", "-1", "conditions[0].value")]
    [InlineData("lead.createdAt", "olderThan", "1.5", "conditions[0].value")]
    [InlineData("lead.tags", "in", "", "conditions[0].value")]
    [InlineData("lead.status", "like", "New", "conditions[0].op")]
    public void Bad_conditions_are_field_errors(string field, string op, string? value, string key)
    {
        var errors = new Errors();
        RuleConditions.Compile([Condition(field, op, value)], errors);
        var e = Assert.Throws<ValidationFailedException>(errors.ThrowIfAny);
        Assert.True(e.Errors.ContainsKey(key), string.Join(", ", e.Errors.Keys));
    }

    [Fact]
    public void No_conditions_and_nested_groups_are_refused()
    {
        var errors = new Errors();
        RuleConditions.Compile([], errors);
        RuleConditions.Compile([new RuleCondition { Any = [new RuleCondition { Any = [] }] }], errors);
        var e = Assert.Throws<ValidationFailedException>(errors.ThrowIfAny);
        Assert.Contains("conditions", e.Errors.Keys);
        Assert.Contains("conditions[0].any[0]", e.Errors.Keys);
    }
}
