using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Leads;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Qualification.Facts;

/// <summary>
/// Loads <see cref="LeadFacts"/> for the leads of a query in a few set-based reads (leads with company and fit,
/// contacts, conversations, outbound messages), joined in memory; the lead query stays a subquery, so 100,000 leads
/// never become an IN list.
/// </summary>
public static class LeadFactsLoader
{
    public static async Task<List<LeadFacts>> LoadAsync(AppDbContext db, IQueryable<Lead> leads, CancellationToken ct)
    {
        var rows = await (
            from l in leads
            join c in db.Set<Company>() on l.CompanyId equals c.Id
            join f in db.Set<CompanyFit>() on c.Id equals f.CompanyId into fits
            from f in fits.DefaultIfEmpty()
            select new
            {
                l.Id,
                l.Title,
                l.Status,
                l.OwnerId,
                l.Source,
                l.CreatedAt,
                l.StatusChangedAt,
                l.NextActionOn,
                l.ExpectedValue,
                l.Currency,
                l.Tags,
                l.Score,
                l.Classification,
                l.PrimaryContactId,
                Company = new CompanyFacts
                {
                    Id = c.Id,
                    Name = c.Name,
                    Domain = c.Domain,
                    Country = c.Country,
                    // A person's segment wins; otherwise the brain's.
                    Segment = c.Segment != Segment.Unknown || f == null ? c.Segment : f.Segment,
                    Size = c.SizeBand,
                    Industry = c.Industry,
                    HasPhone = c.Phone != null,
                    Tags = c.Tags,
                    OrderCount = c.OrderCount,
                    FirstOrderOn = c.FirstOrderOn,
                    LastOrderOn = c.LastOrderOn,
                    OrderTotal = c.OrderTotal,
                    FitScore = f == null ? null : f.FitScore,
                    SegmentConfidence = f == null ? null : f.Confidence,
                    PotentialExpected = f == null ? null : f.PotentialExpected,
                    ClientSimilarity = f == null ? null : f.ClientSimilarity,
                    IcpVersion = f == null ? null : f.IcpVersion,
                },
            }).AsNoTracking().ToListAsync(ct);

        var companyIds = leads.Select(l => l.CompanyId);
        var contactCounts = await db.Set<Contact>().Where(c => c.ArchivedAt == null && c.CompanyId != null
                && companyIds.Contains(c.CompanyId!.Value))
            .GroupBy(c => c.CompanyId!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);

        var contactIds = leads.Where(l => l.PrimaryContactId != null).Select(l => l.PrimaryContactId!.Value);
        var contacts = await db.Set<Contact>().Where(c => contactIds.Contains(c.Id))
            .Select(c => new { c.Id, c.FirstName, c.LastName })
            .ToDictionaryAsync(c => c.Id, ct);
        var reach = (await db.Set<ContactIdentity>().Where(i => contactIds.Contains(i.ContactId)
                && (i.Kind == IdentityKind.Email || i.Kind == IdentityKind.Phone || i.Kind == IdentityKind.WhatsApp))
            .Select(i => new { i.ContactId, i.Kind, i.Value, i.IsPrimary }).ToListAsync(ct))
            .GroupBy(i => i.ContactId).ToDictionary(g => g.Key, g => g.OrderByDescending(i => i.IsPrimary).ToList());

        var conversations = (await db.Set<Conversation>().Where(v => v.ContactId != null
                && contactIds.Contains(v.ContactId!.Value))
            .Select(v => new
            {
                v.Id,
                Contact = v.ContactId!.Value,
                v.LastInboundAt,
                v.InboundCount,
                Kind = v.Channel!.Kind,
            })
            .ToListAsync(ct)).GroupBy(v => v.Contact).ToDictionary(g => g.Key, g => g.ToList());
        var exchanges = await ExchangesAsync(db, contactIds, ct);

        var facts = new List<LeadFacts>(rows.Count);
        foreach (var r in rows)
        {
            ContactFacts? contact = null;
            var engagement = EngagementFacts.None;
            if (r.PrimaryContactId is { } cid && contacts.TryGetValue(cid, out var c))
            {
                var ways = reach.GetValueOrDefault(cid) ?? [];
                contact = new ContactFacts
                {
                    Id = cid,
                    Name = string.IsNullOrWhiteSpace(c.LastName) ? c.FirstName : $"{c.FirstName} {c.LastName}",
                    Email = ways.FirstOrDefault(w => w.Kind == IdentityKind.Email)?.Value,
                    Phone = ways.FirstOrDefault(w => w.Kind != IdentityKind.Email)?.Value,
                };
                var convs = conversations.GetValueOrDefault(cid);
                var sent = exchanges.GetValueOrDefault(cid);
                if (convs is not null || sent is not null)
                {
                    var latest = convs?.Where(v => v.LastInboundAt != null).MaxBy(v => v.LastInboundAt);
                    engagement = new EngagementFacts
                    {
                        Conversations = convs?.Count ?? 0,
                        Inbound = convs?.Sum(v => v.InboundCount) ?? 0,
                        Outbound = sent?.Sent ?? 0,
                        LastInboundAt = latest?.LastInboundAt,
                        LastOutboundAt = sent?.LastSent,
                        ReplyHours = sent?.MedianReplyHours(),
                        LatestConversationId = latest?.Id ?? convs?[0].Id,
                        LatestChannel = latest?.Kind ?? convs?[0].Kind,
                    };
                }
            }
            facts.Add(new LeadFacts
            {
                LeadId = r.Id,
                Title = r.Title,
                Status = r.Status,
                OwnerId = r.OwnerId,
                Source = r.Source,
                CreatedAt = r.CreatedAt,
                StatusChangedAt = r.StatusChangedAt,
                NextActionOn = r.NextActionOn,
                ExpectedValue = r.ExpectedValue,
                Currency = r.Currency,
                Tags = r.Tags,
                Score = r.Score,
                Band = r.Classification,
                Company = r.Company with { ContactCount = contactCounts.GetValueOrDefault(r.Company.Id) },
                Contact = contact,
                Engagement = engagement,
            });
        }
        return facts;
    }

    /// <summary>What was exchanged with one contact: our messages that did not fail, and their reply times.</summary>
    private sealed class Exchange
    {
        public int Sent;
        public DateTime? LastSent;
        public List<double> ReplyHours { get; } = [];

        public double? MedianReplyHours()
        {
            if (ReplyHours.Count == 0)
            {
                return null;
            }
            ReplyHours.Sort();
            var n = ReplyHours.Count;
            return n % 2 == 1 ? ReplyHours[n / 2] : (ReplyHours[n / 2 - 1] + ReplyHours[n / 2]) / 2;
        }
    }

    /// <summary>
    /// One ordered, streamed pass over the messages of the contacts' conversations: how many we sent (not failed) and
    /// when last, and each contact's reply times over the last 180 days — every inbound message whose previous message
    /// in its conversation was ours. Memory stays per contact, not per message.
    /// </summary>
    private static async Task<Dictionary<Guid, Exchange>> ExchangesAsync(AppDbContext db,
        IQueryable<Guid> contactIds, CancellationToken ct)
    {
        var since = db.Time.GetUtcNow().UtcDateTime.AddDays(-180);
        var rows = db.Set<Message>()
            .Where(m => m.Direction == MessageDirection.Inbound || m.Direction == MessageDirection.Outbound)
            .Join(db.Set<Conversation>().Where(v => v.ContactId != null && contactIds.Contains(v.ContactId!.Value)),
                m => m.ConversationId, v => v.Id,
                (m, v) => new { Contact = v.ContactId!.Value, m.ConversationId, m.At, m.Direction, m.Status })
            .OrderBy(r => r.ConversationId).ThenBy(r => r.At)
            .AsAsyncEnumerable();
        var byContact = new Dictionary<Guid, Exchange>();
        var conversation = Guid.Empty;
        DateTime? askedAt = null; // our message just before, while the contact has not answered it
        await foreach (var r in rows.WithCancellation(ct))
        {
            if (r.ConversationId != conversation)
            {
                (conversation, askedAt) = (r.ConversationId, null);
            }
            if (!byContact.TryGetValue(r.Contact, out var e))
            {
                byContact[r.Contact] = e = new Exchange();
            }
            if (r.Direction == MessageDirection.Outbound)
            {
                if (r.Status != DeliveryStatus.Failed)
                {
                    e.Sent++;
                    e.LastSent = e.LastSent is { } last && last > r.At ? last : r.At;
                }
                askedAt = r.At;
                continue;
            }
            if (askedAt is { } asked && r.At >= since && r.At > asked)
            {
                e.ReplyHours.Add((r.At - asked).TotalHours);
            }
            askedAt = null;
        }
        return byContact;
    }
}
