using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Planner;
using LeadAgent.Web.Features.Qualification.Facts;

namespace LeadAgent.Tests.Planner;

/// <summary>Each planner case at its edges, from facts alone (no database).</summary>
public sealed class ActionPlannerTests
{
    private static readonly DateTime Now = new(2026, 12, 3, 10, 0, 0, DateTimeKind.Utc);
    private static readonly PlannerOptions Options = new();

    private static LeadFacts Lead(EngagementFacts? engagement = null, LeadStatus status = LeadStatus.Contacted,
        string? owner = "u1", Classification? band = Classification.Warm, CompanyFacts? company = null,
        ContactFacts? contact = null) => new()
        {
            LeadId = Guid.NewGuid(),
            Title = "Badges 2027",
            Status = status,
            OwnerId = owner,
            Currency = "EUR",
            Band = band,
            Score = 80,
            Company = company ?? new CompanyFacts { Id = Guid.NewGuid(), Name = "Acme Events", ContactCount = 1 },
            Contact = contact ?? new ContactFacts { Id = Guid.NewGuid(), Name = "Anna Muster", Email = "a@acme.de" },
            Engagement = engagement ?? EngagementFacts.None,
        };

    private static EngagementFacts Waiting(ChannelKind channel, DateTime inbound) => new()
    {
        Conversations = 1,
        Inbound = 1,
        LastInboundAt = inbound,
        LatestChannel = channel,
        LatestConversationId = Guid.NewGuid(),
    };

    private static EngagementFacts Quiet(DateTime outbound) =>
        new() { Conversations = 1, Outbound = 1, LastOutboundAt = outbound, LatestChannel = ChannelKind.Email };

    private static LeadPlan Plan(LeadFacts f, DateTime? now = null, string? blocked = null,
        PlannerOptions? options = null) => ActionPlanner.Plan(f, now ?? Now, options ?? Options, blocked);

    private static Proposal Single(LeadPlan plan, TaskKind kind) => Assert.Single(plan.Proposals, p => p.Kind == kind);

    [Fact]
    public void WhatsApp_window_closing_in_a_minute_is_answered_now_and_expires_with_the_window()
    {
        var inbound = Now - TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1);
        var f = Lead(Waiting(ChannelKind.WhatsApp, inbound));
        var plan = Plan(f);
        var answer = Single(plan, TaskKind.AnswerInbound);
        Assert.Equal(Now.AddMinutes(1), answer.ExpiresAt);
        Assert.Equal(inbound, answer.DueAt);
        Assert.Equal(f.Engagement.LatestConversationId, answer.ConversationId);
        Assert.Contains("WhatsApp", answer.Reason);
        Assert.DoesNotContain(plan.Proposals, p => p.Kind == TaskKind.SendTemplate);
    }

    [Fact]
    public void WhatsApp_window_closed_a_minute_ago_proposes_a_template_instead()
    {
        var inbound = Now - TimeSpan.FromHours(24) - TimeSpan.FromMinutes(1);
        var plan = Plan(Lead(Waiting(ChannelKind.WhatsApp, inbound)));
        var template = Single(plan, TaskKind.SendTemplate);
        Assert.Null(template.ExpiresAt);
        Assert.Equal(inbound.AddHours(24), template.DueAt);
        Assert.DoesNotContain(plan.Proposals, p => p.Kind == TaskKind.AnswerInbound);
    }

    [Fact]
    public void Messenger_after_24_hours_may_still_be_answered_by_a_person_until_7_days()
    {
        var inbound = Now - TimeSpan.FromHours(25);
        var answer = Single(Plan(Lead(Waiting(ChannelKind.Facebook, inbound))), TaskKind.AnswerInbound);
        Assert.Equal(inbound.AddDays(7), answer.ExpiresAt);

        var late = Plan(Lead(Waiting(ChannelKind.Facebook, Now - TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1))));
        Assert.DoesNotContain(late.Proposals, p => p.Kind is TaskKind.AnswerInbound or TaskKind.SendTemplate);
        Assert.Contains(late.Withheld, w => w.Contains("7-day", StringComparison.Ordinal));
    }

    [Fact]
    public void An_email_waiting_for_an_answer_has_no_window()
    {
        var answer = Single(Plan(Lead(Waiting(ChannelKind.Email, Now.AddDays(-2)))), TaskKind.AnswerInbound);
        Assert.Null(answer.ExpiresAt);
        Assert.Contains("no reply window", answer.Reason);
    }

    [Fact]
    public void The_same_fact_gives_the_same_key_at_any_time_and_a_new_message_a_new_key()
    {
        var inbound = Now.AddHours(-1);
        var f = Lead(Waiting(ChannelKind.WhatsApp, inbound));
        var first = Single(Plan(f), TaskKind.AnswerInbound);
        var later = Single(Plan(f, Now.AddHours(2)), TaskKind.AnswerInbound);
        Assert.Equal(first.PlanKey, later.PlanKey);
        Assert.Equal(first.Reason, later.Reason);
        var newer = Single(Plan(f with { Engagement = Waiting(ChannelKind.WhatsApp, Now) }), TaskKind.AnswerInbound);
        Assert.NotEqual(first.PlanKey, newer.PlanKey);
        Assert.True(first.PlanKey.Length <= 100);
    }

    [Fact]
    public void Quiet_exactly_N_days_gets_a_follow_up_and_a_minute_less_does_not()
    {
        var options = new PlannerOptions { FollowUpAfterDays = 5 };
        var exactly = Single(Plan(Lead(Quiet(Now.AddDays(-5))), options: options), TaskKind.FollowUp);
        Assert.Equal(Now, exactly.DueAt);
        var almost = Plan(Lead(Quiet(Now.AddDays(-5).AddMinutes(1))), options: options);
        Assert.DoesNotContain(almost.Proposals, p => p.Kind == TaskKind.FollowUp);
        Assert.Contains(Plan(Lead(Quiet(Now.AddDays(-3)))).Proposals, p => p.Kind == TaskKind.FollowUp);
    }

    [Fact]
    public void A_hot_lead_without_owner_is_to_be_called_and_one_with_an_owner_or_not_hot_is_not()
    {
        var call = Single(Plan(Lead(owner: null, band: Classification.Hot)), TaskKind.CallHotLead);
        Assert.Null(call.OwnerId);
        Assert.DoesNotContain(Plan(Lead(owner: "u1", band: Classification.Hot)).Proposals,
            p => p.Kind == TaskKind.CallHotLead);
        Assert.DoesNotContain(Plan(Lead(owner: null, band: Classification.Warm)).Proposals,
            p => p.Kind == TaskKind.CallHotLead);
        Assert.DoesNotContain(Plan(Lead(owner: null, band: Classification.Hot, status: LeadStatus.Won)).Proposals,
            p => p.Kind == TaskKind.CallHotLead);
    }

    [Fact]
    public void A_blocked_lead_gets_no_contact_proposal_and_says_why()
    {
        var f = Lead(Waiting(ChannelKind.WhatsApp, Now.AddHours(-1)), owner: null, band: Classification.Hot);
        var plan = Plan(f, blocked: "on the block list (domain acme.de): competitor");
        Assert.Empty(plan.Proposals);
        Assert.Contains(plan.Withheld, w => w.StartsWith("Answer Anna Muster", StringComparison.Ordinal)
            && w.Contains("competitor", StringComparison.Ordinal));
        Assert.Contains(plan.Withheld, w => w.StartsWith("Call hot lead", StringComparison.Ordinal));
        Assert.Equal(2, Plan(f).Proposals.Count);
    }

    [Fact]
    public void Reorder_is_proposed_when_the_usual_cycle_is_due_within_the_lead_time_even_on_a_closed_lead()
    {
        // Orders every 90 days; the last 85 days ago: due in 5 days, within the 7 days ahead.
        var today = DateOnly.FromDateTime(Now);
        CompanyFacts Client(int lastDaysAgo) => new()
        {
            Id = Guid.NewGuid(),
            Name = "Client GmbH",
            ContactCount = 2,
            OrderCount = 3,
            FirstOrderOn = today.AddDays(-lastDaysAgo - 180),
            LastOrderOn = today.AddDays(-lastDaysAgo),
        };
        var won = Lead(Waiting(ChannelKind.Email, Now.AddHours(-1)), status: LeadStatus.Won, company: Client(85));
        var plan = Plan(won);
        var reorder = Assert.Single(plan.Proposals);
        Assert.Equal(TaskKind.Reorder, reorder.Kind);
        Assert.Equal(today.AddDays(5).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), reorder.DueAt);
        Assert.Contains("90 days", reorder.Reason);

        Assert.DoesNotContain(Plan(Lead(company: Client(80))).Proposals, p => p.Kind == TaskKind.Reorder);
        Assert.Single(Plan(Lead(company: Client(83))).Proposals, p => p.Kind == TaskKind.Reorder);
        var once = Client(85) with { OrderCount = 1, FirstOrderOn = today.AddDays(-85) };
        Assert.DoesNotContain(Plan(Lead(company: once)).Proposals, p => p.Kind == TaskKind.Reorder);
    }

    [Fact]
    public void A_closed_lead_gets_nothing_but_reorder_and_says_so()
    {
        var lost = Lead(Waiting(ChannelKind.WhatsApp, Now.AddHours(-1)), status: LeadStatus.Lost, owner: null,
            band: Classification.Hot, contact: new ContactFacts { Id = Guid.NewGuid(), Name = "No Reach" });
        var plan = Plan(lost);
        Assert.Empty(plan.Proposals);
        Assert.Contains(plan.Withheld, w => w.Contains("lost", StringComparison.Ordinal));
    }

    [Fact]
    public void A_company_without_contacts_or_a_contact_without_reach_is_to_be_researched()
    {
        var company = new CompanyFacts { Id = Guid.NewGuid(), Name = "Unknown AG", ContactCount = 0 };
        var none = Single(Plan(Lead(company: company) with { Contact = null }), TaskKind.ResearchContact);
        Assert.Contains(company.Id.ToString("N"), none.PlanKey);

        var others = company with { ContactCount = 1 };
        Assert.Empty(Plan(Lead(company: others) with { Contact = null }).Proposals);

        var noReach = new ContactFacts { Id = Guid.NewGuid(), Name = "Ben" };
        var research = Single(Plan(Lead(contact: noReach)), TaskKind.ResearchContact);
        Assert.Contains("Ben", research.Reason);
        var phoneOnly = noReach with { Phone = "+4930123456" };
        Assert.Empty(Plan(Lead(contact: phoneOnly)).Proposals);
        Assert.Empty(Plan(Lead(contact: noReach), blocked: "blocked").Proposals);
    }

    [Fact]
    public void Snooze_times_are_the_users_own_wall_clock()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        // 10:00 UTC on Thursday 3 December is 11:00 in Berlin: tomorrow 9:00 there is 8:00 UTC.
        Assert.Equal(new DateTime(2026, 12, 4, 8, 0, 0, DateTimeKind.Utc), SnoozeTimes.TomorrowNine(Now, berlin));
        Assert.Equal(new DateTime(2026, 12, 7, 8, 0, 0, DateTimeKind.Utc), SnoozeTimes.NextWeek(Now, berlin));
        // Late in the evening UTC it is already tomorrow in Tokyo.
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        var evening = new DateTime(2026, 12, 3, 20, 0, 0, DateTimeKind.Utc);
        Assert.Equal(new DateTime(2026, 12, 5, 0, 0, 0, DateTimeKind.Utc), SnoozeTimes.TomorrowNine(evening, tokyo));
        Assert.Equal(Now.AddHours(1), SnoozeTimes.InOneHour(Now));
        var (start, end) = TodayQuery.Day(Now, berlin);
        Assert.Equal(new DateTime(2026, 12, 2, 23, 0, 0, DateTimeKind.Utc), start);
        Assert.Equal(new DateTime(2026, 12, 3, 23, 0, 0, DateTimeKind.Utc), end);
    }
}
