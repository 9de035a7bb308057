using System.Globalization;
using System.Linq.Expressions;
using LeadAgent.Web.Data;
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
            leads = statuses.Count == 1 ? leads.Where(l => l.Status == statuses[0]) : leads.Where(l => statuses.Contains(l.Status));
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
        if (f.ImportRunId is { } importRunId)
        {
            leads = leads.Where(l => l.ImportRunId == importRunId);
        }
        if (f.HasOrders is { } hasOrders)
        {
            leads = hasOrders ? leads.Where(l => l.Company!.OrderCount > 0) : leads.Where(l => l.Company!.OrderCount == 0);
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
            leads = leads.Where(l => segments.Contains(l.Company!.Segment));
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
                || (l.PrimaryContact != null && (l.PrimaryContact.FirstName + " " + (l.PrimaryContact.LastName ?? "")).ToLower().Contains(q)));
        }
        return leads;
    }

    public static IQueryable<LeadRow> ToRows(this IQueryable<Lead> leads) => leads.Select(l => new LeadRow(
        l.Id, l.Title, l.Status, l.OwnerId, l.Owner != null ? (l.Owner.DisplayName ?? l.Owner.Email) : null, l.Source, l.Score,
        l.Classification, l.ExpectedValue, l.Currency, l.NextActionOn, l.CompanyId, l.Company!.Name, l.Company.Segment,
        l.Company.Country, l.PrimaryContactId,
        l.PrimaryContact != null ? l.PrimaryContact.FirstName + (l.PrimaryContact.LastName != null ? " " + l.PrimaryContact.LastName : "") : null,
        l.Tags, l.CreatedAt, l.UpdatedAt, l.ArchivedAt, l.Version, l.Company.OrderCount, l.Company.LastOrderOn, l.Company.OrderTotal));

    public static async Task<Page<LeadRow>> PageAsync(AppDbContext db, LeadFilter filter, string? sort, int limit, string? cursorText,
        bool includeTotal, string? currentUserId, CancellationToken ct)
    {
        var errors = new Errors();
        filter.Validate(errors);
        var spec = LeadSort.Parse(sort, errors);
        errors.ThrowIfAny();
        var cursor = Cursor.Decode(cursorText, spec.Name);

        var query = Filtered(db, filter, currentUserId);
        int? total = includeTotal ? await query.CountAsync(ct) : null;
        // A score range excludes unscored leads, so the "nulls last" ordering term can go and the index order is used.
        var keyNeverNull = spec.Field == "score" && (filter.ScoreMin is not null || filter.ScoreMax is not null);
        var page = await spec.Apply(query, cursor, keyNeverNull).Take(limit + 1).ToRows().ToListAsync(ct);
        return Page<LeadRow>.FromLookahead(page, limit, r => spec.CursorFor(r).Encode(), total);
    }

    /// <summary>The filtered, unsorted lead set (list membership resolved as a subquery).</summary>
    public static IQueryable<Lead> Filtered(AppDbContext db, LeadFilter filter, string? currentUserId)
    {
        var listId = filter.ListId;
        var query = db.Leads.AsNoTracking().ApplyFilter(filter with { ListId = null }, currentUserId);
        if (listId is { } id)
        {
            query = query.Where(l => db.Set<LeadListMember>().Any(m => m.ListId == id && m.LeadId == l.Id));
        }
        return query;
    }
}

/// <summary>One sortable column with its keyset predicate. Nulls always sort last, whatever the direction.</summary>
public sealed class LeadSort
{
    public required string Name { get; init; }
    public required string Field { get; init; }
    /// <summary>Orders (and continues after the cursor); the flag says the key cannot be null in this query.</summary>
    public required Func<IQueryable<Lead>, Cursor?, bool, IQueryable<Lead>> Apply { get; init; }
    public required Func<LeadRow, Cursor> CursorFor { get; init; }

    public static readonly string[] Fields = ["score", "createdAt", "updatedAt", "title", "expectedValue", "nextActionOn", "lastOrderOn", "orderTotal", "orderCount"];

    public static LeadSort Parse(string? sort, Errors errors)
    {
        sort = string.IsNullOrWhiteSpace(sort) ? "-score" : sort.Trim();
        var desc = sort.StartsWith('-');
        var field = sort.TrimStart('-', '+');
        var name = (desc ? "-" : "") + field;
        if (!Fields.Contains(field))
        {
            errors.Add("sort", $"Must be one of {string.Join(", ", Fields)}, optionally prefixed with '-'.");
            field = "createdAt";
        }
        switch (field)
        {
            case "score":
                return Nullable(name, desc, l => l.Score, r => r.Score, int.Parse);
            case "expectedValue":
                return Nullable(name, desc, l => l.ExpectedValue, r => r.ExpectedValue, s => decimal.Parse(s, CultureInfo.InvariantCulture));
            case "nextActionOn":
                return Nullable(name, desc, l => l.NextActionOn, r => r.NextActionOn, s => DateOnly.Parse(s, CultureInfo.InvariantCulture));
            case "lastOrderOn":
                return Nullable(name, desc, l => l.Company!.LastOrderOn, r => r.CompanyLastOrderOn, s => DateOnly.Parse(s, CultureInfo.InvariantCulture));
            case "orderTotal":
                return Required(name, desc, l => l.Company!.OrderTotal, r => r.CompanyOrderTotal, s => decimal.Parse(s, CultureInfo.InvariantCulture));
            case "orderCount":
                return Required(name, desc, l => l.Company!.OrderCount, r => r.CompanyOrderCount, s => int.Parse(s, CultureInfo.InvariantCulture));
            case "createdAt":
                return Required(name, desc, l => l.CreatedAt, r => r.CreatedAt, s => DateTime.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
            case "updatedAt":
                return Required(name, desc, l => l.UpdatedAt, r => r.UpdatedAt, s => DateTime.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
            default: // title

                return Required(name, desc, l => l.Title, r => r.Title, s => s);
        }
    }

    private static string Format(object? v) => v switch
    {
        null => "",
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };

    private static LeadSort Required<TKey>(string name, bool desc, Expression<Func<Lead, TKey>> key, Func<LeadRow, TKey> rowKey, Func<string, TKey> parse)
        where TKey : notnull => new()
        {
            Name = name,
            Field = name.TrimStart('-'),
            CursorFor = r => new Cursor(name, Format(rowKey(r)), r.Id),
            Apply = (q, c, _) =>
            {
                if (c is not null)
                {
                    q = q.Where(After(key, parse(c.Value ?? ""), c.Id, desc));
                }
                return desc ? q.OrderByDescending(key).ThenByDescending(l => l.Id) : q.OrderBy(key).ThenBy(l => l.Id);
            },
        };

    private static LeadSort Nullable<TKey>(string name, bool desc, Expression<Func<Lead, TKey?>> key, Func<LeadRow, TKey?> rowKey, Func<string, TKey> parse)
        where TKey : struct => new()
        {
            Name = name,
            Field = name.TrimStart('-'),
            CursorFor = r => new Cursor(name, rowKey(r) is { } v ? Format(v) : null, r.Id),
            Apply = (q, c, keyNeverNull) =>
            {
                if (c is not null)
                {
                    q = q.Where(c.Value is null ? NullAfter(key, c.Id, desc) : NullableAfter(key, parse(c.Value), c.Id, desc));
                }
                if (keyNeverNull)
                {
                    return desc ? q.OrderByDescending(key).ThenByDescending(l => l.Id) : q.OrderBy(key).ThenBy(l => l.Id);
                }
                var isNull = Expression.Lambda<Func<Lead, bool>>(Expression.Equal(key.Body, Expression.Constant(null, typeof(TKey?))), key.Parameters);
                var ordered = q.OrderBy(isNull);
                return desc ? ordered.ThenByDescending(key).ThenByDescending(l => l.Id) : ordered.ThenBy(key).ThenBy(l => l.Id);
            },
        };

    // key > v || (key == v && id > cid)   (mirrored for descending)
    private static Expression<Func<Lead, bool>> After<TKey>(Expression<Func<Lead, TKey>> key, TKey value, Guid id, bool desc)
    {
        var p = key.Parameters[0];
        var v = Constant(value, typeof(TKey));
        var body = Expression.OrElse(Compare(key.Body, v, desc), Expression.AndAlso(Expression.Equal(key.Body, v), IdAfter(p, id, desc)));
        return Expression.Lambda<Func<Lead, bool>>(body, p);
    }

    private static Expression<Func<Lead, bool>> NullableAfter<TKey>(Expression<Func<Lead, TKey?>> key, TKey value, Guid id, bool desc) where TKey : struct
    {
        var p = key.Parameters[0];
        var v = Constant(value, typeof(TKey?));
        var isNull = Expression.Equal(key.Body, Expression.Constant(null, typeof(TKey?)));
        var body = Expression.OrElse(isNull,
            Expression.OrElse(Compare(key.Body, v, desc), Expression.AndAlso(Expression.Equal(key.Body, v), IdAfter(p, id, desc))));
        return Expression.Lambda<Func<Lead, bool>>(body, p);
    }

    private static Expression<Func<Lead, bool>> NullAfter<TKey>(Expression<Func<Lead, TKey?>> key, Guid id, bool desc) where TKey : struct
    {
        var p = key.Parameters[0];
        var body = Expression.AndAlso(Expression.Equal(key.Body, Expression.Constant(null, typeof(TKey?))), IdAfter(p, id, desc));
        return Expression.Lambda<Func<Lead, bool>>(body, p);
    }

    // Parameterised (not inlined) so the query plan is cached across pages.
    private static Expression Constant(object? value, Type type)
    {
        var holder = Activator.CreateInstance(typeof(Holder<>).MakeGenericType(type), value)!;
        return Expression.Convert(Expression.Property(Expression.Constant(holder), "Value"), type);
    }

    private sealed class Holder<T>(T value)
    {
        public T Value { get; } = value;
    }

    private static Expression Compare(Expression left, Expression right, bool desc)
    {
        if (left.Type == typeof(string))
        {
            var cmp = Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, left, right);
            return desc ? Expression.LessThan(cmp, Expression.Constant(0)) : Expression.GreaterThan(cmp, Expression.Constant(0));
        }
        return desc ? Expression.LessThan(left, right) : Expression.GreaterThan(left, right);
    }

    private static Expression IdAfter(ParameterExpression p, Guid id, bool desc)
    {
        var cmp = Expression.Call(Expression.Property(p, nameof(Lead.Id)), typeof(Guid).GetMethod(nameof(Guid.CompareTo), [typeof(Guid)])!, Constant(id, typeof(Guid)));
        return desc ? Expression.LessThan(cmp, Expression.Constant(0)) : Expression.GreaterThan(cmp, Expression.Constant(0));
    }
}
