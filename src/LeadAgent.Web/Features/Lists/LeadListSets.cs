using LeadAgent.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Lists;

/// <summary>This feature's tables on the one context (declared here, so the context knows no feature).</summary>
public static class LeadListSets
{
    extension(AppDbContext db)
    {
        public DbSet<LeadList> LeadLists => db.Set<LeadList>();
        public DbSet<LeadListMember> LeadListMembers => db.Set<LeadListMember>();
    }
}
