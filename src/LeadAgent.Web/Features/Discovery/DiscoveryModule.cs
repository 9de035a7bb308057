using LeadAgent.Web.Features.Discovery.Crawling;

namespace LeadAgent.Web.Features.Discovery;

public static class DiscoveryModule
{
    public static IHostApplicationBuilder AddDiscovery(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DiscoveryHttpOptions>()
            .BindConfiguration(DiscoveryHttpOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<CrawlOptions>()
            .BindConfiguration(CrawlOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<PageFetcher>();
        builder.Services.AddSingleton<RobotsCache>();
        builder.Services.AddSingleton<HostPacer>();
        return builder;
    }
}
