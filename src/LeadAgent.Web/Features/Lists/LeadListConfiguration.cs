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

namespace LeadAgent.Web.Features.Lists;

internal sealed class LeadListConfiguration : IEntityTypeConfiguration<LeadList>
{
    public void Configure(EntityTypeBuilder<LeadList> b)
    {
        // Table names are explicit: the context declares no DbSet properties (Data knows no feature).
        b.ToTable("LeadLists");
        b.ConfigureEntity();
        b.Property(e => e.Name).HasMaxLength(200);
        b.Property(e => e.Description).HasMaxLength(2000);
        b.HasIndex(e => e.Name).IsUnique();
    }
}

internal sealed class LeadListMemberConfiguration : IEntityTypeConfiguration<LeadListMember>
{
    public void Configure(EntityTypeBuilder<LeadListMember> b)
    {
        // Table names are explicit: the context declares no DbSet properties (Data knows no feature).
        b.ToTable("LeadListMembers");
        b.HasKey(e => new { e.ListId, e.LeadId });
        b.HasOne<LeadList>().WithMany().HasForeignKey(e => e.ListId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Lead>().WithMany().HasForeignKey(e => e.LeadId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => e.LeadId);
    }
}
