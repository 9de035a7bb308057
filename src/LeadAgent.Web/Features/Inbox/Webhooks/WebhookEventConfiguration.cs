using LeadAgent.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeadAgent.Web.Features.Inbox.Webhooks;

internal sealed class WebhookEventConfiguration : IEntityTypeConfiguration<WebhookEvent>
{
    public void Configure(EntityTypeBuilder<WebhookEvent> b)
    {
        b.ToTable("WebhookEvents");
        b.Property(e => e.Provider).HasMaxLength(32);
        b.Property(e => e.EventId).HasMaxLength(100);
        b.Property(e => e.EventType).HasMaxLength(100);
        b.Property(e => e.Status).AsText();
        b.Property(e => e.Error).HasMaxLength(2000);
        // Redeliveries of one event (also concurrent ones) store one row; several nulls (malformed bodies) are allowed.
        b.HasIndex(e => new { e.Provider, e.EventId }).IsUnique();
        b.Property(e => e.LeaseOwner).HasMaxLength(64);
        b.HasIndex(e => new { e.Status, e.Id });
    }
}
