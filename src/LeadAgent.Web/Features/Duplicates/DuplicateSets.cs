using LeadAgent.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Duplicates;

/// <summary>This feature's tables on the one context (declared here, so the context knows no feature).</summary>
public static class DuplicateSets
{
    extension(AppDbContext db)
    {
        public DbSet<DuplicatePair> DuplicatePairs => db.Set<DuplicatePair>();
        public DbSet<MergeRecord> MergeRecords => db.Set<MergeRecord>();
    }
}
