using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace LeadAgent.Web.Data;

/// <summary>
/// One prepared SQLite statement on a Microsoft.Data.Sqlite connection (and its open transaction), with values bound by
/// position and encoded into a reused buffer. Values get the same storage form Microsoft.Data.Sqlite gives them, so
/// rows read back exactly as if EF had written them: GUIDs as upper-case text, dates as "yyyy-MM-dd HH:mm:ss.FFFFFFF",
/// decimals as invariant text, booleans as 0/1. A test compares every column of the bulk-written tables with
/// SaveChanges.
/// </summary>
internal sealed class SqliteBinding : IDisposable
{
    internal const string DateTimeFormat = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF";
    private const string DateFormat = @"yyyy\-MM\-dd";
    private const string DecimalFormat = "0.0###########################";

    private static readonly HashSet<Type> Supported =
    [
        typeof(string), typeof(Guid), typeof(DateTime), typeof(DateOnly), typeof(decimal), typeof(bool),
        typeof(long), typeof(int), typeof(short), typeof(byte), typeof(double), typeof(float), typeof(byte[]),
    ];

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private byte[] _buffer = new byte[512];

    // Which positions hold NULL now. A statement starts with every position NULL and keeps its values across resets,
    // so a NULL is bound again only after a value (an import binds about two million NULLs per 100,000 rows).
    private readonly bool[] _isNull;

    public SqliteBinding(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
        _isNull = new bool[raw.sqlite3_bind_parameter_count(_statement) + 1];
        Array.Fill(_isNull, true);
    }

    /// <summary>
    /// Whether values of this provider type are bound here (others go through Microsoft.Data.Sqlite's parameters).
    /// </summary>
    public static bool Supports(Type type) => Supported.Contains(Nullable.GetUnderlyingType(type) ?? type);

    public void Bind(int position, object? value)
    {
        if (value is null or DBNull)
        {
            if (!_isNull[position])
            {
                Check(raw.sqlite3_bind_null(_statement, position));
                _isNull[position] = true;
            }
            return;
        }
        // Cleared first: after a failed bind the position's value is unknown, so the next NULL is bound for sure.
        _isNull[position] = false;
        BindValue(position, value);
    }

    private void BindValue(int position, object value) => Check(value switch
    {
        // An empty span would be bound as a null pointer, which SQLite stores as NULL.
        "" => raw.sqlite3_bind_text(_statement, position, ""),
        string s => Text(position, s),
        Guid g => Utf8(position, g, static (g, span) =>
        {
            var ok = g.TryFormat(span, out var n, "D");
            Ascii.ToUpperInPlace(span[..n], out _);
            return (ok, n);
        }),
        DateTime d => Utf8(position, d, static (d, span) => (true, FormatDateTime(d, span))),
        DateOnly d => Utf8(position, d, static (d, span) =>
            (d.TryFormat(span, out var n, DateFormat, CultureInfo.InvariantCulture), n)),
        decimal m => Utf8(position, m, static (m, span) =>
            (m.TryFormat(span, out var n, DecimalFormat, CultureInfo.InvariantCulture), n)),
        bool b => raw.sqlite3_bind_int64(_statement, position, b ? 1 : 0),
        long l => raw.sqlite3_bind_int64(_statement, position, l),
        int i => raw.sqlite3_bind_int64(_statement, position, i),
        short i => raw.sqlite3_bind_int64(_statement, position, i),
        byte i => raw.sqlite3_bind_int64(_statement, position, i),
        double f => raw.sqlite3_bind_double(_statement, position, f),
        float f => raw.sqlite3_bind_double(_statement, position, f),
        byte[] blob => raw.sqlite3_bind_blob(_statement, position, blob),
        _ => throw new NotSupportedException($"Cannot bind a {value.GetType().Name}."),
    });

    /// <summary>
    /// Runs the statement with the bound values; they stay bound for the next row, which binds its own over them.
    /// </summary>
    public void Execute()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc != raw.SQLITE_DONE)
        {
            // The message belongs to this failure only until the statement is reset.
            var error = Error(rc);
            raw.sqlite3_reset(_statement);
            throw error;
        }
        raw.sqlite3_reset(_statement);
    }

    public void Dispose() => _statement.Dispose();

    private int Text(int position, string s)
    {
        var length = Encoding.UTF8.GetMaxByteCount(s.Length);
        if (_buffer.Length < length)
        {
            _buffer = new byte[Math.Max(length, _buffer.Length * 2)];
        }
        var n = Encoding.UTF8.GetBytes(s, _buffer);
        return raw.sqlite3_bind_text(_statement, position, _buffer.AsSpan(0, n));
    }

    private int Utf8<T>(int position, T value, Func<T, Span<byte>, (bool Ok, int Written)> format)
    {
        var (ok, written) = format(value, _buffer);
        return ok ? raw.sqlite3_bind_text(_statement, position, _buffer.AsSpan(0, written))
            : throw new InvalidOperationException($"Could not format {value}.");
    }

    /// <summary>
    /// <see cref="DateTimeFormat"/> written digit by digit: a custom format string is parsed again on every call, ten
    /// times slower, and an import binds over 600,000 dates per 100,000 rows. Trailing zeros of the fraction go, and
    /// the dot with them.
    /// </summary>
    internal static int FormatDateTime(DateTime value, Span<byte> s)
    {
        var (date, time) = value;
        Digits(s[..4], date.Year);
        s[4] = (byte)'-';
        Digits(s[5..7], date.Month);
        s[7] = (byte)'-';
        Digits(s[8..10], date.Day);
        s[10] = (byte)' ';
        Digits(s[11..13], time.Hour);
        s[13] = (byte)':';
        Digits(s[14..16], time.Minute);
        s[16] = (byte)':';
        Digits(s[17..19], time.Second);
        var fraction = (int)(value.Ticks % TimeSpan.TicksPerSecond);
        if (fraction == 0)
        {
            return 19;
        }
        s[19] = (byte)'.';
        Digits(s[20..27], fraction);
        var end = 27;
        while (s[end - 1] == (byte)'0')
        {
            end--;
        }
        return end;
    }

    private static void Digits(Span<byte> span, int value)
    {
        for (var i = span.Length - 1; i >= 0; i--)
        {
            span[i] = (byte)('0' + value % 10);
            value /= 10;
        }
    }

    private void Check(int rc)
    {
        if (rc is not raw.SQLITE_OK and not raw.SQLITE_DONE)
        {
            throw Error(rc);
        }
    }

    private SqliteException Error(int rc) =>
        new($"SQLite Error {rc}: '{raw.sqlite3_errmsg(_db).utf8_to_string()}'.", rc, raw.sqlite3_extended_errcode(_db));
}
