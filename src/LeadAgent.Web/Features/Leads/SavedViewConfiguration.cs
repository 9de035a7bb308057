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

internal sealed class SavedViewConfiguration : IEntityTypeConfiguration<SavedView>
{
    public void Configure(EntityTypeBuilder<SavedView> b)
    {
        // Table names are explicit: the context declares no DbSet properties (Data knows no feature).
        b.ToTable("SavedViews");
        b.Property(e => e.Name).HasMaxLength(SavedView.NameMax);
        b.Property(e => e.FilterJson).HasMaxLength(SavedView.FilterJsonMax);
        b.Property(e => e.Columns).HasMaxLength(SavedView.ColumnsMax);
        b.HasIndex(e => new { e.UserId, e.Name }).IsUnique();
        b.HasOne<AppUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
