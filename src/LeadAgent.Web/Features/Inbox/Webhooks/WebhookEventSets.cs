using LeadAgent.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Inbox.Webhooks;

/// <summary>This feature's tables on the one context (declared here, so the context knows no feature).</summary>
public static class WebhookEventSets
{
    extension(AppDbContext db)
    {
        public DbSet<WebhookEvent> WebhookEvents => db.Set<WebhookEvent>();
    }
}
