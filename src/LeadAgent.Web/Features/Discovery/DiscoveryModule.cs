using LeadAgent.Web.Features.Discovery.Alerts;
using LeadAgent.Web.Features.Discovery.Campaigns;
using LeadAgent.Web.Features.Discovery.Crawling;
using LeadAgent.Web.Features.Discovery.Research;
using LeadAgent.Web.Features.Discovery.Review;
using LeadAgent.Web.Features.Discovery.Runs;
using LeadAgent.Web.Features.Discovery.Search;
using Microsoft.Extensions.Options;

namespace LeadAgent.Web.Features.Discovery;

public static class DiscoveryModule
{
    public static IHostApplicationBuilder AddDiscovery(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        Options<DiscoveryHttpOptions>(services, DiscoveryHttpOptions.Section);
        Options<CrawlOptions>(services, CrawlOptions.Section);
        Options<SearchOptions>(services, SearchOptions.Section);
        Options<DiscoveryOptions>(services, DiscoveryOptions.Section);
        services.AddSingleton<PageFetcher>();
        services.AddSingleton<RobotsCache>();
        services.AddSingleton<HostPacer>();
        services.AddSingleton<SiteResearcher>();
        services.AddSingleton<DirectoryReader>();
        services.AddHttpClient(SearchProviders.HttpClientName, (sp, client) => client.Timeout =
            TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<SearchOptions>>().Value.TimeoutSeconds));
        services.AddHttpClient(AlertSender.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton<SearchProviders>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DiscoveryOptions>>().Value);
        services.AddSingleton<DiscoverySignal>();
        services.AddSingleton<AlertSignal>();
        services.AddScoped<AlertService>();
        services.AddScoped<RunSearchStage>();
        services.AddScoped<RunListStage>();
        services.AddScoped<RunResearchStage>();
        services.AddSingleton<ProspectRecorder>();
        services.AddSingleton<DiscoveryRunner>();
        services.AddScoped<RunService>();
        services.AddScoped<CampaignService>();
        services.AddScoped<ReviewService>();
        services.AddScoped<RunQueries>();
        services.AddScoped<ProviderSettings>();
        services.AddHostedService<DiscoveryWorker>();
        services.AddHostedService<CampaignScheduler>();
        services.AddHostedService<AlertSender>();
        return builder;
    }

    public static IEndpointRouteBuilder MapDiscoveryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapCampaignEndpoints();
        app.MapRunEndpoints();
        app.MapReviewEndpoints();
        return app;
    }

    private static void Options<T>(IServiceCollection services, string section) where T : class =>
        services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
}
