using LeadAgent.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Tests.Data;

/// <summary>
/// A SQLite statement stops when its cancellation token fires (a request past its time limit), instead of running
/// on with a thread and a connection after its caller has gone.
/// </summary>
[Collection(nameof(SqliteCrm))]
public sealed class SqliteInterruptTests(SqliteApp app)
{
    // Ten billion rows: hours of work if nothing stops it (the test's timeout ends it then, as a failure).
    private const string Endless =
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 10000000000) "
        + "SELECT count(*) AS \"Value\" FROM c";

    [Fact(Timeout = 120_000)]
    public async Task A_cancelled_query_is_interrupted_and_the_connection_serves_the_next_one()
    {
        // As in an API request (LoadLimits.UseApiGate); background work stops at its own checks instead.
        SqliteInterrupt.ForThisRequest();
        await using var db = app.CreateDbContext();
        await db.Database.OpenConnectionAsync(Ct);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(300));
        var error = await Assert.ThrowsAsync<SqliteException>(() =>
            db.Database.SqlQueryRaw<long>(Endless).FirstAsync(cancel.Token));
        Assert.Equal(9, error.SqliteErrorCode);   // SQLITE_INTERRUPT

        // The interrupt was for that statement only: the same connection answers the next query.
        Assert.Equal(3L, await db.Database.SqlQueryRaw<long>("SELECT 3 AS \"Value\"").FirstAsync(Ct));
    }
}
