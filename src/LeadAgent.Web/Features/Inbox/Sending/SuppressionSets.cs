using LeadAgent.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Inbox.Sending;

/// <summary>This feature's tables on the one context (declared here, so the context knows no feature).</summary>
public static class SuppressionSets
{
    extension(AppDbContext db)
    {
        public DbSet<Suppression> Suppressions => db.Set<Suppression>();
    }
}
