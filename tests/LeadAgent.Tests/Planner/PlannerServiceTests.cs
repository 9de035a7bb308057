using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Planner;

namespace LeadAgent.Tests.Planner;

/// <summary>
/// Proposals stored as tasks: once per fact, closed when the fact goes away, never re-made when dismissed.
/// </summary>
public abstract class PlannerServiceTests(PlannerApp app)
{
    [Fact]
    public async Task Planning_twice_gives_the_same_tasks()
    {
        var s = await app.SeedAsync();
        var conversation = await app.InboundAsync(s.ContactId, ChannelKind.WhatsApp, app.Now.AddHours(-2));

        var first = await app.PlanAsync(s.LeadId);
        Assert.Equal(1, first.Created);
        var second = await app.PlanAsync(s.LeadId);
        Assert.Equal(new PlanSummary(1, 0, 0, 0, 0), second);

        var task = Assert.Single(await app.TasksOfAsync(s.LeadId));
        Assert.Equal(TaskKind.AnswerInbound, task.Kind);
        Assert.Equal(TaskState.Open, task.State);
        Assert.Equal(s.UserId, task.OwnerId);
        Assert.Equal(conversation, task.ConversationId);
        Assert.Equal(app.Now.AddHours(22), task.ExpiresAt);
        Assert.Equal(PlannerService.PlannerName, task.CreatedByName);
    }

    [Fact]
    public async Task An_answered_message_closes_its_proposal_as_obsolete()
    {
        var s = await app.SeedAsync();
        var conversation = await app.InboundAsync(s.ContactId, ChannelKind.Email, app.Now.AddHours(-1));
        await app.PlanAsync(s.LeadId);
        await app.AnswerAsync(conversation, app.Now);

        var summary = await app.PlanAsync(s.LeadId);
        Assert.Equal(1, summary.Obsoleted);
        var task = Assert.Single(await app.TasksOfAsync(s.LeadId));
        Assert.Equal(TaskState.Obsolete, task.State);
        Assert.Equal(PlannerService.PlannerName, task.ClosedByName);
        Assert.Equal(app.Now, task.ClosedAt);
    }

    [Fact]
    public async Task A_closed_WhatsApp_window_turns_the_answer_into_a_template_proposal()
    {
        var s = await app.SeedAsync();
        await app.InboundAsync(s.ContactId, ChannelKind.WhatsApp, app.Now.AddHours(-23));
        await app.PlanAsync(s.LeadId);
        app.Clock.Advance(TimeSpan.FromHours(2));

        await app.PlanAsync(s.LeadId);
        var tasks = await app.TasksOfAsync(s.LeadId);
        Assert.Equal(TaskState.Obsolete, Assert.Single(tasks, t => t.Kind == TaskKind.AnswerInbound).State);
        Assert.Equal(TaskState.Open, Assert.Single(tasks, t => t.Kind == TaskKind.SendTemplate).State);
    }

    [Fact]
    public async Task A_dismissed_proposal_is_not_made_again_for_the_same_fact()
    {
        var s = await app.SeedAsync(owner: null, band: Classification.Hot);
        await app.PlanAsync(s.LeadId);
        var call = Assert.Single(await app.TasksOfAsync(s.LeadId), t => t.Kind == TaskKind.CallHotLead);
        Assert.Null(call.OwnerId);

        var dismissed = await PlannerApp.PatchAsync(s.Client, call.Id,
            new TaskPatch(TaskAction.Dismiss, call.Version, Reason: "Not a real buyer"));
        Assert.Equal(System.Net.HttpStatusCode.OK, dismissed.StatusCode);
        var again = await app.PlanAsync(s.LeadId);
        Assert.Equal(0, again.Created);
        var stored = Assert.Single(await app.TasksOfAsync(s.LeadId), t => t.Kind == TaskKind.CallHotLead);
        Assert.Equal(TaskState.Dismissed, stored.State);
        Assert.Equal("Not a real buyer", stored.CloseNote);
        Assert.Equal(app.Now, stored.ClosedAt);
        Assert.StartsWith("sales", stored.ClosedByName);
    }

    [Fact]
    public async Task A_proposal_follows_its_lead_owner_and_goes_when_the_lead_gets_one()
    {
        var s = await app.SeedAsync(owner: null, band: Classification.Hot);
        await app.InboundAsync(s.ContactId, ChannelKind.Email, app.Now.AddHours(-1));
        await app.PlanAsync(s.LeadId);
        Assert.All(await app.TasksOfAsync(s.LeadId), t => Assert.Null(t.OwnerId));

        await using (var db = app.CreateDbContext())
        {
            var lead = await db.Leads.FindAsync([s.LeadId], TestContext.Current.CancellationToken);
            lead!.OwnerId = s.UserId;
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        await app.PlanAsync(s.LeadId);
        var tasks = await app.TasksOfAsync(s.LeadId);
        Assert.Equal(TaskState.Obsolete, Assert.Single(tasks, t => t.Kind == TaskKind.CallHotLead).State);
        var answer = Assert.Single(tasks, t => t.Kind == TaskKind.AnswerInbound);
        Assert.Equal(s.UserId, answer.OwnerId);

        // A person hands the proposal to a colleague: planning again keeps their choice.
        var (colleague, _) = await app.CreateUserAsync(Roles.Sales);
        var handed = await PlannerApp.PatchAsync(s.Client, answer.Id,
            new TaskPatch(TaskAction.Edit, answer.Version, OwnerId: colleague.Id));
        Assert.Equal(System.Net.HttpStatusCode.OK, handed.StatusCode);
        await app.PlanAsync(s.LeadId);
        var kept = Assert.Single(await app.TasksOfAsync(s.LeadId), t => t.Kind == TaskKind.AnswerInbound);
        Assert.Equal((colleague.Id, TaskState.Open), (kept.OwnerId, kept.State));
    }

    [Fact]
    public async Task A_closed_lead_loses_its_open_proposals()
    {
        var s = await app.SeedAsync();
        await app.InboundAsync(s.ContactId, ChannelKind.Email, app.Now.AddHours(-1));
        await app.PlanAsync(s.LeadId);
        await using (var db = app.CreateDbContext())
        {
            var lead = await db.Leads.FindAsync([s.LeadId], TestContext.Current.CancellationToken);
            lead!.SetStatus(LeadStatus.Lost, app.Now);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        var summary = await app.PlanAsync(s.LeadId);
        Assert.Equal(1, summary.Obsoleted);
        Assert.All(await app.TasksOfAsync(s.LeadId), t => Assert.Equal(TaskState.Obsolete, t.State));
    }
}

[Collection(nameof(SqlitePlanner))]
public sealed class PlannerServiceSqliteTests(SqlitePlannerApp app) : PlannerServiceTests(app);

[Collection(nameof(PostgresPlanner))]
public sealed class PlannerServicePostgresTests(PostgresPlannerApp app) : PlannerServiceTests(app);
