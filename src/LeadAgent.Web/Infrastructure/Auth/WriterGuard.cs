using LeadAgent.Web.Data;
using LeadAgent.Web.Infrastructure.Api;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Infrastructure.Auth;

/// <summary>
/// The last line of the role check: whatever path a change takes, a viewer's save of audited records is refused.
/// Services check first with <see cref="RolePolicy"/> so the refusal names what was tried.
/// </summary>
public sealed class WriterGuard : ISaveHook
{
    public async ValueTask BeforeWriteAsync(AppDbContext db, IReadOnlyList<IReadOnlyList<object>> created,
        CancellationToken ct)
    {
        var changes = created.Any(rows => rows.Count > 0) || db.ChangeTracker.Entries().Any(e =>
            e.Entity is IAudited && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted);
        if (changes && !(await db.GetActorAsync()).CanWrite)
        {
            throw new ForbiddenException("Your role can read but not change CRM data.");
        }
    }
}
