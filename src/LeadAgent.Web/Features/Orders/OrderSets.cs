using LeadAgent.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Orders;

/// <summary>This feature's tables on the one context (declared here, so the context knows no feature).</summary>
public static class OrderSets
{
    extension(AppDbContext db)
    {
        public DbSet<Order> Orders => db.Set<Order>();
    }
}
