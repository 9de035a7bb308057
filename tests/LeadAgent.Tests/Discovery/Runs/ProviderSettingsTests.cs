using System.Net;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Discovery.Runs;
using LeadAgent.Web.Features.Discovery.Search;
using LeadAgent.Web.Features.Inbox.Settings;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Tests.Discovery.Runs;

/// <summary>
/// Admins save a search provider's address and key in the app: stored encrypted, never shown again, used by the
/// next run, and removable so the configuration applies again. Nobody else may see or change them.
/// </summary>
[Collection(nameof(SqliteDiscovery))]
public sealed class ProviderSettingsTests(SqliteDiscoveryApp app)
{
    [Fact]
    public async Task An_admin_saves_a_provider_key_that_runs_use_and_nobody_reads_back()
    {
        var admin = await app.ClientAsync(Roles.Admin);
        var sales = await app.ClientAsync(Roles.Sales);
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.GetAsync("/api/v1/discovery/providers", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.PutJsonAsync("/api/v1/discovery/providers/serper",
            new ProviderInput(null, "stolen", null))).StatusCode);

        var before = await admin.GetJsonAsync<List<ProviderView>>("/api/v1/discovery/providers");
        Assert.False(before.Single(p => p.Name == "serper").KeySet);
        var bad = await admin.PutJsonAsync("/api/v1/discovery/providers/serper",
            new ProviderInput("ftp://x", null, null));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.ProblemAsync()).GetProperty("errors").TryGetProperty("baseUrl", out _));

        var saved = await admin.PutJsonAsync("/api/v1/discovery/providers/serper",
            new ProviderInput(app.Engines.Url, FakeSearchEngines.SerperKey, null));
        var text = await saved.Content.ReadAsStringAsync(Ct);
        Assert.True(saved.IsSuccessStatusCode, text);
        Assert.DoesNotContain(FakeSearchEngines.SerperKey, text);
        Assert.True((await saved.ReadAsync<ProviderView>()).KeySet);
        await using (var db = app.CreateDbContext())
        {
            var row = await db.StoredSettings.SingleAsync(s => s.Name == "discovery.serper.apiKey", Ct);
            Assert.DoesNotContain(FakeSearchEngines.SerperKey, row.Value);
        }

        var id = Unique();
        var site = CompanySites.Agency($"serper-{id}.de", $"Serper {id}");
        app.Sites.AddCompany(site);
        app.Engines.Found[$"serper{id} Deutschland"] = [($"http://{site.Host}/", site.Name, "Eventagentur")];
        var campaign = await sales.CampaignAsync(new()
        {
            Name = $"Serper {id}",
            Keywords = [$"serper{id}"],
            Regions = ["DE"],
            MaxQueriesPerRun = 1,
            Provider = "serper"
        });
        var run = await sales.RunAsync(campaign.Id);
        Assert.Equal((RunStatus.Completed, 1, 1), (run.Status, run.Queries, run.New));

        // Removed again: Serper has no key in the configuration, so the next run says what is missing.
        await admin.PutJsonAsync("/api/v1/discovery/providers/serper", new ProviderInput("", "", null));
        var after = await admin.GetJsonAsync<List<ProviderView>>("/api/v1/discovery/providers");
        Assert.False(after.Single(p => p.Name == "serper").KeySet);
        var second = await sales.RunAsync(campaign.Id);
        Assert.Contains("Serper needs an API key", second.StopReason);
    }
}
