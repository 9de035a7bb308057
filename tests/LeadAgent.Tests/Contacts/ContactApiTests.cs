using System.Net;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Infrastructure.Auth;

namespace LeadAgent.Tests.Contacts;

/// <summary>Contacts through the REST API; runs on SQLite and PostgreSQL.</summary>
public abstract class ContactApiTests(AppFactory app)
{
    [Fact]
    public async Task Contact_identities_are_normalised_and_invalid_ones_get_field_errors()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var company = await c.CreateAsync(Make.Company("Contact Co"));
        var contact = await c.CreateAsync(Make.Contact("Anna", company) with
        {
            LastName = "Berger",
            Identities =
            [
                new(IdentityKind.Email, "  Anna.Berger@Example.COM "),
                new(IdentityKind.Phone, "030 1234567"),
                new(IdentityKind.Instagram, "@Anna.B"),
            ],
        });
        Assert.Contains(contact.Identities, i => i.Kind == IdentityKind.Email && i.Value == "anna.berger@example.com");
        Assert.Contains(contact.Identities, i => i.Kind == IdentityKind.Phone && i.Value == "+49301234567");
        Assert.Contains(contact.Identities, i => i.Kind == IdentityKind.Instagram && i.Value == "anna.b");

        var bad = await c.PostJsonAsync("/api/v1/contacts", new ContactInput
        {
            FirstName = "X",
            Identities = [new(IdentityKind.Email, "not an email"), new(IdentityKind.Phone, "12")],
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.ProblemAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("identities[0].value", out _));
        Assert.True(errors.TryGetProperty("identities[1].value", out _));
    }

    [Fact]
    public async Task Dubious_email_addresses_get_field_errors_and_IDN_domains_are_stored_as_A_labels()
    {
        var c = await app.ClientAsync(Roles.Sales);
        string[] dubious = ["test.@iana.org", "john@exa_mple.com", "test@[255.255.255.256]", "te\u200Bst@iana.org",
            new string('a', 65) + "@iana.org", "test@iana.org-"];
        var bad = await c.PostJsonAsync("/api/v1/contacts", new ContactInput
        {
            FirstName = "Dubious",
            Identities = [.. dubious.Select(d => new IdentityInput(IdentityKind.Email, d))],
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.ProblemAsync()).GetProperty("errors");
        for (var i = 0; i < dubious.Length; i++)
        {
            Assert.True(errors.TryGetProperty($"identities[{i}].value", out _), dubious[i]);
        }

        var ok = await c.CreateAsync(new ContactInput
        {
            FirstName = "Jürgen",
            Identities = [new(IdentityKind.Email, $"Info-{Unique(6)}@München.de")],
        });
        Assert.EndsWith("@xn--mnchen-3ya.de", ok.Identities.Single().Value);
    }
}

[Collection(nameof(SqliteCrm))]
public sealed class ContactApiSqliteTests(SqliteApp app) : ContactApiTests(app);

[Collection(nameof(PostgresCrm))]
public sealed class ContactApiPostgresTests(PostgresApp app) : ContactApiTests(app);
