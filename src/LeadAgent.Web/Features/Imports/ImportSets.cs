using LeadAgent.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Imports;

/// <summary>This feature's tables on the one context (declared here, so the context knows no feature).</summary>
public static class ImportSets
{
    extension(AppDbContext db)
    {
        public DbSet<ImportRun> ImportRuns => db.Set<ImportRun>();
        public DbSet<ImportFile> ImportFiles => db.Set<ImportFile>();
        public DbSet<ImportRowIssue> ImportRowIssues => db.Set<ImportRowIssue>();
        public DbSet<ImportMappingMemory> ImportMappings => db.Set<ImportMappingMemory>();
    }
}
