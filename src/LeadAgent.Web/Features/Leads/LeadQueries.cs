using System.Globalization;
using System.Linq.Expressions;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.CustomFields;
using LeadAgent.Web.Features.Lists;
using LeadAgent.Web.Infrastructure.Api;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Leads;

/// <summary>Filtering, keyset paging and projection for the lead list.</summary>
public static class LeadQueries
{
    /// <summary>All filters but list membership, which needs the context (see <see cref="Filtered"/>).</summary>
    public static IQueryable<Lead> ApplyFilter(this IQueryable<Lead> leads, LeadFilter f, string? currentUserId)
    {
        if (!f.IncludeArchived)
        {
            leads = leads.Where(l => l.ArchivedAt == null);
        }
        if (f.Status is { Count: > 0 } statuses)
        {
            leads = statuses.Count == 1
                ? leads.Where(l => l.Status == statuses[0])
                : leads.Where(l => statuses.Contains(l.Status));
        }
        switch (f.Owner)
        {
            case null:
                break;
            case "none":
                leads = leads.Where(l => l.OwnerId == null);
                break;
            case "me":
                leads = leads.Where(l => l.OwnerId == currentUserId);
                break;
            default:
                leads = leads.Where(l => l.OwnerId == f.Owner);
                break;
        }
        if (f.CompanyId is { } companyId)
        {
            leads = leads.Where(l => l.CompanyId == companyId);
        }
        if (f.ContactId is { } contactId)
        {
            leads = leads.Where(l => l.PrimaryContactId == contactId);
        }
        if (f.ImportRunId is { } importRunId)
        {
            leads = leads.Where(l => l.ImportRunId == importRunId);
        }
        if (f.HasOrders is { } hasOrders)
        {
            leads = hasOrders
                ? leads.Where(l => l.Company!.OrderCount > 0)
                : leads.Where(l => l.Company!.OrderCount == 0);
        }
        if (f.OrderCountMin is { } orderCountMin)
        {
            leads = leads.Where(l => l.Company!.OrderCount >= orderCountMin);
        }
        if (f.LastOrderBefore is { } lastOrderBefore)
        {
            // "Clients who have not ordered since …": has ordered, but not on or after the date.
            leads = leads.Where(l => l.Company!.LastOrderOn < lastOrderBefore);
        }
        if (f.PotentialMin is { } potentialMin)
        {
            leads = leads.Where(l => l.Company!.Fit!.PotentialExpected >= potentialMin);
        }
        if (f.ScoreMin is { } min)
        {
            leads = leads.Where(l => l.Score >= min);
        }
        if (f.ScoreMax is { } max)
        {
            leads = leads.Where(l => l.Score <= max);
        }
        if (f.Source is { Count: > 0 } sources)
        {
            leads = leads.Where(l => sources.Contains(l.Source));
        }
        if (f.Classification is { Count: > 0 } classes)
        {
            var list = classes.Cast<Classification?>().ToList();
            leads = leads.Where(l => list.Contains(l.Classification));
        }
        if (f.Segment is { Count: > 0 } segments)
        {
            // The effective segment: a person's, else the agent's judgement.
            leads = leads.Where(l => segments.Contains(l.Company!.Segment != Segment.Unknown || l.Company.Fit == null
                ? l.Company.Segment : l.Company.Fit.Segment));
        }
        if (!string.IsNullOrWhiteSpace(f.Country))
        {
            var country = f.Country.ToUpperInvariant();
            leads = leads.Where(l => l.Company!.Country == country);
        }
        if (!string.IsNullOrWhiteSpace(f.Tag))
        {
            var tag = f.Tag.Trim().ToLowerInvariant();
            leads = leads.Where(l => l.Tags.Contains(tag));
        }
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var q = f.Q.Trim().ToLower(CultureInfo.InvariantCulture);
            leads = leads.Where(l => l.Title.ToLower().Contains(q)
                || l.Company!.Name.ToLower().Contains(q)
                || (l.Company.Domain != null && l.Company.Domain.Contains(q))
                || (l.PrimaryContact != null
                    && (l.PrimaryContact.FirstName + " " + (l.PrimaryContact.LastName ?? "")).ToLower().Contains(q)));
        }
        return leads;
    }

    public static IQueryable<LeadRow> ToRows(this IQueryable<Lead> leads) => leads.Select(l => new LeadRow(
        l.Id, l.Title, l.Status, l.OwnerId, l.Owner != null ? (l.Owner.DisplayName ?? l.Owner.Email) : null,
        l.Source, l.Score, l.Classification, l.ExpectedValue, l.Currency, l.NextActionOn, l.CompanyId,
        l.Company!.Name,
        l.Company.Segment != Segment.Unknown || l.Company.Fit == null ? l.Company.Segment : l.Company.Fit.Segment,
        l.Company.Country, l.PrimaryContactId,
        l.PrimaryContact != null
            ? l.PrimaryContact.FirstName + (l.PrimaryContact.LastName != null ? " " + l.PrimaryContact.LastName : "")
            : null,
        l.Tags, l.CreatedAt, l.UpdatedAt, l.ArchivedAt, l.Version,
        l.Company.OrderCount, l.Company.LastOrderOn, l.Company.OrderTotal, l.CustomFields,
        l.Company.Fit != null ? l.Company.Fit.PotentialExpected : null));

    public static async Task<Page<LeadRow>> PageAsync(
        AppDbContext db,
        LeadFilter filter,
        string? sort,
        int limit,
        string? cursorText,
        Totals totals,
        int totalCap,
        string? currentUserId,
        LeadValueSort? valueSort,
        CancellationToken ct)
    {
        var errors = new Errors();
        filter.Validate(errors);
        var spec = LeadSort.Parse(sort, errors, valueSort);
        errors.ThrowIfAny();
        var cursor = Cursor.Decode(cursorText, spec.Name);

        var query = Filtered(db, filter, currentUserId);
        var (total, capped) = await Counting.CountAsync(query, totals, totalCap, ct);
        // A score range excludes unscored leads, so the "nulls last" ordering term can go and the index order is used.
        var keyNeverNull = (spec.Field == "score" && (filter.ScoreMin is not null || filter.ScoreMax is not null))
            || (spec.Field == "potential" && filter.PotentialMin is not null);
        var page = await spec.Apply(query, cursor, keyNeverNull).Take(limit + 1).ToRows().ToListAsync(ct);
        return Page<LeadRow>.FromLookahead(page, limit, r => spec.CursorFor(r).Encode(), total, capped);
    }

    /// <summary>The filtered, unsorted lead set (list membership resolved as a subquery).</summary>
    public static IQueryable<Lead> Filtered(AppDbContext db, LeadFilter filter, string? currentUserId)
    {
        var listId = filter.ListId;
        var query = db.Leads.AsNoTracking().ApplyFilter(filter with { ListId = null }, currentUserId)
            .Where(db, filter.Custom);
        if (listId is { } id)
        {
            query = query.Where(l => db.Set<LeadListMember>().Any(m => m.ListId == id && m.LeadId == l.Id));
        }
        return query;
    }
}
