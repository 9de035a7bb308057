using System.Globalization;
using System.Linq.Expressions;
using LeadAgent.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Infrastructure.Api;

/// <summary>
/// A list's sortable columns ("name", "-createdAt"): each sorts in SQL by its key, nulls last in either direction,
/// then by id so equal keys keep a stable order and a cursor continues right after the last row shown.
/// </summary>
public sealed class SortColumns<T>(string defaultSort) where T : Entity
{
    private readonly Dictionary<string, Func<bool, KeysetSort<T>>> _columns = [];

    public SortColumns<T> Add<TKey>(string field, Expression<Func<T, TKey>> key)
    {
        _columns[field] = desc => KeysetSort<T>.By(field, desc, key);
        return this;
    }

    /// <summary>The sort the text names (blank: the default); an unknown one is a field error on "sort".</summary>
    public KeysetSort<T> Parse(string? sort, Errors errors)
    {
        sort = string.IsNullOrWhiteSpace(sort) ? defaultSort : sort.Trim();
        var desc = sort.StartsWith('-');
        var field = sort.TrimStart('-', '+');
        if (_columns.TryGetValue(field, out var column))
        {
            return column(desc);
        }
        errors.Add("sort", $"Must be one of {string.Join(", ", _columns.Keys)}, optionally prefixed with '-'.");
        return _columns[defaultSort.TrimStart('-')](defaultSort.StartsWith('-'));
    }
}

/// <summary>One sort of a keyset-paged list; see <see cref="SortColumns{T}"/>.</summary>
public sealed class KeysetSort<T> where T : Entity
{
    private const DateTimeStyles Utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;

    /// <summary>As the address and the cursor name it: "name", "-createdAt".</summary>
    public required string Name { get; init; }
    private Func<IQueryable<T>, Cursor?, IQueryable<T>> Order { get; init; } = null!;
    private Func<IQueryable<T>, Guid, CancellationToken, Task<string?>> KeyOf { get; init; } = null!;

    /// <summary>
    /// One page of <paramref name="matches"/> in this order after <paramref name="cursorText"/>, projected to rows.
    /// </summary>
    public async Task<Page<TRow>> PageAsync<TRow>(IQueryable<T> matches, string? cursorText, int limit,
        Func<IQueryable<T>, IQueryable<TRow>> rows, Func<TRow, Guid> idOf, int? total, CancellationToken ct)
    {
        var cursor = Cursor.Decode(cursorText, Name);
        var items = await rows(Order(matches, cursor).Take(limit + 1)).ToListAsync(ct);
        if (items.Count <= limit)
        {
            return new Page<TRow>(items, null, total);
        }
        items.RemoveAt(limit);
        // The key as SQL computed it (a count, a joined name), so the next page starts exactly after this row.
        var last = idOf(items[^1]);
        var next = new Cursor(Name, await KeyOf(matches, last, ct), last).Encode();
        return new Page<TRow>(items, next, total);
    }

    internal static KeysetSort<T> By<TKey>(string field, bool desc, Expression<Func<T, TKey>> key)
    {
        var nullable = !typeof(TKey).IsValueType || Nullable.GetUnderlyingType(typeof(TKey)) is not null;
        var isNull = nullable
            ? Expression.Lambda<Func<T, bool>>(
                Expression.Equal(key.Body, Expression.Constant(null, typeof(TKey))), key.Parameters)
            : null;
        return new KeysetSort<T>
        {
            Name = (desc ? "-" : "") + field,
            KeyOf = async (q, id, ct) => Format(await q.Where(x => x.Id == id).Select(key).FirstOrDefaultAsync(ct)),
            Order = (q, cursor) =>
            {
                if (cursor is not null)
                {
                    q = q.Where(After(key, isNull, cursor, desc));
                }
                var ordered = isNull is null ? null : q.OrderBy(isNull);
                return (ordered, desc) switch
                {
                    (null, false) => q.OrderBy(key).ThenBy(x => x.Id),
                    (null, true) => q.OrderByDescending(key).ThenByDescending(x => x.Id),
                    (_, false) => ordered.ThenBy(key).ThenBy(x => x.Id),
                    (_, true) => ordered.ThenByDescending(key).ThenByDescending(x => x.Id),
                };
            },
        };
    }

    // Rows after the cursor's: a greater key, or the same key and a greater id (mirrored for descending); nulls come
    // last, so after a null key only nulls with a greater id follow.
    private static Expression<Func<T, bool>> After<TKey>(Expression<Func<T, TKey>> key,
        Expression<Func<T, bool>>? isNull, Cursor cursor, bool desc)
    {
        var p = key.Parameters[0];
        var idAfter = Keyset.IdAfter(p, cursor.Id, desc);
        Expression body;
        if (cursor.Value is null)
        {
            body = isNull is null ? Expression.Constant(false) : Expression.AndAlso(isNull.Body, idAfter);
        }
        else
        {
            var v = Keyset.Constant(Parse<TKey>(cursor.Value), typeof(TKey));
            body = Expression.OrElse(Keyset.Compare(key.Body, v, desc),
                Expression.AndAlso(Expression.Equal(key.Body, v), idAfter));
            body = isNull is null ? body : Expression.OrElse(isNull.Body, body);
        }
        return Expression.Lambda<Func<T, bool>>(body, p);
    }

    private static string? Format(object? v) => v switch
    {
        null => null,
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString(),
    };

    private static TKey Parse<TKey>(string text)
    {
        var type = Nullable.GetUnderlyingType(typeof(TKey)) ?? typeof(TKey);
        return Cursor.Read(s => (TKey)(type == typeof(DateTime)
            ? DateTime.Parse(s, CultureInfo.InvariantCulture, Utc)
            : Convert.ChangeType(s, type, CultureInfo.InvariantCulture)), text);
    }
}

/// <summary>Expression parts of keyset paging, shared by the lists' sorts.</summary>
public static class Keyset
{
    /// <summary>Parameterised (not inlined) so the query plan is cached across pages.</summary>
    public static Expression Constant(object? value, Type type)
    {
        var holder = Activator.CreateInstance(typeof(Holder<>).MakeGenericType(type), value)!;
        return Expression.Convert(Expression.Property(Expression.Constant(holder), "Value"), type);
    }

    /// <summary>left &gt; right (left &lt; right when descending); strings compare as SQL does.</summary>
    public static Expression Compare(Expression left, Expression right, bool desc)
    {
        if (left.Type == typeof(string))
        {
            var compare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;
            var cmp = Expression.Call(compare, left, right);
            return desc
                ? Expression.LessThan(cmp, Expression.Constant(0))
                : Expression.GreaterThan(cmp, Expression.Constant(0));
        }
        return desc ? Expression.LessThan(left, right) : Expression.GreaterThan(left, right);
    }

    /// <summary>The row's id comes after <paramref name="id"/> in the sort's direction.</summary>
    public static Expression IdAfter(ParameterExpression p, Guid id, bool desc)
    {
        var compareTo = typeof(Guid).GetMethod(nameof(Guid.CompareTo), [typeof(Guid)])!;
        var cmp = Expression.Call(Expression.Property(p, nameof(Entity.Id)), compareTo, Constant(id, typeof(Guid)));
        return desc
            ? Expression.LessThan(cmp, Expression.Constant(0))
            : Expression.GreaterThan(cmp, Expression.Constant(0));
    }

    private sealed class Holder<TValue>(TValue value)
    {
        public TValue Value { get; } = value;
    }
}
