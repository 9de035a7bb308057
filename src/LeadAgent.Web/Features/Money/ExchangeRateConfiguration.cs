using LeadAgent.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeadAgent.Web.Features.Money;

internal sealed class ExchangeRateConfiguration : IEntityTypeConfiguration<ExchangeRate>
{
    public void Configure(EntityTypeBuilder<ExchangeRate> b)
    {
        b.ToTable("ExchangeRates");
        b.ConfigureEntity();
        b.Property(e => e.Currency).HasMaxLength(3);
        b.Property(e => e.BaseCurrency).HasMaxLength(3);
        // Eight places: a yen or forint is worth a small fraction of a euro.
        b.Property(e => e.Rate).HasPrecision(18, 8);
        // One rate per currency and day; the lookup "latest not after the date" reads this index backwards.
        b.HasIndex(e => new { e.BaseCurrency, e.Currency, e.ValidFrom }).IsUnique();
    }
}
