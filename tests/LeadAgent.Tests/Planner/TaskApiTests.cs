using System.Net;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Planner;
using LeadAgent.Web.Infrastructure.Api;

namespace LeadAgent.Tests.Planner;

/// <summary>Tasks and the Today list through the REST API: feedback recorded, snooze, permissions, conflicts.</summary>
public abstract class TaskApiTests(PlannerApp app)
{
    private static async Task<TaskDto> AddAsync(HttpClient c, TaskInput input)
    {
        var response = await c.PostJsonAsync("/api/v1/tasks", input);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<TaskDto>();
    }

    private static TodayGroup Group(TodayDto today, TodayGroupName name) => today.Groups.Single(g => g.Name == name);

    [Fact]
    public async Task A_to_do_is_added_done_and_recorded_with_who_and_when()
    {
        var s = await app.SeedAsync();
        var todo = await AddAsync(s.Client, new TaskInput("Send the sample box", app.Now.AddHours(3),
            LeadId: s.LeadId, Notes: "Blue lanyards"));
        Assert.Equal(TaskKind.ToDo, todo.Kind);
        Assert.False(todo.IsProposal);
        Assert.Equal(s.UserId, todo.OwnerId);
        Assert.Equal(s.CompanyId, todo.CompanyId);
        Assert.Equal("Blue lanyards", todo.Reason);

        var done = await (await PlannerApp.PatchAsync(s.Client, todo.Id, new TaskPatch(TaskAction.Done, todo.Version)))
            .ReadAsync<TaskDto>();
        Assert.Equal(TaskState.Done, done.State);
        Assert.Equal(app.Now, done.ClosedAt);
        Assert.NotNull(done.ClosedByName);

        var again = await PlannerApp.PatchAsync(s.Client, todo.Id, new TaskPatch(TaskAction.Done, done.Version));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var reopened = await (await PlannerApp.PatchAsync(s.Client, todo.Id,
            new TaskPatch(TaskAction.Reopen, done.Version))).ReadAsync<TaskDto>();
        Assert.Equal(TaskState.Open, reopened.State);
        Assert.Null(reopened.ClosedAt);

        var mine = await s.Client.GetJsonAsync<Page<TaskDto>>($"/api/v1/tasks?owner=me&state=Open&leadId={s.LeadId}");
        Assert.Equal(todo.Id, Assert.Single(mine.Items).Id);
    }

    [Fact]
    public async Task A_snoozed_task_leaves_today_and_comes_back_when_its_time_comes()
    {
        var s = await app.SeedAsync();
        var todo = await AddAsync(s.Client, new TaskInput("Call back", app.Now.AddMinutes(-5)));
        var today = await s.Client.GetJsonAsync<TodayDto>("/api/v1/today");
        Assert.Contains(Group(today, TodayGroupName.Today).Items, t => t.Id == todo.Id);

        var snoozed = await (await PlannerApp.PatchAsync(s.Client, todo.Id,
            new TaskPatch(TaskAction.Snooze, todo.Version, Until: app.Now.AddHours(1)))).ReadAsync<TaskDto>();
        Assert.Equal(TaskState.Snoozed, snoozed.State);
        today = await s.Client.GetJsonAsync<TodayDto>("/api/v1/today");
        Assert.DoesNotContain(today.Groups.SelectMany(g => g.Items), t => t.Id == todo.Id);

        app.Clock.Advance(TimeSpan.FromHours(1));
        today = await s.Client.GetJsonAsync<TodayDto>("/api/v1/today");
        var back = Assert.Single(today.Groups.SelectMany(g => g.Items), t => t.Id == todo.Id);
        Assert.Equal(app.Now, back.DueAt);
    }

    [Fact]
    public async Task Today_groups_by_urgency_with_the_closing_window_in_now()
    {
        var s = await app.SeedAsync();
        await app.InboundAsync(s.ContactId, ChannelKind.WhatsApp, app.Now.AddHours(-23), "<b>Need 500 badges</b>");
        await app.PlanAsync(s.LeadId);
        var overdue = await AddAsync(s.Client, new TaskInput("Old promise", app.Now.AddDays(-2)));
        var later = await AddAsync(s.Client, new TaskInput("Later today", app.Now.AddHours(5)));
        var upcoming = await AddAsync(s.Client, new TaskInput("Next week", app.Now.AddDays(3)));
        await AddAsync(s.Client, new TaskInput("Far away", app.Now.AddDays(30)));

        var today = await s.Client.GetJsonAsync<TodayDto>("/api/v1/today");
        Assert.Equal([TodayGroupName.Overdue, TodayGroupName.Now, TodayGroupName.Today, TodayGroupName.Upcoming,
            TodayGroupName.Unassigned], today.Groups.Select(g => g.Name));
        Assert.Equal(overdue.Id, Assert.Single(Group(today, TodayGroupName.Overdue).Items).Id);
        var answer = Assert.Single(Group(today, TodayGroupName.Now).Items);
        Assert.Equal(TaskKind.AnswerInbound, answer.Kind);
        Assert.Equal(app.Now.AddHours(1), answer.ExpiresAt);
        Assert.Equal("<b>Need 500 badges</b>", answer.MessagePreview);
        Assert.Equal(later.Id, Assert.Single(Group(today, TodayGroupName.Today).Items).Id);
        Assert.Equal(upcoming.Id, Assert.Single(Group(today, TodayGroupName.Upcoming).Items).Id);
        Assert.Equal(1, Group(today, TodayGroupName.Upcoming).Count);
    }

    [Fact]
    public async Task Viewers_read_tasks_but_cannot_change_them()
    {
        var s = await app.SeedAsync();
        var todo = await AddAsync(s.Client, new TaskInput("Mine", app.Now));
        var viewer = await app.ClientAsync(Roles.Viewer);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/v1/today", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/api/v1/tasks/{todo.Id}", Ct)).StatusCode);
        var post = await viewer.PostJsonAsync("/api/v1/tasks", new TaskInput("Nope", app.Now));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        await post.ProblemAsync();
        var patch = await PlannerApp.PatchAsync(viewer, todo.Id, new TaskPatch(TaskAction.Done, todo.Version));
        Assert.Equal(HttpStatusCode.Forbidden, patch.StatusCode);
    }

    [Fact]
    public async Task A_stale_version_gets_409_and_bad_input_field_errors()
    {
        var s = await app.SeedAsync();
        var todo = await AddAsync(s.Client, new TaskInput("Race", app.Now));
        var edited = await PlannerApp.PatchAsync(s.Client, todo.Id,
            new TaskPatch(TaskAction.Edit, todo.Version, Title: "Renamed"));
        Assert.Equal("Renamed", (await edited.ReadAsync<TaskDto>()).Title);
        var stale = await PlannerApp.PatchAsync(s.Client, todo.Id, new TaskPatch(TaskAction.Done, todo.Version));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(409, (await stale.ProblemAsync()).GetProperty("status").GetInt32());

        var bad = await s.Client.PostJsonAsync("/api/v1/tasks",
            new TaskInput(" ", null, OwnerId: "nobody", LeadId: Guid.NewGuid()));
        var errors = (await bad.ProblemAsync()).GetProperty("errors");
        foreach (var field in new[] { "title", "dueAt", "ownerId", "leadId" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }
        var fresh = await s.Client.GetJsonAsync<TaskDto>($"/api/v1/tasks/{todo.Id}");
        var noUntil = await PlannerApp.PatchAsync(s.Client, todo.Id, new TaskPatch(TaskAction.Snooze, fresh.Version));
        Assert.True((await noUntil.ProblemAsync()).GetProperty("errors").TryGetProperty("until", out _));
        var past = await PlannerApp.PatchAsync(s.Client, todo.Id,
            new TaskPatch(TaskAction.Snooze, fresh.Version, Until: app.Now.AddMinutes(-1)));
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        var noVersion = await PlannerApp.PatchAsync(s.Client, todo.Id, new TaskPatch(TaskAction.Done, null));
        Assert.True((await noVersion.ProblemAsync()).GetProperty("errors").TryGetProperty("version", out _));
        var badState = await s.Client.GetAsync("/api/v1/tasks?state=Nope", Ct);
        Assert.True((await badState.ProblemAsync()).GetProperty("errors").TryGetProperty("state", out _));
        var missing = await PlannerApp.PatchAsync(s.Client, Guid.NewGuid(), new TaskPatch(TaskAction.Done, 1));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_proposals_wording_is_the_planners_but_its_owner_and_due_can_change()
    {
        var s = await app.SeedAsync();
        await app.InboundAsync(s.ContactId, ChannelKind.Email, app.Now.AddHours(-1));
        await app.PlanAsync(s.LeadId);
        var list = await s.Client.GetJsonAsync<Page<TaskDto>>($"/api/v1/tasks?leadId={s.LeadId}");
        var proposal = Assert.Single(list.Items);
        Assert.True(proposal.IsProposal);
        var retitle = await PlannerApp.PatchAsync(s.Client, proposal.Id,
            new TaskPatch(TaskAction.Edit, proposal.Version, Title: "Mine now"));
        Assert.True((await retitle.ProblemAsync()).GetProperty("errors").TryGetProperty("title", out _));
        var due = await PlannerApp.PatchAsync(s.Client, proposal.Id,
            new TaskPatch(TaskAction.Edit, proposal.Version, DueAt: app.Now.AddDays(1)));
        Assert.Equal(app.Now.AddDays(1), (await due.ReadAsync<TaskDto>()).DueAt);
    }
}

[Collection(nameof(SqlitePlanner))]
public sealed class TaskApiSqliteTests(SqlitePlannerApp app) : TaskApiTests(app);

[Collection(nameof(PostgresPlanner))]
public sealed class TaskApiPostgresTests(PostgresPlannerApp app) : TaskApiTests(app);
