using LeadAgent.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Inbox.Conversations;

/// <summary>This feature's tables on the one context (declared here, so the context knows no feature).</summary>
public static class ConversationSets
{
    extension(AppDbContext db)
    {
        public DbSet<Channel> Channels => db.Set<Channel>();
        public DbSet<Conversation> Conversations => db.Set<Conversation>();
        public DbSet<Message> Messages => db.Set<Message>();
        public DbSet<ConversationRead> ConversationReads => db.Set<ConversationRead>();
    }
}
