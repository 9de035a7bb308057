using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace LeadAgent.Web.Infrastructure.Api;

/// <summary>A page of a list. <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor, int? Total)
{
    /// <summary>
    /// From a query that fetched one row more than <paramref name="limit"/>: that extra row means there is a next page.
    /// </summary>
    public static Page<T> FromLookahead(List<T> rows, int limit, Func<T, string> cursorFor, int? total)
    {
        if (rows.Count <= limit)
        {
            return new Page<T>(rows, null, total);
        }
        rows.RemoveAt(limit);
        return new Page<T>(rows, cursorFor(rows[^1]), total);
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
