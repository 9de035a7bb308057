using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.Search;

namespace LeadAgent.Tests.Search;

/// <summary>The search behind the Ctrl+K palette, through the API; runs on SQLite and PostgreSQL.</summary>
public abstract class GlobalSearchTests(AppFactory app)
{
    [Fact]
    public async Task Finds_companies_contacts_leads_and_conversations_by_name_email_phone_domain_and_text()
    {
        var api = await app.ClientAsync(Roles.Sales);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var company = await api.CreateAsync(Make.Company($"Zeltwerk {tag} GmbH") with
        {
            Website = $"https://zeltwerk-{tag}.example",
            City = "Kassel",
        });
        var contact = await api.CreateAsync(Make.Contact("Ottilie", company) with
        {
            LastName = $"Brenner{tag}",
            Identities = [new IdentityInput(IdentityKind.Email, $"o.brenner.{tag}@example.com", null, true)],
        });
        var lead = await api.CreateAsync(Make.Lead(company, $"Pavilion {tag} for the autumn fair"));
        var archived = await api.CreateAsync(Make.Lead(company, $"Pavilion {tag} old"));
        (await api.PostAsync($"/api/v1/leads/{archived.Id}/archive", null, Ct)).EnsureSuccessStatusCode();
        var phone = $"+49 151 {Random.Shared.Next(10000000, 99999999)}";
        (await api.PostAsJsonAsync("/api/v1/inbox/sandbox/messages",
            new { channel = "WhatsApp", name = $"Mira {tag}", phone, text = $"Do you print lanyards-{tag}?" }, Ct))
            .EnsureSuccessStatusCode();
        await app.WorkAllAsync();

        Assert.Equal([(SearchKind.Company, company.Id)], await FindAsync(api, $"zeltwerk {tag}"));
        Assert.Contains((SearchKind.Company, company.Id), await FindAsync(api, $"zeltwerk-{tag}.example"));
        Assert.Equal([(SearchKind.Contact, contact.Id)], await FindAsync(api, $"o.brenner.{tag}@"));
        Assert.Equal([(SearchKind.Contact, contact.Id)], await FindAsync(api, $"ottilie brenner{tag}"));
        // The archived lead stays out; the open one is found by a word in its title.
        Assert.Equal([(SearchKind.Lead, lead.Id)], await FindAsync(api, $"pavilion {tag}"));
        var byText = await FindAsync(api, $"lanyards-{tag}");
        Assert.Equal(SearchKind.Conversation, Assert.Single(byText).Kind);
        // Phone numbers match by their digits, whatever the spacing typed.
        var digits = phone.Replace(" ", "")[^7..];
        Assert.Contains(byText[0], await FindAsync(api, $"{digits[..3]} {digits[3..]}"));
    }

    [Fact]
    public async Task A_too_short_or_too_wide_query_is_a_field_error_not_a_500()
    {
        var api = await app.ClientAsync(Roles.Viewer);
        foreach (var (url, field) in new[] { ("/api/v1/search?q=a", "q"), ("/api/v1/search?q=abc&limit=99", "limit") })
        {
            var response = await api.GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), url);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.AnonymousClient().GetAsync("/api/v1/search?q=ab", Ct))
            .StatusCode);
    }

    private static async Task<List<(SearchKind Kind, Guid Id)>> FindAsync(HttpClient api, string q)
    {
        var result = await api.GetJsonAsync<SearchResult>($"/api/v1/search?q={Uri.EscapeDataString(q)}");
        return [.. result.Hits.Select(h => (h.Kind, h.Id))];
    }
}

[Collection(nameof(SqliteCrm))]
public sealed class GlobalSearchSqliteTests(SqliteApp app) : GlobalSearchTests(app);

[Collection(nameof(PostgresCrm))]
public sealed class GlobalSearchPostgresTests(PostgresApp app) : GlobalSearchTests(app);
