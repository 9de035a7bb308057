using System.Text.Json;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Inbox.Providers;
using LeadAgent.Web.Features.Inbox.Sending;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Inbox.Templates;

/// <summary>Reply templates: the team's own (with variables), and WhatsApp templates synced from each
/// channel.</summary>
public sealed class TemplateService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time,
    MessagingProviders providers)
{
    public async Task<List<TemplateDto>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var templates = await db.MessageTemplates.AsNoTracking().OrderBy(t => t.ChannelId != null).ThenBy(t => t.Name)
            .ToListAsync(ct);
        return templates.Select(t => ToDto(t, null)).ToList();
    }

    /// <summary>Templates that fit the conversation's channel, each with whether the rules let it be sent
    /// now.</summary>
    internal async Task<List<TemplateDto>> ForConversationAsync(AppDbContext db, Guid conversationId, ChannelKind kind,
        DateTime? lastInboundAt, CancellationToken ct)
    {
        var channelId = await db.Conversations.Where(c => c.Id == conversationId).Select(c => c.ChannelId)
            .FirstAsync(ct);
        var list = await db.MessageTemplates.AsNoTracking().Where(t => t.ChannelId == null || t.ChannelId == channelId)
            .OrderBy(t => t.ChannelId == null).ThenBy(t => t.Name).ToListAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        return list.Select(t => ToDto(t, SendPolicy.Check(kind, lastInboundAt, now, t.ChannelId is not null,
            t.Status == TemplateStatus.Approved))).ToList();
    }

    public static TemplateDto ToDto(MessageTemplate t, SendVerdict? verdict)
    {
        var header = HeaderText(t);
        return new(t.Id, t.Name, t.ChannelId, t.Language, t.Category, t.Status, t.Subject, t.Body,
            TemplateRenderer.NumberedCount(t.Body), verdict?.Allowed ?? t.Status == TemplateStatus.Approved,
            verdict is { Allowed: false } ? verdict.Explanation : null, header,
            header is null ? 0 : TemplateRenderer.NumberedCount(header));
    }

    /// <summary>The text of a WhatsApp template's TEXT header, which has its own numbered placeholders.</summary>
    public static string? HeaderText(MessageTemplate t)
    {
        if (t.Components is null)
        {
            return null;
        }
        using var doc = JsonDocument.Parse(t.Components);
        return doc.RootElement.ValueKind != JsonValueKind.Array ? null : doc.RootElement.EnumerateArray()
            .Where(c => Str(c, "type")?.ToUpperInvariant() == "HEADER"
                && (Str(c, "format")?.ToUpperInvariant() ?? "TEXT") == "TEXT")
            .Select(c => Str(c, "text")).FirstOrDefault();
    }

    // A string property of a stored WhatsApp component; null when absent or empty.
    private static string? Str(JsonElement e, string name)
    {
        var value = e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v)
            && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    public async Task<TemplateDto> SaveAsync(Guid? id, TemplateInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.RequireWriterAsync("change templates");
        var errors = new Errors();
        var name = errors.Required("name", input.Name, 200);
        var body = input.Body?.Trim();
        if (string.IsNullOrEmpty(body))
        {
            errors.Add("body", "Required.");
        }
        else if (body.Length > 4096)
        {
            errors.Add("body", "At most 4096 characters.");
        }
        else if (TemplateRenderer.Render(body, new TemplateValues(TemplateValues.Names.ToDictionary(n => n,
            n => (string?)"x"))).Problems is { Count: > 0 } problems)
        {
            errors.Add("body", problems[0]);
        }
        var subject = errors.Optional("subject", input.Subject, 500);
        var category = errors.Optional("category", input.Category, 32);
        errors.ThrowIfAny();
        var template = id is { } existing
            ? await db.MessageTemplates.FirstOrDefaultAsync(t => t.Id == existing, ct)
                ?? throw new NotFoundException("Template", existing)
            : db.MessageTemplates.Add(new MessageTemplate
            {
                Name = name!,
                Body = body!,
                Status = TemplateStatus.Approved
            })
                .Entity;
        if (template.ChannelId is not null)
        {
            throw new ConflictException(
                "WhatsApp templates are managed in WhatsApp and synced from the channel; they cannot be edited here.");
        }
        var language = input.Language?.Trim() is { Length: > 0 and <= 16 } lang ? lang : "en";
        (template.Name, template.Body, template.Subject, template.Category, template.Language, template.UpdatedAt) =
            (name!, body!, subject, category, language, time.GetUtcNow().UtcDateTime);
        if (await db.MessageTemplates.AnyAsync(t => t.ChannelId == null && t.Name == template.Name
            && t.Language == template.Language && t.Id != template.Id, ct))
        {
            throw new ConflictException($"A template named '{template.Name}' already exists.");
        }
        await db.SaveChangesAsync(ct);
        return ToDto(template, null);
    }

    /// <summary>A hard delete, admins only (templates have no author to let sales remove their own).</summary>
    public async Task DeleteAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.RequireAdminAsync();
        if (await db.MessageTemplates.Where(t => t.Id == id && t.ChannelId == null).ExecuteDeleteAsync(ct) == 0)
        {
            throw new NotFoundException("Template", id);
        }
    }

    /// <summary>Fetches every WhatsApp channel's templates (name, language, category, approval status,
    /// components).</summary>
    public async Task<int> SyncWhatsAppAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.RequireAdminAsync();
        var syncing = providers.With(ProviderFeatures.Templates).ToList();
        if (syncing.FirstOrDefault(p => p.NotConnected is not null) is { } offline)
        {
            throw new ConflictException($"{offline.NotConnected}: add the API token under Settings → Inbox first.");
        }
        var count = 0;
        foreach (var provider in syncing)
        {
            var key = provider.Key;
            var channels = await db.Channels.Where(c => c.Provider == key && c.Kind == ChannelKind.WhatsApp)
                .ToListAsync(ct);
            foreach (var channel in channels)
            {
                foreach (var template in await provider.TemplatesAsync(channel.ExternalId, ct))
                {
                    await UpsertAsync(db, channel, template, ct);
                    count++;
                }
            }
        }
        await db.SaveChangesAsync(ct);
        return count;
    }

    private async Task UpsertAsync(AppDbContext db, Channel channel, ProviderTemplate item, CancellationToken ct)
    {
        var template = await db.MessageTemplates.FirstOrDefaultAsync(
                t => t.ChannelId == channel.Id && t.Name == item.Name && t.Language == item.Language, ct)
            ?? db.MessageTemplates.Add(new MessageTemplate
            {
                Name = item.Name,
                Body = "",
                ChannelId = channel.Id,
                Language = item.Language,
            }).Entity;
        template.ExternalId = item.ExternalId;
        template.Category = item.Category;
        template.Status = item.Status;
        template.Body = item.Body is { Length: > 4096 } body ? body[..4096] : item.Body ?? $"[{item.Name}]";
        template.Components = item.Components;
        template.UpdatedAt = time.GetUtcNow().UtcDateTime;
    }
}
