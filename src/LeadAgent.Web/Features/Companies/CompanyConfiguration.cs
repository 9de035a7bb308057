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

namespace LeadAgent.Web.Features.Companies;

internal sealed class CompanyConfiguration : IEntityTypeConfiguration<Company>
{
    public void Configure(EntityTypeBuilder<Company> b)
    {
        // Table names are explicit: the context declares no DbSet properties (Data knows no feature).
        b.ToTable("Companies");
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
