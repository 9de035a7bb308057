using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Inbox.Runtime;
using LeadAgent.Web.Features.Inbox.Webhooks;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Inbox.Providers.Sandbox;

/// <summary>Play the customer: a message as a given person on a sandbox channel.</summary>
public sealed record SandboxMessageInput(ChannelKind? Channel, string? Name, string? Phone, string? Email, string? Text,
    string? Subject = null);

public sealed record SandboxReceipt(long EventId, string ExternalContactId);

/// <summary>
/// The built-in sandbox channel: lets a new user try the inbox without a Respond.io account. An inbound message is
/// stored as a <c>message.received</c> event of the sandbox provider and goes through the same webhook processing,
/// identity matching and outbox as real ones; only the last hop (the provider call) is instant delivery.
/// </summary>
public sealed class SandboxService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, InboxSignal signal)
{
    public async Task<SandboxReceipt> ReceiveAsync(SandboxMessageInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.RequireWriterAsync("use the sandbox");
        var errors = new Errors();
        var name = errors.Required("name", input.Name, 100);
        var phone = errors.Optional("phone", input.Phone, 30);
        var email = errors.Optional("email", input.Email, 254);
        var channel = input.Channel ?? ChannelKind.WhatsApp;
        if (!Enum.IsDefined(channel) || channel == ChannelKind.Other)
        {
            errors.Add("channel", "Must be WhatsApp, Instagram, Facebook or Email.");
        }
        if (channel == ChannelKind.WhatsApp && phone is null)
        {
            errors.Add("phone", "WhatsApp senders need a phone number.");
        }
        if (channel == ChannelKind.Email && email is null)
        {
            errors.Add("email", "E-mail senders need an address.");
        }
        var text = input.Text?.Trim() ?? "";
        if (text.Length is 0 or > Message.MaxText)
        {
            errors.Add("text", text.Length == 0 ? "Required." : $"At most {Message.MaxText} characters.");
        }
        errors.ThrowIfAny();

        var identity = channel switch { ChannelKind.WhatsApp => phone!, ChannelKind.Email => email!, _ => name! };
        var contactId = SandboxEvents.ContactId(channel, identity);
        var now = time.GetUtcNow();
        var eventId = Guid.NewGuid().ToString();
        var body = SandboxEvents.Message(eventId, contactId, channel, new SandboxEvents.SandboxSender(name!, phone,
            email),
            text, input.Subject, now);
        var stored = new WebhookEvent
        {
            Provider = SandboxProvider.ProviderKey,
            EventId = eventId,
            EventType = SandboxEvents.Received,
            Body = body.ToJsonString(),
            Status = WebhookEventStatus.Received,
            ReceivedAt = now.UtcDateTime,
        };
        db.WebhookEvents.Add(stored);
        await db.SaveChangesAsync(ct);
        signal.Notify();
        return new SandboxReceipt(stored.Id, contactId);
    }
}
