using LeadAgent.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Inbox.Templates;

/// <summary>This feature's tables on the one context (declared here, so the context knows no feature).</summary>
public static class MessageTemplateSets
{
    extension(AppDbContext db)
    {
        public DbSet<MessageTemplate> MessageTemplates => db.Set<MessageTemplate>();
    }
}
