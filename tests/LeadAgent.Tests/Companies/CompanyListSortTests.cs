using System.Net;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Infrastructure.Api;

namespace LeadAgent.Tests.Companies;

/// <summary>The company list sorts in SQL by the column asked for, pages through it, refuses unknown sorts.</summary>
public abstract class CompanyListSortTests(AppFactory app)
{
    [Fact]
    public async Task Each_column_sorts_both_ways_with_blanks_last_across_pages()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var tag = "sort" + Unique(8);
        var berlin = await c.CreateAsync(Make.Company("Bravo " + tag) with
        {
            Tags = [tag],
            Country = "DE",
            Segment = Segment.Reseller,
        });
        var athens = await c.CreateAsync(Make.Company("Alpha " + tag) with
        {
            Tags = [tag],
            Country = "GR",
            Segment = Segment.BrandOwner,
        });
        var blank = await c.CreateAsync(Make.Company("Charlie " + tag) with
        {
            Tags = [tag],
            Country = null,
            Segment = Segment.Unknown,
        });
        var twin = await c.CreateAsync(Make.Company("Delta " + tag) with
        {
            Tags = [tag],
            Country = "DE",
            Segment = Segment.Reseller,
        });
        await c.CreateAsync(Make.Lead(twin));
        await c.CreateAsync(Make.Lead(twin));
        await c.CreateAsync(Make.Lead(athens));
        // Same country: the tie is broken by id, the same way on every page.
        var (de1, de2) = berlin.Id.CompareTo(twin.Id) < 0 ? (berlin, twin) : (twin, berlin);

        Assert.Equal([athens.Id, berlin.Id, blank.Id, twin.Id], await IdsAsync(c, tag, null));
        Assert.Equal([twin.Id, blank.Id, berlin.Id, athens.Id], await IdsAsync(c, tag, "-name"));
        Assert.Equal([de1.Id, de2.Id, athens.Id, blank.Id], await IdsAsync(c, tag, "country"));
        Assert.Equal([athens.Id, de2.Id, de1.Id, blank.Id], await IdsAsync(c, tag, "-country"));
        Assert.Equal([athens.Id, de1.Id, de2.Id, blank.Id], await IdsAsync(c, tag, "segment"));
        Assert.Equal([twin.Id, athens.Id], (await IdsAsync(c, tag, "-leads"))[..2]);
        var created = await RowsAsync(c, tag, "createdAt");
        Assert.Equal(created.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Select(r => r.Id), created.Select(r => r.Id));
        Assert.Equal(created.Select(r => r.Id).Reverse(), await IdsAsync(c, tag, "-createdAt"));
    }

    [Fact]
    public async Task An_unknown_sort_is_a_field_error()
    {
        var c = await app.ClientAsync(Roles.Viewer);
        var ct = TestContext.Current.CancellationToken;
        var response = await c.GetAsync("/api/v1/companies?sort=-website", ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ProblemAsync()).GetProperty("errors");
        Assert.Contains("name, country", errors.GetProperty("sort")[0].GetString());
    }

    [Fact]
    public async Task A_cursor_of_another_sort_is_refused()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var tag = "cur" + Unique(8);
        await c.CreateAsync(Make.Company("One " + tag) with { Tags = [tag] });
        await c.CreateAsync(Make.Company("Two " + tag) with { Tags = [tag] });
        var first = await c.GetJsonAsync<Page<CompanyRow>>($"/api/v1/companies?tag={tag}&limit=1&sort=country");
        var response = await c.GetAsync($"/api/v1/companies?tag={tag}&limit=1&cursor={first.NextCursor}",
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty("cursor", out _));
    }

    // Every matching company, one per page, so each step goes through the cursor.
    private static async Task<Guid[]> IdsAsync(HttpClient c, string tag, string? sort) =>
        [.. (await RowsAsync(c, tag, sort)).Select(r => r.Id)];

    private static async Task<List<CompanyRow>> RowsAsync(HttpClient c, string tag, string? sort)
    {
        var rows = new List<CompanyRow>();
        string? cursor = null;
        do
        {
            var page = await c.GetJsonAsync<Page<CompanyRow>>(
                $"/api/v1/companies?tag={tag}&limit=1&sort={sort}&cursor={cursor}");
            rows.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null && rows.Count < 10);
        return rows;
    }
}

[Collection(nameof(SqliteCrm))]
public sealed class CompanyListSortSqliteTests(SqliteApp app) : CompanyListSortTests(app);

[Collection(nameof(PostgresCrm))]
public sealed class CompanyListSortPostgresTests(PostgresApp app) : CompanyListSortTests(app);
