using System.Text.Json;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.CustomFields;
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
        b.Map(e => e.CustomFields);
        b.Property(e => e.Title).HasMaxLength(Lead.TitleMax);
        b.Property(e => e.Status).AsText();
        b.Property(e => e.Source).AsText();
        b.Property(e => e.Classification).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.Currency).HasMaxLength(Lead.CurrencyLength);
        b.Property(e => e.OwnerId).HasMaxLength(450);
        b.HasOne(e => e.Company).WithMany().HasForeignKey(e => e.CompanyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(e => e.PrimaryContact).WithMany().HasForeignKey(e => e.PrimaryContactId)
            .OnDelete(DeleteBehavior.SetNull);
        b.HasOne(e => e.Owner).WithMany().HasForeignKey(e => e.OwnerId).OnDelete(DeleteBehavior.SetNull);
        b.Property(e => e.ExternalId).HasMaxLength(Lead.ExternalIdMax);
        b.HasIndex(e => e.ExternalId);
        // The list's hot path: status + owner + score range, sorted by score. Only open leads are in it, so the
        // list's count is read from the index alone, without visiting each row to see whether it is archived.
        b.HasIndex(e => new { e.Status, e.OwnerId, e.Score, e.Id }).HasFilter("\"ArchivedAt\" IS NULL");
        b.HasIndex(e => new { e.OwnerId, e.Score, e.Id });
        b.HasIndex(e => new { e.Score, e.Id });
        b.HasIndex(e => new { e.CreatedAt, e.Id });
        b.HasIndex(e => e.CompanyId);
    }
}
