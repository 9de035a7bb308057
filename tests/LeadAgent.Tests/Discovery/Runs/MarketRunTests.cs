using LeadAgent.Market;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Discovery;
using LeadAgent.Web.Features.Discovery.Review;
using LeadAgent.Web.Features.Discovery.Runs;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Tests.Discovery.Runs;

/// <summary>The app with discovery pointed at a simulated market: its sites behind the proxy, its SearXNG.</summary>
public sealed class MarketApp() : AppFactory(Provider.Sqlite)
{
    // Another seed is another market: LEADAGENT_MARKET_SEED=N runs the same test over it.
    public Market.Market World { get; } = MarketGenerator.Generate(
        int.TryParse(Environment.GetEnvironmentVariable("LEADAGENT_MARKET_SEED"), out var seed) ? seed : 7, 300);
    public MarketServer Sites { get; private set; } = null!;

    protected override async Task BeforeStartAsync() => Sites = await MarketServer.StartAsync(World);

    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Discovery:Http:Proxy", Sites.ProxyUrl);
        builder.UseSetting("Discovery:Http:TimeoutSeconds", "3");
        builder.UseSetting("Discovery:Crawl:MinDelaySeconds", "0");
        builder.UseSetting("Discovery:Crawl:MaxCrawlDelaySeconds", "10");
        builder.UseSetting("Discovery:Providers:SearXng:BaseUrl", Sites.SearXngUrl);
        builder.UseSetting("Discovery:Runs:PollSeconds", "1");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Sites.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>
/// A campaign over a market of 300 organisations the code was not written against (seeded, generated): how many of
/// the fitting companies it proposes, how well it reads what they publish, and that it never fetched what
/// robots.txt forbids.
/// </summary>
public sealed class MarketRunTests(MarketApp app) : IClassFixture<MarketApp>
{
    [Fact]
    public async Task A_campaign_over_the_market_proposes_the_fitting_companies_with_their_facts()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var campaign = await c.CampaignAsync(new()
        {
            Name = "Market",
            Segments = ["EventAgency", "CorporateClient", "BrandOwner", "Reseller"],
            MaxQueriesPerRun = 500,
            MaxNewPerRun = 1000,
            MaxNewPerDay = 1000,
        });
        var run = await c.RunAsync(campaign.Id);
        Assert.Equal(RunStatus.Completed, run.Status);

        await using var db = app.CreateDbContext();
        var prospects = await db.Prospects.AsNoTracking().Where(p => p.RunId == run.Id).ToListAsync(Ct);
        var proposed = prospects.Where(p => p.Review == ReviewState.Pending && p.Research == ResearchState.Researched)
            .ToList();
        var fitting = app.World.Fitting.Where(app.World.IsCrawlable).ToList();
        var found = fitting
            .Select(f => (Truth: f, Prospect: proposed.FirstOrDefault(p => f.Domains.Contains(p.Domain))))
            .ToList();
        var hits = found.Where(f => f.Prospect is not null).ToList();
        double Share(Func<MarketCompany, string?> truth, Func<Prospect, string?> got, Func<string?, string?> norm)
        {
            var published = hits.Where(h => truth(h.Truth) is not null).ToList();
            return published.Count == 0 ? 1
                : (double)published.Count(h => norm(truth(h.Truth)) == norm(got(h.Prospect!)))
                / published.Count;
        }
        static string? Plain(string? s) => s?.Trim().ToLowerInvariant();
        static string? Vat(string? s) => s is null ? null
            : new string([.. s.ToUpperInvariant().Where(char.IsAsciiLetterOrDigit)]).TrimStart('A', 'E');
        var recall = (double)hits.Count / fitting.Count;
        var legal = Share(t => t.LegalName, p => p.LegalName, Plain);
        var vat = Share(t => t.VatId, p => p.VatId, Vat);
        var phone = Share(t => t.Phone, p => p.Phone, Plain);
        var email = Share(t => t.Email, p => p.Email, Plain);
        var noise = proposed.Count(p => app.World.CompanyOf(p.Domain) is not { Fits: true });
        var (accuracy, auc, judged) = Qualification(prospects);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"judged {judged} market companies: segment accuracy {accuracy:P1}, fit score ROC AUC {auc:F3}");
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"queries {run.Queries}, sites {run.Sites}, researched {run.Researched}, "
            + $"robots-blocked {run.RobotsBlocked}, "
            + $"unreachable {run.Unreachable}, requests {run.PagesFetched}; fitting {fitting.Count}, proposed "
            + $"{proposed.Count} ({noise} not fitting); recall {recall:P0}; legal name {legal:P0}, VAT {vat:P0}, "
            + $"phone {phone:P0}, e-mail {email:P0}");
        foreach (var miss in found.Where(f => f.Prospect is null).Take(10))
        {
            var seen = prospects.FirstOrDefault(p => miss.Truth.Domains.Contains(p.Domain));
            TestContext.Current.TestOutputHelper?.WriteLine($"missed {miss.Truth}: "
                + (seen is null ? "never found" : $"{seen.Research} {seen.Review} {seen.Outcome}"));
        }
        foreach (var (truth, got) in hits.Where(h => h.Truth.LegalName is not null
            && Plain(h.Truth.LegalName) != Plain(h.Prospect!.LegalName)).Take(10))
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"legal name {truth.LegalName} read as {got!.LegalName}");
        }
        Assert.Empty(app.Sites.Forbidden());
        Assert.True(recall >= 0.9, $"recall {recall:P0}");
        Assert.True(Math.Min(Math.Min(legal, vat), Math.Min(phone, email)) >= 0.9,
            $"legal {legal:P0}, VAT {vat:P0}, phone {phone:P0}, e-mail {email:P0}");
        Assert.True(accuracy >= 0.9, $"segment accuracy {accuracy:P1}");
        Assert.True(auc >= 0.9, $"fit score ROC AUC {auc:F3}");
    }

    // The brain's judgement of every researched market company against the market's truth: the segment (noise
    // organisations count as right when judged not a fit or unknown) and how well the fit score ranks the fitting
    // companies above the rest (ROC AUC, ties counting half).
    private (double Accuracy, double Auc, int Judged) Qualification(List<Prospect> prospects)
    {
        var judged = prospects.Where(p => p.Research == ResearchState.Researched)
            .Select(p => (Prospect: p, Truth: app.World.CompanyOf(p.Domain)))
            .Where(x => x.Truth is not null).DistinctBy(x => x.Truth!.Id).ToList();
        if (judged.Count == 0)
        {
            return (0, 0, 0);
        }
        static bool Right((Prospect Prospect, MarketCompany? Truth) x) => x.Truth!.Segment is { } truth
            ? x.Prospect.Segment == truth.ToString() : x.Prospect.Segment is "NotAFit" or "Unknown" or null;
        var right = judged.Count(Right);
        foreach (var (p, truth) in judged.Where(x => !Right(x)).Take(10))
        {
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"segment of {truth} judged {p.Segment} ({p.SegmentConfidence:P0}), fit {p.FitScore}");
        }
        var fitting = judged.Where(x => x.Truth!.Fits).Select(x => x.Prospect.FitScore ?? 0).ToList();
        var other = judged.Where(x => !x.Truth!.Fits).Select(x => x.Prospect.FitScore ?? 0).ToList();
        var pairs = fitting.Sum(f => other.Sum(o => f > o ? 1.0 : f == o ? 0.5 : 0));
        var auc = fitting.Count == 0 || other.Count == 0 ? 0 : pairs / (fitting.Count * other.Count);
        return ((double)right / judged.Count, auc, judged.Count);
    }
}
