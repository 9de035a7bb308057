using System.Text.Json;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Lists;
using LeadAgent.Web.Features.Notes;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeadAgent.Web.Features.Leads;

internal sealed class LeadConfiguration : IEntityTypeConfiguration<Lead>
{
    public void Configure(EntityTypeBuilder<Lead> b)
    {
        // Table names are explicit: the context declares no DbSet properties (Data knows no feature).
        b.ToTable("Leads");
        b.ConfigureEntity();
        b.Property(e => e.Title).HasMaxLength(200);
        b.Property(e => e.Status).AsText();
        b.Property(e => e.Source).AsText();
        b.Property(e => e.Classification).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.Currency).HasMaxLength(3);
        b.Property(e => e.OwnerId).HasMaxLength(450);
        b.HasOne(e => e.Company).WithMany().HasForeignKey(e => e.CompanyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(e => e.PrimaryContact).WithMany().HasForeignKey(e => e.PrimaryContactId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(e => e.Owner).WithMany().HasForeignKey(e => e.OwnerId).OnDelete(DeleteBehavior.SetNull);
        // The list's hot path: status + owner + score range, sorted by score.
        b.Property(e => e.ExternalId).HasMaxLength(100);
        b.HasIndex(e => e.ExternalId);
        b.HasIndex(e => new { e.Status, e.OwnerId, e.Score, e.Id });
        b.HasIndex(e => new { e.OwnerId, e.Score, e.Id });
        b.HasIndex(e => new { e.Score, e.Id });
        b.HasIndex(e => new { e.CreatedAt, e.Id });
        b.HasIndex(e => e.CompanyId);
    }
}
