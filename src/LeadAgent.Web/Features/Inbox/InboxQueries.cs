using System.Globalization;
using System.Text.Json;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Activity;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Inbox.Providers.Sandbox;
using LeadAgent.Web.Features.Inbox.Sending;
using LeadAgent.Web.Features.Inbox.Templates;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Policy;
using LeadAgent.Web.Infrastructure.Api;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Inbox;

/// <summary>Reads for the unified inbox: the conversation list (newest activity first, keyset paging) and one
/// conversation.</summary>
public sealed class InboxQueries(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time,
    TemplateService templates, PolicyCheck policy)
{
    private const string Sort = "recent";

    public async Task<InboxPage> ListAsync(InboxQuery query, string? userId, CancellationToken ct = default)
    {
        var errors = new Errors();
        var limit = Cursor.ClampLimit(query.Limit, errors);
        var q = errors.Optional("q", query.Q, 200)?.ToLower(CultureInfo.InvariantCulture);
        errors.ThrowIfAny();
        var cursor = Cursor.Decode(query.Cursor, Sort);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var list = db.Conversations.AsNoTracking();
        if (query.Channel is { } channel)
        {
            // The few channels of that kind, so the page query needs no join.
            var channelIds = await db.Channels.Where(c => c.Kind == channel).Select(c => c.Id).ToListAsync(ct);
            list = list.Where(c => channelIds.Contains(c.ChannelId));
        }
        if (query.Status is { } status)
        {
            list = list.Where(c => c.Status == status);
        }
        if (query.Status == ConversationStatus.Open && query.Snoozed != true)
        {
            list = list.Where(c => c.SnoozedUntil == null || c.SnoozedUntil <= now);
        }
        if (query.Snoozed == true)
        {
            list = list.Where(c => c.SnoozedUntil != null && c.SnoozedUntil > now);
        }
        list = query.Assigned switch
        {
            AssignedFilter.Me => list.Where(c => c.AssigneeId == userId),
            AssignedFilter.Unassigned => list.Where(c => c.AssigneeId == null),
            _ => list,
        };
        // Unread for this user: more inbound messages than when they last read it.
        var reads = db.ConversationReads.Where(r => r.UserId == userId);
        if (query.Unread == true)
        {
            // "> 0" first, so the planner can start from the partial index.
            list = list.Where(c => (c.InboundCount > 0 && c.InboundCount > reads.Where(r => r.ConversationId == c.Id)
                .Select(r => r.ReadInboundCount).FirstOrDefault()) || (c.SnoozedUntil != null && c.SnoozedUntil <= now
                && !reads.Any(r => r.ConversationId == c.Id && r.ReadAt >= c.SnoozedUntil)));
        }
        if (query.NeedsReview == true)
        {
            list = list.Where(c => c.Match != MatchState.Matched);
        }
        if (query.LeadStatus is { } leadStatus)
        {
            // "PrimaryContactId != null" lets EF compare the two nullable columns with a plain "=" the planner can use
            // an index for, instead of adding "OR both are null"; the status is a constant so plans fit the value.
            list = list.Where(c => db.Set<Lead>().Any(l => l.PrimaryContactId != null
                && l.PrimaryContactId == c.ContactId
                && l.ArchivedAt == null
                && l.Status == EF.Constant(leadStatus)));
        }
        if (query.Classification is { } classification)
        {
            list = list.Where(c => db.Set<Lead>().Any(l => l.PrimaryContactId != null
                && l.PrimaryContactId == c.ContactId
                && l.ArchivedAt == null
                && l.Classification == EF.Constant(classification)));
        }
        list = WithRecord(db, list, query);
        if (q is not null)
        {
            var digits = new string(q.Where(char.IsDigit).ToArray());
            list = list.Where(c => c.DisplayName.ToLower().Contains(q) || (c.Email != null && c.Email.Contains(q))
                || (digits.Length >= 4 && c.Phone != null && c.Phone.Contains(digits))
                || (c.Contact != null && (c.Contact.FirstName + " " + (c.Contact.LastName ?? "")).ToLower().Contains(q))
                || db.Set<Message>().Any(m => m.ConversationId == c.Id
                    && m.Text != null
                    && m.Text.ToLower().Contains(q)));
        }
        if (cursor is not null)
        {
            var at = DateTime.Parse(cursor.Value!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
            var id = cursor.Id;
            list = list.Where(c => c.LastMessageAt < at || (c.LastMessageAt == at && c.Id.CompareTo(id) < 0));
        }
        // Two steps: the page's ids from the indexes alone, then the display columns (joins and lead lookups) for those
        // rows only; in one query the planner may compute them for every matching row before sorting.
        var ids = await list.OrderByDescending(c => c.LastMessageAt).ThenByDescending(c => c.Id).Select(c => c.Id)
            .Take(limit + 1).ToListAsync(ct);
        var byId = (await Rows(db, db.Conversations.AsNoTracking().Where(c => ids.Contains(c.Id)), userId, now)
            .ToListAsync(ct)).ToDictionary(r => r.Id);
        var rows = ids.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
        var page = Page<ConversationRow>.FromLookahead(rows, limit, r =>
            new Cursor(Sort, r.LastMessageAt.ToString("O", CultureInfo.InvariantCulture), r.Id).Encode(), null);
        // Conversations with inbound messages (the partial index) minus those this user has read to the end.
        var unread = await db.Conversations.CountAsync(c => c.InboundCount > 0, ct)
            - await reads.CountAsync(r => db.Set<Conversation>().Any(c => c.Id == r.ConversationId
                && c.InboundCount > 0 && c.InboundCount <= r.ReadInboundCount), ct)
            + await WokenUnreadAsync(db, reads, now, ct);
        // Written as the partial index's condition, so the count reads only that small index.
        var review = await db.Conversations.CountAsync(c => c.Match != MatchState.Matched, ct);
        return new InboxPage(page.Items, page.NextCursor, unread, review);
    }

    /// <summary>When anything in the inbox last changed (or a snooze last ran out); open pages poll it to notice
    /// other instances' changes and conversations coming back.</summary>
    public async Task<DateTime?> LatestChangeAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var changed = await db.Conversations.OrderByDescending(c => c.UpdatedAt)
            .Select(c => (DateTime?)c.UpdatedAt).FirstOrDefaultAsync(ct);
        var woke = await db.Conversations.Where(c => c.SnoozedUntil != null && c.SnoozedUntil <= now)
            .OrderByDescending(c => c.SnoozedUntil).Select(c => c.SnoozedUntil).FirstOrDefaultAsync(ct);
        return woke > changed ? woke : changed;
    }

    // Conversations whose snooze ran out that this user has not read since, not already unread by message count.
    private static Task<int> WokenUnreadAsync(AppDbContext db, IQueryable<ConversationRead> reads, DateTime now,
        CancellationToken ct) =>
        db.Conversations.CountAsync(c => c.SnoozedUntil != null && c.SnoozedUntil <= now
            && !(c.InboundCount > 0 && c.InboundCount > reads.Where(r => r.ConversationId == c.Id)
                .Select(r => r.ReadInboundCount).FirstOrDefault())
            && !reads.Any(r => r.ConversationId == c.Id && r.ReadAt >= c.SnoozedUntil), ct);

    /// <summary>Who a note can mention: every active user (viewers read the inbox too).</summary>
    public async Task<IReadOnlyList<Mentions.MentionableUser>> MentionableUsersAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Mentions.NoteMentions.ActiveUsersAsync(db, time.GetUtcNow(), ct);
    }

    /// <summary>One conversation; its unread count is <paramref name="userId"/>'s.</summary>
    public async Task<ConversationDetail> GetAsync(Guid id, string? userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await Rows(db, db.Conversations.AsNoTracking().Where(c => c.Id == id), userId, Now)
            .FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Conversation", id);
        var lead = row.ContactId is null ? null : await db.Leads.AsNoTracking()
            .Where(l => l.PrimaryContactId == row.ContactId && l.ArchivedAt == null)
            .OrderBy(l => l.Status == LeadStatus.Won || l.Status == LeadStatus.Lost
                || l.Status == LeadStatus.Disqualified).ThenByDescending(l => l.UpdatedAt)
            .Select(l => new LeadCard(l.Id, l.Title, l.Status, l.Owner == null ? null : l.Owner.DisplayName
                ?? l.Owner.Email, l.Score, l.Classification))
            .FirstOrDefaultAsync(ct);
        // Every lead of the contact, newest activity first (the side panel folds the closed ones).
        var leads = row.ContactId is null ? [] : await db.Leads.AsNoTracking()
            .Where(l => l.PrimaryContactId == row.ContactId && l.ArchivedAt == null)
            .OrderByDescending(l => l.UpdatedAt).Take(50)
            .Select(l => new ContactLead(l.Id, l.Title, l.Status, l.ExpectedValue, l.Currency,
                l.Owner == null ? null : l.Owner.DisplayName ?? l.Owner.Email, l.UpdatedAt))
            .ToListAsync(ct);
        var candidates = new List<CandidateCard>();
        if (row.Match == MatchState.Ambiguous)
        {
            var ids = (await db.Conversations.Where(c => c.Id == id).Select(c => c.CandidateContactIds).FirstAsync(ct)
                ?? "")
                .Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();
            candidates = await db.Contacts.Where(c => ids.Contains(c.Id))
                .Select(c => new CandidateCard(c.Id, c.FirstName + " " + (c.LastName ?? ""), c.Company == null ? null
                    : c.Company.Name)).ToListAsync(ct);
        }
        // The latest 300 entries; older history stays in the database and the API's export.
        var messages = (await db.Messages.AsNoTracking().Where(m => m.ConversationId == id).OrderByDescending(m =>
            m.At).ThenByDescending(m => m.Id).Take(300)
            .ToListAsync(ct)).OrderBy(m => m.At).ThenBy(m => m.Id).Select(ToDto).ToList();
        if (lead is not null && messages.Count > 0)
        {
            messages = [.. messages.Concat(await LeadEventsAsync(db, lead.Id, messages[0].At, ct)).OrderBy(m => m.At)];
        }
        var verdict = await FreeTextVerdictAsync(db, row, ct);
        var usable = await templates.ForConversationAsync(db, row.Id, row.Channel, row.LastInboundAt, ct);
        // A person may still answer a blocked contact; the conversation says so (automation never does).
        var blocked = await policy.CheckAsync(db, new PolicySubject(ContactId: row.ContactId, Email: row.Email,
            Phone: row.Phone), ct);
        return new ConversationDetail(row, lead, candidates, messages, verdict, usable,
            blocked.Blocked ? blocked.Why : null, leads);
    }

    // What happened to the lead while the conversation ran (status, owner, score…), from the activity log,
    // as timeline events.
    private static async Task<List<MessageDto>> LeadEventsAsync(AppDbContext db, Guid leadId, DateTime since,
        CancellationToken ct)
    {
        var entries = await db.Activity.AsNoTracking().Where(a => a.EntityType == nameof(Lead) && a.EntityId == leadId
            && a.OccurredAt >= since)
            .OrderByDescending(a => a.Id).Take(50).ToListAsync(ct);
        var names = await db.Users.AsNoTracking()
            .Select(u => new { u.Id, Name = u.DisplayName ?? u.Email ?? u.Id }).ToDictionaryAsync(u => u.Id, u =>
            u.Name, ct);
        return entries.Select(a =>
        {
            // A creation lists every field; the timeline only needs to say it happened.
            var changes = a.Action == "created" ? "" : string.Join("; ", Activity.ActivityText.Lines(a.Changes, names,
                4));
            var text = $"Lead {a.Action} by {a.ActorName}{(changes.Length > 0 ? $": {changes}" : "")}";
            return new MessageDto(Guid.Empty, MessageDirection.Event, "lead", text, null, [], DeliveryStatus.Received,
                null, a.OccurredAt, a.ActorName, null);
        }).ToList();
    }

    internal async Task<SendVerdict> FreeTextVerdictAsync(AppDbContext db, ConversationRow row, CancellationToken ct)
    {
        string? suppressed = null;
        if (row.Channel == ChannelKind.Email && row.Email is { } email)
        {
            suppressed = await db.Suppressions.Where(s => s.Address == email).Select(s => s.Reason)
                .FirstOrDefaultAsync(ct);
        }
        return SendPolicy.Check(row.Channel, row.LastInboundAt, time.GetUtcNow().UtcDateTime, false, false,
            SenderKind.Human, suppressed);
    }

    public static MessageDto ToDto(Message m) => new(m.Id, m.Direction, m.Type, m.Text, m.Subject,
        m.Attachments is null ? [] : JsonSerializer.Deserialize<List<Attachment>>(m.Attachments) ?? [],
        m.Status, m.Error, m.At, m.AuthorName, m.SenderSource, Mentions.NoteMentions.Read(m.Mentions));

    /// <summary>One customer's conversations, for the contact, company and lead pages.</summary>
    private static IQueryable<Conversation> WithRecord(AppDbContext db, IQueryable<Conversation> list, InboxQuery query)
    {
        if (query.ContactId is { } contactId)
        {
            list = list.Where(c => c.ContactId == contactId);
        }
        if (query.CompanyId is { } companyId)
        {
            var contacts = db.Contacts.Where(x => x.CompanyId == companyId).Select(x => x.Id);
            list = list.Where(c => c.ContactId != null && contacts.Contains(c.ContactId.Value));
        }
        if (query.LeadId is { } leadId)
        {
            var contacts = db.Set<Lead>().Where(l => l.Id == leadId && l.PrimaryContactId != null)
                .Select(l => l.PrimaryContactId!.Value);
            list = list.Where(c => c.ContactId != null && contacts.Contains(c.ContactId.Value));
        }
        return list;
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>The list columns of conversations, with the unread count of <paramref name="userId"/>: unread
    /// inbound messages, or 1 for a conversation whose snooze ran out before <paramref name="now"/> and that they have
    /// not read since.</summary>
    internal static IQueryable<ConversationRow> Rows(AppDbContext db, IQueryable<Conversation> q, string? userId,
        DateTime now) =>
        q.Select(c => new ConversationRow(
        c.Id, c.Channel!.Kind, c.Channel.Name, c.Channel.Provider == SandboxProvider.ProviderKey, c.DisplayName,
            c.Phone, c.Email,
        c.ContactId, c.Contact == null ? null : c.Contact.FirstName + " " + (c.Contact.LastName ?? ""),
        c.Contact == null ? null : c.Contact.CompanyId, c.Contact == null || c.Contact.Company == null ? null
            : c.Contact.Company.Name, c.Match,
        c.Status, c.AssigneeId, db.Users.Where(u => u.Id == c.AssigneeId)
            .Select(u => u.DisplayName ?? u.Email).FirstOrDefault(),
        c.LastMessageAt, c.LastInboundAt, c.LastMessagePreview,
        c.InboundCount - db.Set<ConversationRead>().Where(r => r.ConversationId == c.Id && r.UserId == userId)
            .Select(r => r.ReadInboundCount).FirstOrDefault() > 0
            ? c.InboundCount - db.Set<ConversationRead>().Where(r => r.ConversationId == c.Id && r.UserId == userId)
                .Select(r => r.ReadInboundCount).FirstOrDefault()
            : c.SnoozedUntil != null && c.SnoozedUntil <= now && !db.Set<ConversationRead>().Any(r =>
                r.ConversationId == c.Id && r.UserId == userId && r.ReadAt >= c.SnoozedUntil) ? 1 : 0,
        db.Set<Lead>().Where(l => l.PrimaryContactId != null && l.PrimaryContactId == c.ContactId
            && l.ArchivedAt == null).OrderByDescending(l => l.UpdatedAt)
            .Select(l => (LeadStatus?)l.Status).FirstOrDefault(),
        db.Set<Lead>().Where(l => l.PrimaryContactId != null && l.PrimaryContactId == c.ContactId
            && l.ArchivedAt == null).OrderByDescending(l => l.UpdatedAt).Select(l => l.Classification)
            .FirstOrDefault(),
        c.SnoozedUntil));
}
