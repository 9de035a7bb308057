using System.Text.Json;
using System.Text.Json.Nodes;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Inbox.Processing;
using LeadAgent.Web.Features.Inbox.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LeadAgent.Web.Features.Inbox.Sending;

/// <summary>
/// Sends what the inbox queued: replies, and assignment/open/close mirrored to Respond.io. Each outbound message is
/// claimed with a lease and marked Sending (with the time) before the provider is called, so a crash or timeout
/// between the call and the save is noticed: the next attempt first looks for the message among the contact's recent
/// messages at the provider and adopts it instead of sending it again. 429 waits for Retry-After; 5xx and timeouts
/// retry with backoff; other 4xx fail at once with the provider's reason.
/// </summary>
public sealed class OutboxProcessor(IServiceScopeFactory scopes, TimeProvider time, IOptions<InboxOptions> options,
    RespondIoConnection connection, IHttpClientFactory http, InboxNotifier notifier, ILogger<OutboxProcessor> log)
{
    private readonly string _instance = $"{Guid.NewGuid():N}"[..12] + $"@{Environment.ProcessId}";

    /// <summary>Sends one batch of due messages; returns how many were claimed.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var claim = $"{_instance}:{Guid.NewGuid():N}"[..40];
        List<Guid> ids;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            var now = time.GetUtcNow().UtcDateTime;
            var due = await db.Messages
                .Where(m => (m.Status == DeliveryStatus.Pending || m.Status == DeliveryStatus.Sending) && m.Payload != null
                    && m.NextAttemptAt <= now && (m.LeaseUntil == null || m.LeaseUntil < now))
                .OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(20).ToListAsync(ct);
            if (due.Count == 0)
            {
                return 0;
            }
            var until = now.AddSeconds(options.Value.LeaseSeconds);
            await db.Messages.Where(m => due.Contains(m.Id) && (m.LeaseUntil == null || m.LeaseUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseOwner, claim).SetProperty(m => m.LeaseUntil, until), ct);
            ids = await db.Messages.Where(m => due.Contains(m.Id) && m.LeaseOwner == claim).Select(m => m.Id).ToListAsync(ct);
        }
        foreach (var id in ids)
        {
            try
            {
                await SendAsync(factory, id, claim, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // Unexpected (database hiccup): the lease runs out and the message is tried again, reconciled first.
                log.LogError(e, "Outbound message {Id} could not be processed.", id);
            }
        }
        return ids.Count;
    }

    private async Task SendAsync(IDbContextFactory<AppDbContext> factory, Guid id, string claim, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var message = await db.Messages.AsNoTracking().FirstAsync(m => m.Id == id, ct);
        var conversation = await db.Conversations.AsNoTracking().Include(c => c.Channel).FirstAsync(c => c.Id == message.ConversationId, ct);
        var channel = conversation.Channel!;
        var payload = JsonNode.Parse(message.Payload!)!;
        var now = time.GetUtcNow().UtcDateTime;
        var mine = db.Messages.Where(m => m.Id == id && m.LeaseOwner == claim);

        if (channel.Provider == Channel.Sandbox)
        {
            // The sandbox "delivers" at once; everything before this point is the real path.
            await Finish(db, mine, message.Direction == MessageDirection.Outbound ? DeliveryStatus.Delivered : DeliveryStatus.Sent, $"sandbox-{id:N}", null, ct);
            await TouchAsync(db, conversation.Id, ct);
            return;
        }
        var settings = connection.Current;
        if (!settings.CanCallApi)
        {
            await Finish(db, mine, DeliveryStatus.Failed, null, "Respond.io is not connected: an admin adds the API token under Settings → Inbox.", ct);
            await TouchAsync(db, conversation.Id, ct);
            return;
        }
        var client = new RespondIoClient(http.CreateClient(RespondIoClient.HttpClientName), connection);

        if (message.Status == DeliveryStatus.Sending && message.Direction == MessageDirection.Outbound && message.SendStartedAt is { } started)
        {
            // The last attempt may have reached the provider: find it before sending again.
            var found = await FindSentAsync(db, client, conversation.ExternalContactId, message, started, ct);
            if (found is not null)
            {
                await AdoptAsync(db, mine, id, found, ct);
                await TouchAsync(db, conversation.Id, ct);
                return;
            }
        }

        var attempts = message.Attempts + 1;
        if (await mine.ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, DeliveryStatus.Sending).SetProperty(m => m.SendStartedAt, now)
            .SetProperty(m => m.Attempts, attempts), ct) == 0)
        {
            return; // the lease was lost
        }
        var outcome = message.Type switch
        {
            "mirror.assign" => await client.AssignAsync(conversation.ExternalContactId, payload["assignee"]?.GetValue<string>(), ct),
            "mirror.status" => await client.SetStatusAsync(conversation.ExternalContactId, payload["status"]?.GetValue<string>() == "open", ct),
            _ => await client.SendMessageAsync(conversation.ExternalContactId, channel.ExternalId, payload, ct),
        };
        switch (outcome.Kind)
        {
            case SendOutcomeKind.Sent:
                var providerId = message.Direction == MessageDirection.Outbound ? outcome.MessageId : null;
                if (providerId is not null)
                {
                    await AdoptAsync(db, mine, id, providerId, ct);
                }
                else
                {
                    await Finish(db, mine, DeliveryStatus.Sent, null, null, ct);
                }
                break;
            case SendOutcomeKind.RateLimited:
                // Not sent: try again when the provider says, without counting it as a failure.
                var wait = outcome.RetryAfter is { } ra && ra > TimeSpan.Zero ? ra : Backoff(attempts);
                await mine.ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, DeliveryStatus.Pending).SetProperty(m => m.Attempts, message.Attempts)
                    .SetProperty(m => m.NextAttemptAt, now.Add(wait)).SetProperty(m => m.Error, outcome.Error)
                    .SetProperty(m => m.LeaseOwner, (string?)null).SetProperty(m => m.LeaseUntil, (DateTime?)null), ct);
                break;
            case SendOutcomeKind.Transient when attempts < options.Value.MaxAttempts:
                // The outcome is unknown (it may have gone out): stays Sending, so the retry reconciles first.
                await mine.ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, now.Add(Backoff(attempts))).SetProperty(m => m.Error, outcome.Error)
                    .SetProperty(m => m.LeaseOwner, (string?)null).SetProperty(m => m.LeaseUntil, (DateTime?)null), ct);
                break;
            default:
                var reason = outcome.Kind == SendOutcomeKind.Transient ? $"Gave up after {attempts} attempts: {outcome.Error}" : outcome.Error;
                await Finish(db, mine, DeliveryStatus.Failed, null, reason, ct);
                break;
        }
        await TouchAsync(db, conversation.Id, ct);
    }

    // Open inbox pages notice the change: at once on this instance, through UpdatedAt on the others.
    private async Task TouchAsync(AppDbContext db, Guid conversationId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await db.Conversations.Where(c => c.Id == conversationId).ExecuteUpdateAsync(s => s.SetProperty(c => c.UpdatedAt, now), ct);
        notifier.Changed([conversationId]);
    }

    private static async Task Finish(AppDbContext db, IQueryable<Message> mine, DeliveryStatus status, string? providerId, string? error, CancellationToken ct)
    {
        var text = error is { Length: > 1000 } ? error[..1000] : error;
        await mine.ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, status).SetProperty(m => m.Error, text)
            .SetProperty(m => m.ProviderMessageId, m => providerId ?? m.ProviderMessageId).SetProperty(m => m.NextAttemptAt, (DateTime?)null)
            .SetProperty(m => m.LeaseOwner, (string?)null).SetProperty(m => m.LeaseUntil, (DateTime?)null), ct);
    }

    // Records the provider's id; an echo stored as a separate message before we saved is folded into ours.
    private static async Task AdoptAsync(AppDbContext db, IQueryable<Message> mine, Guid id, string providerId, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var echo = await db.Messages.AsNoTracking().FirstOrDefaultAsync(m => m.ProviderMessageId == providerId && m.Id != id, ct);
        if (echo is not null)
        {
            await db.Messages.Where(m => m.Id == echo.Id).ExecuteDeleteAsync(ct);
        }
        var status = echo is not null && Message.Rank(echo.Status) > Message.Rank(DeliveryStatus.Sent) ? echo.Status : DeliveryStatus.Sent;
        await mine.ExecuteUpdateAsync(s => s.SetProperty(m => m.ProviderMessageId, providerId)
            .SetProperty(m => m.Status, m => m.Status == DeliveryStatus.Delivered || m.Status == DeliveryStatus.Read ? m.Status : status)
            .SetProperty(m => m.Error, (string?)null).SetProperty(m => m.NextAttemptAt, (DateTime?)null)
            .SetProperty(m => m.LeaseOwner, (string?)null).SetProperty(m => m.LeaseUntil, (DateTime?)null), ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The provider's id of an outgoing message matching ours sent since the attempt started, if any (not one of our other sends; an echo row is fine).</summary>
    private static async Task<string?> FindSentAsync(AppDbContext db, RespondIoClient client, string contactId, Message message, DateTime started, CancellationToken ct)
    {
        RioPage page;
        try
        {
            page = await client.ListAsync($"{RespondIoClient.ContactPath(contactId)}/message/list", 50, null, ct);
        }
        catch (HttpRequestException)
        {
            throw; // cannot tell: try again later rather than risk a second send
        }
        var payload = JsonNode.Parse(message.Payload!)!;
        var templateName = payload["template"]?["name"]?.GetValue<string>();
        foreach (var item in page.Items)
        {
            var m = RioEvent.ParseMessage(item);
            if (m is null || m.Incoming || (m.At is { } at && at < started.AddMinutes(-5)))
            {
                continue;
            }
            var same = m.Type == "whatsapp_template" && item.TryGetProperty("message", out var body) && body.TryGetProperty("template", out var t)
                ? RioEvent.Str(t, "name") == templateName
                : m.Text == message.Text;
            if (same && !await db.Messages.AnyAsync(x => x.ProviderMessageId == m.MessageId && x.Id != message.Id && x.Payload != null, ct))
            {
                return m.MessageId;
            }
        }
        return null;
    }

    private TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(options.Value.RetrySeconds * Math.Pow(2, Math.Max(0, attempts - 1)), 3600));
}
