using System.Xml.Linq;
using LeadAgent.Web.Data;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Infrastructure.Hosting;

/// <summary>
/// The Data Protection key ring in the database, so every node on it signs cookies and encrypts secrets with the same
/// keys. The key manager calls these synchronously and caches what it read.
/// </summary>
internal sealed class DatabaseXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        using var db = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        return db.Set<DataProtectionKey>().AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList()
            .Select(xml => XElement.Parse(xml)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        using var db = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        var xml = element.ToString(SaveOptions.DisableFormatting);
        // Plain SQL: a key is no audited record, and the key manager calls this synchronously (SaveChanges is async).
        db.Database.ExecuteSql(
            $"""INSERT INTO "DataProtectionKeys" ("FriendlyName", "Xml") VALUES ({friendlyName}, {xml})""");
    }
}
