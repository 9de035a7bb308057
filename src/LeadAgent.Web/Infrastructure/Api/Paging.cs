using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Infrastructure.Api;

/// <summary>
/// A page of a list. <see cref="NextCursor"/> is null on the last page. When <see cref="TotalCapped"/> is true, there
/// are more than <see cref="Total"/> matches (the count stopped there).
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor, int? Total)
{
    public bool TotalCapped { get; init; }

    /// <summary>The total as people read it: "10,000+" when the count stopped at the cap.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string TotalText => (Total ?? 0).ToString("N0", CultureInfo.InvariantCulture) + (TotalCapped ? "+" : "");

    /// <summary>
    /// From a query that fetched one row more than <paramref name="limit"/>: that extra row means there is a next page.
    /// </summary>
    public static Page<T> FromLookahead(
        List<T> rows, int limit, Func<T, string> cursorFor, int? total, bool totalCapped = false)
    {
        if (rows.Count <= limit)
        {
            return new Page<T>(rows, null, total) { TotalCapped = totalCapped };
        }
        rows.RemoveAt(limit);
        return new Page<T>(rows, cursorFor(rows[^1]), total) { TotalCapped = totalCapped };
    }
}

/// <summary>Whether a list counts its matches: not at all, up to a cap (cheap at any size), or exactly.</summary>
public enum Totals { None, Capped, Exact }

public static class Counting
{
    /// <summary>
    /// Counts the matches as asked. A capped count reads at most <paramref name="cap"/> + 1 rows, so a broad filter
    /// over a large table costs no more than a narrow one.
    /// </summary>
    public static async Task<(int? Total, bool Capped)> CountAsync<T>(
        IQueryable<T> query, Totals totals, int cap, CancellationToken ct)
    {
        switch (totals)
        {
            case Totals.Exact:
                return (await query.CountAsync(ct), false);
            case Totals.Capped:
                var count = await query.Take(cap + 1).CountAsync(ct);
                return count > cap ? (cap, true) : (count, false);
            default:
                return (null, false);
        }
    }
}

/// <summary>Opaque keyset cursor: the sort value and id of the last row of the previous page.</summary>
public sealed record Cursor(string Sort, string? Value, Guid Id)
{
    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(this)));

    public static Cursor? Decode(string? text, string expectedSort)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        try
        {
            var cursor = JsonSerializer.Deserialize<Cursor>(Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text)));
            if (cursor is not null && cursor.Sort == expectedSort)
            {
                return cursor;
            }
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
        }
        throw Invalid();
    }

    /// <summary>Parses the cursor's sort value: a forged or corrupted one is a 400 on the cursor, not a 500.</summary>
    public static T Read<T>(Func<string, T> parse, string value)
    {
        try
        {
            return parse(value);
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
        {
            throw Invalid();
        }
    }

    private static ValidationFailedException Invalid() => new(new Dictionary<string, string[]>
    {
        ["cursor"] = ["Invalid cursor for this sort order; start again without a cursor."],
    });

    public static int ClampLimit(int? limit, Errors errors)
    {
        if (limit is < 1 or > 500)
        {
            errors.Add("limit", "Must be between 1 and 500.");
        }
        return Math.Clamp(limit ?? 50, 1, 500);
    }
}
