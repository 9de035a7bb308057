using LeadAgent.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Planner;

/// <summary>This feature's tables on the one context (declared here, so the context knows no feature).</summary>
public static class PlannerSets
{
    extension(AppDbContext db)
    {
        public DbSet<SalesTask> SalesTasks => db.Set<SalesTask>();
    }
}
