using LeadAgent.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Rules;

/// <summary>This feature's tables on the one context (declared here, so the context knows no feature).</summary>
public static class RulesSets
{
    extension(AppDbContext db)
    {
        public DbSet<Rule> Rules => db.Set<Rule>();
        public DbSet<RuleApplication> RuleApplications => db.Set<RuleApplication>();
        public DbSet<Notification> Notifications => db.Set<Notification>();
    }
}
