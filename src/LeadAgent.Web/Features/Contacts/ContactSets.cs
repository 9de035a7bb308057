using LeadAgent.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Contacts;

/// <summary>This feature's tables on the one context (declared here, so the context knows no feature).</summary>
public static class ContactSets
{
    extension(AppDbContext db)
    {
        public DbSet<Contact> Contacts => db.Set<Contact>();
        public DbSet<ContactIdentity> ContactIdentities => db.Set<ContactIdentity>();
    }
}
