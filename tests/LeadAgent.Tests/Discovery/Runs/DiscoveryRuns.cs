using System.Net;
using LeadAgent.Web.Features.Discovery.Campaigns;
using LeadAgent.Web.Features.Discovery.Runs;

namespace LeadAgent.Tests.Discovery.Runs;

/// <summary>Campaigns and runs through the API, waited for until the run has ended.</summary>
public static class DiscoveryRuns
{
    public static async Task<CampaignDto> CampaignAsync(this HttpClient c, CampaignInput input)
    {
        var response = await c.PostJsonAsync("/api/v1/discovery/campaigns", input);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return await response.ReadAsync<CampaignDto>();
    }

    public static async Task<RunDto> RunAsync(this HttpClient c, Guid campaignId)
    {
        var response = await c.PostAsync($"/api/v1/discovery/campaigns/{campaignId}/runs", null, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return await c.FinishedAsync((await response.ReadAsync<RunDto>()).Id);
    }

    public static async Task<RunDto> FinishedAsync(this HttpClient c, Guid runId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        RunDto run;
        do
        {
            await Task.Delay(100, Ct);
            run = await c.GetJsonAsync<RunDto>($"/api/v1/discovery/runs/{runId}");
        }
        while (run.Status is RunStatus.Queued or RunStatus.Running && DateTime.UtcNow < deadline);
        Assert.False(run.Status is RunStatus.Queued or RunStatus.Running, $"Run {runId} did not end: {run.Stage}");
        return run;
    }

    /// <summary>A campaign looking for German event agencies with one query, so the fake answers it.</summary>
    public static CampaignInput Agencies(string name, params string[] extra) => new()
    {
        Name = name,
        Segments = ["EventAgency"],
        Regions = ["DE"],
        MaxQueriesPerRun = 1,
        Keywords = [.. extra],
    };
}
