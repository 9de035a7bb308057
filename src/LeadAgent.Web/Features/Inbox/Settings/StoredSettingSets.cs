using LeadAgent.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Inbox.Settings;

/// <summary>This feature's tables on the one context (declared here, so the context knows no feature).</summary>
public static class StoredSettingSets
{
    extension(AppDbContext db)
    {
        public DbSet<StoredSetting> StoredSettings => db.Set<StoredSetting>();

        /// <summary>
        /// Saves a setting (in the context, for the caller's SaveChanges): null leaves it as it is, an empty value
        /// removes it (the configuration applies again), anything else is stored as given.
        /// </summary>
        public async Task PutSettingAsync(string name, string? value, DateTime now, string? by, CancellationToken ct)
        {
            if (value is null)
            {
                return;
            }
            var row = await db.StoredSettings.FirstOrDefaultAsync(s => s.Name == name, ct);
            if (value.Length == 0)
            {
                if (row is not null)
                {
                    db.StoredSettings.Remove(row);
                }
                return;
            }
            if (row is null)
            {
                row = new StoredSetting { Name = name, Value = value };
                db.StoredSettings.Add(row);
            }
            (row.Value, row.UpdatedAt, row.UpdatedBy) = (value, now, by);
        }
    }
}
