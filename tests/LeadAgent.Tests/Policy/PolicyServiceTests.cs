using System.Net;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.Policy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LeadAgent.Tests.Policy;

/// <summary>The lists through the API (roles, validation, duplicates) and the set-based lead check behind rules,
/// planner and playbooks; on SQLite and PostgreSQL. Values are unique per test: the app is shared.</summary>
public abstract class PolicyServiceTests(AppFactory app)
{
    private static object Block(string kind, string value, string list = "block") =>
        new { list, kind, value, reason = $"Test {kind}" };

    private static async Task<PolicyEntryDto> AddAsync(HttpClient c, object body)
    {
        var response = await c.PostJsonAsync("/api/v1/policy", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return await response.ReadAsync<PolicyEntryDto>();
    }

    [Fact]
    public async Task Sales_block_admins_allow_and_remove_with_field_errors_and_409_for_duplicates()
    {
        var (sales, admin, viewer) = (await app.ClientAsync(Roles.Sales), await app.ClientAsync(Roles.Admin),
            await app.ClientAsync(Roles.Viewer));
        var id = Unique();
        var entry = await AddAsync(sales, Block("domain", $"https://www.Block-{id}.DE/impressum"));
        Assert.Equal((PolicyList.Block, PolicyKind.Domain, $"block-{id}.de"), (entry.List, entry.Kind, entry.Value));
        Assert.Equal(HttpStatusCode.Conflict,
            (await sales.PostJsonAsync("/api/v1/policy", Block("domain", $"block-{id}.de"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.PostJsonAsync("/api/v1/policy",
            Block("email", $"ok@block-{id}.de", "allow"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await viewer.PostJsonAsync("/api/v1/policy", Block("domain", $"v-{id}.de"))).StatusCode);
        await AddAsync(admin, Block("email", $"OK@block-{id}.de", "allow"));

        var bad = await sales.PostJsonAsync("/api/v1/policy", new { kind = "phone", value = "12", reason = "" });
        var errors = (await bad.ProblemAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("value", out _));
        Assert.True(errors.TryGetProperty("reason", out _));
        var badKind = await sales.PostJsonAsync("/api/v1/policy", new { kind = "planet", value = "x", reason = "r" });
        Assert.True((await badKind.ProblemAsync()).GetProperty("errors").TryGetProperty("kind", out _));
        var noCompany = await sales.PostJsonAsync("/api/v1/policy", Block("company", Guid.NewGuid().ToString()));
        Assert.True((await noCompany.ProblemAsync()).GetProperty("errors").TryGetProperty("value", out _));

        var listed = await viewer.GetJsonAsync<List<PolicyEntryDto>>($"/api/v1/policy?q=block-{id}");
        Assert.Equal(2, listed.Count);
        Assert.Single(await viewer.GetJsonAsync<List<PolicyEntryDto>>($"/api/v1/policy?q=block-{id}&list=allow"));
        Assert.Equal(HttpStatusCode.BadRequest, (await viewer.GetAsync("/api/v1/policy?kind=planet", Ct)).StatusCode);

        var check = await sales.PostJsonAsync("/api/v1/policy/check", new { email = $"anna@shop.block-{id}.de" });
        var verdict = await check.ReadAsync<PolicyVerdictDto>();
        Assert.True(verdict.Blocked);
        Assert.Contains("Test domain", verdict.Why, StringComparison.Ordinal);
        var allowed = await (await sales.PostJsonAsync("/api/v1/policy/check", new { email = $"ok@block-{id}.de" }))
            .ReadAsync<PolicyVerdictDto>();
        Assert.False(allowed.Blocked);

        Assert.Equal(HttpStatusCode.Forbidden, (await sales.DeleteAsync($"/api/v1/policy/{entry.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/policy/{entry.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/v1/policy/{entry.Id}", Ct)).StatusCode);
        var after = await (await sales.PostJsonAsync("/api/v1/policy/check", new { domain = $"block-{id}.de" }))
            .ReadAsync<PolicyVerdictDto>();
        Assert.False(after.Blocked);
    }

    [Fact]
    public async Task Blocked_leads_are_found_by_company_contact_identity_email_domain_and_name_keyword()
    {
        var (sales, admin) = (await app.ClientAsync(Roles.Sales), await app.ClientAsync(Roles.Admin));
        var id = Unique();
        async Task<(Guid Lead, Guid Company, Guid? Contact)> LeadAsync(string name, string? website = null,
            params IdentityInput[] identities)
        {
            var company = await sales.CreateAsync(Make.Company(name) with { Website = website });
            Guid? contact = identities.Length == 0 ? null
                : (await sales.CreateAsync(Make.Contact("Anna", company) with { Identities = [.. identities] })).Id;
            var lead = await sales.CreateAsync(Make.Lead(company) with { PrimaryContactId = contact });
            return (lead.Id, company.Id, contact);
        }
        var byCompany = await LeadAsync($"Plain {id}");
        var byDomain = await LeadAsync($"Site {id}", $"https://shop.site-{id}.de");
        var byContact = await LeadAsync($"Person {id}", null, Email($"p@person-{id}.de"));
        var byPhone = await LeadAsync($"Phone {id}", null,
            new IdentityInput(IdentityKind.WhatsApp, "+49 171 555" + Digits(id)));
        var byMailDomain = await LeadAsync($"Mail {id}", null, Email($"x@mail-{id}.de"));
        var byKeyword = await LeadAsync($"Glücksspiel{id} Nord GmbH");
        var exempt = await LeadAsync($"Exempt {id}", null, Email($"good@mail-{id}.de"));
        var clear = await LeadAsync($"Clear {id}", $"https://clear-{id}.de",
            new IdentityInput(IdentityKind.Email, $"c@clear-{id}.de"));

        await AddAsync(sales, Block("company", byCompany.Company.ToString()));
        await AddAsync(sales, Block("domain", $"site-{id}.de"));
        await AddAsync(sales, Block("contact", byContact.Contact!.Value.ToString()));
        await AddAsync(sales, Block("phone", "0171 555" + Digits(id)));
        await AddAsync(sales, Block("emaildomain", $"mail-{id}.de"));
        await AddAsync(sales, Block("keyword", $"GLUECKSSPIEL{id}"));
        await AddAsync(admin, Block("email", $"good@mail-{id}.de", "allow"));

        var check = app.Services.GetRequiredService<PolicyCheck>();
        await using var db = app.CreateDbContext();
        var all = new[] { byCompany, byDomain, byContact, byPhone, byMailDomain, byKeyword, exempt, clear };
        var blocked = await check.BlockedLeadsAsync(db, all.Select(l => l.Lead).ToList(), Ct);
        Assert.Equal(all.Take(6).Select(l => l.Lead).ToHashSet(), blocked);
        var companies = await check.BlockedCompaniesAsync(db, all.Select(l => l.Company).ToList(), Ct);
        Assert.Equal(new[] { byCompany.Company, byDomain.Company, byKeyword.Company }.ToHashSet(),
            companies.Keys.ToHashSet());
        var contactVerdict = await check.CheckAsync(db, new PolicySubject(ContactId: byPhone.Contact), Ct);
        Assert.Equal(PolicyKind.Phone, contactVerdict.Entry!.Kind);
        // A contact at a blocked company is blocked with it.
        var colleague = await sales.CreateAsync(Make.Contact("Bert") with { CompanyId = byCompany.Company });
        Assert.True((await check.CheckAsync(db, new PolicySubject(ContactId: colleague.Id), Ct)).Blocked);
    }

    [Fact]
    public async Task The_cache_sees_another_instances_entry_within_its_refresh_interval()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var check = new PolicyCheck(clock);
        var id = Unique();
        await using var db = app.CreateDbContext();
        Assert.False((await check.CheckAsync(db, new PolicySubject(Domain: $"other-{id}.de"), Ct)).Blocked);

        // Another instance writes straight to the shared table (nothing tells this one).
        db.PolicyEntries.Add(new PolicyEntry
        {
            List = PolicyList.Block,
            Kind = PolicyKind.Domain,
            Value = $"other-{id}.de",
            Reason = "elsewhere",
            AuthorName = "node 2",
            CreatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync(Ct);
        clock.Advance(PolicyCheck.RefreshInterval / 2);
        Assert.False((await check.CheckAsync(db, new PolicySubject(Domain: $"other-{id}.de"), Ct)).Blocked);
        clock.Advance(PolicyCheck.RefreshInterval / 2);
        var verdict = await check.CheckAsync(db, new PolicySubject(Domain: $"www.other-{id}.de"), Ct);
        Assert.True(verdict.Blocked);
        Assert.Equal("elsewhere", verdict.Entry!.Reason);

        // A removal elsewhere is seen the same way.
        db.PolicyEntries.Remove(db.PolicyEntries.Single(e => e.Value == $"other-{id}.de"));
        await db.SaveChangesAsync(Ct);
        clock.Advance(PolicyCheck.RefreshInterval);
        Assert.False((await check.CheckAsync(db, new PolicySubject(Domain: $"other-{id}.de"), Ct)).Blocked);
    }

    private static IdentityInput Email(string address) => new(IdentityKind.Email, address);

    private static string Digits(string id) => string.Concat(id.Select(c => (char)('0' + c % 10)))[..4];
}

[Collection(nameof(SqliteCrm))]
public sealed class PolicyServiceSqliteTests(SqliteApp app) : PolicyServiceTests(app);

[Collection(nameof(PostgresCrm))]
public sealed class PolicyServicePostgresTests(PostgresApp app) : PolicyServiceTests(app);
