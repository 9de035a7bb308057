using System.Text.Json;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Crm.Companies;
using LeadAgent.Web.Features.Crm.Contacts;
using LeadAgent.Web.Features.Crm.Leads;
using LeadAgent.Web.Features.Crm.Lists;
using LeadAgent.Web.Features.Crm.Notes;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeadAgent.Web.Features.Crm;

internal sealed class CompanyConfiguration : IEntityTypeConfiguration<Company>
{
    public void Configure(EntityTypeBuilder<Company> b)
    {
        b.ConfigureEntity();
        b.Property(e => e.Name).HasMaxLength(200);
        b.Property(e => e.LegalName).HasMaxLength(200);
        b.Property(e => e.Website).HasMaxLength(500);
        b.Property(e => e.Domain).HasMaxLength(253);
        b.Property(e => e.Country).HasMaxLength(2);
        b.Property(e => e.City).HasMaxLength(100);
        b.Property(e => e.Industry).HasMaxLength(100);
        b.Property(e => e.Segment).AsText();
        b.Property(e => e.SizeBand).AsText();
        b.Property(e => e.CustomFields).HasConversion(
            v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default),
            v => JsonSerializer.Deserialize<Dictionary<string, string>>(v, JsonSerializerOptions.Default) ?? new(),
            new ValueComparer<Dictionary<string, string>>(
                (a, c) => a!.Count == c!.Count && !a.Except(c).Any(),
                v => v.Aggregate(0, (h, kv) => HashCode.Combine(h, kv.Key, kv.Value)),
                v => new Dictionary<string, string>(v)));
        b.Property(e => e.Phone).HasMaxLength(20);
        b.Property(e => e.RegistrationId).HasMaxLength(50);
        b.Property(e => e.ExternalId).HasMaxLength(100);
        b.Property(e => e.NameKey).HasMaxLength(200);
        b.HasIndex(e => e.Domain).IsUnique();
        b.HasIndex(e => e.Name);
        b.HasIndex(e => e.NameKey);
        b.HasIndex(e => e.Phone);
        b.HasIndex(e => e.RegistrationId);
        b.HasIndex(e => e.ExternalId);
        b.HasIndex(e => e.LastOrderOn);
    }
}

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> b)
    {
        b.ConfigureEntity();
        b.Property(e => e.FirstName).HasMaxLength(100);
        b.Property(e => e.LastName).HasMaxLength(100);
        b.Property(e => e.Role).HasMaxLength(100);
        b.Ignore(e => e.FullName);
        b.HasOne(e => e.Company).WithMany().HasForeignKey(e => e.CompanyId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(e => e.Identities).WithOne().HasForeignKey(i => i.ContactId).OnDelete(DeleteBehavior.Cascade);
        b.Property(e => e.ExternalId).HasMaxLength(100);
        b.HasIndex(e => new { e.LastName, e.FirstName });
        b.HasIndex(e => e.ExternalId);
    }
}

internal sealed class ContactIdentityConfiguration : IEntityTypeConfiguration<ContactIdentity>
{
    public void Configure(EntityTypeBuilder<ContactIdentity> b)
    {
        b.Property(e => e.Kind).AsText();
        b.Property(e => e.Value).HasMaxLength(320);
        b.Property(e => e.Label).HasMaxLength(50);
        // Sender and import lookups by channel id / phone / email (values are distinct across kinds).
        b.HasIndex(e => e.Value);
    }
}

internal sealed class LeadConfiguration : IEntityTypeConfiguration<Lead>
{
    public void Configure(EntityTypeBuilder<Lead> b)
    {
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

internal sealed class LeadListConfiguration : IEntityTypeConfiguration<LeadList>
{
    public void Configure(EntityTypeBuilder<LeadList> b)
    {
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
        b.HasKey(e => new { e.ListId, e.LeadId });
        b.HasOne<LeadList>().WithMany().HasForeignKey(e => e.ListId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Lead>().WithMany().HasForeignKey(e => e.LeadId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => e.LeadId);
    }
}

internal sealed class NoteConfiguration : IEntityTypeConfiguration<Note>
{
    public void Configure(EntityTypeBuilder<Note> b)
    {
        b.ConfigureEntity();
        b.Property(e => e.SubjectType).AsText();
        b.Property(e => e.Body).HasMaxLength(20000);
        b.Property(e => e.AuthorName).HasMaxLength(256);
        b.HasIndex(e => new { e.SubjectType, e.SubjectId, e.CreatedAt });
    }
}

internal sealed class SavedViewConfiguration : IEntityTypeConfiguration<SavedView>
{
    public void Configure(EntityTypeBuilder<SavedView> b)
    {
        b.Property(e => e.Name).HasMaxLength(100);
        b.Property(e => e.FilterJson).HasMaxLength(4000);
        b.HasIndex(e => new { e.UserId, e.Name }).IsUnique();
        b.HasOne<AppUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
