using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Inbox.Webhooks;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Inbox.Sending;

/// <summary>Play the customer: a message as a given person on a sandbox channel.</summary>
public sealed record SandboxMessageInput(ChannelKind? Channel, string? Name, string? Phone, string? Email, string? Text, string? Subject = null);

public sealed record SandboxReceipt(long EventId, string ExternalContactId);

/// <summary>
/// The built-in sandbox channel: lets a new user try the inbox without a Respond.io account. An inbound message is
/// written as a Respond.io-shaped <c>message.received</c> event and goes through the same webhook processing,
/// identity matching and outbox as real ones; only the last hop (the provider call) is replaced by instant delivery.
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
        if (text.Length is 0 or > InboxCommands.MaxText)
        {
            errors.Add("text", text.Length == 0 ? "Required." : $"At most {InboxCommands.MaxText} characters.");
        }
        errors.ThrowIfAny();

        var identity = channel switch { ChannelKind.WhatsApp => phone!, ChannelKind.Email => email!, _ => name! };
        var contactId = "sbx" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{channel}:{identity.ToLowerInvariant()}")))[..12].ToLowerInvariant();
        var now = time.GetUtcNow();
        var parts = name!.Split(' ', 2);
        var body = new JsonObject
        {
            ["event_id"] = Guid.NewGuid().ToString(),
            ["event_type"] = "message.received",
            ["contact"] = new JsonObject { ["id"] = contactId, ["firstName"] = parts[0], ["lastName"] = parts.Length > 1 ? parts[1] : null, ["phone"] = phone, ["email"] = email, ["status"] = "open" },
            ["message"] = new JsonObject
            {
                ["messageId"] = $"sbx-in-{Guid.NewGuid():N}",
                ["contactId"] = contactId,
                ["channelId"] = $"sandbox-{channel.ToString().ToLowerInvariant()}",
                ["traffic"] = "incoming",
                ["message"] = channel == ChannelKind.Email
                    ? new JsonObject { ["type"] = "email", ["text"] = text, ["subject"] = input.Subject }
                    : new JsonObject { ["type"] = "text", ["text"] = text },
                ["timestamp"] = now.ToUnixTimeMilliseconds(),
            },
            ["channel"] = new JsonObject
            {
                ["id"] = $"sandbox-{channel.ToString().ToLowerInvariant()}",
                ["name"] = $"Sandbox {channel}",
                ["source"] = channel switch { ChannelKind.WhatsApp => "whatsapp", ChannelKind.Email => "other_email", _ => channel.ToString().ToLowerInvariant() },
            },
        };
        var stored = new WebhookEvent
        {
            Provider = Channel.Sandbox,
            EventId = body["event_id"]!.GetValue<string>(),
            EventType = "message.received",
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
