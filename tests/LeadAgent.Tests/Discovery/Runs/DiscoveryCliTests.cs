using LeadAgent.Web;
using LeadAgent.Web.Data;

namespace LeadAgent.Tests.Discovery.Runs;

/// <summary>
/// The CLI's <c>enrich DOMAIN|URL</c> and <c>discover run CAMPAIGN</c>: they queue a run as the API does, work (or
/// follow) it to its end and print what it found.
/// </summary>
[Collection(nameof(SqliteDiscovery))]
public sealed class DiscoveryCliTests(SqliteDiscoveryApp app)
{
    private async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await Cli.RunVerbAsync(app.Services, args, new Cli.Terminal(new StringReader(""), output, error));
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Enrich_prints_what_the_site_says_and_discover_run_works_a_campaign()
    {
        var id = Unique();
        var site = CompanySites.Agency($"cli-{id}.de", $"Konsole {id}");
        app.Sites.AddCompany(site);

        var (code, output, error) = await RunAsync("enrich", site.Host);

        Assert.True(code == 0, error + output);
        Assert.Contains($"{site.Host}: Researched", output);
        Assert.Contains(site.LegalName, output);
        Assert.Contains(site.Vat, output);
        Assert.Contains("+49891234567", output);

        var (bad, _, badError) = await RunAsync("enrich", "not a site");
        Assert.Equal(1, bad);
        Assert.Contains("site", badError);

        var c = await app.ClientAsync(Roles.Sales);
        app.Engines.Found[$"cli{id} Deutschland"] = [($"http://{site.Host}/", site.Name, "Eventagentur")];
        await c.CampaignAsync(new()
        {
            Name = $"CLI {id}",
            Keywords = [$"cli{id}"],
            Regions = ["DE"],
            MaxQueriesPerRun = 1
        });
        var run = await RunAsync("discover", "run", $"cli {id}");
        Assert.True(run.Code == 0, run.Err + run.Out);
        Assert.Contains("Completed: ", run.Out);
        Assert.Contains("1/1 queries", run.Out);
        Assert.Equal(1, (await RunAsync("discover", "run", "no such campaign")).Code);
    }
}
