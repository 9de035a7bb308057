using LeadAgent.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Money;

/// <summary>This feature's tables on the one context (declared here, so the context knows no feature).</summary>
public static class MoneySets
{
    extension(AppDbContext db)
    {
        public DbSet<ExchangeRate> ExchangeRates => db.Set<ExchangeRate>();
    }
}
