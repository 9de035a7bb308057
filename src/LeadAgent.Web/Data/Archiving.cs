using LeadAgent.Web.Infrastructure.Api;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Data;

internal static class Archiving
{
    /// <summary>Archives or restores one record; the activity log records "archived"/"restored".</summary>
    public static async Task SetAsync<T>(AppDbContext db, Guid id, bool archived, CancellationToken ct)
        where T : class, IArchivable
    {
        var record = await db.Set<T>().FirstOrDefaultAsync(r => r.Id == id, ct)
            ?? throw new NotFoundException(typeof(T).Name, id);
        record.ArchivedAt = archived ? record.ArchivedAt ?? db.Time.GetUtcNow().UtcDateTime : null;
        await db.SaveChangesAsync(ct);
    }
}
