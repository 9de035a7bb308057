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
}

[Collection(nameof(SqliteCrm))]
public sealed class NoteApiSqliteTests(SqliteApp app) : NoteApiTests(app);

[Collection(nameof(PostgresCrm))]
public sealed class NoteApiPostgresTests(PostgresApp app) : NoteApiTests(app);
