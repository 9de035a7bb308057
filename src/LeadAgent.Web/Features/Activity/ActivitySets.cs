using LeadAgent.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Activity;

/// <summary>This feature's tables on the one context (declared here, so the context knows no feature).</summary>
public static class ActivitySets
{
    extension(AppDbContext db)
    {
        public DbSet<ActivityEntry> Activity => db.Set<ActivityEntry>();
    }
}
