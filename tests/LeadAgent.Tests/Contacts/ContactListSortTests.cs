using System.Net;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Infrastructure.Api;

namespace LeadAgent.Tests.Contacts;

/// <summary>The contact list sorts in SQL by the column asked for, pages through it, refuses unknown sorts.</summary>
public abstract class ContactListSortTests(AppFactory app)
{
    [Fact]
    public async Task Each_column_sorts_both_ways_with_blanks_last_across_pages()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var key = "srt" + Unique(8);
        var zeta = await c.CreateAsync(Make.Company("zeta " + key));
        var acme = await c.CreateAsync(Make.Company("acme " + key));
        var bea = await c.CreateAsync(Make.Contact("bea", acme) with
        {
            LastName = key,
            Identities = [new(IdentityKind.Email, $"z.{key}@example.com", IsPrimary: true)],
        });
        var ann = await c.CreateAsync(Make.Contact("ann", zeta) with
        {
            LastName = key,
            Identities =
            [
                new(IdentityKind.Email, $"y.{key}@example.com"),
                new(IdentityKind.Email, $"b.{key}@example.com", IsPrimary: true),
            ],
        });
        var cid = await c.CreateAsync(Make.Contact("cid") with
        {
            LastName = key,
            Identities = [new(IdentityKind.Phone, "+49 30 1234567")],
        });

        Assert.Equal([ann.Id, bea.Id, cid.Id], await IdsAsync(c, key, null));
        Assert.Equal([cid.Id, bea.Id, ann.Id], await IdsAsync(c, key, "-name"));
        Assert.Equal([bea.Id, ann.Id, cid.Id], await IdsAsync(c, key, "company"));
        Assert.Equal([ann.Id, bea.Id, cid.Id], await IdsAsync(c, key, "-company"));
        Assert.Equal([ann.Id, bea.Id, cid.Id], await IdsAsync(c, key, "email"));
        Assert.Equal([bea.Id, ann.Id, cid.Id], await IdsAsync(c, key, "-email"));
        var created = await IdsAsync(c, key, "createdAt");
        Assert.Equal(created.Reverse(), await IdsAsync(c, key, "-createdAt"));
    }

    [Fact]
    public async Task An_unknown_sort_is_a_field_error_and_no_sort_keeps_the_name_order()
    {
        var c = await app.ClientAsync(Roles.Viewer);
        var ct = TestContext.Current.CancellationToken;
        var response = await c.GetAsync("/api/v1/contacts?sort=phone", ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ProblemAsync()).GetProperty("errors");
        Assert.Contains("company, email", errors.GetProperty("sort")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("/api/v1/contacts?limit=2", ct)).StatusCode);
    }

    // Every matching contact, one per page, so each step goes through the cursor.
    private static async Task<Guid[]> IdsAsync(HttpClient c, string key, string? sort)
    {
        var ids = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await c.GetJsonAsync<Page<ContactRow>>(
                $"/api/v1/contacts?q={key}&limit=1&sort={sort}&cursor={cursor}");
            ids.AddRange(page.Items.Select(r => r.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null && ids.Count < 10);
        return [.. ids];
    }
}

[Collection(nameof(SqliteCrm))]
public sealed class ContactListSortSqliteTests(SqliteApp app) : ContactListSortTests(app);

[Collection(nameof(PostgresCrm))]
public sealed class ContactListSortPostgresTests(PostgresApp app) : ContactListSortTests(app);
