using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Inbox.Providers;
using LeadAgent.Web.Features.Inbox.Sending;
using LeadAgent.Web.Features.Inbox.Templates;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Inbox;

/// <summary>Replies: free text or a template, checked against the channel's rules, then queued in the outbox.</summary>
public sealed partial class InboxCommands
{
    public async Task<MessageDto> ReplyAsync(Guid conversationId, ReplyInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var actor = await db.RequireWriterAsync("send messages");
        var conversation = await db.Conversations.Include(c => c.Channel).FirstOrDefaultAsync(c =>
            c.Id == conversationId, ct)
            ?? throw new NotFoundException("Conversation", conversationId);
        var now = time.GetUtcNow().UtcDateTime;
        var subject = input.Subject?.Trim() is { Length: > 0 } s ? s : null;
        var (text, subjectLine, outbound) = input.TemplateId is { } templateId
            ? await FromTemplateAsync(db, conversation, templateId, input, subject, actor.UserId, now, ct)
            : await FreeTextAsync(db, conversation, input, subject, ct);

        var message = new Message
        {
            ConversationId = conversationId,
            Direction = MessageDirection.Outbound,
            Type = OutboundPayload.TypeOf(outbound),
            Text = text,
            Subject = subjectLine is { Length: > 500 } ? subjectLine[..500] : subjectLine,
            Status = DeliveryStatus.Pending,
            At = now,
            CreatedAt = now,
            SenderSource = "user",
            AuthorId = actor.UserId,
            AuthorName = await AuthorNameAsync(db, actor, ct),
            Payload = OutboundPayload.Write(outbound),
            NextAttemptAt = now,
        };
        db.Messages.Add(message);
        conversation.LastMessageAt = now;
        conversation.LastMessagePreview = text.Length > 200 ? text[..200] : text;
        conversation.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        signal.Notify();
        // Answering means having read it (for the one who answered).
        await MarkReadAsync(conversationId, actor.UserId, ct);
        return InboxQueries.ToDto(message);
    }

    private async Task<(string Text, string? Subject, OutboundMessage Outbound)> FreeTextAsync(AppDbContext db,
        Conversation conversation, ReplyInput input, string? subject, CancellationToken ct)
    {
        var errors = new Errors();
        var text = input.Text?.Trim() ?? "";
        if (text.Length == 0)
        {
            errors.Add("text", "Write a message or choose a template.");
        }
        else if (text.Length > MaxText)
        {
            errors.Add("text", $"At most {MaxText} characters.");
        }
        // Only the reply window matters here, not whose unread count the row carries.
        var row = await InboxQueries.Rows(db, db.Conversations.Where(c => c.Id == conversation.Id), null,
            time.GetUtcNow().UtcDateTime)
            .FirstAsync(ct);
        var verdict = await queries.FreeTextVerdictAsync(db, row, ct);
        if (!verdict.Allowed)
        {
            errors.Add("text", verdict.Explanation);
        }
        errors.ThrowIfAny();
        return (text, subject, OutboundMessage.Plain(conversation.Channel!.Kind, text, subject));
    }

    private static async Task<(string Text, string? Subject,
        OutboundMessage Outbound)> FromTemplateAsync(AppDbContext db,
        Conversation conversation, Guid templateId, ReplyInput input, string? subject, string? userId, DateTime now,
        CancellationToken ct)
    {
        var errors = new Errors();
        var template = await db.MessageTemplates.AsNoTracking().FirstOrDefaultAsync(
            t => t.Id == templateId && (t.ChannelId == null || t.ChannelId == conversation.ChannelId), ct);
        if (template is null)
        {
            errors.Add("templateId", "No template with this id for this conversation's channel.");
            errors.ThrowIfAny();
        }
        // The conversation's values, looked up once for body, subject and parameters.
        var values = await ValuesAsync(db, conversation, userId, ct);
        var (text, problems) = TemplateRenderer.Render(template!.Body, values, input.Parameters);
        foreach (var problem in problems)
        {
            errors.Add(template.ChannelId is null ? "templateId" : "parameters", problem);
        }
        var verdict = SendPolicy.Check(conversation.Channel!.Kind, conversation.LastInboundAt, now,
            template.ChannelId is not null, template.Status == TemplateStatus.Approved);
        if (!verdict.Allowed)
        {
            errors.Add("templateId", verdict.Explanation);
        }
        errors.ThrowIfAny();
        subject ??= template.Subject is null ? null : TemplateRenderer.Render(template.Subject, values).Text;
        if (template.ChannelId is null)
        {
            return (text, subject, OutboundMessage.Plain(conversation.Channel.Kind, text, subject));
        }
        // A WhatsApp template: numbered parameters per component (they may use variables themselves).
        List<string>? header = null;
        if (TemplateService.HeaderText(template) is { } headerText)
        {
            var (renderedHeader, headerProblems) = TemplateRenderer.Render(headerText, values, input.HeaderParameters);
            foreach (var problem in headerProblems)
            {
                errors.Add("headerParameters", problem);
            }
            errors.ThrowIfAny();
            text = renderedHeader + "\n" + text;
            var count = TemplateRenderer.NumberedCount(headerText);
            header = count > 0 ? Filled(input.HeaderParameters!.Take(count), values) : null;
        }
        var body = Filled((input.Parameters ?? []).Take(TemplateRenderer.NumberedCount(template.Body)), values);
        var whatsApp = new OutboundTemplate(template.Name, template.Language, header, body);
        return (text, subject, new OutboundMessage(OutboundKind.Template, text, subject, whatsApp));
    }

    private static List<string> Filled(IEnumerable<string> parameters, TemplateValues values) =>
        parameters.Select(p => TemplateRenderer.Render(p, values).Text).ToList();
}
