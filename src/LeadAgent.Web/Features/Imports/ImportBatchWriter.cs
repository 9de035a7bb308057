using System.Diagnostics;
using System.Text.Json;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.CustomFields;
using LeadAgent.Web.Features.Orders;
using LeadAgent.Web.Features.Policy;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Imports;

/// <summary>Another worker took the run over: this one stops without saving more.</summary>
internal sealed class ImportLeaseLostException : Exception;

/// <summary>
/// Saves the batches of one run: each batch's rows, their issues and the run's progress in one transaction, guarded
/// by the lease (<see cref="ImportLeaseLostException"/> when it was lost).
/// </summary>
internal sealed class ImportBatchWriter(IDbContextFactory<AppDbContext> factory, ImportRun run,
    Dictionary<string, string> owners, IReadOnlyDictionary<string, CustomFieldType> customTypes, string claim,
    TimeProvider time, int leaseSeconds, ImportMetrics metrics, PolicyCheck policy, ILogger log)
{
    public async Task CommitAsync((ImportRow[] Rows, NormalizedCells Cells) batch, int done, CancellationToken ct)
    {
        var rows = batch.Rows;
        try
        {
            await SaveAsync(rows, batch.Cells, done, null, ct);
        }
        catch (DbUpdateException e)
        {
            // A clash with the database (a record another user just created, say): save the rows one by one so only
            // the offending row is rejected.
            log.LogInformation(e, "Import {Run}: batch at row {Row} failed; retrying row by row.", run.Id, done + 1);
            for (var i = 0; i < rows.Length; i++)
            {
                var row = rows[i].Fresh();
                try
                {
                    await SaveAsync([row], batch.Cells, done + i, null, ct);
                }
                catch (DbUpdateException rowError)
                {
                    var reason = $"Could not be saved: {(rowError.InnerException ?? rowError).Message}";
                    var rejected = new RowResult(RowOutcome.Rejected, reason[..Math.Min(reason.Length, 900)]);
                    await SaveAsync([row], batch.Cells, done + i, rejected, ct);
                }
            }
        }
    }

    private async Task SaveAsync(ImportRow[] rows, NormalizedCells cells, int done, RowResult? forced,
        CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await using var db = await factory.CreateDbContextAsync(ct);
        db.BatchId = run.Id;
        if (db.IsSqlite)
        {
            // A batch need not reach the disk before the next one starts: after a power loss the run resumes from the
            // last batch that did (rows and progress commit together). And the log is copied into the database file
            // every 80 MB instead of every 4 MB, so index pages that every batch touches are copied once (commits
            // 1.2 → 0.75 s per 100k rows). The pool's next open restores both settings.
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 20000;", ct);
        }
        // Changes are detected once when the batch is saved, not on every lookup of thousands of tracked records.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var session = new ImportSession(db, run, owners, cells, customTypes, policy);
        var counts = new int[Enum.GetValues<RowOutcome>().Length];
        if (forced is null)
        {
            await session.PreloadAsync(rows, ct);
        }
        foreach (var row in rows)
        {
            var result = forced ?? session.Apply(row);
            counts[(int)result.Outcome]++;
            if (result.Outcome is RowOutcome.Rejected or RowOutcome.Skipped || result.Flagged)
            {
                db.ImportRowIssues.Add(new ImportRowIssue
                {
                    RunId = run.Id,
                    RowNumber = row.Number,
                    Outcome = result.Outcome,
                    Message = RecordText.Fit(result.Message ?? result.Outcome.ToString(), 1000),
                    Values = JsonSerializer.Serialize(row.Values),
                });
            }
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesBulkAsync(session.Created, ct);
        foreach (var companyId in session.OrderCompanies)
        {
            await OrderService.RecomputeCompanyAsync(db, companyId, ct);
        }
        var until = time.GetUtcNow().UtcDateTime.AddSeconds(leaseSeconds);
        var seconds = clock.Elapsed.TotalSeconds;
        var n = rows.Length;
        int created = counts[(int)RowOutcome.Created], updated = counts[(int)RowOutcome.Updated];
        int unchanged = counts[(int)RowOutcome.Unchanged], skipped = counts[(int)RowOutcome.Skipped];
        int rejected = counts[(int)RowOutcome.Rejected];
        var claimed = await db.ImportRuns
            .Where(r => r.Id == run.Id && r.LeaseOwner == claim && r.RowsDone == done
                && r.Status == ImportStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.RowsDone, done + n)
                .SetProperty(r => r.Created, r => r.Created + created)
                .SetProperty(r => r.Updated, r => r.Updated + updated)
                .SetProperty(r => r.Unchanged, r => r.Unchanged + unchanged)
                .SetProperty(r => r.Skipped, r => r.Skipped + skipped)
                .SetProperty(r => r.Rejected, r => r.Rejected + rejected)
                .SetProperty(r => r.LeaseUntil, until)
                .SetProperty(r => r.ElapsedSeconds, r => r.ElapsedSeconds + seconds), ct);
        if (claimed != 1)
        {
            await tx.RollbackAsync(CancellationToken.None);
            throw new ImportLeaseLostException();
        }
        await tx.CommitAsync(ct);
        metrics.Committed(counts);
    }
}
