using System.Net;
using System.Text.Json;
using LeadAgent.Tests.Infrastructure;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Notes;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Tests.Api;

/// <summary>Companies, contacts, leads and notes through the REST API; runs on SQLite and PostgreSQL.</summary>
public abstract class CrmApiTests(AppFactory app)
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected async Task<CompanyRow> NewCompanyAsync(HttpClient c, string name, string? website = null, Segment segment = Segment.EventAgency, string country = "DE")
    {
        var r = await c.PostJsonAsync("/api/v1/companies", new CompanyInput { Name = name, Website = website, Segment = segment, Country = country });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return await r.ReadAsync<CompanyRow>();
    }

    [Fact]
    public async Task Company_website_is_normalised_to_a_unique_registrable_domain()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var company = await NewCompanyAsync(c, "Eventwerk", $"WWW.Shop.Eventwerk-{suffix}.co.uk/path?utm_source=x");
        Assert.Equal($"eventwerk-{suffix}.co.uk", company.Domain);
        Assert.Equal($"https://www.shop.eventwerk-{suffix}.co.uk/path", company.Website);

        var clash = await c.PostJsonAsync("/api/v1/companies", new CompanyInput { Name = "Other", Website = $"https://eventwerk-{suffix}.co.uk" });
        Assert.Equal(HttpStatusCode.BadRequest, clash.StatusCode);
        var problem = await clash.ProblemAsync();
        Assert.Contains("already has the domain", problem.GetProperty("errors").GetProperty("website")[0].GetString());
    }

    [Fact]
    public async Task Contact_identities_are_normalised_and_invalid_ones_get_field_errors()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var company = await NewCompanyAsync(c, "Contact Co");
        var r = await c.PostJsonAsync("/api/v1/contacts", new ContactInput
        {
            FirstName = "Anna",
            LastName = "Berger",
            CompanyId = company.Id,
            Identities = [new(IdentityKind.Email, "  Anna.Berger@Example.COM "), new(IdentityKind.Phone, "030 1234567"), new(IdentityKind.Instagram, "@Anna.B")],
        });
        var contact = await r.ReadAsync<ContactRow>();
        Assert.Contains(contact.Identities, i => i.Kind == IdentityKind.Email && i.Value == "anna.berger@example.com");
        Assert.Contains(contact.Identities, i => i.Kind == IdentityKind.Phone && i.Value == "+49301234567");
        Assert.Contains(contact.Identities, i => i.Kind == IdentityKind.Instagram && i.Value == "anna.b");

        var bad = await c.PostJsonAsync("/api/v1/contacts", new ContactInput
        {
            FirstName = "X",
            Identities = [new(IdentityKind.Email, "not an email"), new(IdentityKind.Phone, "12")],
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.ProblemAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("identities[0].value", out _));
        Assert.True(errors.TryGetProperty("identities[1].value", out _));
    }

    [Fact]
    public async Task A_stale_edit_gets_409_and_does_not_overwrite()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var company = await NewCompanyAsync(c, "Stale Co");
        var lead = await (await c.PostJsonAsync("/api/v1/leads", new LeadInput { Title = "Original", CompanyId = company.Id })).ReadAsync<LeadRow>();

        var first = await c.PutJsonAsync($"/api/v1/leads/{lead.Id}", new LeadInput { Title = "First edit", CompanyId = company.Id, Version = lead.Version });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await c.PutJsonAsync($"/api/v1/leads/{lead.Id}", new LeadInput { Title = "Second edit", CompanyId = company.Id, Version = lead.Version });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(409, (await second.ProblemAsync()).GetProperty("status").GetInt32());

        var now = await (await c.GetAsync($"/api/v1/leads/{lead.Id}", Ct)).ReadAsync<LeadRow>();
        Assert.Equal("First edit", now.Title);
        Assert.Equal(lead.Version + 1, now.Version);
    }

    [Fact]
    public async Task Concurrent_edits_with_the_same_version_let_exactly_one_win()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var company = await NewCompanyAsync(c, "Race Co");
        var lead = await (await c.PostJsonAsync("/api/v1/leads", new LeadInput { Title = "Race", CompanyId = company.Id })).ReadAsync<LeadRow>();
        var tasks = Enumerable.Range(0, 6).Select(i =>
            c.PutJsonAsync($"/api/v1/leads/{lead.Id}", new LeadInput { Title = $"Edit {i}", CompanyId = company.Id, Version = lead.Version }));
        var results = await Task.WhenAll(tasks);
        Assert.Equal(1, results.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(results.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
    }

    [Fact]
    public async Task Lead_list_filters_and_cursor_pages_through_every_match_once_in_score_order()
    {
        var admin = await app.ClientAsync(Roles.Admin);
        var (owner, _) = await app.CreateUserAsync(Roles.Sales);
        var tag = "tag" + Guid.NewGuid().ToString("N")[..6];
        var company = await NewCompanyAsync(admin, "Filter Co " + tag, segment: Segment.Reseller, country: "AT");
        var created = new List<LeadRow>();
        for (var i = 0; i < 25; i++)
        {
            var r = await admin.PostJsonAsync("/api/v1/leads", new LeadInput
            {
                Title = $"Filter lead {i}",
                CompanyId = company.Id,
                Status = i % 2 == 0 ? LeadStatus.Qualified : LeadStatus.New,
                OwnerId = i % 3 == 0 ? null : owner.Id,
                Score = i * 4,
                Tags = [tag],
            });
            created.Add(await r.ReadAsync<LeadRow>());
        }
        var expected = created.Where(l => l.Status == LeadStatus.Qualified && l.OwnerId == owner.Id && l.Score is >= 10 and <= 90)
            .OrderByDescending(l => l.Score).Select(l => l.Id).ToList();

        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var url = $"/api/v1/leads?status=Qualified&owner={owner.Id}&scoreMin=10&scoreMax=90&tag={tag}&segment=Reseller&country=AT&sort=-score&limit=3"
                + (cursor is null ? "" : "&cursor=" + cursor);
            var page = await (await admin.GetAsync(url, Ct)).ReadAsync<Page<LeadRow>>();
            Assert.Equal(expected.Count, page.Total);
            seen.AddRange(page.Items.Select(l => l.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        Assert.Equal(expected, seen);

        var text = await (await admin.GetAsync($"/api/v1/leads?q=filter%20lead%2017&tag={tag}", Ct)).ReadAsync<Page<LeadRow>>();
        Assert.Equal("Filter lead 17", Assert.Single(text.Items).Title);
        var unassigned = await (await admin.GetAsync($"/api/v1/leads?owner=none&tag={tag}&limit=100", Ct)).ReadAsync<Page<LeadRow>>();
        Assert.Equal(created.Count(l => l.OwnerId is null), unassigned.Total);
    }

    [Fact]
    public async Task Sorting_by_a_nullable_field_keeps_nulls_last_across_pages()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var tag = "n" + Guid.NewGuid().ToString("N")[..6];
        var company = await NewCompanyAsync(c, "Null Co");
        for (var i = 0; i < 7; i++)
        {
            await c.PostJsonAsync("/api/v1/leads", new LeadInput { Title = $"N{i}", CompanyId = company.Id, Score = i % 3 == 0 ? null : i, Tags = [tag] });
        }
        foreach (var sort in new[] { "score", "-score" })
        {
            var all = new List<LeadRow>();
            string? cursor = null;
            do
            {
                var page = await (await c.GetAsync($"/api/v1/leads?tag={tag}&sort={sort}&limit=2" + (cursor is null ? "" : "&cursor=" + cursor), Ct)).ReadAsync<Page<LeadRow>>();
                all.AddRange(page.Items);
                cursor = page.NextCursor;
            }
            while (cursor is not null);
            Assert.Equal(7, all.Select(l => l.Id).Distinct().Count());
            var scores = all.Select(l => l.Score).ToList();
            Assert.All(scores.SkipWhile(s => s is not null), s => Assert.Null(s));
            var nonNull = scores.Where(s => s is not null).ToList();
            Assert.Equal(sort == "score" ? nonNull.Order() : nonNull.OrderDescending(), nonNull);
        }
    }

    [Fact]
    public async Task Bulk_status_change_on_a_filter_changes_every_match_and_logs_each_in_one_batch()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var tag = "bulk" + Guid.NewGuid().ToString("N")[..6];
        var company = await NewCompanyAsync(c, "Bulk Co");
        for (var i = 0; i < 120; i++)
        {
            await c.PostJsonAsync("/api/v1/leads", new LeadInput { Title = $"Bulk {i}", CompanyId = company.Id, Tags = [tag], Status = i < 100 ? LeadStatus.New : LeadStatus.Won });
        }
        var selection = new LeadSelection(null, new LeadFilter { Tag = tag, Status = [LeadStatus.New] });
        var count = await (await c.PostJsonAsync("/api/v1/leads/bulk/count", selection)).ReadAsync<JsonElement>();
        Assert.Equal(100, count.GetProperty("count").GetInt32());

        var result = await (await c.PostJsonAsync("/api/v1/leads/bulk", new BulkRequest(selection, new BulkAction(BulkActionKind.SetStatus, LeadStatus.Contacted)))).ReadAsync<BulkResult>();
        Assert.Equal(100, result.Matched);
        Assert.Equal(100, result.Changed);

        var after = await (await c.GetAsync($"/api/v1/leads?tag={tag}&status=Contacted&limit=1", Ct)).ReadAsync<Page<LeadRow>>();
        Assert.Equal(100, after.Total);
        Assert.Equal(2, after.Items[0].Version);

        var admin = await app.ClientAsync(Roles.Admin);
        var log = await (await admin.GetAsync($"/api/v1/audit?batchId={result.BatchId}&limit=500", Ct)).ReadAsync<Page<LeadAgent.Web.Features.Activity.ActivityDto>>();
        Assert.Equal(100, log.Items.Count);
        Assert.All(log.Items, e => Assert.Contains("\"from\":\"New\",\"to\":\"Contacted\"", e.Changes));

        var timeline = await (await c.GetAsync($"/api/v1/leads/{after.Items[0].Id}/timeline", Ct)).ReadAsync<Page<LeadAgent.Web.Features.Activity.ActivityDto>>();
        Assert.Equal(["bulk-update", "created"], timeline.Items.Select(e => e.Action).ToArray());
    }

    [Fact]
    public async Task Bulk_assign_tag_archive_and_list_membership_work_on_ids()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var (owner, _) = await app.CreateUserAsync(Roles.Sales);
        var company = await NewCompanyAsync(c, "Ids Co");
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await (await c.PostJsonAsync("/api/v1/leads", new LeadInput { Title = $"Id {i}", CompanyId = company.Id })).ReadAsync<LeadRow>()).Id);
        }
        var list = await (await c.PostJsonAsync("/api/v1/lists", new { name = "List " + Guid.NewGuid() })).ReadAsync<LeadAgent.Web.Features.Lists.LeadListDto>();
        var sel = new LeadSelection(ids, null);
        await (await c.PostJsonAsync("/api/v1/leads/bulk", new BulkRequest(sel, new BulkAction(BulkActionKind.AssignOwner, OwnerId: owner.Id)))).ReadAsync<BulkResult>();
        await (await c.PostJsonAsync("/api/v1/leads/bulk", new BulkRequest(sel, new BulkAction(BulkActionKind.AddTag, Tag: " VIP ")))).ReadAsync<BulkResult>();
        var added = await (await c.PostJsonAsync("/api/v1/leads/bulk", new BulkRequest(sel, new BulkAction(BulkActionKind.AddToList, ListId: list.Id)))).ReadAsync<BulkResult>();
        Assert.Equal(5, added.Changed);
        var again = await (await c.PostJsonAsync($"/api/v1/lists/{list.Id}/members", new { leadIds = ids })).ReadAsync<BulkResult>();
        Assert.Equal(0, again.Changed);

        var lead = await (await c.GetAsync($"/api/v1/leads/{ids[0]}", Ct)).ReadAsync<LeadRow>();
        Assert.Equal(owner.Id, lead.OwnerId);
        Assert.Equal(["vip"], lead.Tags);
        var members = await (await c.GetAsync($"/api/v1/lists/{list.Id}/leads", Ct)).ReadAsync<Page<LeadRow>>();
        Assert.Equal(5, members.Total);

        await (await c.PostJsonAsync("/api/v1/leads/bulk", new BulkRequest(sel, new BulkAction(BulkActionKind.Archive)))).ReadAsync<BulkResult>();
        var visible = await (await c.GetAsync($"/api/v1/leads?owner={owner.Id}", Ct)).ReadAsync<Page<LeadRow>>();
        Assert.Equal(0, visible.Total);
        var archived = await (await c.GetAsync($"/api/v1/leads?owner={owner.Id}&includeArchived=true", Ct)).ReadAsync<Page<LeadRow>>();
        Assert.Equal(5, archived.Total);

        var removed = await (await c.PostJsonAsync($"/api/v1/lists/{list.Id}/members/remove", new { leadIds = ids.Take(2) })).ReadAsync<JsonElement>();
        Assert.Equal(2, removed.GetProperty("removed").GetInt32());
    }

    [Fact]
    public async Task Notes_render_markdown_but_never_raw_html_and_appear_on_the_timeline()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var company = await NewCompanyAsync(c, "Note Co");
        var body = "**Bold** <script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3))";
        var note = await (await c.PostJsonAsync("/api/v1/notes", new NoteInput(NoteSubject.Company, company.Id, body))).ReadAsync<NoteDto>();
        Assert.Equal(body, note.Body);
        Assert.Contains("<strong>Bold</strong>", note.Html);
        Assert.DoesNotContain("<script", note.Html);
        Assert.DoesNotContain("<img", note.Html);
        Assert.DoesNotContain("javascript:", note.Html);

        var timeline = await (await c.GetAsync($"/api/v1/companies/{company.Id}/timeline", Ct)).ReadAsync<Page<LeadAgent.Web.Features.Activity.ActivityDto>>();
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
            var page = await (await c.GetAsync($"/api/v1/notes?subjectType=Company&subjectId={company.Id}&limit=2" + (cursor is null ? "" : "&cursor=" + cursor), Ct)).ReadAsync<Page<NoteDto>>();
            seen.AddRange(page.Items.Select(n => n.Body));
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        Assert.Equal(["Follow-up 3", "Follow-up 2", "Follow-up 1", "Follow-up 0", body], seen);
    }

    [Fact]
    public async Task Updates_record_before_and_after_of_changed_fields_only()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var company = await NewCompanyAsync(c, "Audit Co");
        var lead = await (await c.PostJsonAsync("/api/v1/leads", new LeadInput { Title = "Audit", CompanyId = company.Id, Score = 10 })).ReadAsync<LeadRow>();
        await (await c.PutJsonAsync($"/api/v1/leads/{lead.Id}", new LeadInput { Title = "Audit", CompanyId = company.Id, Score = 55, Status = LeadStatus.Qualified, Version = lead.Version })).ReadAsync<LeadRow>();
        var timeline = await (await c.GetAsync($"/api/v1/leads/{lead.Id}/timeline", Ct)).ReadAsync<Page<LeadAgent.Web.Features.Activity.ActivityDto>>();
        var update = timeline.Items[0];
        Assert.Equal("updated", update.Action);
        var changes = JsonDocument.Parse(update.Changes!).RootElement;
        Assert.Equal(10, changes.GetProperty("score").GetProperty("from").GetInt32());
        Assert.Equal(55, changes.GetProperty("score").GetProperty("to").GetInt32());
        Assert.Equal("Qualified", changes.GetProperty("status").GetProperty("to").GetString());
        Assert.False(changes.TryGetProperty("title", out _));
        Assert.Equal(LeadAgent.Web.Features.Activity.ActorKind.Token, update.ActorKind);
    }

    [Fact]
    public async Task Bad_input_gets_problem_details_with_field_errors()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var malformed = await c.PostAsync("/api/v1/leads", new StringContent("{\"title\": ", System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        await malformed.ProblemAsync();

        var wrongType = await c.PostAsync("/api/v1/leads", new StringContent("{\"title\":\"x\",\"score\":\"high\"}", System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.True((await wrongType.ProblemAsync()).GetProperty("errors").TryGetProperty("score", out _));

        var tooLong = await c.PostJsonAsync("/api/v1/companies", new CompanyInput { Name = new string('a', 201), Website = "ftp://x", Country = "Germany" });
        var errors = (await tooLong.ProblemAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("website", out _));
        Assert.True(errors.TryGetProperty("country", out _));

        var unknown = await c.PostJsonAsync("/api/v1/leads", new LeadInput { Title = "x", CompanyId = Guid.NewGuid(), Score = 101 });
        var leadErrors = (await unknown.ProblemAsync()).GetProperty("errors");
        Assert.True(leadErrors.TryGetProperty("companyId", out _));
        Assert.True(leadErrors.TryGetProperty("score", out _));

        var missing = await c.GetAsync($"/api/v1/leads/{Guid.NewGuid()}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        await missing.ProblemAsync();

        var badFilter = await c.GetAsync("/api/v1/leads?status=Nope&scoreMin=50&scoreMax=10&sort=colour&cursor=zzz", Ct);
        var filterErrors = (await badFilter.ProblemAsync()).GetProperty("errors");
        Assert.True(filterErrors.TryGetProperty("status", out _));
        Assert.True(filterErrors.TryGetProperty("scoreMax", out _));
        Assert.True(filterErrors.TryGetProperty("sort", out _));
    }

    [Fact]
    public async Task Saved_views_are_per_user()
    {
        var a = await app.ClientAsync(Roles.Sales);
        var b = await app.ClientAsync(Roles.Sales);
        var created = await a.PostJsonAsync("/api/v1/views", new SavedViewInput("My hot leads", new LeadFilter { Classification = [Classification.Hot], Owner = "me" }, "-score"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var mine = await (await a.GetAsync("/api/v1/views", Ct)).ReadAsync<List<SavedViewDto>>();
        Assert.Equal([Classification.Hot], Assert.Single(mine).Filter.Classification);
        Assert.Empty(await (await b.GetAsync("/api/v1/views", Ct)).ReadAsync<List<SavedViewDto>>());
        Assert.Equal(HttpStatusCode.NotFound, (await b.DeleteAsync($"/api/v1/views/{mine[0].Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await a.DeleteAsync($"/api/v1/views/{mine[0].Id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_model_has_no_changes_missing_from_the_migrations()
    {
        await using var db = app.CreateDbContext();
        Assert.False(db.Database.HasPendingModelChanges(), $"Run scripts/add-migration.sh: the {app.Provider} model changed without a migration.");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
    }
}

public sealed class CrmApiSqliteTests(SqliteApp app) : CrmApiTests(app), IClassFixture<SqliteApp>;

public sealed class CrmApiPostgresTests(PostgresApp app) : CrmApiTests(app), IClassFixture<PostgresApp>;
