using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Search;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Tests.Search;

/// <summary>
/// SQLite's FTS5 index lives outside the migrations, because a table rebuild drops its triggers: a start finds it
/// broken or built before the newest migration and makes it again from the data.
/// </summary>
[Collection(nameof(SqliteCrm))]
public sealed class SqliteSearchIndexTests(SqliteApp app)
{
    [Fact]
    public async Task A_lost_trigger_is_noticed_and_the_index_rebuilt_with_every_row()
    {
        var api = await app.ClientAsync(Roles.Sales);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var company = await api.CreateAsync(Make.Company($"Gerüstbau {tag}"));
        await using (var db = app.CreateDbContext())
        {
            // What an EF table rebuild does to the triggers of the table it copies.
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER \"LeadsSearch_ai\"", Ct);
        }
        var lead = await api.CreateAsync(Make.Lead(company, $"Stage {tag} for the spring fair"));
        Assert.DoesNotContain(await LeadIdsAsync(api, $"stage {tag}"), id => id == lead.Id);

        await using (var db = app.CreateDbContext())
        {
            await SqliteSearchIndex.EnsureAsync(db, null, Ct);
        }
        Assert.Equal([lead.Id], await LeadIdsAsync(api, $"stage {tag}"));
        // Upper and lower case beyond ASCII are the same to the index.
        var hits = await api.GetJsonAsync<SearchResult>($"/api/v1/search?q={Uri.EscapeDataString($"GERÜSTBAU {tag}")}");
        Assert.Contains(hits.Hits, h => h.Kind == SearchKind.Company && h.Id == company.Id);
    }

    [Fact]
    public async Task An_index_built_before_the_newest_migration_is_built_again()
    {
        await using var db = app.CreateDbContext();
        await db.Database.ExecuteSqlRawAsync("UPDATE \"SearchIndexState\" SET \"Migration\" = 'older'", Ct);
        await SqliteSearchIndex.EnsureAsync(db, null, Ct);
        var builtAt = await db.Database
            .SqlQueryRaw<string>("SELECT \"Migration\" AS \"Value\" FROM \"SearchIndexState\"").SingleAsync(Ct);
        Assert.StartsWith((await db.Database.GetAppliedMigrationsAsync(Ct)).Last() + "#", builtAt);
    }

    private static async Task<List<Guid>> LeadIdsAsync(HttpClient api, string q)
    {
        var result = await api.GetJsonAsync<SearchResult>($"/api/v1/search?q={Uri.EscapeDataString(q)}");
        return [.. result.Hits.Where(h => h.Kind == SearchKind.Lead).Select(h => h.Id)];
    }
}
