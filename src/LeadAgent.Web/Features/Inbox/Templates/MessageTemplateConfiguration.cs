using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeadAgent.Web.Features.Inbox.Templates;

internal sealed class MessageTemplateConfiguration : IEntityTypeConfiguration<Templates.MessageTemplate>
{
    public void Configure(EntityTypeBuilder<Templates.MessageTemplate> b)
    {
        b.ToTable("MessageTemplates");
        b.Property(e => e.Name).HasMaxLength(200);
        b.Property(e => e.ExternalId).HasMaxLength(64);
        b.Property(e => e.Language).HasMaxLength(16);
        b.Property(e => e.Category).HasMaxLength(32);
        b.Property(e => e.Status).AsText();
        b.Property(e => e.Subject).HasMaxLength(500);
        b.Property(e => e.Body).HasMaxLength(4096);
        b.Property(e => e.Components).HasMaxLength(16000);
        b.HasOne<Channel>().WithMany().HasForeignKey(e => e.ChannelId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => new { e.ChannelId, e.Name, e.Language }).IsUnique();
    }
}
