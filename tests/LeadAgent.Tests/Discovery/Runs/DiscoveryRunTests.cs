using System.Net;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Discovery.Review;
using LeadAgent.Web.Features.Discovery.Runs;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Notes;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;

namespace LeadAgent.Tests.Discovery.Runs;

/// <summary>
/// A campaign's run end to end on local fakes: a search finds sites, the crawler reads them (never what robots.txt
/// forbids), a company the CRM has is enriched and not proposed, one outside the regions is held back, the new one
/// waits in the queue with its evidence, and accepting it makes a lead with the "why found" trail.
/// </summary>
public abstract class DiscoveryRunTests(DiscoveryApp app)
{
    [Fact]
    public async Task A_run_finds_researches_matches_and_proposes_then_a_reviewer_accepts_and_rejects()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var id = Unique();
        var fit = CompanySites.Agency($"eventwerk-{id}.de", $"Eventwerk {id}");
        var known = CompanySites.Agency($"known-{id}.de", $"Bekannt {id}");
        var closed = CompanySites.Agency($"closed-{id}.de", $"Zu {id}");
        var vienna = CompanySites.Agency($"wien-{id}.at", $"Wiener Events {id}") with
        {
            Street = "Mariahilfer Straße 1",
            Postcode = "1060",
            City = "Wien",
            Vat = "ATU12345675",
            Phone = "+43 1 2345678",
        };
        app.Sites.AddCompany(fit).AddCompany(known).AddCompany(vienna)
            .AddCompany(closed, robots: "User-agent: LeadAgent\nDisallow: /\n\nUser-agent: *\nAllow: /\n");
        var existing = await c.CreateAsync(Make.Company($"Bekannt {id}") with { Website = $"http://known-{id}.de" });
        var query = $"eventagentur{id} Deutschland";
        app.Engines.Found[query] =
        [
            ($"http://eventwerk-{id}.de/leistungen", $"Eventwerk {id} – Eventagentur", "Firmenevents in München"),
            ($"http://known-{id}.de/", "Bekannt", "Eventagentur"),
            ($"http://wien-{id}.at/", "Wiener Events", "Eventagentur in Wien"),
            ($"http://closed-{id}.de/", "Zu", "Eventagentur"),
            ($"http://www.linkedin.com/company/eventwerk-{id}", "LinkedIn", "profile"),
            ($"http://www.eventwerk-{id}.de/kontakt", "Eventwerk Kontakt", "second result of the same site"),
        ];
        var campaign = await c.CampaignAsync(new()
        {
            Name = $"Agencies {id}",
            Keywords = [$"eventagentur{id}"],
            Regions = ["DE"],
            Segments = ["EventAgency"],
            MaxQueriesPerRun = 1
        });

        var run = await c.RunAsync(campaign.Id);

        Assert.Equal((RunStatus.Completed, RunStage.Done), (run.Status, run.Stage));
        Assert.Equal((1, 6, 4), (run.Queries, run.Results, run.Sites));   // LinkedIn and the 2nd hit are no sites
        Assert.Equal((1, 3, 1, 1), (run.RobotsBlocked, run.Researched, run.MatchedExisting, run.New));
        Assert.Equal(0, app.Sites.Count($"http://closed-{id}.de/"));
        Assert.Equal(1, app.Sites.Count($"http://eventwerk-{id}.de/impressum"));

        var queue = await c.GetJsonAsync<Page<ProspectRow>>($"/api/v1/discovery/prospects?runId={run.Id}");
        var proposed = Assert.Single(queue.Items);
        Assert.Equal((fit.Host, fit.LegalName, fit.Vat, "+49891234567", fit.Email),
            (proposed.Domain, proposed.LegalName, proposed.VatId, proposed.Phone, proposed.Email));
        var all = await c.GetJsonAsync<Page<ProspectRow>>($"/api/v1/discovery/prospects?runId={run.Id}&review=all");
        Assert.Equal(ReviewState.Enriched, all.Items.Single(p => p.Domain == known.Host).Review);
        Assert.Equal(existing.Id, all.Items.Single(p => p.Domain == known.Host).CompanyId);
        var held = all.Items.Single(p => p.Domain == vienna.Host);
        Assert.Equal(ReviewState.Held, held.Review);
        Assert.Contains("outside the campaign's regions", held.Outcome);

        // The CRM's company gained what it lacked, and kept what a person entered (its name).
        var enriched = await c.GetJsonAsync<CompanyRow>($"/api/v1/companies/{existing.Id}");
        Assert.Equal((known.LegalName, $"Bekannt {id}"), (enriched.LegalName, enriched.Name));

        var detail = await c.GetJsonAsync<ProspectDetail>($"/api/v1/discovery/prospects/{proposed.Id}");
        Assert.Contains(detail.Facts, f => f.Field == "vatId" && f.SourceUrl.EndsWith("/impressum"));
        Assert.Contains(detail.PagesRead, p => p.Kind == "Imprint");

        var accepted = await (await c.PostAsync($"/api/v1/discovery/prospects/{proposed.Id}/accept", null, Ct))
            .ReadAsync<AcceptResult>();
        var lead = await c.GetJsonAsync<LeadRow>($"/api/v1/leads/{accepted.LeadId}");
        Assert.Equal(LeadSource.Discovery, lead.Source);
        var company = await c.GetJsonAsync<CompanyRow>($"/api/v1/companies/{accepted.CompanyId}");
        Assert.Equal((fit.Name, fit.LegalName, fit.Host), (company.Name, company.LegalName, company.Domain));
        var notes = await c.GetJsonAsync<Page<NoteDto>>($"/api/v1/notes?subjectType=Lead&subjectId={lead.Id}");
        Assert.Contains(query, Assert.Single(notes.Items).Body);
        Assert.DoesNotContain("<a", notes.Items[0].Html.Replace("<a href=\"#", "", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Conflict,
            (await c.PostAsync($"/api/v1/discovery/prospects/{proposed.Id}/accept", null, Ct)).StatusCode);

        // A rejected site is remembered: the next run does not propose it again.
        var again = CompanySites.Agency($"again-{id}.de", $"Nochmal {id}");
        app.Sites.AddCompany(again);
        app.Engines.Found[query].Add(($"http://again-{id}.de/", "Nochmal", "Eventagentur"));
        var second = await c.RunAsync(campaign.Id);
        var other = Assert.Single((await c.GetJsonAsync<Page<ProspectRow>>(
            $"/api/v1/discovery/prospects?runId={second.Id}")).Items);
        Assert.Equal(again.Host, other.Domain);
        var rejected = await c.PostJsonAsync($"/api/v1/discovery/prospects/{other.Id}/reject",
            new RejectInput("Competitor", false));
        Assert.Equal(ReviewState.Rejected, (await rejected.ReadAsync<ProspectRow>()).Review);
        var third = await c.RunAsync(campaign.Id);
        Assert.Equal(0, third.New);
        Assert.DoesNotContain((await c.GetJsonAsync<Page<ProspectRow>>(
            $"/api/v1/discovery/prospects?runId={third.Id}&review=all")).Items, p => p.Domain == again.Host);
    }

    [Fact]
    public async Task A_run_stops_at_its_budget_and_says_so()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var id = Unique();
        var sites = Enumerable.Range(1, 4).Select(i => CompanySites.Agency($"budget{i}-{id}.de", $"Budget {i} {id}"))
            .ToList();
        foreach (var site in sites)
        {
            app.Sites.AddCompany(site);
        }
        app.Engines.Found[$"budget{id} Deutschland"] = [.. sites.Select(s => ($"http://{s.Host}/", s.Name, "Events"))];
        var campaign = await c.CampaignAsync(new()
        {
            Name = $"Budget {id}",
            Keywords = [$"budget{id}"],
            Regions = ["DE"],
            MaxQueriesPerRun = 1,
            MaxNewPerRun = 2
        });

        var run = await c.RunAsync(campaign.Id);

        Assert.Equal(RunStatus.Stopped, run.Status);
        Assert.Equal(2, run.New);
        Assert.Contains("Budget of 2 new companies per run", run.StopReason);
        var alerts = await c.GetJsonAsync<List<Web.Features.Discovery.Alerts.DiscoveryAlert>>(
            "/api/v1/discovery/alerts");
        Assert.Contains(alerts,
            a => a.RunId == run.Id && a.Kind == Web.Features.Discovery.Alerts.AlertKind.BudgetReached);
    }

    [Fact]
    public async Task Campaign_input_errors_are_field_errors()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var response = await c.PostJsonAsync("/api/v1/discovery/campaigns", new
        {
            name = "",
            segments = new[] { "Bakeries" },
            regions = new[] { "FR" },
            schedule = "every day",
            timeZone = "Mars/Olympus",
            directoryUrls = new[] { "javascript:alert(1)" },
            maxNewPerRun = 0,
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ProblemAsync()).GetProperty("errors");
        foreach (var field in new[] { "name", "segments", "regions", "schedule", "timeZone", "directoryUrls",
            "maxNewPerRun" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }
        var viewer = await app.ClientAsync(Roles.Viewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostJsonAsync("/api/v1/discovery/campaigns",
            DiscoveryRuns.Agencies("Viewer"))).StatusCode);
    }
}

[Collection(nameof(SqliteDiscovery))]
public sealed class DiscoveryRunSqliteTests(SqliteDiscoveryApp app) : DiscoveryRunTests(app);

[Collection(nameof(PostgresDiscovery))]
public sealed class DiscoveryRunPostgresTests(PostgresDiscoveryApp app) : DiscoveryRunTests(app);
