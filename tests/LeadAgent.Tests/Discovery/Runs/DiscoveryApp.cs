using Microsoft.AspNetCore.Hosting;

namespace LeadAgent.Tests.Discovery.Runs;

/// <summary>
/// The app with its discovery pointed at local fakes: company sites behind the crawler's proxy, and SearXNG and Brave
/// speaking their JSON. Politeness delays are off (the pacer has its own tests) so runs finish quickly.
/// </summary>
public class DiscoveryApp(Provider provider) : AppFactory(provider)
{
    public FakeSites Sites { get; private set; } = null!;
    public FakeSearchEngines Engines { get; private set; } = null!;

    protected override async Task BeforeStartAsync()
    {
        Sites = await FakeSites.StartAsync();
        Engines = await FakeSearchEngines.StartAsync();
    }

    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Discovery:Http:Proxy", Sites.Url);
        builder.UseSetting("Discovery:Crawl:MinDelaySeconds", "0");
        builder.UseSetting("Discovery:Providers:SearXng:BaseUrl", Engines.Url);
        builder.UseSetting("Discovery:Providers:Brave:BaseUrl", Engines.Url);
        builder.UseSetting("Discovery:Providers:Brave:ApiKey", FakeSearchEngines.BraveKey);
        builder.UseSetting("Discovery:Runs:PollSeconds", "1");
        builder.UseSetting("Discovery:Runs:LeaseSeconds", "30");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Sites.DisposeAsync();
        await Engines.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteDiscoveryApp() : DiscoveryApp(Provider.Sqlite);

public sealed class PostgresDiscoveryApp() : DiscoveryApp(Provider.Postgres);

[CollectionDefinition(nameof(SqliteDiscovery))]
public sealed class SqliteDiscovery : ICollectionFixture<SqliteDiscoveryApp>;

[CollectionDefinition(nameof(PostgresDiscovery))]
public sealed class PostgresDiscovery : ICollectionFixture<PostgresDiscoveryApp>;
