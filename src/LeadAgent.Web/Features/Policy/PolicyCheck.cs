using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.Discovery;
using LeadAgent.Web.Features.Leads;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Policy;

/// <summary>What a feature is about to touch: any of these may be blocked.</summary>
public sealed record PolicySubject(string? Domain = null, Guid? CompanyId = null, Guid? ContactId = null,
    string? Email = null, string? Phone = null, string? Text = null);

/// <summary>The answer: blocked or not, and by which entry (its reason is shown to people).</summary>
public sealed record PolicyVerdict(bool Blocked, PolicyEntry? Entry)
{
    public static readonly PolicyVerdict Clear = new(false, null);

    /// <summary>"On the block list (Domain example.de): reason"; a company or contact by its name.</summary>
    public string Why => Entry is null ? ""
        : $"On the block list ({Entry.Kind} {(Entry.Kind is PolicyKind.Company or PolicyKind.Contact
            ? Entry.Label ?? Entry.Value : Entry.Value)}): {Entry.Reason}";
}

/// <summary>
/// The one policy check every feature asks before it fetches, proposes, imports, answers or contacts. Holds a
/// snapshot of the lists; several app instances share the table, so at most every <see cref="RefreshInterval"/> a
/// cheap change stamp (count and newest time of the entries and of discovery's older blocked verdicts) is compared
/// and the lists reloaded when it moved. Writes through <see cref="PolicyService"/> invalidate at once.
/// </summary>
public sealed class PolicyCheck(TimeProvider time)
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(5);
    private const int Chunk = 2000;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Cached? _cached;

    private sealed record Cached(PolicySnapshot Snapshot, DateTimeOffset CheckedAt);

    /// <summary>Forgets the snapshot: the next check reloads (after a write on this instance).</summary>
    public void Invalidate() => _cached = null;

    /// <summary>The lists as of at most <see cref="RefreshInterval"/> ago (this instance's writes at once).</summary>
    public async Task<PolicySnapshot> SnapshotAsync(AppDbContext db, CancellationToken ct)
    {
        if (_cached is { } fresh && time.GetUtcNow() - fresh.CheckedAt < RefreshInterval)
        {
            return fresh.Snapshot;
        }
        await _gate.WaitAsync(ct);
        try
        {
            var cached = _cached;
            var now = time.GetUtcNow();
            if (cached is not null && now - cached.CheckedAt < RefreshInterval)
            {
                return cached.Snapshot;
            }
            var stamp = await StampAsync(db, ct);
            var snapshot = cached?.Snapshot.Stamp == stamp ? cached.Snapshot : await LoadAsync(db, stamp, ct);
            _cached = new Cached(snapshot, now);
            return snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Whether the subject is blocked (block entries, minus what an allow entry exempts).</summary>
    public async Task<PolicyVerdict> CheckAsync(AppDbContext db, PolicySubject subject, CancellationToken ct)
    {
        var snapshot = await SnapshotAsync(db, ct);
        if (snapshot.NothingBlocked)
        {
            return PolicyVerdict.Clear;
        }
        var facts = new PolicyFacts();
        Add(facts.Hosts, PolicyValues.Host(subject.Domain));
        Add(facts.Emails, PolicyValues.Email(subject.Email));
        Add(facts.Phones, PolicyValues.Phone(subject.Phone));
        Add(facts.Texts, subject.Text);
        var companyId = subject.CompanyId;
        if (subject.ContactId is { } contactId)
        {
            facts.Contacts.Add(contactId);
            companyId ??= await db.Contacts.Where(c => c.Id == contactId).Select(c => c.CompanyId)
                .FirstOrDefaultAsync(ct);
            foreach (var (kind, value) in (await PolicyFactsLoader.IdentitiesAsync(db, [contactId], ct))[contactId])
            {
                PolicyFactsLoader.AddIdentity(facts, kind, value);
            }
        }
        if (companyId is { } company)
        {
            facts.Companies.Add(company);
            foreach (var c in await PolicyFactsLoader.CompaniesAsync(db, [company], ct))
            {
                PolicyFactsLoader.AddCompany(facts, c.Value, snapshot.HasKeywords);
            }
        }
        return snapshot.Check(facts);
    }

    /// <summary>The leads among <paramref name="leadIds"/> whose company, contact or reach is blocked.</summary>
    public async Task<HashSet<Guid>> BlockedLeadsAsync(AppDbContext db, IReadOnlyCollection<Guid> leadIds,
        CancellationToken ct) => (await BlockedLeadVerdictsAsync(db, leadIds, ct)).Keys.ToHashSet();

    /// <summary>
    /// The blocked leads among <paramref name="leadIds"/> with the verdict of each: blocked when the lead's company
    /// (id, website, domain, a keyword in its name) or its primary contact (id, any e-mail or phone, its e-mail's
    /// domain) is blocked and not exempted.
    /// </summary>
    public async Task<Dictionary<Guid, PolicyVerdict>> BlockedLeadVerdictsAsync(AppDbContext db,
        IReadOnlyCollection<Guid> leadIds, CancellationToken ct)
    {
        var blocked = new Dictionary<Guid, PolicyVerdict>();
        var snapshot = await SnapshotAsync(db, ct);
        if (snapshot.NothingBlocked || leadIds.Count == 0)
        {
            return blocked;
        }
        foreach (var chunk in leadIds.Distinct().Chunk(Chunk))
        {
            var leads = await db.Leads.AsNoTracking().Where(l => EF.Parameter(chunk).Contains(l.Id))
                .Select(l => new { l.Id, l.CompanyId, l.PrimaryContactId }).ToListAsync(ct);
            var companies = await PolicyFactsLoader.CompaniesAsync(db,
                leads.Select(l => l.CompanyId).Distinct().ToList(), ct);
            var identities = await PolicyFactsLoader.IdentitiesAsync(db,
                leads.Where(l => l.PrimaryContactId != null).Select(l => l.PrimaryContactId!.Value).Distinct().ToList(),
                ct);
            foreach (var l in leads)
            {
                var facts = new PolicyFacts();
                facts.Companies.Add(l.CompanyId);
                if (companies.TryGetValue(l.CompanyId, out var company))
                {
                    PolicyFactsLoader.AddCompany(facts, company, snapshot.HasKeywords);
                }
                if (l.PrimaryContactId is { } contactId)
                {
                    facts.Contacts.Add(contactId);
                    foreach (var (kind, value) in identities[contactId])
                    {
                        PolicyFactsLoader.AddIdentity(facts, kind, value);
                    }
                }
                if (snapshot.Check(facts) is { Blocked: true } verdict)
                {
                    blocked[l.Id] = verdict;
                }
            }
        }
        return blocked;
    }

    /// <summary>The blocked companies among <paramref name="companyIds"/> (id, website, domain, name).</summary>
    public async Task<Dictionary<Guid, PolicyVerdict>> BlockedCompaniesAsync(AppDbContext db,
        IReadOnlyCollection<Guid> companyIds, CancellationToken ct)
    {
        var blocked = new Dictionary<Guid, PolicyVerdict>();
        var snapshot = await SnapshotAsync(db, ct);
        if (snapshot.NothingBlocked || companyIds.Count == 0)
        {
            return blocked;
        }
        foreach (var chunk in companyIds.Distinct().Chunk(Chunk))
        {
            foreach (var (id, company) in await PolicyFactsLoader.CompaniesAsync(db, chunk, ct))
            {
                var facts = new PolicyFacts();
                facts.Companies.Add(id);
                PolicyFactsLoader.AddCompany(facts, company, snapshot.HasKeywords);
                if (snapshot.Check(facts) is { Blocked: true } verdict)
                {
                    blocked[id] = verdict;
                }
            }
        }
        return blocked;
    }

    private static void Add(List<string> into, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            into.Add(value);
        }
    }

    // Entries and discovery's blocked verdicts (from before the lists) change only by insert and delete (a verdict
    // also by update, which moves its time): their counts and newest times tell any change. One group at most.
    private static async Task<string> StampAsync(AppDbContext db, CancellationToken ct)
    {
        var entries = await db.PolicyEntries.GroupBy(_ => 1)
            .Select(g => new { N = g.Count(), At = g.Max(e => e.CreatedAt) }).SingleOrDefaultAsync(ct);
        var verdicts = await db.DomainVerdicts.Where(v => v.Blocked).GroupBy(_ => 1)
            .Select(g => new { N = g.Count(), At = g.Max(v => v.At) }).SingleOrDefaultAsync(ct);
        return $"{entries?.N}:{entries?.At.Ticks}:{verdicts?.N}:{verdicts?.At.Ticks}";
    }

    private static async Task<PolicySnapshot> LoadAsync(AppDbContext db, string stamp, CancellationToken ct)
    {
        var entries = await db.PolicyEntries.AsNoTracking().ToListAsync(ct);
        // Discovery blocked domains before these lists existed; such a verdict blocks like a domain entry.
        var have = entries.Where(e => e is { Kind: PolicyKind.Domain, List: PolicyList.Block })
            .Select(e => e.Value).ToHashSet();
        var verdicts = await db.DomainVerdicts.AsNoTracking().Where(v => v.Blocked).ToListAsync(ct);
        entries.AddRange(verdicts.Where(v => !have.Contains(v.Domain)).Select(v => new PolicyEntry
        {
            Id = Guid.Empty,
            List = PolicyList.Block,
            Kind = PolicyKind.Domain,
            Value = v.Domain,
            Label = "Discovery block list",
            Reason = v.Reason,
            AuthorName = v.ByName,
            CreatedAt = v.At,
        }));
        return new PolicySnapshot(entries, stamp);
    }
}
