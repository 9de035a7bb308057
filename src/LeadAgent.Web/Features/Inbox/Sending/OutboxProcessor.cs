using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Inbox.Providers;
using LeadAgent.Web.Features.Inbox.Runtime;
using LeadAgent.Web.Features.Policy;
using LeadAgent.Web.Infrastructure.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LeadAgent.Web.Features.Inbox.Sending;

/// <summary>
/// Sends what the inbox queued: replies, and assignment/open/close mirrored to the provider. Each outbound message is
/// claimed with a lease and marked Sending (with the time) before the provider is called, so a crash or timeout
/// between the call and the save is noticed: the next attempt first looks for the message among the contact's recent
/// messages at the provider and adopts it instead of sending it again. A provider's "retry after" waits that long;
/// an unknown outcome retries with backoff (reconciled first); a refusal fails at once with the provider's reason.
/// </summary>
public sealed class OutboxProcessor(IServiceScopeFactory scopes, TimeProvider time, IOptions<InboxOptions> options,
    MessagingProviders providers, InboxNotifier notifier, Leases leases, InboxMetrics metrics, PolicyCheck policy,
    ILogger<OutboxProcessor> log)
{
    /// <summary>Sends one batch of due messages; returns how many were claimed.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var (claim, ids) = await ClaimAsync(factory, ct);
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

    // The lease (Infrastructure/Work/Leases): due messages are taken by this claim unless another instance holds them.
    private async Task<(string Claim, List<Guid> Ids)> ClaimAsync(IDbContextFactory<AppDbContext> factory,
        CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        return await leases.ClaimAsync<Message, Guid, DateTime?>(db,
            m => (m.Status == DeliveryStatus.Pending || m.Status == DeliveryStatus.Sending) && m.Payload != null
                && m.NextAttemptAt <= now,
            m => m.NextAttemptAt, 20, TimeSpan.FromSeconds(options.Value.LeaseSeconds), ct);
    }

    private async Task SendAsync(IDbContextFactory<AppDbContext> factory, Guid id, string claim, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var message = await db.Messages.AsNoTracking().FirstAsync(m => m.Id == id, ct);
        var conversation = await db.Conversations.AsNoTracking().Include(c => c.Channel)
            .FirstAsync(c => c.Id == message.ConversationId, ct);
        var channel = conversation.Channel!;
        var provider = providers.Get(channel.Provider);
        var outbound = OutboundPayload.Read(message.Type, message.Payload!);
        var mine = new OutboxRow(db, db.Messages.Where(m => m.Id == id && m.LeaseOwner == claim), id);

        if (provider.NotConnected is { } why)
        {
            await mine.FinishAsync(DeliveryStatus.Failed, $"{why}: an admin adds the API token under Settings → Inbox.",
                ct);
            await TouchAsync(db, conversation.Id, ct);
            return;
        }
        if (message.Status == DeliveryStatus.Sending && message.Direction == MessageDirection.Outbound
            && message.SendStartedAt is { } started)
        {
            // The last attempt may have reached the provider: find it before sending again.
            var found = await FindSentAsync(db, provider, conversation.ExternalContactId, message, outbound, started,
                ct);
            if (found is not null)
            {
                await mine.AdoptAsync(found, DeliveryStatus.Sent, ct);
                await TouchAsync(db, conversation.Id, ct);
                return;
            }
        }

        if (message.Direction == MessageDirection.Outbound
            && SendPolicy.KindOf(message.SenderSource) == SenderKind.Automation
            && await policy.CheckAsync(db, new PolicySubject(ContactId: conversation.ContactId,
                Email: conversation.Email, Phone: conversation.Phone), ct) is { Blocked: true } blocked)
        {
            // The last line for automation: whatever queued it, a blocked contact is never answered automatically.
            var refused = SendPolicy.Check(channel.Kind, conversation.LastInboundAt, time.GetUtcNow().UtcDateTime,
                false, false, SenderKind.Automation, null, blocked.Why);
            await mine.FinishAsync(DeliveryStatus.Failed, refused.Explanation, ct);
            await TouchAsync(db, conversation.Id, ct);
            return;
        }
        var now = time.GetUtcNow().UtcDateTime;
        var attempts = message.Attempts + 1;
        if (!await mine.StartAsync(now, attempts, ct))
        {
            return; // the lease was lost
        }
        var send = new OutboundSend(id, conversation.ExternalContactId, channel.ExternalId, outbound);
        var result = await provider.SendAsync(send, ct);
        await RecordAsync(mine, message, attempts, now, result, ct);
        await TouchAsync(db, conversation.Id, ct);
    }

    private async Task RecordAsync(OutboxRow mine, Message message, int attempts, DateTime now, SendResult result,
        CancellationToken ct)
    {
        metrics.Sent(result switch
        {
            SendResult.Sent => "sent",
            SendResult.RetryAfter => "rate_limited",
            SendResult.Unknown when attempts < options.Value.MaxAttempts => "retry",
            _ => "failed",
        });
        switch (result)
        {
            case SendResult.Sent { MessageId: { } providerId } sent when message.Direction == MessageDirection.Outbound:
                await mine.AdoptAsync(providerId, sent.Status, ct);
                break;
            case SendResult.Sent:
                await mine.FinishAsync(DeliveryStatus.Sent, null, ct);
                break;
            case SendResult.RetryAfter rateLimited:
                // Not sent: try again when the provider says, without counting it as a failure.
                var wait = rateLimited.Wait is { } w && w > TimeSpan.Zero ? w : Backoff(attempts);
                await mine.RequeueAsync(now.Add(wait), message.Attempts, rateLimited.Reason, ct);
                break;
            case SendResult.Unknown unknown when attempts < options.Value.MaxAttempts:
                // The outcome is unknown (it may have gone out): stays Sending, so the retry reconciles first.
                await mine.RetryAsync(now.Add(Backoff(attempts)), unknown.Reason, ct);
                break;
            case SendResult.Unknown unknown:
                await mine.FinishAsync(DeliveryStatus.Failed, $"Gave up after {attempts} attempts: {unknown.Reason}",
                    ct);
                break;
            case SendResult.Refused refused:
                await mine.FinishAsync(DeliveryStatus.Failed, refused.Reason, ct);
                break;
        }
    }

    // Open inbox pages notice the change: at once on this instance, through UpdatedAt on the others.
    private async Task TouchAsync(AppDbContext db, Guid conversationId, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await db.Conversations.Where(c => c.Id == conversationId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UpdatedAt, now), ct);
        notifier.Changed([conversationId]);
    }

    /// <summary>
    /// The provider's id of an outgoing message matching ours sent since the attempt started, if any (not one of our
    /// other sends; an echo row is fine). Throws when the provider cannot tell: better later than sent twice.
    /// </summary>
    private static async Task<string?> FindSentAsync(AppDbContext db, IMessagingProvider provider, string contactId,
        Message message, OutboundMessage outbound, DateTime started, CancellationToken ct)
    {
        var templateName = outbound.Template?.Name;
        foreach (var m in await provider.RecentMessagesAsync(contactId, ct))
        {
            if (m.Incoming || (m.At is { } at && at < started.AddMinutes(-5)))
            {
                continue;
            }
            var same = m.TemplateName is not null ? m.TemplateName == templateName : m.Text == message.Text;
            if (same && !await db.Messages.AnyAsync(
                x => x.ProviderMessageId == m.MessageId && x.Id != message.Id && x.Payload != null, ct))
            {
                return m.MessageId;
            }
        }
        return null;
    }

    private TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(
        Math.Min(options.Value.RetrySeconds * Math.Pow(2, Math.Max(0, attempts - 1)), 3600));
}
