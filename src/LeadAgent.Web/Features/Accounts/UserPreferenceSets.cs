using LeadAgent.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Accounts;

/// <summary>This feature's tables on the one context (declared here, so the context knows no feature).</summary>
public static class UserPreferenceSets
{
    extension(AppDbContext db)
    {
        public DbSet<UserPreference> UserPreferences => db.Set<UserPreference>();
    }
}
