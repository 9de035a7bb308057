using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Qualification.Versions;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Qualification;

/// <summary>This feature's tables on the one context (declared here, so the context knows no feature).</summary>
public static class QualificationSets
{
    extension(AppDbContext db)
    {
        public DbSet<CompanyFit> CompanyFits => db.Set<CompanyFit>();
        public DbSet<QualificationVersion> QualificationVersions => db.Set<QualificationVersion>();
    }
}
