using LeadAgent.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Leads;

/// <summary>This feature's tables on the one context (declared here, so the context knows no feature).</summary>
public static class LeadSets
{
    extension(AppDbContext db)
    {
        public DbSet<Lead> Leads => db.Set<Lead>();
        public DbSet<SavedView> SavedViews => db.Set<SavedView>();
    }
}
