using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Leads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace LeadAgent.Web.Features.Qualification.Scoring;

/// <summary>A lead's new score and band.</summary>
internal readonly record struct ScoreChange(Guid LeadId, int Score, Classification Band);

/// <summary>
/// Writes changed scores set-based, a chunk per transaction (so a long rescore never holds SQLite's one writer for
/// long): PostgreSQL one <c>UPDATE … FROM unnest(arrays)</c> per chunk, SQLite one prepared UPDATE bound per row; the
/// chunk's history rows are bulk-inserted in the same transaction. Only Score and Classification are set: no
/// Version bump (a score must not make a person's save conflict), no UpdatedAt, no activity entries.
/// </summary>
internal static class ScoreWriter
{
    public const int Chunk = 10_000;

    public static async Task WriteAsync(AppDbContext db, IReadOnlyList<ScoreChange> changes,
        IReadOnlyList<LeadScoreEntry> history, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            for (var start = 0; start < changes.Count; start += Chunk)
            {
                var n = Math.Min(Chunk, changes.Count - start);
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                if (db.IsSqlite)
                {
                    UpdateSqlite(db, changes, start, n, ct);
                }
                else
                {
                    await UpdatePostgresAsync(db, tx, changes, start, n, ct);
                }
                await BulkInsert.WriteAsync(db, Slice(history, start, n), ct);
                await tx.CommitAsync(ct);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void UpdateSqlite(AppDbContext db, IReadOnlyList<ScoreChange> changes, int start, int n,
        CancellationToken ct)
    {
        var connection = (Microsoft.Data.Sqlite.SqliteConnection)db.Database.GetDbConnection();
        using var update = new SqliteBinding(connection,
            "UPDATE \"Leads\" SET \"Score\" = ?, \"Classification\" = ? WHERE \"Id\" = ?");
        for (var i = start; i < start + n; i++)
        {
            ct.ThrowIfCancellationRequested();
            update.Bind(1, changes[i].Score);
            update.Bind(2, BandText(changes[i].Band));
            update.Bind(3, changes[i].LeadId);
            update.Execute();
        }
    }

    private static async Task UpdatePostgresAsync(AppDbContext db, IDbContextTransaction tx,
        IReadOnlyList<ScoreChange> changes, int start, int n, CancellationToken ct)
    {
        var ids = new Guid[n];
        var scores = new int[n];
        var bands = new string[n];
        for (var i = 0; i < n; i++)
        {
            var c = changes[start + i];
            (ids[i], scores[i], bands[i]) = (c.LeadId, c.Score, BandText(c.Band));
        }
        var connection = (Npgsql.NpgsqlConnection)db.Database.GetDbConnection();
        await using var cmd = new Npgsql.NpgsqlCommand("""
            UPDATE "Leads" AS l SET "Score" = v.s, "Classification" = v.c
            FROM unnest(@ids, @scores, @bands) AS v(id, s, c)
            WHERE l."Id" = v.id
            """, connection, (Npgsql.NpgsqlTransaction)tx.GetDbTransaction());
        cmd.Parameters.AddWithValue("ids", ids);
        cmd.Parameters.AddWithValue("scores", scores);
        cmd.Parameters.AddWithValue("bands", bands);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    // The History rows belong to the chunk's changes, in the same order (one per change).
    private static List<LeadScoreEntry> Slice(IReadOnlyList<LeadScoreEntry> history, int start, int n)
    {
        var slice = new List<LeadScoreEntry>(n);
        for (var i = start; i < start + n && i < history.Count; i++)
        {
            slice.Add(history[i]);
        }
        return slice;
    }

    // As EF stores the enum (HasConversion<string>).
    private static string BandText(Classification band) => band switch
    {
        Classification.Hot => nameof(Classification.Hot),
        Classification.Warm => nameof(Classification.Warm),
        _ => nameof(Classification.Cold),
    };
}
