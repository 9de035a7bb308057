using System.Net;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;

namespace LeadAgent.Tests.Leads;

/// <summary>
/// The lead list through the REST API: filters, sorting, cursor paging, saved views; SQLite and PostgreSQL.
/// </summary>
public abstract class LeadListTests(AppFactory app)
{
    [Fact]
    public async Task Lead_list_filters_and_cursor_pages_through_every_match_once_in_score_order()
    {
        var admin = await app.ClientAsync(Roles.Admin);
        var (owner, _) = await app.CreateUserAsync(Roles.Sales);
        var tag = "tag" + Unique();
        var company = await admin.CreateAsync(Make.Company("Filter Co " + tag) with
        {
            Segment = Segment.Reseller,
            Country = "AT",
        });
        var created = new List<LeadRow>();
        for (var i = 0; i < 25; i++)
        {
            var lead = await admin.CreateAsync(Make.Lead(company, $"Filter lead {i}") with
            {
                Status = i % 2 == 0 ? LeadStatus.Qualified : LeadStatus.New,
                OwnerId = i % 3 == 0 ? null : owner.Id,
                Tags = [tag],
            });
            await app.SetScoreAsync(lead.Id, i * 4);
            created.Add(lead with { Score = i * 4 });
        }
        var expected = created
            .Where(l => l.Status == LeadStatus.Qualified && l.OwnerId == owner.Id && l.Score is >= 10 and <= 90)
            .OrderByDescending(l => l.Score).Select(l => l.Id).ToList();

        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var url = $"/api/v1/leads?status=Qualified&owner={owner.Id}&scoreMin=10&scoreMax=90&tag={tag}"
                + "&segment=Reseller&country=AT&sort=-score&limit=3" + (cursor is null ? "" : "&cursor=" + cursor);
            var page = await (await admin.GetAsync(url, Ct)).ReadAsync<Page<LeadRow>>();
            Assert.Equal(expected.Count, page.Total);
            seen.AddRange(page.Items.Select(l => l.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        Assert.Equal(expected, seen);

        var text = await (await admin.GetAsync($"/api/v1/leads?q=filter%20lead%2017&tag={tag}", Ct))
            .ReadAsync<Page<LeadRow>>();
        Assert.Equal("Filter lead 17", Assert.Single(text.Items).Title);
        var unassigned = await (await admin.GetAsync($"/api/v1/leads?owner=none&tag={tag}&limit=100", Ct))
            .ReadAsync<Page<LeadRow>>();
        Assert.Equal(created.Count(l => l.OwnerId is null), unassigned.Total);
    }

    [Fact]
    public async Task Sorting_by_a_nullable_field_keeps_nulls_last_across_pages()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var tag = "n" + Unique();
        var company = await c.CreateAsync(Make.Company("Null Co"));
        for (var i = 0; i < 7; i++)
        {
            var lead = await c.CreateAsync(Make.Lead(company, $"N{i}") with { Tags = [tag] });
            await app.SetScoreAsync(lead.Id, i % 3 == 0 ? null : i);
        }
        foreach (var sort in new[] { "score", "-score" })
        {
            var all = new List<LeadRow>();
            string? cursor = null;
            do
            {
                var url = $"/api/v1/leads?tag={tag}&sort={sort}&limit=2" + (cursor is null ? "" : "&cursor=" + cursor);
                var page = await (await c.GetAsync(url, Ct)).ReadAsync<Page<LeadRow>>();
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
    public async Task Saved_views_are_per_user()
    {
        var a = await app.ClientAsync(Roles.Sales);
        var b = await app.ClientAsync(Roles.Sales);
        var created = await a.PostJsonAsync("/api/v1/views", new SavedViewInput(
            "My hot leads", new LeadFilter { Classification = [Classification.Hot], Owner = "me" }, "-score"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var mine = await (await a.GetAsync("/api/v1/views", Ct)).ReadAsync<List<SavedViewDto>>();
        Assert.Equal([Classification.Hot], Assert.Single(mine).Filter.Classification);
        Assert.Empty(await (await b.GetAsync("/api/v1/views", Ct)).ReadAsync<List<SavedViewDto>>());
        Assert.Equal(HttpStatusCode.NotFound, (await b.DeleteAsync($"/api/v1/views/{mine[0].Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await a.DeleteAsync($"/api/v1/views/{mine[0].Id}", Ct)).StatusCode);
    }
}

[Collection(nameof(SqliteCrm))]
public sealed class LeadListSqliteTests(SqliteApp app) : LeadListTests(app);

[Collection(nameof(PostgresCrm))]
public sealed class LeadListPostgresTests(PostgresApp app) : LeadListTests(app);
