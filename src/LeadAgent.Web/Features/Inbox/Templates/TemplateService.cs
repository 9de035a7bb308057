using System.Text.Json;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Inbox.Processing;
using LeadAgent.Web.Features.Inbox.Sending;
using LeadAgent.Web.Features.Inbox.Settings;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Inbox.Templates;

/// <summary>Reply templates: the team's own (with variables), and WhatsApp templates synced from each channel.</summary>
public sealed class TemplateService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, RespondIoConnection connection, IHttpClientFactory http)
{
    public async Task<List<TemplateDto>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await db.MessageTemplates.AsNoTracking().OrderBy(t => t.ChannelId != null).ThenBy(t => t.Name).ToListAsync(ct))
            .Select(t => ToDto(t, null)).ToList();
    }

    /// <summary>Templates that fit the conversation's channel, each with whether the rules let it be sent now.</summary>
    internal async Task<List<TemplateDto>> ForConversationAsync(AppDbContext db, ConversationRow row, CancellationToken ct)
    {
        var channelId = await db.Conversations.Where(c => c.Id == row.Id).Select(c => c.ChannelId).FirstAsync(ct);
        var list = await db.MessageTemplates.AsNoTracking().Where(t => t.ChannelId == null || t.ChannelId == channelId)
            .OrderBy(t => t.ChannelId == null).ThenBy(t => t.Name).ToListAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        return list.Select(t => ToDto(t, SendPolicy.Check(row.Channel, row.LastInboundAt, now, t.ChannelId is not null, t.Status == TemplateStatus.Approved))).ToList();
    }

    public static TemplateDto ToDto(MessageTemplate t, SendVerdict? verdict)
    {
        var header = HeaderText(t);
        return new(t.Id, t.Name, t.ChannelId, t.Language, t.Category, t.Status, t.Subject, t.Body, TemplateRenderer.NumberedCount(t.Body),
            verdict?.Allowed ?? t.Status == TemplateStatus.Approved, verdict is { Allowed: false } ? verdict.Explanation : null,
            header, header is null ? 0 : TemplateRenderer.NumberedCount(header));
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
            .Where(c => RioEvent.Str(c, "type")?.ToUpperInvariant() == "HEADER" && (RioEvent.Str(c, "format")?.ToUpperInvariant() ?? "TEXT") == "TEXT")
            .Select(c => RioEvent.Str(c, "text")).FirstOrDefault();
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
        else if (TemplateRenderer.Render(body, new TemplateValues(TemplateValues.Names.ToDictionary(n => n, n => (string?)"x"))).Problems is { Count: > 0 } problems)
        {
            errors.Add("body", problems[0]);
        }
        var subject = errors.Optional("subject", input.Subject, 500);
        var category = errors.Optional("category", input.Category, 32);
        errors.ThrowIfAny();
        var template = id is { } existing
            ? await db.MessageTemplates.FirstOrDefaultAsync(t => t.Id == existing, ct) ?? throw new NotFoundException("Template", existing)
            : db.MessageTemplates.Add(new MessageTemplate { Name = name!, Body = body!, Status = TemplateStatus.Approved }).Entity;
        if (template.ChannelId is not null)
        {
            throw new ConflictException("WhatsApp templates are managed in WhatsApp and synced from the channel; they cannot be edited here.");
        }
        (template.Name, template.Body, template.Subject, template.Category, template.Language, template.UpdatedAt) =
            (name!, body!, subject, category, input.Language?.Trim() is { Length: > 0 and <= 16 } lang ? lang : "en", time.GetUtcNow().UtcDateTime);
        if (await db.MessageTemplates.AnyAsync(t => t.ChannelId == null && t.Name == template.Name && t.Language == template.Language && t.Id != template.Id, ct))
        {
            throw new ConflictException($"A template named '{template.Name}' already exists.");
        }
        await db.SaveChangesAsync(ct);
        return ToDto(template, null);
    }

    public async Task DeleteAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.RequireWriterAsync("change templates");
        if (await db.MessageTemplates.Where(t => t.Id == id && t.ChannelId == null).ExecuteDeleteAsync(ct) == 0)
        {
            throw new NotFoundException("Template", id);
        }
    }

    /// <summary>Fetches every WhatsApp channel's templates (name, language, category, approval status, components) from Respond.io.</summary>
    public async Task<int> SyncWhatsAppAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.RequireAdminAsync();
        if (!connection.Current.CanCallApi)
        {
            throw new ConflictException("Respond.io is not connected: add the API token under Settings → Inbox first.");
        }
        var client = new RespondIoClient(http.CreateClient(RespondIoClient.HttpClientName), connection);
        var channels = await db.Channels.Where(c => c.Provider == Channel.RespondIo && c.Kind == ChannelKind.WhatsApp).ToListAsync(ct);
        var count = 0;
        foreach (var channel in channels)
        {
            string? cursor = null;
            do
            {
                var page = await client.ListAsync($"space/channel/{Uri.EscapeDataString(channel.ExternalId)}/template", 100, cursor, ct);
                foreach (var item in page.Items)
                {
                    await UpsertAsync(db, channel, item, ct);
                    count++;
                }
                cursor = page.NextCursor;
            }
            while (cursor is not null);
        }
        await db.SaveChangesAsync(ct);
        return count;
    }

    private async Task UpsertAsync(AppDbContext db, Channel channel, JsonElement item, CancellationToken ct)
    {
        var name = RioEvent.Str(item, "name") ?? "unnamed";
        var language = RioEvent.Str(item, "languageCode") ?? "en";
        var components = item.TryGetProperty("components", out var c) && c.ValueKind == JsonValueKind.Array ? c : default;
        var body = components.ValueKind == JsonValueKind.Array
            ? components.EnumerateArray().Where(x => RioEvent.Str(x, "type")?.ToLowerInvariant() == "body").Select(x => RioEvent.Str(x, "text")).FirstOrDefault()
            : null;
        var template = await db.MessageTemplates.FirstOrDefaultAsync(t => t.ChannelId == channel.Id && t.Name == name && t.Language == language, ct)
            ?? db.MessageTemplates.Add(new MessageTemplate { Name = name, Body = "", ChannelId = channel.Id, Language = language }).Entity;
        template.ExternalId = RioEvent.Str(item, "id");
        template.Category = RioEvent.Str(item, "category")?.ToUpperInvariant();
        template.Status = (RioEvent.Str(item, "status") ?? "").ToUpperInvariant() switch
        {
            "APPROVED" => TemplateStatus.Approved,
            "REJECTED" => TemplateStatus.Rejected,
            "PAUSED" => TemplateStatus.Paused,
            "DISABLED" => TemplateStatus.Disabled,
            _ => TemplateStatus.Pending,
        };
        template.Body = body is { Length: > 4096 } ? body[..4096] : body ?? $"[{name}]";
        template.Components = components.ValueKind == JsonValueKind.Array ? components.GetRawText() : null;
        template.UpdatedAt = time.GetUtcNow().UtcDateTime;
    }
}
