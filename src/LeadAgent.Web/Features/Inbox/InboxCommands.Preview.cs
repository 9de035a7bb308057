using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Inbox.Templates;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Infrastructure.Api;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Inbox;

/// <summary>Template values of a conversation (contact, company, lead, owner, user) and template previews.</summary>
public sealed partial class InboxCommands
{
    public async Task<TemplatePreview> PreviewAsync(Guid templateId, TemplatePreviewInput input, string? userId,
        CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var template = await db.MessageTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == templateId, ct)
            ?? throw new NotFoundException("Template", templateId);
        var conversation = input.ConversationId is { } id
            ? await db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct)
            : null;
        var values = conversation is null
            ? new TemplateValues(TemplateValues.Names.ToDictionary(n => n, n => (string?)$"[{n}]"))
            : await ValuesAsync(db, conversation, userId, ct);
        var (text, problems) = TemplateRenderer.Render(template.Body, values, input.Parameters);
        if (TemplateService.HeaderText(template) is { } header)
        {
            var (headerText, headerProblems) = TemplateRenderer.Render(header, values, input.HeaderParameters);
            (text, problems) = (headerText + "\n" + text, [.. headerProblems.Select(p => "Header: " + p), .. problems]);
        }
        return new TemplatePreview(text, problems);
    }

    internal static async Task<TemplateValues> ValuesAsync(AppDbContext db, Conversation conversation, string? userId,
        CancellationToken ct)
    {
        var userName = userId is null ? null
            : (await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct))?.Label;
        var contact = conversation.ContactId is null ? null
            : await db.Contacts.AsNoTracking().Include(c => c.Company)
                .FirstOrDefaultAsync(c => c.Id == conversation.ContactId, ct);
        var lead = contact is null ? null : await db.Leads.AsNoTracking().Include(l => l.Owner)
            .Where(l => l.PrimaryContactId == contact.Id && l.ArchivedAt == null).OrderByDescending(l => l.UpdatedAt)
            .FirstOrDefaultAsync(ct);
        var ownerName = lead?.Owner?.Label;
        return new TemplateValues(new Dictionary<string, string?>
        {
            ["contact.first_name"] = contact?.FirstName ?? conversation.DisplayName.Split(' ')[0],
            ["contact.last_name"] = contact?.LastName,
            ["contact.name"] = contact?.FullName ?? conversation.DisplayName,
            ["company.name"] = contact?.Company?.Name,
            ["lead.title"] = lead?.Title,
            ["owner.name"] = ownerName,
            ["owner.first_name"] = ownerName?.Split(' ')[0],
            ["owner.email"] = lead?.Owner?.Email,
            ["user.name"] = userName,
        });
    }
}
