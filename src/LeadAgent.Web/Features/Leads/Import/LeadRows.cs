using LeadAgent.Web.Features.Companies.Import;
using LeadAgent.Web.Features.Contacts.Import;
using LeadAgent.Web.Features.Imports;
using LeadAgent.Web.Features.Leads;

namespace LeadAgent.Web.Features.Leads.Import;

/// <summary>
/// A lead row: its company (found or created), its primary contact (found or created), and the lead itself,
/// identified by external id or by its title at that company.
/// </summary>
internal static class LeadRows
{
    public static RowResult Apply(ImportSession s, ImportRow r)
    {
        var title = r.Text("title", 200);
        var status = r.Enum<LeadStatus>("status");
        var source = r.Enum<LeadSource>("source");
        var score = r.Decimal("score", 0, 100);
        if (score is { } sc && sc != Math.Floor(sc))
        {
            r.Error("score", "Must be a whole number.");
        }
        var classification = r.Enum<Classification>("classification");
        var value = r.Decimal("expected_value", 0, 1_000_000_000_000);
        var currency = r.Currency("currency");
        var nextAction = r.Date("next_action_on");
        var tags = ImportValues.SplitTags(r.Text("tags", 2000));
        var ext = r.Text("external_id", 100);
        string? ownerId = null;
        if (r["owner_email"] is { } ownerEmail && !s.Owners.TryGetValue(ownerEmail.Trim().ToLowerInvariant(), out ownerId))
        {
            r.Error("owner_email", $"No user has the e-mail {ownerEmail}.");
        }
        var (company, companyCreated) = CompanyRows.Referenced(s, r, required: true);
        if (r.Errors.Count > 0)
        {
            return ImportSession.Rejected(r);
        }
        if (company is null)
        {
            return new(RowOutcome.Skipped, "No existing company matches this row.");
        }
        var (contact, contactOutcome) = ContactRows.Upsert(s, r, "contact_", company.Id, required: false);
        if (contactOutcome == RowOutcome.Rejected)
        {
            return ImportSession.Rejected(r);
        }
        title ??= company.Name;

        var lead = s.FindLead(company.Id, title, s.Run.MatchKey == MatchKey.ExternalId ? ext : null, contact?.Id);
        if (lead is null)
        {
            if (s.Run.Mode == ImportMode.UpdateOnly)
            {
                return new(RowOutcome.Skipped, "No existing lead matches this row.");
            }
            lead = new Lead
            {
                Title = title,
                CompanyId = company.Id,
                PrimaryContactId = contact?.Id,
                Status = status ?? LeadStatus.New,
                OwnerId = ownerId,
                Source = source ?? LeadSource.Import,
                Score = (int?)score,
                Classification = classification,
                ExpectedValue = value,
                Currency = currency ?? "EUR",
                NextActionOn = nextAction,
                Tags = ImportSession.WithTags([], tags) ?? [],
                ExternalId = ext,
                StatusChangedAt = s.Db.Time.GetUtcNow().UtcDateTime,
            };
            s.Create(lead);
            return RowResult.Created;
        }
        if (s.Run.Mode == ImportMode.CreateOnly)
        {
            return new(RowOutcome.Skipped, $"Duplicate of the existing lead \"{lead.Title}\".");
        }
        var changed = companyCreated || contactOutcome is RowOutcome.Created or RowOutcome.Updated;
        changed |= ImportSession.Set(lead.OwnerId, ownerId, v => lead.OwnerId = v);
        changed |= ImportSession.Set(lead.ExternalId, ext, v => lead.ExternalId = v);
        changed |= ImportSession.Set(lead.Currency, currency, v => lead.Currency = v);
        if (status is { } st && st != lead.Status)
        {
            lead.Status = st;
            lead.StatusChangedAt = s.Db.Time.GetUtcNow().UtcDateTime;
            changed = true;
        }
        if (source is { } so && so != lead.Source) { lead.Source = so; changed = true; }
        if (score is { } sv && (int)sv != lead.Score) { lead.Score = (int)sv; changed = true; }
        if (classification is { } cl && cl != lead.Classification) { lead.Classification = cl; changed = true; }
        if (value is { } v && v != lead.ExpectedValue) { lead.ExpectedValue = v; changed = true; }
        if (nextAction is { } na && na != lead.NextActionOn) { lead.NextActionOn = na; changed = true; }
        if (contact is not null && lead.PrimaryContactId is null) { lead.PrimaryContactId = contact.Id; changed = true; }
        if (ImportSession.WithTags(lead.Tags, tags) is { } merged) { lead.Tags = merged; changed = true; }
        return changed ? RowResult.Updated : RowResult.Unchanged;
    }
}
