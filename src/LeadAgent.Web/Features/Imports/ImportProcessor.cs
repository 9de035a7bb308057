using System.Text.Json;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Activity;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.CustomFields;
using LeadAgent.Web.Features.Duplicates;
using LeadAgent.Web.Features.Policy;
using LeadAgent.Web.Infrastructure.Auth;
using LeadAgent.Web.Infrastructure.Work;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LeadAgent.Web.Features.Imports;

/// <summary>
/// Runs imports: claims a queued (or abandoned) run with a lease, then reads its file batch by batch. Each batch's
/// rows, their activity entries, their issues and the run's progress are committed in one transaction, guarded by the
/// lease, so a crash loses at most an uncommitted batch, which the next claim redoes from
/// <see cref="ImportRun.RowsDone"/>.
/// </summary>
public sealed class ImportProcessor(IServiceScopeFactory scopes, TimeProvider time, IOptions<ImportOptions> options,
    Leases leases, ImportMetrics metrics, PolicyCheck policy, ILogger<ImportProcessor> log)
{
    /// <summary>Claims and runs the oldest due run; false when there is none.</summary>
    public async Task<bool> RunNextAsync(CancellationToken ct)
    {
        Guid? id;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
            await using var db = await factory.CreateDbContextAsync(ct);
            var now = time.GetUtcNow().UtcDateTime;
            id = await db.ImportRuns
                .Where(r => r.Status == ImportStatus.Queued || (r.Status == ImportStatus.Running && r.LeaseUntil < now))
                .OrderBy(r => r.CreatedAt).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        }
        if (id is null)
        {
            return false;
        }
        await RunAsync(id.Value, ct);
        return true;
    }

    /// <summary>
    /// Claims the run if it is due and processes it to the end (or until cancelled, failed or its lease is lost).
    /// </summary>
    public async Task RunAsync(Guid id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        if (await ClaimAsync(factory, id, ct) is not { } claim)
        {
            return;
        }
        ImportRun run;
        byte[] content;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            run = await db.ImportRuns.AsNoTracking().FirstAsync(r => r.Id == id, ct);
            content = await db.ImportFiles.Where(f => f.RunId == id).Select(f => f.Content).FirstAsync(ct);
        }
        scope.ServiceProvider.GetRequiredService<HttpActorSource>().Set(await ActorAsync(scope.ServiceProvider, run));
        try
        {
            await ProcessAsync(factory, run, content, claim, ct);
        }
        catch (ImportLeaseLostException)
        {
            log.LogWarning("Import {Run}: lease lost to another worker; stopping here.", id);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: the lease runs out and the run resumes after the restart.
        }
        catch (Exception e)
        {
            log.LogError(e, "Import {Run} failed.", id);
            var error = $"{e.GetType().Name}: {e.Message}";
            await FinishAsync(factory, id, claim, ImportStatus.Failed, error, CancellationToken.None);
        }
    }

    // The lease (Infrastructure/Work/Leases): a queued run, or one whose worker died, becomes this claim's.
    private async Task<string?> ClaimAsync(IDbContextFactory<AppDbContext> factory, Guid id, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var (claim, won) = await leases.ClaimAsync<ImportRun, Guid, Guid>(db,
            r => r.Id == id && (r.Status == ImportStatus.Queued || r.Status == ImportStatus.Running),
            r => r.Id, 1, TimeSpan.FromSeconds(options.Value.LeaseSeconds), ct,
            s => s.SetProperty(r => r.Status, ImportStatus.Running)
                .SetProperty(r => r.StartedAt, r => r.StartedAt ?? now));
        return won.Count == 1 ? claim : null;
    }

    // Entries in the activity log name the import: "anna@example.com (import leads.csv)".
    private static async Task<Actor> ActorAsync(IServiceProvider services, ImportRun run)
    {
        var name = ImportRun.ActorName(run.CreatedByName, run.FileName);
        if (run.CreatedById is null)
        {
            return new Actor(ActorKind.System, null, name);
        }
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByIdAsync(run.CreatedById);
        var roles = user is null ? [] : (await users.GetRolesAsync(user)).ToArray();
        return new Actor(ActorKind.User, run.CreatedById, name, null, roles);
    }

    private async Task ProcessAsync(IDbContextFactory<AppDbContext> factory, ImportRun run, byte[] content,
        string claim,
        CancellationToken ct)
    {
        var mapping = JsonSerializer.Deserialize<Dictionary<string, int>>(run.Mapping)!;
        var layout = new CsvLayout(run.Encoding, run.Delimiter, run.HasHeader);
        Dictionary<string, string> owners;
        Dictionary<string, CustomFieldType> customTypes;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            owners = await ImportSession.OwnersAsync(db, ct);
            customTypes = await ImportCustomFields.TypesAsync(db, run.Kind, ct);
        }
        var writer = new ImportBatchWriter(factory, run, owners, customTypes, claim, time, options.Value.LeaseSeconds,
            metrics, policy, log);
        var done = run.RowsDone;
        var records = CsvFile.Records(content, layout).Skip(run.HasHeader ? 1 : 0)
            .Select((values, i) => new ImportRow(i + 1, values, mapping)).Skip(done);
        using var batches = records.Chunk(options.Value.BatchSize).GetEnumerator();
        // The next batch is read and its cells normalised on another thread while this one is applied and saved.
        Task<(ImportRow[] Rows, NormalizedCells Cells)?> ReadNext() => Task.Run(() => batches.MoveNext()
            ? (batches.Current, NormalizedCells.Of(batches.Current, run.DefaultCountry))
            : ((ImportRow[], NormalizedCells)?)null, ct);
        var next = ReadNext();
        try
        {
            while (await next is { } batch)
            {
                next = ReadNext();
                await using (var db = await factory.CreateDbContextAsync(ct))
                {
                    if (await db.ImportRuns.Where(r => r.Id == run.Id).Select(r => r.CancelRequested).FirstAsync(ct))
                    {
                        await FinishAsync(factory, run.Id, claim, ImportStatus.Cancelled,
                            $"Cancelled after {done} rows.", ct);
                        return;
                    }
                }
                await writer.CommitAsync(batch, done, ct);
                done += batch.Rows.Length;
            }
        }
        finally
        {
            // The reader must be done with the file before it is disposed.
            await next.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
        await FinishAsync(factory, run.Id, claim, ImportStatus.Completed, null, ct);
        try
        {
            await ScanForDuplicatesAsync(factory, run, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The import itself is complete; the queue is refreshed by the next scan.
            log.LogWarning(e, "Import {Run}: duplicate scan afterwards failed.", run.Id);
        }
    }

    // New companies and contacts may duplicate ones that the import's exact matching did not catch (other spellings):
    // they go to the review queue, and the run says how many.
    private async Task ScanForDuplicatesAsync(IDbContextFactory<AppDbContext> factory, ImportRun run,
        CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var changed = await db.ImportRuns.Where(r => r.Id == run.Id).Select(r => r.Created + r.Updated).FirstAsync(ct);
        if (run.Kind == ImportKind.Orders || changed == 0)
        {
            // Nothing new or changed that could duplicate anything: no scan.
            await db.ImportRuns.Where(r => r.Id == run.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.DuplicatesFound, 0), ct);
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<HttpActorSource>().Set(Actor.System);
        var duplicates = scope.ServiceProvider.GetRequiredService<DuplicateService>();
        var found = (await duplicates.ScanAsync(DuplicateKind.Company, ct)).Opened;
        if (run.Kind != ImportKind.Companies)
        {
            found += (await duplicates.ScanAsync(DuplicateKind.Contact, ct)).Opened;
        }
        await db.ImportRuns.Where(r => r.Id == run.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.DuplicatesFound, found), ct);
    }

    // The run's outcome goes to the audit log with its counts, in the same transaction as its final status.
    private async Task FinishAsync(IDbContextFactory<AppDbContext> factory, Guid id, string claim, ImportStatus status,
        string? error,
        CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var message = error is null ? null : error[..Math.Min(error.Length, 2000)];
        if (status == ImportStatus.Failed)
        {
            var done = await db.ImportRuns.Where(r => r.Id == id).Select(r => r.RowsDone).FirstAsync(ct);
            message = $"{message} — stopped after {done} committed rows; nothing after that was saved.";
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var finished = await Leases.Held(db.ImportRuns.Where(r => r.Id == id), claim)
            .ExecuteUpdateAsync(s =>
            {
                s.SetProperty(r => r.Status, status).SetProperty(r => r.FinishedAt, now)
                    .SetProperty(r => r.Error, message);
                Leases.Release(s);
            }, ct);
        if (finished == 1)
        {
            var run = await db.ImportRuns.AsNoTracking().FirstAsync(r => r.Id == id, ct);
            // Most telling first: lists show the first few lines.
            var counts = JsonSerializer.Serialize(new
            {
                created = run.Created,
                updated = run.Updated,
                rejected = run.Rejected,
                skipped = run.Skipped,
                unchanged = run.Unchanged,
                rows = run.RowsDone,
                kind = run.Kind.ToString(),
            });
            var action = $"import-{status.ToString().ToLowerInvariant()}";
            db.Activity.Add(ActivityEntry.By(await db.GetActorAsync(), now, action, "Import", id,
                RecordText.Fit(run.FileName, 200), counts, id));
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        if (finished == 1)
        {
            metrics.Ended(status);
        }
    }
}
