using System.Globalization;
using System.Linq.Expressions;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Lists;
using LeadAgent.Web.Infrastructure.Api;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Leads;

/// <summary>One sortable column with its keyset predicate. Nulls always sort last, whatever the direction.</summary>
public sealed class LeadSort
{
    public required string Name { get; init; }
    public required string Field { get; init; }
    /// <summary>Orders (and continues after the cursor); the flag says the key cannot be null in this query.</summary>
    public required Func<IQueryable<Lead>, Cursor?, bool, IQueryable<Lead>> Apply { get; init; }
    public required Func<LeadRow, Cursor> CursorFor { get; init; }

    // Cursor times are UTC; a forged one without a zone is read as UTC too (PostgreSQL refuses unzoned times).
    private const DateTimeStyles Utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;

    public static readonly string[] Fields =
    [
        "score", "createdAt", "updatedAt", "title", "expectedValue", "nextActionOn", "lastOrderOn", "orderTotal",
        "orderCount", "potential",
    ];

    /// <summary>
    /// The sort the text names. <paramref name="value"/> is the expected value in the workspace currency (see
    /// <see cref="LeadValueSort"/>); without it (when only checking the text) the raw amount stands in.
    /// </summary>
    public static LeadSort Parse(string? sort, Errors errors, LeadValueSort? value = null)
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
                return Nullable(name, desc, value?.Key ?? (l => l.ExpectedValue),
                    value?.RowKey ?? (r => r.ExpectedValue),
                    s => decimal.Parse(s, CultureInfo.InvariantCulture));
            case "nextActionOn":
                return Nullable(name, desc, l => l.NextActionOn, r => r.NextActionOn,
                    s => DateOnly.Parse(s, CultureInfo.InvariantCulture));
            case "lastOrderOn":
                return Nullable(name, desc, l => l.Company!.LastOrderOn, r => r.CompanyLastOrderOn,
                    s => DateOnly.Parse(s, CultureInfo.InvariantCulture));
            case "orderTotal":
                return Required(name, desc, l => l.Company!.OrderTotal, r => r.CompanyOrderTotal,
                    s => decimal.Parse(s, CultureInfo.InvariantCulture));
            case "orderCount":
                return Required(name, desc, l => l.Company!.OrderCount, r => r.CompanyOrderCount,
                    s => int.Parse(s, CultureInfo.InvariantCulture));
            case "potential":
                return Nullable(name, desc, l => l.Company!.Fit!.PotentialExpected, r => r.CompanyPotential,
                    s => decimal.Parse(s, CultureInfo.InvariantCulture));
            case "createdAt":
                return Required(name, desc, l => l.CreatedAt, r => r.CreatedAt,
                    s => DateTime.Parse(s, CultureInfo.InvariantCulture, Utc));
            case "updatedAt":
                return Required(name, desc, l => l.UpdatedAt, r => r.UpdatedAt,
                    s => DateTime.Parse(s, CultureInfo.InvariantCulture, Utc));
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

    private static LeadSort Required<TKey>(
        string name,
        bool desc,
        Expression<Func<Lead, TKey>> key,
        Func<LeadRow, TKey> rowKey,
        Func<string, TKey> parse)
        where TKey : notnull => new()
        {
            Name = name,
            Field = name.TrimStart('-'),
            CursorFor = r => new Cursor(name, Format(rowKey(r)), r.Id),
            Apply = (q, c, _) =>
            {
                if (c is not null)
                {
                    q = q.Where(After(key, Cursor.Read(parse, c.Value ?? ""), c.Id, desc));
                }
                return desc
                    ? q.OrderByDescending(key).ThenByDescending(l => l.Id)
                    : q.OrderBy(key).ThenBy(l => l.Id);
            },
        };

    private static LeadSort Nullable<TKey>(
        string name,
        bool desc,
        Expression<Func<Lead, TKey?>> key,
        Func<LeadRow, TKey?> rowKey,
        Func<string, TKey> parse)
        where TKey : struct => new()
        {
            Name = name,
            Field = name.TrimStart('-'),
            CursorFor = r => new Cursor(name, rowKey(r) is { } v ? Format(v) : null, r.Id),
            Apply = (q, c, keyNeverNull) =>
            {
                if (c is not null)
                {
                    q = q.Where(c.Value is null
                        ? NullAfter(key, c.Id, desc)
                        : NullableAfter(key, Cursor.Read(parse, c.Value), c.Id, desc));
                }
                if (keyNeverNull)
                {
                    return desc
                        ? q.OrderByDescending(key).ThenByDescending(l => l.Id)
                        : q.OrderBy(key).ThenBy(l => l.Id);
                }
                var isNull = Expression.Lambda<Func<Lead, bool>>(
                    Expression.Equal(key.Body, Expression.Constant(null, typeof(TKey?))), key.Parameters);
                var ordered = q.OrderBy(isNull);
                return desc
                    ? ordered.ThenByDescending(key).ThenByDescending(l => l.Id)
                    : ordered.ThenBy(key).ThenBy(l => l.Id);
            },
        };

    // key > v || (key == v && id > cid)   (mirrored for descending)
    private static Expression<Func<Lead, bool>> After<TKey>(
        Expression<Func<Lead, TKey>> key, TKey value, Guid id, bool desc)
    {
        var p = key.Parameters[0];
        var v = Keyset.Constant(value, typeof(TKey));
        var body = Expression.OrElse(
            Keyset.Compare(key.Body, v, desc),
            Expression.AndAlso(Expression.Equal(key.Body, v), Keyset.IdAfter(p, id, desc)));
        return Expression.Lambda<Func<Lead, bool>>(body, p);
    }

    private static Expression<Func<Lead, bool>> NullableAfter<TKey>(
        Expression<Func<Lead, TKey?>> key, TKey value, Guid id, bool desc)
        where TKey : struct
    {
        var p = key.Parameters[0];
        var v = Keyset.Constant(value, typeof(TKey?));
        var isNull = Expression.Equal(key.Body, Expression.Constant(null, typeof(TKey?)));
        var body = Expression.OrElse(isNull, Expression.OrElse(
            Keyset.Compare(key.Body, v, desc),
            Expression.AndAlso(Expression.Equal(key.Body, v), Keyset.IdAfter(p, id, desc))));
        return Expression.Lambda<Func<Lead, bool>>(body, p);
    }

    private static Expression<Func<Lead, bool>> NullAfter<TKey>(
        Expression<Func<Lead, TKey?>> key, Guid id, bool desc)
        where TKey : struct
    {
        var p = key.Parameters[0];
        var body = Expression.AndAlso(
            Expression.Equal(key.Body, Expression.Constant(null, typeof(TKey?))), Keyset.IdAfter(p, id, desc));
        return Expression.Lambda<Func<Lead, bool>>(body, p);
    }
}
