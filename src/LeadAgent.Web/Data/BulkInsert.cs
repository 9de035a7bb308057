using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace LeadAgent.Web.Data;

/// <summary>
/// Inserts many new rows of one entity type on the context's connection and transaction, using EF's own mapping
/// (table, columns, value converters, provider parameter types) so the rows are exactly what SaveChanges would write.
/// SQLite: one prepared single-row INSERT reused per row (in-process, no round trips), its values bound by position
/// in the text forms Microsoft.Data.Sqlite writes (<see cref="SqliteBinding"/>). PostgreSQL: binary COPY (one streamed
/// command).
/// Store-generated keys (still at their default) are left to the database. Nothing is tracked.
/// </summary>
internal static class BulkInsert
{
    private sealed record Column(IProperty Property, RelationalTypeMapping Mapping, string Name, bool StoreGenerated)
    {
        private object?[]? _lastItems;
        private object? _lastConverted;

        public IClrPropertyGetter Getter { get; } = Property.GetGetter();
        public ValueConverter? Converter { get; } = Mapping.Converter;

        /// <summary>The row's value as the database gets it (converted, DBNull for null).</summary>
        public object Value(object row)
        {
            var value = Getter.GetClrValue(row);
            if (value is null)
            {
                return DBNull.Value;
            }
            if (Converter is null)
            {
                return value;
            }
            if (value is not System.Collections.ICollection collection)
            {
                return Converter.ConvertToProvider(value) ?? DBNull.Value;
            }
            // Collections (tags, custom fields) become JSON; most rows of an import carry the same ones (often none),
            // so the last conversion is reused while the items are equal, in order.
            if (_lastItems is not null && SameItems(_lastItems, collection))
            {
                return _lastConverted!;
            }
            _lastConverted = Converter.ConvertToProvider(value) ?? DBNull.Value;
            _lastItems = collection.Cast<object?>().ToArray();
            return _lastConverted;
        }

        private static bool SameItems(object?[] items, System.Collections.ICollection collection)
        {
            if (items.Length != collection.Count)
            {
                return false;
            }
            var i = 0;
            foreach (var item in collection)
            {
                if (!Equals(items[i++], item))
                {
                    return false;
                }
            }
            return true;
        }
    }

    public static async Task WriteAsync<T>(AppDbContext db, IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }
        var type = db.Model.FindEntityType(typeof(T))
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        await WriteAsync(db, type, rows, ct);
    }

    public static async Task WriteAsync(
        AppDbContext db, IEntityType type, IReadOnlyList<object> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }
        var table = type.GetTableName() ?? throw new InvalidOperationException($"{type.DisplayName()} has no table.");
        var store = StoreObjectIdentifier.Table(table, type.GetSchema());
        var columns = type.GetProperties()
            .Select(p => new Column(p, p.GetRelationalTypeMapping(), p.GetColumnName(store) ?? p.Name,
                p.ValueGenerated.HasFlag(ValueGenerated.OnAdd)
                    && p.ClrType is { IsValueType: true } t
                    && (t == typeof(int) || t == typeof(long))))
            .ToList();
        if (columns.Any(c => c.Property.IsShadowProperty()))
        {
            throw new NotSupportedException(
                $"{type.DisplayName()} has shadow properties; bulk insert reads values from the objects.");
        }
        // Store-generated keys are written only when the objects already carry them (never, for new rows).
        columns.RemoveAll(c => c.StoreGenerated && rows.All(r => IsDefault(c.Getter.GetClrValue(r))));

        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        try
        {
            if (db.IsSqlite
                && columns.All(c => SqliteBinding.Supports(c.Converter?.ProviderClrType ?? c.Property.ClrType)))
            {
                InsertSqlite((Microsoft.Data.Sqlite.SqliteConnection)connection, table, columns, rows, ct);
            }
            else if (db.IsSqlite)
            {
                await OneByOneAsync(connection, transaction, table, columns, rows, ct);
            }
            else
            {
                await CopyAsync((Npgsql.NpgsqlConnection)connection, table, columns, rows, ct);
            }
        }
        catch (DbException e)
        {
            // Callers treat this like a failed SaveChanges (e.g. retry a batch row by row).
            throw new DbUpdateException($"Bulk insert into {table} failed: {e.Message}", e);
        }
    }

    private static async Task OneByOneAsync(
        DbConnection connection, DbTransaction? transaction, string table, List<Column> columns,
        IReadOnlyList<object> rows, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        var names = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
        cmd.CommandText =
            $"INSERT INTO \"{table}\" ({names}) VALUES ({string.Join(", ", columns.Select((_, i) => "@c" + i))})";
        // Parameters are configured once by each column's type mapping (e.g. Guids as upper-case text on SQLite).
        var parameters = columns
            .Select((c, i) => c.Mapping.CreateParameter(cmd, "@c" + i, null, c.Property.IsNullable))
            .ToArray();
        cmd.Parameters.AddRange(parameters);
        await cmd.PrepareAsync(ct);
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i].Value = columns[i].Value(row);
            }
            // SQLite runs in-process: its async methods are synchronous anyway, minus the per-call Task.
            cmd.ExecuteNonQuery();
        }
    }

    // Binding by position: Microsoft.Data.Sqlite looks each parameter up by name on every execution.
    private static void InsertSqlite(
        Microsoft.Data.Sqlite.SqliteConnection connection, string table, List<Column> columns,
        IReadOnlyList<object> rows, CancellationToken ct)
    {
        var names = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
        using var insert = new SqliteBinding(connection,
            $"INSERT INTO \"{table}\" ({names}) VALUES ({string.Join(", ", columns.Select(_ => "?"))})");
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            for (var i = 0; i < columns.Count; i++)
            {
                insert.Bind(i + 1, columns[i].Value(row));
            }
            insert.Execute();
        }
    }

    // Binary COPY: the rows stream in one command; values are typed from their (converted) CLR types.
    private static async Task CopyAsync(
        Npgsql.NpgsqlConnection connection, string table, List<Column> columns, IReadOnlyList<object> rows,
        CancellationToken ct)
    {
        var names = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY \"{table}\" ({names}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(ct);
            foreach (var column in columns)
            {
                var value = column.Value(row);
                if (value is DBNull)
                {
                    await writer.WriteNullAsync(ct);
                }
                else
                {
                    await writer.WriteAsync(value, ct);
                }
            }
        }
        await writer.CompleteAsync(ct);
    }

    private static bool IsDefault(object? value) => value is null or 0 or 0L;
}
