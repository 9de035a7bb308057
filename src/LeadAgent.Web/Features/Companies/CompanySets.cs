using LeadAgent.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Companies;

/// <summary>This feature's tables on the one context (declared here, so the context knows no feature).</summary>
public static class CompanySets
{
    extension(AppDbContext db)
    {
        public DbSet<Company> Companies => db.Set<Company>();
    }
}
