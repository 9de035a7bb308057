using System.ComponentModel.DataAnnotations;

namespace LeadAgent.Web.Infrastructure.Live;

/// <summary>Live updates of open record pages.</summary>
public sealed class LiveOptions
{
    public const string Section = "Live";

    /// <summary>How often an open record page reads its record's version (other instances' changes).</summary>
    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 10;

    public TimeSpan PollInterval => TimeSpan.FromSeconds(PollSeconds);
}

public static class LiveSetup
{
    public static IServiceCollection AddLiveRecords(this IServiceCollection services)
    {
        services.AddOptions<LiveOptions>().BindConfiguration(LiveOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RecordChanges>();
        return services;
    }
}
