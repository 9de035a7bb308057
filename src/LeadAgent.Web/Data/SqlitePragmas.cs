using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LeadAgent.Web.Data;

/// <summary>
/// Per-connection SQLite settings, applied each time a connection opens. <c>synchronous</c> decides when a commit
/// waits for the disk: FULL syncs the write-ahead log on every commit; NORMAL (the usual setting with WAL) syncs at
/// checkpoints only — a committed transaction survives an application crash or restart, and only an operating-system
/// crash or power loss can take back the last moments' commits.
/// </summary>
internal sealed class SqlitePragmas(SqliteSynchronous synchronous) : DbConnectionInterceptor
{
    // busy_timeout: a writer waiting for the lock is woken by SQLite within milliseconds of its release, instead of
    // Microsoft.Data.Sqlite's own retry loop, which sleeps 150 ms between attempts.
    // wal_autocheckpoint: SQLite's default, set again because imports raise it on their pooled connections.
    private readonly string _sql = $"PRAGMA synchronous = {synchronous.ToString().ToUpperInvariant()}; "
        + "PRAGMA busy_timeout = 30000; PRAGMA wal_autocheckpoint = 1000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
        Apply(connection);

    public override Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _sql;
        command.ExecuteNonQuery();
    }
}
