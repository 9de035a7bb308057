using System.Net;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Activity;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.Duplicates;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Notes;
using LeadAgent.Web.Features.Orders;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;

namespace LeadAgent.Tests.Duplicates;

/// <summary>
/// Detection, the review queue, merge with field choices, undo restoring every relation, "not a duplicate"; both
/// databases.
/// </summary>
public abstract class DuplicateApiTests(AppFactory app)
{
    [Fact]
    public async Task Company_merge_moves_every_relation_and_undo_restores_them()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var n = Unique();
        var a = await c.CreateAsync(new CompanyInput
        {
            Name = $"Duplo{n} Events GmbH",
            Website = $"https://duplo{n}.de",
            Country = "DE",
            City = "Berlin",
            Tags = ["fair"],
            SocialProfiles = [$"https://www.linkedin.com/company/duplo{n}"],
        });
        var b = await c.CreateAsync(new CompanyInput
        {
            Name = $"Duplo{n} Events",
            Country = "DE",
            Industry = "Events",
            Tags = ["vip"],
            SocialProfiles = [$"https://www.instagram.com/duplo{n}"],
        });
        var contact = await c.CreateAsync(Make.Contact("Bea", b));
        var lead = await c.CreateAsync(Make.Lead(b, "Badges") with { PrimaryContactId = contact.Id });
        var order = await c.CreateAsync(Make.Order(b, $"D-{n}") with { Total = 250m });
        var note = await c.CreateAsync(new NoteInput(NoteSubject.Company, b.Id, "Met at the fair"));

        // Creating a third one is warned about.
        var warning = await c.GetJsonAsync<List<LikelyDuplicate>>(
            $"/api/v1/duplicates/check/company?name=Duplo{n}%20Events%20Ltd&country=DE");
        Assert.Contains(warning, w => w.Id == a.Id);
        Assert.Contains(warning, w => w.Id == b.Id);

        var scan = await ScanAsync(c, DuplicateKind.Company);
        Assert.True(scan.Candidates >= 1);
        var pair = await FindPairAsync(c, a.Id, b.Id);
        Assert.True(pair.Confidence >= CompanyMatcher.Threshold);
        Assert.Contains(pair.Evidence, e => e.StartsWith("Same name", StringComparison.Ordinal));
        Assert.Equal(1, (pair.A.Id == b.Id ? pair.A : pair.B).Related["orders"]);

        var viewer = await app.ClientAsync(Roles.Viewer);
        var mergeUrl = $"/api/v1/duplicates/{pair.Id}/merge";
        Assert.Equal(HttpStatusCode.Forbidden,
            (await viewer.PostJsonAsync(mergeUrl, new MergeRequest(a.Id, null))).StatusCode);
        var bad = await c.PostJsonAsync(mergeUrl, new MergeRequest(Guid.NewGuid(), new() { ["colour"] = a.Id }));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        var merge = await (await c.PostJsonAsync(mergeUrl, new MergeRequest(a.Id, new() { ["name"] = b.Id })))
            .ReadAsync<MergeDto>();
        Assert.Equal(new Dictionary<string, int> { ["contacts"] = 1, ["leads"] = 1, ["orders"] = 1, ["notes"] = 1 },
            merge.Moved);
        var survivor = await c.GetJsonAsync<CompanyRow>($"/api/v1/companies/{a.Id}");
        Assert.Equal($"Duplo{n} Events", survivor.Name);
        Assert.Equal($"duplo{n}.de", survivor.Domain);
        Assert.Equal("Events", survivor.Industry);
        Assert.Equal(["fair", "vip"], survivor.Tags.Order().ToArray());
        Assert.Equal(2, survivor.SocialProfiles.Count);
        Assert.NotNull((await c.GetJsonAsync<CompanyRow>($"/api/v1/companies/{b.Id}")).ArchivedAt);
        await RelationsBelongToAsync(a.Id, orders: 1);
        var log = await c.GetJsonAsync<Page<ActivityDto>>($"/api/v1/companies/{a.Id}/timeline");
        Assert.Contains(merge.Id.ToString(), Assert.Single(log.Items, e => e.Action == "merged").Changes);
        Assert.Equal(HttpStatusCode.Conflict,
            (await c.PostJsonAsync(mergeUrl, new MergeRequest(a.Id, null))).StatusCode);

        var undone = await (await c.PostJsonAsync($"/api/v1/merges/{merge.Id}/undo", new { })).ReadAsync<MergeDto>();
        Assert.NotNull(undone.UndoneAt);
        var restoredA = await c.GetJsonAsync<CompanyRow>($"/api/v1/companies/{a.Id}");
        var restoredB = await c.GetJsonAsync<CompanyRow>($"/api/v1/companies/{b.Id}");
        Assert.Equal((a.Name, a.Domain, a.Industry, a.Tags.Count, a.SocialProfiles.Count), (restoredA.Name,
            restoredA.Domain, restoredA.Industry, restoredA.Tags.Count, restoredA.SocialProfiles.Count));
        Assert.Null(restoredB.ArchivedAt);
        Assert.Equal(b.Name, restoredB.Name);
        await RelationsBelongToAsync(b.Id, orders: 0);
        Assert.Equal(HttpStatusCode.Conflict,
            (await c.PostJsonAsync($"/api/v1/merges/{merge.Id}/undo", new { })).StatusCode);

        // Back in the queue; "not a duplicate" is remembered across scans.
        pair = await FindPairAsync(c, a.Id, b.Id);
        Assert.Equal(PairStatus.Open, pair.Status);
        await (await c.PostJsonAsync($"/api/v1/duplicates/{pair.Id}/dismiss", new { })).ReadAsync<DuplicatePairDto>();
        await ScanAsync(c, DuplicateKind.Company);
        var dismissed = await c.GetJsonAsync<DuplicatePairDto>($"/api/v1/duplicates/{pair.Id}");
        Assert.Equal(PairStatus.Dismissed, dismissed.Status);
        Assert.DoesNotContain(await DuplicateQueue.AllOpenAsync(c, DuplicateKind.Company), p => p.Id == pair.Id);

        // The contact, lead, order and note of B are at this company, and A's order summary counts this many orders.
        async Task RelationsBelongToAsync(Guid companyId, int orders)
        {
            Assert.Equal(companyId, (await c.GetJsonAsync<ContactRow>($"/api/v1/contacts/{contact.Id}")).CompanyId);
            Assert.Equal(companyId, (await c.GetJsonAsync<LeadRow>($"/api/v1/leads/{lead.Id}")).CompanyId);
            Assert.Equal(companyId, (await c.GetJsonAsync<OrderDto>($"/api/v1/orders/{order.Id}")).CompanyId);
            Assert.Equal(companyId, (await c.GetJsonAsync<NoteDto>($"/api/v1/notes/{note.Id}")).SubjectId);
            var summary = await c.GetJsonAsync<OrderSummary>($"/api/v1/companies/{a.Id}/orders/summary");
            Assert.Equal(orders, summary.OrderCount);
        }
    }

    [Fact]
    public async Task Contacts_with_the_same_email_merge_with_their_leads_and_identities()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var n = Unique();
        var company = await c.CreateAsync(new CompanyInput { Name = $"Kontakt{n} AG" });
        var first = await c.CreateAsync(Make.Contact("Jana", company) with
        {
            LastName = "Roth",
            Identities = [new(IdentityKind.Email, $"jana{n}@example.com")],
        });
        var second = await c.CreateAsync(Make.Contact("J.") with
        {
            LastName = "Roth",
            Role = "Buyer",
            Identities =
            [
                new(IdentityKind.Email, $"Jana{n}@Example.com"),
                new(IdentityKind.Phone, "+49 30 5550" + Random.Shared.Next(100, 999)),
            ],
        });
        var lead = await c.CreateAsync(Make.Lead(company, "Lanyards") with { PrimaryContactId = second.Id });

        // A third one with the same e-mail (other spelling) or the same name at the company is warned about before it
        // is created.
        var check = "/api/v1/duplicates/check/contact";
        var byEmail = await c.GetJsonAsync<List<LikelyDuplicate>>(
            $"{check}?firstName=Janina&email=%20JANA{n}@example.com");
        Assert.Equal(new[] { first.Id, second.Id }.Order(), byEmail.Select(d => d.Id).Order());
        var byName = await c.GetJsonAsync<List<LikelyDuplicate>>(
            $"{check}?firstName=Jana&lastName=Roth&companyId={company.Id}");
        Assert.Equal("Jana Roth", Assert.Single(byName).Label);
        Assert.Empty(await c.GetJsonAsync<List<LikelyDuplicate>>(
            $"{check}?firstName=Jana&lastName=Roth&email=other{n}@example.com"));

        await ScanAsync(c, DuplicateKind.Contact);
        var pair = (await DuplicateQueue.AllOpenAsync(c, DuplicateKind.Contact))
            .Single(p => new[] { p.A.Id, p.B.Id }.Order().SequenceEqual(new[] { first.Id, second.Id }.Order()));
        Assert.Contains($"Same e-mail jana{n}@example.com", pair.Evidence);

        var merge = await (await c.PostJsonAsync($"/api/v1/duplicates/{pair.Id}/merge",
            new MergeRequest(first.Id, null))).ReadAsync<MergeDto>();
        var merged = await c.GetJsonAsync<ContactRow>($"/api/v1/contacts/{first.Id}");
        Assert.Equal("Jana", merged.FirstName);
        Assert.Equal("Buyer", merged.Role);
        Assert.Equal(2, merged.Identities.Count);
        Assert.Equal(first.Id, (await c.GetJsonAsync<LeadRow>($"/api/v1/leads/{lead.Id}")).PrimaryContactId);

        await (await c.PostJsonAsync($"/api/v1/merges/{merge.Id}/undo", new { })).ReadAsync<MergeDto>();
        var back = await c.GetJsonAsync<ContactRow>($"/api/v1/contacts/{second.Id}");
        Assert.Null(back.ArchivedAt);
        Assert.Equal(2, back.Identities.Count);
        Assert.Single((await c.GetJsonAsync<ContactRow>($"/api/v1/contacts/{first.Id}")).Identities);
        Assert.Null((await c.GetJsonAsync<ContactRow>($"/api/v1/contacts/{first.Id}")).Role);
        Assert.Equal(second.Id, (await c.GetJsonAsync<LeadRow>($"/api/v1/leads/{lead.Id}")).PrimaryContactId);
    }

    private static async Task<ScanResult> ScanAsync(HttpClient c, DuplicateKind kind) =>
        await (await c.PostJsonAsync($"/api/v1/duplicates/scan?kind={kind}", new { })).ReadAsync<ScanResult>();

    private static async Task<DuplicatePairDto> FindPairAsync(HttpClient c, Guid x, Guid y)
    {
        var (a, b) = DuplicatePair.Order(x, y);
        foreach (var status in Enum.GetValues<PairStatus>())
        {
            var page = await c.GetJsonAsync<Page<DuplicatePairDto>>(
                $"/api/v1/duplicates?kind=Company&status={status}&limit=200");
            if (page.Items.FirstOrDefault(p => p.A.Id == a && p.B.Id == b) is { } found)
            {
                return found;
            }
        }
        throw new InvalidOperationException("pair not found");
    }
}

[Collection(nameof(SqliteCrm))]
public sealed class DuplicateApiSqliteTests(SqliteApp app) : DuplicateApiTests(app);

[Collection(nameof(PostgresCrm))]
public sealed class DuplicateApiPostgresTests(PostgresApp app) : DuplicateApiTests(app);
