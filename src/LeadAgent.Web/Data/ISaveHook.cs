namespace LeadAgent.Web.Data;

/// <summary>
/// Work a feature adds to every save, so that Data knows no feature: values derived from a record (a company's name
/// key), guards (the writer's role) and rows written with the change (activity entries). Hooks run in the order of
/// <c>SaveHooks.All</c>.
/// </summary>
public interface ISaveHook
{
    /// <summary>
    /// Before anything is written: may adjust tracked records or <paramref name="created"/> (new untracked records of a
    /// bulk save, grouped by type), or refuse the save by throwing.
    /// </summary>
    ValueTask BeforeWriteAsync(AppDbContext db, IReadOnlyList<IReadOnlyList<object>> created, CancellationToken ct) =>
        ValueTask.CompletedTask;

    /// <summary>After new untracked records are written, before tracked changes are: rows to write with them.</summary>
    ValueTask<IReadOnlyList<object>> CollectAsync(AppDbContext db, DateTime now, CancellationToken ct) =>
        ValueTask.FromResult<IReadOnlyList<object>>([]);
}
