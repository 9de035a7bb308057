using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Activity;
using LeadAgent.Web.Features.Notes;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;

namespace LeadAgent.Tests.Notes;

/// <summary>Notes through the REST API; runs on SQLite and PostgreSQL.</summary>
public abstract class NoteApiTests(AppFactory app)
{
    [Fact]
    public async Task Notes_render_markdown_but_never_raw_html_and_appear_on_the_timeline()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var company = await c.CreateAsync(Make.Company("Note Co"));
        var body = "**Bold** <script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3))";
        var note = await c.CreateAsync(new NoteInput(NoteSubject.Company, company.Id, body));
        Assert.Equal(body, note.Body);
        Assert.Contains("<strong>Bold</strong>", note.Html);
        Assert.DoesNotContain("<script", note.Html);
        Assert.DoesNotContain("<img", note.Html);
        Assert.DoesNotContain("javascript:", note.Html);

        var timeline = await (await c.GetAsync($"/api/v1/companies/{company.Id}/timeline", Ct))
            .ReadAsync<Page<ActivityDto>>();
        Assert.Equal(["note-added", "created"], timeline.Items.Select(e => e.Action).ToArray());
        Assert.NotNull(timeline.Items[0].ActorId);
        Assert.Equal(company.Name, timeline.Items[0].EntityLabel);

        for (var i = 0; i < 4; i++)
        {
            await c.PostJsonAsync("/api/v1/notes", new NoteInput(NoteSubject.Company, company.Id, $"Follow-up {i}"));
        }
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var url = $"/api/v1/notes?subjectType=Company&subjectId={company.Id}&limit=2"
                + (cursor is null ? "" : "&cursor=" + cursor);
            var page = await (await c.GetAsync(url, Ct)).ReadAsync<Page<NoteDto>>();
            seen.AddRange(page.Items.Select(n => n.Body));
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        Assert.Equal(["Follow-up 3", "Follow-up 2", "Follow-up 1", "Follow-up 0", body], seen);
    }

    [Fact]
    public async Task A_logged_call_keeps_its_outcome_and_time_and_shows_on_the_timeline_as_a_call()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var company = await c.CreateAsync(Make.Company($"Call Co {Guid.NewGuid():N}"));
        var lead = await c.CreateAsync(Make.Lead(company, "Stand 2027"));
        var at = DateTime.UtcNow.AddHours(-3);
        var call = await c.CreateAsync(new NoteInput(NoteSubject.Lead, lead.Id, "Talked to *Jana*: send a quote",
            Kind: NoteKind.Call, Outcome: "Reached, wants a quote", OccurredAt: at));
        Assert.Equal((NoteKind.Call, "Reached, wants a quote"), (call.Kind, call.Outcome));
        Assert.Equal(at, call.OccurredAt!.Value, TimeSpan.FromMilliseconds(1));

        var listed = await c.GetJsonAsync<Page<NoteDto>>($"/api/v1/notes?subjectType=Lead&subjectId={lead.Id}");
        Assert.Equal(NoteKind.Call, Assert.Single(listed.Items).Kind);
        var timeline = await c.GetJsonAsync<Page<ActivityDto>>($"/api/v1/leads/{lead.Id}/timeline");
        Assert.Equal("call-logged", timeline.Items[0].Action);

        // A plain note carries neither outcome nor time; an activity cannot be logged for next week.
        var note = await c.CreateAsync(new NoteInput(NoteSubject.Lead, lead.Id, "Just a note", Outcome: "ignored"));
        Assert.Equal((NoteKind.Note, null, null), (note.Kind, note.Outcome, note.OccurredAt));
        var future = await c.PostJsonAsync("/api/v1/notes", new NoteInput(NoteSubject.Lead, lead.Id, "Soon",
            Kind: NoteKind.Meeting, OccurredAt: DateTime.UtcNow.AddDays(7)));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Contains("occurredAt", await future.Content.ReadAsStringAsync(Ct));
    }
}

[Collection(nameof(SqliteCrm))]
public sealed class NoteApiSqliteTests(SqliteApp app) : NoteApiTests(app);

[Collection(nameof(PostgresCrm))]
public sealed class NoteApiPostgresTests(PostgresApp app) : NoteApiTests(app);
