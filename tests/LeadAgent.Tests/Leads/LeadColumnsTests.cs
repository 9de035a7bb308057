using System.Net;
using System.Text.Json;
using LeadAgent.Tests.Security;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Leads;

namespace LeadAgent.Tests.Leads;

/// <summary>
/// The lead list's columns through the API: each user's own (any role), checked, kept by saved views; SQLite and
/// PostgreSQL.
/// </summary>
public abstract class LeadColumnsTests(AppFactory app)
{
    private const string Url = "/api/v1/me/preferences/lead-columns";

    [Fact]
    public async Task Columns_are_kept_per_user_until_reset_and_viewers_choose_their_own()
    {
        var viewer = await app.ClientAsync(Roles.Viewer);
        var colleague = await app.ClientAsync(Roles.Sales);
        var fresh = await viewer.GetJsonAsync<LeadColumnsDto>(Url);
        Assert.True(fresh.IsDefault);
        Assert.Equal(LeadColumns.Default, fresh.Columns);
        Assert.Contains(fresh.Available, c => c is { Key: "createdAt", Sort: "createdAt", ShownByDefault: false });
        Assert.DoesNotContain("country", fresh.Columns);

        // Repeats are dropped and title goes first, whatever order it was sent in.
        var put = await viewer.PutJsonAsync(Url, new LeadColumnsInput(["company", "country", "title", "company",
            "createdAt"]));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        List<string> chosen = ["title", "company", "country", "createdAt"];
        Assert.Equal(chosen, (await put.ReadAsync<LeadColumnsDto>()).Columns);
        var again = await viewer.GetJsonAsync<LeadColumnsDto>(Url);
        Assert.Equal(chosen, again.Columns);
        Assert.False(again.IsDefault);
        Assert.Equal(LeadColumns.Default, (await colleague.GetJsonAsync<LeadColumnsDto>(Url)).Columns);

        // Leaving title out still shows it; a second choice replaces the first.
        await viewer.PutJsonAsync(Url, new LeadColumnsInput(["status"]));
        Assert.Equal(["title", "status"], (await viewer.GetJsonAsync<LeadColumnsDto>(Url)).Columns);

        Assert.Equal(HttpStatusCode.OK, (await viewer.DeleteAsync(Url, Ct)).StatusCode);
        var reset = await viewer.GetJsonAsync<LeadColumnsDto>(Url);
        Assert.True(reset.IsDefault);
        Assert.Equal(LeadColumns.Default, reset.Columns);
    }

    [Fact]
    public async Task Unknown_missing_or_too_many_columns_are_field_errors_and_change_nothing()
    {
        var client = await app.ClientAsync(Roles.Viewer);
        await client.PutJsonAsync(Url, new LeadColumnsInput(["title", "score"]));
        var bad = new BadRequests(client);
        await bad.PutAsync(Url, """{"columns":["title","salary"]}""", "columns");
        await bad.PutAsync(Url, """{"columns":["title",null]}""", "columns");
        await bad.PutAsync(Url, "{}", "columns");
        await bad.PutAsync(Url, """{"columns":"title"}""", "columns");
        var many = JsonSerializer.Serialize(new { columns = Enumerable.Repeat("title", LeadColumns.MaxKeys + 1) });
        await bad.PutAsync(Url, many, "columns");
        await bad.PostAsync("/api/v1/views", """{"name":"Bad columns","columns":["title","Status"]}""", "columns");
        bad.AssertAll();

        var problem = await (await client.PutJsonAsync(Url, new LeadColumnsInput(["salary"]))).ProblemAsync();
        Assert.Contains("'salary'", problem.GetProperty("errors").GetProperty("columns")[0].GetString());
        Assert.Equal(["title", "score"], (await client.GetJsonAsync<LeadColumnsDto>(Url)).Columns);
        Assert.Empty(await client.GetJsonAsync<List<SavedViewDto>>("/api/v1/views"));
    }

    [Fact]
    public async Task Saved_views_keep_their_columns_and_views_without_columns_keep_the_users()
    {
        var client = await app.ClientAsync(Roles.Sales);
        var created = await client.PostJsonAsync("/api/v1/views", new SavedViewInput("Recent", new LeadFilter(),
            "-createdAt", ["status", "createdAt", "status", "title"]));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(["title", "status", "createdAt"], (await created.ReadAsync<SavedViewDto>()).Columns);
        await client.PostJsonAsync("/api/v1/views", new SavedViewInput("Plain", new LeadFilter(), null));

        var views = await client.GetJsonAsync<List<SavedViewDto>>("/api/v1/views");
        Assert.Equal(["title", "status", "createdAt"], views.Single(v => v.Name == "Recent").Columns);
        Assert.Null(views.Single(v => v.Name == "Plain").Columns);

        // Saving under the same name replaces the view, columns included.
        var replaced = await (await client.PostJsonAsync("/api/v1/views",
            new SavedViewInput("Recent", new LeadFilter(), "-createdAt", []))).ReadAsync<SavedViewDto>();
        Assert.Null(replaced.Columns);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_columns()
    {
        var client = await app.ClientAsync(Roles.Viewer);
        var doc = await client.GetStringAsync("/openapi/v1.json", Ct);
        var root = JsonDocument.Parse(doc).RootElement;
        var path = root.GetProperty("paths").GetProperty(Url);
        Assert.True(path.TryGetProperty("get", out _));
        Assert.True(path.TryGetProperty("put", out _));
        Assert.True(path.TryGetProperty("delete", out _));
        var schemas = root.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.GetProperty("SavedViewDto").GetProperty("properties").TryGetProperty("columns", out _));
        Assert.True(schemas.GetProperty("SavedViewInput").GetProperty("properties").TryGetProperty("columns", out _));
    }
}

[Collection(nameof(SqliteCrm))]
public sealed class LeadColumnsSqliteTests(SqliteApp app) : LeadColumnsTests(app);

[Collection(nameof(PostgresCrm))]
public sealed class LeadColumnsPostgresTests(PostgresApp app) : LeadColumnsTests(app);
