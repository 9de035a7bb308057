using LeadAgent.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Policy;

/// <summary>This feature's tables on the one context (declared here, so the context knows no feature).</summary>
public static class PolicySets
{
    extension(AppDbContext db)
    {
        public DbSet<PolicyEntry> PolicyEntries => db.Set<PolicyEntry>();
    }
}
