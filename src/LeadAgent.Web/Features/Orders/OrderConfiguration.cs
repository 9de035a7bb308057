using LeadAgent.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeadAgent.Web.Features.Orders;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> b)
    {
        // Table names are explicit: the context declares no DbSet properties (Data knows no feature).
        b.ToTable("Orders");
        b.ConfigureEntity();
        b.Property(e => e.Number).HasMaxLength(64);
        b.Property(e => e.Status).AsText();
        b.Property(e => e.Currency).HasMaxLength(3);
        b.Property(e => e.ExternalId).HasMaxLength(100);
        b.HasOne(e => e.Company).WithMany().HasForeignKey(e => e.CompanyId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(e => e.Lines).WithOne().HasForeignKey(l => l.OrderId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => e.Number).IsUnique();
        b.HasIndex(e => new { e.CompanyId, e.OrderedOn });
        b.HasIndex(e => e.ExternalId);
    }
}

internal sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> b)
    {
        b.Property(e => e.Product).HasMaxLength(200);
        b.Property(e => e.Category).HasMaxLength(100);
    }
}
