using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Crm.Normalization;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Companies;

/// <summary>
/// Keeps <see cref="Company.NameKey"/> (the duplicate and import matching key) in step with the name on every save.
/// Imports key their new companies while matching (on another thread); others are keyed here.
/// </summary>
public sealed class CompanyNameKeys : ISaveHook
{
    public ValueTask BeforeWriteAsync(AppDbContext db, IReadOnlyList<IReadOnlyList<object>> created,
        CancellationToken ct)
    {
        // The bulk writer groups new records by type.
        foreach (var rows in created.Where(rows => rows.Count > 0 && rows[0] is Company))
        {
            foreach (var company in rows.Cast<Company>())
            {
                KeyNew(company);
            }
        }
        foreach (var entry in db.ChangeTracker.Entries<Company>())
        {
            if (entry.State == EntityState.Added)
            {
                KeyNew(entry.Entity);
            }
            // Through the entry, not the object, so the change counts even when change detection already ran.
            else if (entry.State == EntityState.Modified && entry.Property(nameof(Company.Name)).IsModified)
            {
                entry.Property(nameof(Company.NameKey)).CurrentValue = CompanyNames.Key(entry.Entity.Name);
            }
        }
        return ValueTask.CompletedTask;
    }

    private static void KeyNew(Company company)
    {
        if (company.NameKey.Length == 0)
        {
            company.NameKey = CompanyNames.Key(company.Name);
        }
    }
}
