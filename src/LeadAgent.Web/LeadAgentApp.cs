using System.Text.Json.Serialization;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Accounts;
using LeadAgent.Web.Features.Crm;
using LeadAgent.Web.Features.Demo;
using LeadAgent.Web.Features.Discovery;
using LeadAgent.Web.Features.Inbox;
using LeadAgent.Web.Features.Qualification;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using LeadAgent.Web.Infrastructure.Hosting;
using LeadAgent.Web.Infrastructure.Limits;
using LeadAgent.Web.Infrastructure.Live;
using LeadAgent.Web.Infrastructure.Telemetry;
using LeadAgent.Web.Ui;
using MudBlazor.Services;
using Scalar.AspNetCore;

namespace LeadAgent.Web;

public static class LeadAgentApp
{
    public static WebApplication Build(string[] args)
    {
        var hostArgs = Cli.HostArgs(args);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = hostArgs,
            // appsettings.json and wwwroot live next to the executable; the working directory only anchors
            // relative data paths (./data), wherever `dotnet run` or the published app is started from.
            ContentRootPath = hostArgs.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
                ? null
                : AppContext.BaseDirectory,
        });
        // Serve package assets (MudBlazor, blazor.web.js) from a build output in every environment, not only
        // Development; a published app has them in wwwroot and this is a no-op there.
        builder.WebHost.UseStaticWebAssets();
        // First of the hosted services: migrations are applied before the workers and the key ring (a table on
        // PostgreSQL) are first read.
        builder.Services.AddHostedService<StartupTasks>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddProblemHandling();
        builder.Services.ConfigureHttpJsonOptions(o =>
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "LeadAgent API";
            doc.Info.Description = "CRM core: companies, contacts, leads, lists, notes, activity. "
                + "Authenticate with `Authorization: Bearer la_…` (create a token under API tokens).";
            return Task.CompletedTask;
        }));
        builder.Services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(o => o.MaximumReceiveMessageSize = LeadAgent.Web.Ui.Shared.Prerendered.HubMessageLimit);
        // Messages at the bottom: at the top right they covered the page's action buttons.
        builder.Services.AddMudServices(c =>
            c.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomCenter);
        builder.Services.AddScoped<LeadAgent.Web.Ui.UserClock>();
        builder.Services.AddScoped<LeadAgent.Web.Ui.Shared.OwnerDirectory>();

        // Keys for the login cookie and secrets at rest survive restarts, and are shared by the nodes of a database.
        builder.AddKeyRing();
        builder.AddProxySupport();
        builder.AddDatabase();
        builder.Services.AddSaveHooks();
        builder.Services.AddSingleton<LeadAgent.Web.Infrastructure.Work.Leases>();
        builder.Services.AddLiveRecords();
        builder.AddAuth();
        builder.AddTelemetry();
        builder.AddLoadLimits();
        builder.AddCrm();
        builder.AddInbox();
        builder.AddDiscovery();
        builder.AddQualification();
        builder.AddDemo();

        var app = builder.Build();
        app.UseProxySupport();
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        // A person following a dead link sees the app's page; API clients and scripts keep problem details.
        app.UseWhen(PersonWantsPage, page => page.UseStatusCodePagesWithReExecute("/not-found"));
        app.UseWhen(http => !PersonWantsPage(http), api => api.UseStatusCodePages());
        // Routing after the status pages, so the re-executed request for "/not-found" finds its endpoint.
        app.UseRouting();
        app.UseApiGate();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseLoadLimits();
        app.UseAntiforgery();

        app.MapHealthChecks("/healthz", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/readyz", new() { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapOpenApi().RequireAuthorization(Policies.Read);
        app.MapScalarApiReference("/api/docs", o => o.WithTitle("LeadAgent API")).RequireAuthorization(Policies.Read);
        app.MapCrmEndpoints();
        app.MapInboxEndpoints();
        app.MapDiscoveryEndpoints();
        app.MapQualificationEndpoints();
        app.MapAccountEndpoints();
        app.MapTelemetry(ApiTokenAuthentication.SchemeName);
        app.MapUi();
        return app;
    }

    private static bool PersonWantsPage(HttpContext http) =>
        HttpMethods.IsGet(http.Request.Method) && !NotPages.Any(p => http.Request.Path.StartsWithSegments(p))
        && http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal);

    // Paths that are no page, whose errors (a 401 from the OpenAPI document, say) must not read "Page not found".
    private static readonly string[] NotPages =
        ["/api", "/openapi", "/metrics", "/healthz", "/readyz", "/webhooks", "/account", "/_framework", "/_blazor"];
}
