using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Accounts;
using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Inbox.Processing;
using LeadAgent.Web.Features.Inbox.Sending;
using LeadAgent.Web.Infrastructure.Api;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Inbox.Settings;

public sealed record RespondIoSettingsView(string BaseUrl, string? ApiToken, IReadOnlyList<string> WebhookSigningKeys, bool FromConfiguration);

/// <summary>Admin input: a null field is left as it is, an empty one is cleared. Secrets are never sent back in full.</summary>
public sealed record RespondIoSettingsInput(string? BaseUrl, string? ApiToken, List<string>? WebhookSigningKeys)
{
    public void Validate()
    {
        var errors = new Errors();
        if (!string.IsNullOrEmpty(BaseUrl) && (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")))
        {
            errors.Add("baseUrl", "Must be an http(s) address such as https://api.respond.io/v2.");
        }
        if (ApiToken is { Length: > 2000 })
        {
            errors.Add("apiToken", "At most 2000 characters.");
        }
        if (WebhookSigningKeys is { Count: > 20 })
        {
            errors.Add("webhookSigningKeys", "At most 20 keys (one per webhook).");
        }
        errors.ThrowIfAny();
    }
}

public sealed record ChannelView(Guid Id, string Name, string Source, ChannelKind Kind);

public sealed record ConnectionTest(bool Ok, string Message, IReadOnlyList<ChannelView> Channels);

/// <summary>"Test connection": calls the API with the saved token, and remembers the workspace's channels.</summary>
public sealed class ConnectionTester(RespondIoConnection connection, IHttpClientFactory http, IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    public async Task<ConnectionTest> TestAsync(CancellationToken ct)
    {
        if (!connection.Current.CanCallApi)
        {
            return new ConnectionTest(false, "No API token: paste one from Respond.io (Settings → Integrations → Developer API).", []);
        }
        var client = new RespondIoClient(http.CreateClient(RespondIoClient.HttpClientName), connection);
        var found = new List<RioChannel>();
        try
        {
            string? cursor = null;
            do
            {
                var page = await client.ListAsync("space/channel", 100, cursor, ct);
                found.AddRange(page.Items.Select(i => new RioChannel(RioEvent.Str(i, "id") ?? "", RioEvent.Str(i, "name") ?? "Channel", RioEvent.Str(i, "source") ?? "other"))
                    .Where(c => c.Id.Length > 0));
                cursor = page.NextCursor;
            }
            while (cursor is not null && found.Count < 1000);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return new ConnectionTest(false, e is TaskCanceledException ? "Respond.io did not answer in time." : e.Message, []);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var channels = new List<ChannelView>();
        foreach (var rio in found)
        {
            var channel = await db.Channels.FirstOrDefaultAsync(c => c.Provider == Channel.RespondIo && c.ExternalId == rio.Id, ct);
            if (channel is null)
            {
                channel = db.Channels.Add(new Channel { Provider = Channel.RespondIo, ExternalId = rio.Id, Name = rio.Name, Source = rio.Source, Kind = Channel.KindOf(rio.Source), CreatedAt = time.GetUtcNow().UtcDateTime }).Entity;
            }
            else
            {
                (channel.Name, channel.Source, channel.Kind) = (rio.Name, rio.Source, Channel.KindOf(rio.Source));
            }
            channels.Add(new ChannelView(channel.Id, channel.Name, channel.Source, channel.Kind));
        }
        await db.SaveChangesAsync(ct);
        return new ConnectionTest(true, $"Connected: {channels.Count} channel{(channels.Count == 1 ? "" : "s")}.", channels);
    }
}
