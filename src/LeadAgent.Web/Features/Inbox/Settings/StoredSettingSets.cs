using LeadAgent.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Inbox.Settings;

/// <summary>This feature's tables on the one context (declared here, so the context knows no feature).</summary>
public static class StoredSettingSets
{
    extension(AppDbContext db)
    {
        public DbSet<StoredSetting> StoredSettings => db.Set<StoredSetting>();
    }
}
