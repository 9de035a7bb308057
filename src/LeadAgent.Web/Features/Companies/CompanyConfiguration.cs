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

namespace LeadAgent.Web.Features.Companies;

internal sealed class CompanyConfiguration : IEntityTypeConfiguration<Company>
{
    public void Configure(EntityTypeBuilder<Company> b)
    {
        // Table names are explicit: the context declares no DbSet properties (Data knows no feature).
        b.ToTable("Companies");
        b.ConfigureEntity();
        b.Property(e => e.Name).HasMaxLength(Company.NameMax);
        b.Property(e => e.LegalName).HasMaxLength(Company.LegalNameMax);
        b.Property(e => e.Website).HasMaxLength(Company.WebsiteMax);
        b.Property(e => e.Domain).HasMaxLength(Company.DomainMax);
        b.Property(e => e.Country).HasMaxLength(Company.CountryLength);
        b.Property(e => e.City).HasMaxLength(Company.CityMax);
        b.Property(e => e.Industry).HasMaxLength(Company.IndustryMax);
        b.Property(e => e.Segment).AsText();
        b.Property(e => e.SizeBand).AsText();
        b.Map(e => e.CustomFields);
        b.Property(e => e.Phone).HasMaxLength(Company.PhoneMax);
        b.Property(e => e.RegistrationId).HasMaxLength(Company.RegistrationIdMax);
        b.Property(e => e.ExternalId).HasMaxLength(Company.ExternalIdMax);
        b.Property(e => e.NameKey).HasMaxLength(Company.NameMax);
        b.HasIndex(e => e.Domain).IsUnique();
        b.HasIndex(e => e.Name);
        b.HasIndex(e => e.NameKey);
        b.HasIndex(e => e.Phone);
        b.HasIndex(e => e.RegistrationId);
        b.HasIndex(e => e.ExternalId);
        b.HasIndex(e => e.LastOrderOn);
    }
}
