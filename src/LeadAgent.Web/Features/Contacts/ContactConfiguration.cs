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

namespace LeadAgent.Web.Features.Contacts;

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> b)
    {
        // Table names are explicit: the context declares no DbSet properties (Data knows no feature).
        b.ToTable("Contacts");
        b.ConfigureEntity();
        b.Map(e => e.CustomFields);
        b.Property(e => e.FirstName).HasMaxLength(Contact.FirstNameMax);
        b.Property(e => e.LastName).HasMaxLength(Contact.LastNameMax);
        b.Property(e => e.Role).HasMaxLength(Contact.RoleMax);
        b.Ignore(e => e.FullName);
        b.HasOne(e => e.Company).WithMany().HasForeignKey(e => e.CompanyId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(e => e.Identities).WithOne().HasForeignKey(i => i.ContactId)
            .OnDelete(DeleteBehavior.Cascade);
        b.Property(e => e.ExternalId).HasMaxLength(Contact.ExternalIdMax);
        b.HasIndex(e => new { e.LastName, e.FirstName });
        b.HasIndex(e => e.ExternalId);
    }
}

internal sealed class ContactIdentityConfiguration : IEntityTypeConfiguration<ContactIdentity>
{
    public void Configure(EntityTypeBuilder<ContactIdentity> b)
    {
        // Table names are explicit: the context declares no DbSet properties (Data knows no feature).
        b.ToTable("ContactIdentities");
        b.Property(e => e.Kind).AsText();
        b.Property(e => e.Value).HasMaxLength(ContactIdentity.ValueMax);
        b.Property(e => e.Label).HasMaxLength(ContactIdentity.LabelMax);
        // Sender and import lookups by channel id / phone / email (values are distinct across kinds).
        b.HasIndex(e => e.Value);
    }
}
