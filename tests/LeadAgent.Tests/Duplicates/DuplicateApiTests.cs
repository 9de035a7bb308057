using System.Net;
using LeadAgent.Tests.Infrastructure;
using LeadAgent.Web.Features.Activity;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.Duplicates;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Notes;
using LeadAgent.Web.Features.Orders;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;

namespace LeadAgent.Tests.Api;

/// <summary>Detection, the review queue, merge with field choices, undo restoring every relation, "not a duplicate"; both databases.</summary>
public abstract class DuplicateApiTests(AppFactory app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Company_merge_moves_every_relation_and_undo_restores_them()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var n = Guid.NewGuid().ToString("N")[..6];
        var a = await (await c.PostJsonAsync("/api/v1/companies", new CompanyInput { Name = $"Duplo{n} Events GmbH", Website = $"https://duplo{n}.de", Country = "DE", City = "Berlin", Tags = ["fair"] })).ReadAsync<CompanyRow>();
        var b = await (await c.PostJsonAsync("/api/v1/companies", new CompanyInput { Name = $"Duplo{n} Events", Country = "DE", Industry = "Events", Tags = ["vip"] })).ReadAsync<CompanyRow>();
        var contact = await (await c.PostJsonAsync("/api/v1/contacts", new ContactInput { FirstName = "Bea", CompanyId = b.Id })).ReadAsync<ContactRow>();
        var lead = await (await c.PostJsonAsync("/api/v1/leads", new LeadInput { Title = "Badges", CompanyId = b.Id, PrimaryContactId = contact.Id })).ReadAsync<LeadRow>();
        var order = await (await c.PostJsonAsync("/api/v1/orders", new OrderInput { CompanyId = b.Id, Number = $"D-{n}", OrderedOn = new DateOnly(2026, 5, 1), Total = 250m })).ReadAsync<OrderDto>();
        var note = await (await c.PostJsonAsync("/api/v1/notes", new NoteInput(NoteSubject.Company, b.Id, "Met at the fair"))).ReadAsync<NoteDto>();

        // Creating a third one is warned about.
        var warning = await (await c.GetAsync($"/api/v1/duplicates/check/company?name=Duplo{n}%20Events%20Ltd&country=DE", Ct)).ReadAsync<List<LikelyDuplicate>>();
        Assert.Contains(warning, w => w.Id == a.Id);
        Assert.Contains(warning, w => w.Id == b.Id);

        var scan = await (await c.PostJsonAsync("/api/v1/duplicates/scan?kind=Company", new { })).ReadAsync<ScanResult>();
        Assert.True(scan.Candidates >= 1);
        var pair = await FindPairAsync(c, a.Id, b.Id);
        Assert.True(pair.Confidence >= CompanyMatcher.Threshold);
        Assert.Contains(pair.Evidence, e => e.StartsWith("Same name", StringComparison.Ordinal));
        Assert.Equal(1, (pair.A.Id == b.Id ? pair.A : pair.B).Related["orders"]);

        var viewer = await app.ClientAsync(Roles.Viewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostJsonAsync($"/api/v1/duplicates/{pair.Id}/merge", new MergeRequest(a.Id, null))).StatusCode);
        var bad = await c.PostJsonAsync($"/api/v1/duplicates/{pair.Id}/merge", new MergeRequest(Guid.NewGuid(), new() { ["colour"] = a.Id }));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        var merge = await (await c.PostJsonAsync($"/api/v1/duplicates/{pair.Id}/merge", new MergeRequest(a.Id, new() { ["name"] = b.Id }))).ReadAsync<MergeDto>();
        Assert.Equal(new Dictionary<string, int> { ["contacts"] = 1, ["leads"] = 1, ["orders"] = 1, ["notes"] = 1 }, merge.Moved);
        var survivor = await (await c.GetAsync($"/api/v1/companies/{a.Id}", Ct)).ReadAsync<CompanyRow>();
        Assert.Equal($"Duplo{n} Events", survivor.Name);
        Assert.Equal($"duplo{n}.de", survivor.Domain);
        Assert.Equal("Events", survivor.Industry);
        Assert.Equal(["fair", "vip"], survivor.Tags.Order().ToArray());
        Assert.NotNull((await (await c.GetAsync($"/api/v1/companies/{b.Id}", Ct)).ReadAsync<CompanyRow>()).ArchivedAt);
        Assert.Equal(a.Id, (await (await c.GetAsync($"/api/v1/contacts/{contact.Id}", Ct)).ReadAsync<ContactRow>()).CompanyId);
        Assert.Equal(a.Id, (await (await c.GetAsync($"/api/v1/leads/{lead.Id}", Ct)).ReadAsync<LeadRow>()).CompanyId);
        Assert.Equal(a.Id, (await (await c.GetAsync($"/api/v1/orders/{order.Id}", Ct)).ReadAsync<OrderDto>()).CompanyId);
        Assert.Equal(a.Id, (await (await c.GetAsync($"/api/v1/notes/{note.Id}", Ct)).ReadAsync<NoteDto>()).SubjectId);
        Assert.Equal(1, (await (await c.GetAsync($"/api/v1/companies/{a.Id}/orders/summary", Ct)).ReadAsync<OrderSummary>()).OrderCount);
        var log = await (await c.GetAsync($"/api/v1/companies/{a.Id}/timeline", Ct)).ReadAsync<Page<ActivityDto>>();
        Assert.Contains(merge.Id.ToString(), Assert.Single(log.Items, e => e.Action == "merged").Changes);
        Assert.Equal(HttpStatusCode.Conflict, (await c.PostJsonAsync($"/api/v1/duplicates/{pair.Id}/merge", new MergeRequest(a.Id, null))).StatusCode);

        var undone = await (await c.PostJsonAsync($"/api/v1/merges/{merge.Id}/undo", new { })).ReadAsync<MergeDto>();
        Assert.NotNull(undone.UndoneAt);
        var restoredA = await (await c.GetAsync($"/api/v1/companies/{a.Id}", Ct)).ReadAsync<CompanyRow>();
        var restoredB = await (await c.GetAsync($"/api/v1/companies/{b.Id}", Ct)).ReadAsync<CompanyRow>();
        Assert.Equal((a.Name, a.Domain, a.Industry, a.Tags.Count), (restoredA.Name, restoredA.Domain, restoredA.Industry, restoredA.Tags.Count));
        Assert.Null(restoredB.ArchivedAt);
        Assert.Equal(b.Name, restoredB.Name);
        Assert.Equal(b.Id, (await (await c.GetAsync($"/api/v1/contacts/{contact.Id}", Ct)).ReadAsync<ContactRow>()).CompanyId);
        Assert.Equal(b.Id, (await (await c.GetAsync($"/api/v1/leads/{lead.Id}", Ct)).ReadAsync<LeadRow>()).CompanyId);
        Assert.Equal(b.Id, (await (await c.GetAsync($"/api/v1/orders/{order.Id}", Ct)).ReadAsync<OrderDto>()).CompanyId);
        Assert.Equal(b.Id, (await (await c.GetAsync($"/api/v1/notes/{note.Id}", Ct)).ReadAsync<NoteDto>()).SubjectId);
        Assert.Equal(0, (await (await c.GetAsync($"/api/v1/companies/{a.Id}/orders/summary", Ct)).ReadAsync<OrderSummary>()).OrderCount);
        Assert.Equal(HttpStatusCode.Conflict, (await c.PostJsonAsync($"/api/v1/merges/{merge.Id}/undo", new { })).StatusCode);

        // Back in the queue; "not a duplicate" is remembered across scans.
        pair = await FindPairAsync(c, a.Id, b.Id);
        Assert.Equal(PairStatus.Open, pair.Status);
        await (await c.PostJsonAsync($"/api/v1/duplicates/{pair.Id}/dismiss", new { })).ReadAsync<DuplicatePairDto>();
        await (await c.PostJsonAsync("/api/v1/duplicates/scan?kind=Company", new { })).ReadAsync<ScanResult>();
        Assert.Equal(PairStatus.Dismissed, (await (await c.GetAsync($"/api/v1/duplicates/{pair.Id}", Ct)).ReadAsync<DuplicatePairDto>()).Status);
        Assert.DoesNotContain((await AllOpenAsync(c, DuplicateKind.Company)), p => p.Id == pair.Id);
    }

    [Fact]
    public async Task Contacts_with_the_same_email_merge_with_their_leads_and_identities()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var n = Guid.NewGuid().ToString("N")[..6];
        var company = await (await c.PostJsonAsync("/api/v1/companies", new CompanyInput { Name = $"Kontakt{n} AG" })).ReadAsync<CompanyRow>();
        var first = await (await c.PostJsonAsync("/api/v1/contacts", new ContactInput
        {
            FirstName = "Jana",
            LastName = "Roth",
            CompanyId = company.Id,
            Identities = [new(IdentityKind.Email, $"jana{n}@example.com")],
        })).ReadAsync<ContactRow>();
        var second = await (await c.PostJsonAsync("/api/v1/contacts", new ContactInput
        {
            FirstName = "J.",
            LastName = "Roth",
            Role = "Buyer",
            Identities = [new(IdentityKind.Email, $"Jana{n}@Example.com"), new(IdentityKind.Phone, "+49 30 5550" + Random.Shared.Next(100, 999))],
        })).ReadAsync<ContactRow>();
        var lead = await (await c.PostJsonAsync("/api/v1/leads", new LeadInput { Title = "Lanyards", CompanyId = company.Id, PrimaryContactId = second.Id })).ReadAsync<LeadRow>();

        // A third one with the same e-mail (other spelling) or the same name at the company is warned about before it is created.
        var byEmail = await (await c.GetAsync($"/api/v1/duplicates/check/contact?firstName=Janina&email=%20JANA{n}@example.com", Ct)).ReadAsync<List<LikelyDuplicate>>();
        Assert.Equal(new[] { first.Id, second.Id }.Order(), byEmail.Select(d => d.Id).Order());
        var byName = await (await c.GetAsync($"/api/v1/duplicates/check/contact?firstName=Jana&lastName=Roth&companyId={company.Id}", Ct)).ReadAsync<List<LikelyDuplicate>>();
        Assert.Equal("Jana Roth", Assert.Single(byName).Label);
        Assert.Empty(await (await c.GetAsync($"/api/v1/duplicates/check/contact?firstName=Jana&lastName=Roth&email=other{n}@example.com", Ct)).ReadAsync<List<LikelyDuplicate>>());

        await (await c.PostJsonAsync("/api/v1/duplicates/scan?kind=Contact", new { })).ReadAsync<ScanResult>();
        var pair = (await AllOpenAsync(c, DuplicateKind.Contact)).Single(p => new[] { p.A.Id, p.B.Id }.Order().SequenceEqual(new[] { first.Id, second.Id }.Order()));
        Assert.Contains($"Same e-mail jana{n}@example.com", pair.Evidence);

        var merge = await (await c.PostJsonAsync($"/api/v1/duplicates/{pair.Id}/merge", new MergeRequest(first.Id, null))).ReadAsync<MergeDto>();
        var merged = await (await c.GetAsync($"/api/v1/contacts/{first.Id}", Ct)).ReadAsync<ContactRow>();
        Assert.Equal("Jana", merged.FirstName);
        Assert.Equal("Buyer", merged.Role);
        Assert.Equal(2, merged.Identities.Count);
        Assert.Equal(first.Id, (await (await c.GetAsync($"/api/v1/leads/{lead.Id}", Ct)).ReadAsync<LeadRow>()).PrimaryContactId);

        await (await c.PostJsonAsync($"/api/v1/merges/{merge.Id}/undo", new { })).ReadAsync<MergeDto>();
        var back = await (await c.GetAsync($"/api/v1/contacts/{second.Id}", Ct)).ReadAsync<ContactRow>();
        Assert.Null(back.ArchivedAt);
        Assert.Equal(2, back.Identities.Count);
        Assert.Single((await (await c.GetAsync($"/api/v1/contacts/{first.Id}", Ct)).ReadAsync<ContactRow>()).Identities);
        Assert.Null((await (await c.GetAsync($"/api/v1/contacts/{first.Id}", Ct)).ReadAsync<ContactRow>()).Role);
        Assert.Equal(second.Id, (await (await c.GetAsync($"/api/v1/leads/{lead.Id}", Ct)).ReadAsync<LeadRow>()).PrimaryContactId);
    }

    private static async Task<DuplicatePairDto> FindPairAsync(HttpClient c, Guid x, Guid y)
    {
        var (a, b) = DuplicatePair.Order(x, y);
        foreach (var status in Enum.GetValues<PairStatus>())
        {
            var page = await (await c.GetAsync($"/api/v1/duplicates?kind=Company&status={status}&limit=200", Ct)).ReadAsync<Page<DuplicatePairDto>>();
            if (page.Items.FirstOrDefault(p => p.A.Id == a && p.B.Id == b) is { } found)
            {
                return found;
            }
        }
        throw new InvalidOperationException("pair not found");
    }

    internal static async Task<List<DuplicatePairDto>> AllOpenAsync(HttpClient c, DuplicateKind kind)
    {
        var all = new List<DuplicatePairDto>();
        string? cursor = null;
        do
        {
            var page = await (await c.GetAsync($"/api/v1/duplicates?kind={kind}&limit=200{(cursor is null ? "" : "&cursor=" + cursor)}", Ct)).ReadAsync<Page<DuplicatePairDto>>();
            all.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return all;
    }
}

public sealed class DuplicateApiSqliteTests(SqliteApp app) : DuplicateApiTests(app), IClassFixture<SqliteApp>;

public sealed class DuplicateApiPostgresTests(PostgresApp app) : DuplicateApiTests(app), IClassFixture<PostgresApp>;
