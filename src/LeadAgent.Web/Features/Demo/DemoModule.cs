namespace LeadAgent.Web.Features.Demo;

public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>
    /// Seed the demo workspace into an empty database at start (<c>Demo:Seed=false</c> starts empty).
    /// </summary>
    public bool Seed { get; set; } = true;
}

public static class DemoModule
{
    public static IHostApplicationBuilder AddDemo(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        builder.Services.AddScoped<DemoSeeder>();
        builder.Services.AddScoped<DemoInbox>();
        return builder;
    }
}
