using System.Net;
using LeadAgent.Tests.Discovery.Runs;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Discovery;
using LeadAgent.Web.Features.Discovery.Review;
using LeadAgent.Web.Features.Discovery.Runs;
using LeadAgent.Web.Features.Policy;
using LeadAgent.Web.Infrastructure.Api;

namespace LeadAgent.Tests.Policy;

/// <summary>
/// Discovery asks the policy before it fetches or proposes: a blocked domain (or a subdomain of one) gets no request
/// at all, a blocked keyword in what a site says holds it, research on request is refused, and discovery's own
/// "block" writes a policy entry.
/// </summary>
public abstract class PolicyDiscoveryTests(DiscoveryApp app)
{
    private bool Fetched(string host) => app.Sites.Requests.Any(r => r.Key.StartsWith(host + "/",
        StringComparison.Ordinal));

    [Fact]
    public async Task A_run_never_fetches_a_blocked_domain_and_holds_a_site_with_a_blocked_keyword()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var id = Unique();
        var blocked = CompanySites.Agency($"blocked-{id}.de", $"Gesperrt {id}");
        var child = CompanySites.Agency($"events.parent-{id}.de", $"Kind {id}");
        var gambling = CompanySites.Agency($"spiel-{id}.de", $"Spiel {id}") with
        {
            Trade = $"Eventagentur und Spielbank{id} für Firmenevents",
        };
        var fine = CompanySites.Agency($"fine-{id}.de", $"Fein {id}");
        app.Sites.AddCompany(blocked).AddCompany(child).AddCompany(gambling).AddCompany(fine);
        foreach (var (kind, value) in new[] { ("domain", blocked.Host), ("domain", $"parent-{id}.de"),
                     ("keyword", $"SPIELBANK{id}") })
        {
            var added = await c.PostJsonAsync("/api/v1/policy", new { kind, value, reason = "Test" });
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        }
        var query = $"policyagentur{id} Deutschland";
        app.Engines.Found[query] = [.. new[] { blocked, child, gambling, fine }
            .Select(s => ($"http://{s.Host}/", s.Name, "Eventagentur"))];
        var campaign = await c.CampaignAsync(DiscoveryRuns.Agencies($"Policy {id}") with
        {
            Keywords = [$"policyagentur{id}"],
        });

        var run = await c.RunAsync(campaign.Id);

        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.False(Fetched(blocked.Host));
        Assert.False(Fetched(child.Host));
        Assert.True(Fetched(fine.Host));
        var all = await c.GetJsonAsync<Page<ProspectRow>>($"/api/v1/discovery/prospects?runId={run.Id}&review=all");
        Assert.DoesNotContain(all.Items, p => p.Domain == blocked.Host || p.Domain == $"parent-{id}.de");
        var held = all.Items.Single(p => p.Domain == gambling.Host);
        Assert.Equal(ReviewState.Held, held.Review);
        Assert.Contains($"Keyword spielbank{id}", held.Outcome, StringComparison.Ordinal);
        var proposed = all.Items.Single(p => p.Domain == fine.Host);
        Assert.Equal(ReviewState.Pending, proposed.Review);

        // Blocked after it was proposed: it cannot be accepted.
        Assert.Equal(HttpStatusCode.Created, (await c.PostJsonAsync("/api/v1/policy",
            new { kind = "domain", value = fine.Host, reason = "Changed our mind" })).StatusCode);
        var accept = await c.PostAsync($"/api/v1/discovery/prospects/{proposed.Id}/accept", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, accept.StatusCode);
        Assert.Contains("Changed our mind", (await accept.ProblemAsync()).GetProperty("detail").GetString());

        // Research on request (the company page's button, the API, the CLI's enrich) is refused too.
        var research = await c.PostJsonAsync("/api/v1/discovery/runs/research",
            new ResearchInput($"https://www.{blocked.Host}/kontakt"));
        Assert.Equal(HttpStatusCode.Conflict, research.StatusCode);
        Assert.Contains("block list", (await research.ProblemAsync()).GetProperty("detail").GetString());
        Assert.False(Fetched(blocked.Host));
    }

    [Fact]
    public async Task Discoverys_block_writes_a_policy_entry_and_older_blocked_verdicts_still_block()
    {
        var (sales, admin) = (await app.ClientAsync(Roles.Sales), await app.ClientAsync(Roles.Admin));
        var id = Unique();
        var verdict = await (await sales.PostJsonAsync("/api/v1/discovery/verdicts",
            new BlockInput($"https://www.verdict-{id}.de", "Competitor"))).ReadAsync<DomainVerdictDto>();
        Assert.True(verdict.Blocked);
        var entry = Assert.Single(await sales.GetJsonAsync<List<PolicyEntryDto>>($"/api/v1/policy?q=verdict-{id}"));
        Assert.Equal((PolicyKind.Domain, $"verdict-{id}.de", "Competitor"), (entry.Kind, entry.Value, entry.Reason));
        Assert.Equal(HttpStatusCode.Conflict, (await sales.PostJsonAsync("/api/v1/discovery/runs/research",
            new ResearchInput($"shop.verdict-{id}.de"))).StatusCode);
        // Taking it off the block list is an admin's decision, here as on the policy page.
        Assert.Equal(HttpStatusCode.Forbidden,
            (await sales.DeleteAsync($"/api/v1/discovery/verdicts/verdict-{id}.de", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent,
            (await admin.DeleteAsync($"/api/v1/discovery/verdicts/verdict-{id}.de", Ct)).StatusCode);
        Assert.Empty(await sales.GetJsonAsync<List<PolicyEntryDto>>($"/api/v1/policy?q=verdict-{id}"));

        // A verdict blocked before the lists existed blocks like a domain entry.
        await using (var db = app.CreateDbContext())
        {
            db.DomainVerdicts.Add(new DomainVerdict
            {
                Domain = $"legacy-{id}.de",
                Reason = "Old block",
                Blocked = true,
                ByName = "someone",
                At = DateTime.UtcNow,
            });
            await db.SaveChangesAsync(Ct);
        }
        var check = await (await sales.PostJsonAsync("/api/v1/policy/check", new { domain = $"www.legacy-{id}.de" }))
            .ReadAsync<PolicyVerdictDto>();
        Assert.True(check.Blocked);
        Assert.Contains("Old block", check.Why, StringComparison.Ordinal);
    }
}

[Collection(nameof(SqliteDiscovery))]
public sealed class PolicyDiscoverySqliteTests(SqliteDiscoveryApp app) : PolicyDiscoveryTests(app);

[Collection(nameof(PostgresDiscovery))]
public sealed class PolicyDiscoveryPostgresTests(PostgresDiscoveryApp app) : PolicyDiscoveryTests(app);
