using System.Net.Http.Json;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Discovery.Runs;
using LeadAgent.Web.Infrastructure.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LeadAgent.Web.Features.Discovery.Alerts;

/// <summary>
/// POSTs unsent alerts to <c>Discovery:Runs:AlertWebhookUrl</c> as JSON (<c>id</c>, <c>kind</c>, <c>message</c>,
/// links by id). Each attempt is claimed by a conditional update, so nodes sharing a database do not send one alert
/// twice at once; the receiver can drop repeats by <c>id</c>. Up to five attempts.
/// </summary>
public sealed class AlertSender(IServiceScopeFactory scopes, IHttpClientFactory clients, TimeProvider time,
    IOptions<DiscoveryOptions> options, AlertSignal signal, IHostApplicationLifetime lifetime,
    ILogger<AlertSender> log) : PollingWorker(signal, lifetime, log)
{
    public const string HttpClientName = "discovery-alerts";
    private const int MaxAttempts = 5;

    protected override TimeSpan PollInterval => TimeSpan.FromSeconds(options.Value.PollSeconds);

    protected override async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        if (options.Value.AlertWebhookUrl is not { Length: > 0 } url)
        {
            return false;
        }
        await using var scope = scopes.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await factory.CreateDbContextAsync(ct);
        var alert = await db.DiscoveryAlerts.AsNoTracking().Where(a => a.SentAt == null && a.SendAttempts < MaxAttempts)
            .OrderBy(a => a.CreatedAt).FirstOrDefaultAsync(ct);
        if (alert is null)
        {
            return false;
        }
        var claimed = await db.DiscoveryAlerts.Where(a => a.Id == alert.Id && a.SendAttempts == alert.SendAttempts)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.SendAttempts, a => a.SendAttempts + 1), ct);
        if (claimed == 0)
        {
            return true;
        }
        try
        {
            using var response = await clients.CreateClient(HttpClientName).PostAsJsonAsync(url, new
            {
                id = alert.Id,
                kind = alert.Kind.ToString(),
                message = alert.Message,
                campaignId = alert.CampaignId,
                runId = alert.RunId,
                createdAt = alert.CreatedAt,
            }, ct);
            if (response.IsSuccessStatusCode)
            {
                await db.DiscoveryAlerts.Where(a => a.Id == alert.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.SentAt, time.GetUtcNow().UtcDateTime), ct);
                return true;
            }
            log.LogWarning("Alert webhook answered {Status}.", (int)response.StatusCode);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            log.LogWarning(e, "Alert webhook unreachable.");
        }
        return false;
    }
}
