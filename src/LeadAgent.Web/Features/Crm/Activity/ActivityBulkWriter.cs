using System.Data.Common;
using System.Text;
using LeadAgent.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace LeadAgent.Web.Features.Crm.Activity;

/// <summary>
/// Appends many activity entries on the context's connection and transaction: one prepared single-row INSERT reused
/// per row on SQLite (in-process, no round trips; its binder is slow with thousands of parameters), multi-row INSERTs
/// on PostgreSQL (fewer round trips). Bulk operations use it because tracking tens of thousands of entries through EF
/// is several times slower.
/// </summary>
internal static class ActivityBulkWriter
{
    private const int RowsPerStatement = 300;

    private static readonly string[] Columns =
        ["OccurredAt", "ActorKind", "ActorId", "ActorName", "TokenId", "Action", "EntityType", "EntityId", "EntityLabel", "Changes", "BatchId"];

    public static async Task WriteAsync(AppDbContext db, IReadOnlyList<ActivityEntry> entries, CancellationToken ct)
    {
        if (entries.Count == 0)
        {
            return;
        }
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var sqlite = db.IsSqlite;
        if (sqlite)
        {
            await WriteOneByOneAsync(connection, transaction, entries, ct);
            return;
        }
        for (var start = 0; start < entries.Count; start += RowsPerStatement)
        {
            var count = Math.Min(RowsPerStatement, entries.Count - start);
            await using var cmd = connection.CreateCommand();
            cmd.Transaction = transaction;
            var sql = new StringBuilder("INSERT INTO \"ActivityLog\" (")
                .AppendJoin(", ", Columns.Select(c => $"\"{c}\"")).Append(") VALUES ");
            for (var i = 0; i < count; i++)
            {
                var e = entries[start + i];
                sql.Append(i == 0 ? "(" : ", (");
                object?[] values = [e.OccurredAt, e.ActorKind.ToString(), e.ActorId, e.ActorName, Id(e.TokenId, sqlite), e.Action,
                    e.EntityType, Id(e.EntityId, sqlite), e.EntityLabel, e.Changes, Id(e.BatchId, sqlite)];
                for (var c = 0; c < values.Length; c++)
                {
                    var name = $"@p{i}_{c}";
                    sql.Append(c == 0 ? name : ", " + name);
                    Add(cmd, name, values[c]);
                }
                sql.Append(')');
            }
            cmd.CommandText = sql.ToString();
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    private static async Task WriteOneByOneAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<ActivityEntry> entries, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = $"INSERT INTO \"ActivityLog\" ({string.Join(", ", Columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", Columns.Select((_, i) => "@c" + i))})";
        var parameters = Columns.Select((_, i) =>
        {
            var p = cmd.CreateParameter();
            p.ParameterName = "@c" + i;
            cmd.Parameters.Add(p);
            return p;
        }).ToArray();
        await cmd.PrepareAsync(ct);
        foreach (var e in entries)
        {
            object?[] values = [e.OccurredAt, e.ActorKind.ToString(), e.ActorId, e.ActorName, Id(e.TokenId, true), e.Action,
                e.EntityType, Id(e.EntityId, true), e.EntityLabel, e.Changes, Id(e.BatchId, true)];
            for (var c = 0; c < values.Length; c++)
            {
                parameters[c].Value = values[c] ?? DBNull.Value;
            }
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    // EF stores Guids as upper-case text on SQLite; match it so the timeline query finds them.
    private static object? Id(Guid? id, bool sqlite) => id is { } g && sqlite ? g.ToString().ToUpperInvariant() : id;

    private static void Add(DbCommand cmd, string name, object? value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        cmd.Parameters.Add(p);
    }
}
