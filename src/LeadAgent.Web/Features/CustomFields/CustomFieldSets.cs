using LeadAgent.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.CustomFields;

/// <summary>This feature's tables on the one context (declared here, so the context knows no feature).</summary>
public static class CustomFieldSets
{
    extension(AppDbContext db)
    {
        public DbSet<CustomField> CustomFields => db.Set<CustomField>();
    }
}
