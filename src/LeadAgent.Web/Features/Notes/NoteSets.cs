using LeadAgent.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Notes;

/// <summary>This feature's tables on the one context (declared here, so the context knows no feature).</summary>
public static class NoteSets
{
    extension(AppDbContext db)
    {
        public DbSet<Note> Notes => db.Set<Note>();
    }
}
