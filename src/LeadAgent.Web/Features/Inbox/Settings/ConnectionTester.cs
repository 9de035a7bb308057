using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Inbox.Providers;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Inbox.Settings;

public sealed record ChannelView(Guid Id, string Name, string Source, ChannelKind Kind);

public sealed record ConnectionTest(bool Ok, string Message, IReadOnlyList<ChannelView> Channels);

/// <summary>"Test connection": calls each testable provider with its saved credentials, and remembers its
/// channels.</summary>
public sealed class ConnectionTester(MessagingProviders providers, IDbContextFactory<AppDbContext> dbFactory,
    TimeProvider time)
{
    public async Task<ConnectionTest> TestAsync(CancellationToken ct)
    {
        var channels = new List<ChannelView>();
        foreach (var provider in providers.With(ProviderFeatures.ConnectionTest))
        {
            var check = await provider.TestConnectionAsync(ct);
            if (!check.Ok)
            {
                return new ConnectionTest(false, check.Message, []);
            }
            channels.AddRange(await RememberAsync(provider.Key, check.Channels, ct));
        }
        return new ConnectionTest(true, $"Connected: {channels.Count} channel{(channels.Count == 1 ? "" : "s")}.",
            channels);
    }

    private async Task<List<ChannelView>> RememberAsync(string provider, IReadOnlyList<ProviderChannel> found,
        CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var channels = new List<ChannelView>();
        foreach (var p in found)
        {
            var channel = await db.Channels.FirstOrDefaultAsync(c => c.Provider == provider && c.ExternalId == p.Id,
                ct);
            if (channel is null)
            {
                channel = db.Channels.Add(new Channel
                {
                    Provider = provider,
                    ExternalId = p.Id,
                    Name = p.Name,
                    Source = p.Source,
                    Kind = p.Kind,
                    CreatedAt = time.GetUtcNow().UtcDateTime,
                }).Entity;
            }
            else
            {
                (channel.Name, channel.Source, channel.Kind) = (p.Name, p.Source, p.Kind);
            }
            channels.Add(new ChannelView(channel.Id, channel.Name, channel.Source, channel.Kind));
        }
        await db.SaveChangesAsync(ct);
        return channels;
    }
}
