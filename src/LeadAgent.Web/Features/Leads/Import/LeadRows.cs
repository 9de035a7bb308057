using LeadAgent.Web.Features.Companies.Import;
using LeadAgent.Web.Features.Contacts.Import;
using LeadAgent.Web.Features.Imports;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Leads.Import;

/// <summary>
/// A lead row: its company (found or created), its primary contact (found or created), and the lead itself,
/// identified by external id or by its title at that company. Holds the batch's leads by company and external id,
/// and the users by e-mail for the owner column.
/// </summary>
internal sealed class LeadRows(ImportBatch batch, CompanyRows companies, ContactRows contacts,
    IReadOnlyDictionary<string, string> ownersByEmail)
{
    private readonly Dictionary<Guid, List<Lead>> _byCompany = [];
    private readonly Dictionary<string, Lead> _byExternalId = [];

    /// <summary>Loads the leads of the loaded companies and those with the rows' external ids.</summary>
    public async Task LoadAsync(List<Guid> companyIds, List<string> externalIds, CancellationToken ct)
    {
        var db = batch.Db;
        var leads = companyIds.Count > 0
            ? await db.Leads.Where(l => EF.Parameter(companyIds).Contains(l.CompanyId)).ToListAsync(ct)
            : [];
        if (externalIds.Count > 0)
        {
            leads.AddRange(await db.Leads.Where(l => EF.Parameter(externalIds).Contains(l.ExternalId!))
                .ToListAsync(ct));
        }
        leads.ForEach(Index);
    }

    public RowResult Apply(ImportRow r)
    {
        var title = r.Text("title", Lead.TitleMax);
        var status = r.Enum<LeadStatus>("status");
        var source = r.Enum<LeadSource>("source");
        // "score" and "classification" columns are recognised but not written: the brain computes them.
        var (value, valueCurrency) = r.Money("expected_value", 0, Lead.ExpectedValueMax);
        var currency = r.Currency("currency", ("expected_value", valueCurrency));
        var nextAction = r.Date("next_action_on");
        var createdOn = r.Date("created_on");
        var closedOn = r.Date("closed_on");
        if (createdOn is { } from && closedOn is { } to && to < from)
        {
            r.Error("closed_on", $"{to:yyyy-MM-dd} is before the lead was created ({from:yyyy-MM-dd}).");
        }
        var tags = r.Tags();
        var ext = r.Text("external_id", Lead.ExternalIdMax);
        string? ownerId = null;
        // Owners are people of the other CRM too: one who is no user here leaves the lead unassigned.
        if (r["owner_email"] is { } ownerEmail
            && !ownersByEmail.TryGetValue(ownerEmail.Trim().ToLowerInvariant(), out ownerId))
        {
            r.Warn("owner_email", $"No sales or admin user has the e-mail {ownerEmail}; the lead is left unassigned.");
        }
        var custom = r.Custom(batch.CustomTypes);
        var (company, companyCreated) = companies.Referenced(r, required: true);
        if (r.Errors.Count > 0)
        {
            return RowResult.Rejected(r);
        }
        if (company is null)
        {
            return new(RowOutcome.Skipped, "No existing company matches this row.");
        }
        var (contact, contactOutcome) = contacts.Upsert(r, "contact_", company.Id, required: false);
        if (contactOutcome == RowOutcome.Rejected)
        {
            return RowResult.Rejected(r);
        }
        title ??= company.Name;

        var run = batch.Run;
        var lead = Find(company.Id, title, run.MatchKey == MatchKey.ExternalId ? ext : null, contact?.Id);
        if (lead is null)
        {
            if (run.Mode == ImportMode.UpdateOnly)
            {
                return new(RowOutcome.Skipped, "No existing lead matches this row.");
            }
            var now = batch.Now;
            lead = Lead.Open(title, company.Id, source ?? LeadSource.Import, now, currency ?? Lead.DefaultCurrency);
            lead.SetStatus(status ?? LeadStatus.New, now);
            Dated(lead, createdOn, closedOn);
            lead.PrimaryContactId = contact?.Id;
            lead.OwnerId = ownerId;
            lead.ExpectedValue = value;
            lead.NextActionOn = nextAction;
            lead.Tags = ImportValues.WithTags([], tags) ?? [];
            lead.ExternalId = ext;
            lead.CustomFields = custom ?? [];
            batch.Add(lead);
            Index(lead);
            return RowResult.Created;
        }
        if (run.Mode == ImportMode.CreateOnly)
        {
            return new(RowOutcome.Skipped, $"Duplicate of the existing lead \"{lead.Title}\".");
        }
        var changed = companyCreated || contactOutcome is RowOutcome.Created or RowOutcome.Updated;
        changed |= ImportValues.Set(lead.OwnerId, ownerId, v => lead.OwnerId = v);
        changed |= ImportValues.Set(lead.ExternalId, ext, v => lead.ExternalId = v);
        changed |= ImportValues.Set(lead.Currency, currency, v => lead.Currency = v);
        if (status is { } st && st != lead.Status) { lead.SetStatus(st, batch.Now); changed = true; }
        if (source is { } so && so != lead.Source) { lead.Source = so; changed = true; }
        if (value is { } v && v != lead.ExpectedValue) { lead.ExpectedValue = v; changed = true; }
        if (nextAction is { } na && na != lead.NextActionOn) { lead.NextActionOn = na; changed = true; }
        if (contact is not null && lead.PrimaryContactId is null)
        {
            lead.PrimaryContactId = contact.Id;
            changed = true;
        }
        if (ImportValues.WithTags(lead.Tags, tags) is { } merged) { lead.Tags = merged; changed = true; }
        if (ImportValues.WithCustom(lead.CustomFields, custom) is { } values)
        {
            lead.CustomFields = values;
            changed = true;
        }
        return changed ? RowResult.Updated : RowResult.Unchanged;
    }

    // A lead from another CRM keeps its history: created when the file says, closed (won, lost, disqualified) when
    // it says; an open one has been in its status since it was created. Only new leads: a re-import changes nothing.
    private static void Dated(Lead lead, DateOnly? createdOn, DateOnly? closedOn)
    {
        if (createdOn is { } created)
        {
            lead.CreatedAt = created.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            lead.StatusChangedAt = lead.CreatedAt;
        }
        if (closedOn is { } closed && lead.Status is LeadStatus.Won or LeadStatus.Lost or LeadStatus.Disqualified)
        {
            lead.StatusChangedAt = closed.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        }
    }

    private void Index(Lead l)
    {
        if (!_byCompany.TryGetValue(l.CompanyId, out var list))
        {
            _byCompany[l.CompanyId] = list = [];
        }
        if (!list.Contains(l))
        {
            list.Add(l);
        }
        if (l.ExternalId is not null)
        {
            _byExternalId.TryAdd(l.ExternalId, l);
        }
    }

    /// <summary>
    /// By external id; else the company's lead with this title and this primary contact (or none yet).
    /// </summary>
    private Lead? Find(Guid companyId, string title, string? externalId, Guid? contactId)
    {
        if (externalId is not null && _byExternalId.TryGetValue(externalId, out var byExt))
        {
            return byExt;
        }
        if (!_byCompany.TryGetValue(companyId, out var list))
        {
            return null;
        }
        var titled = list.Where(l => string.Equals(l.Title, title, StringComparison.OrdinalIgnoreCase)).ToList();
        return contactId is null
            ? titled.FirstOrDefault()
            : titled.FirstOrDefault(l => l.PrimaryContactId == contactId)
                ?? titled.FirstOrDefault(l => l.PrimaryContactId is null);
    }
}
