using System.Net;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.CustomFields;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;

namespace LeadAgent.Tests.CustomFields;

/// <summary>
/// Custom fields through the API: admins define them, records hold typed values, lists and exports filter by them;
/// SQLite and PostgreSQL (the filters are each database's own JSON functions).
/// </summary>
public abstract class CustomFieldApiTests(AppFactory app)
{
    [Fact]
    public async Task Admins_define_fields_and_records_store_their_values_in_one_typed_form()
    {
        var admin = await app.ClientAsync(Roles.Admin);
        var sales = await app.ClientAsync(Roles.Sales);
        var u = Unique();
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.PostJsonAsync("/api/v1/custom-fields",
            new CustomFieldInput(FieldRecord.Lead, "Budget " + u, CustomFieldType.Number))).StatusCode);
        var budget = await DefineAsync(admin, FieldRecord.Lead, "Budget " + u, CustomFieldType.Number);
        var fair = await DefineAsync(admin, FieldRecord.Lead, "Fair date " + u, CustomFieldType.Date);
        var storage = await DefineAsync(admin, FieldRecord.Lead, "Needs storage " + u, CustomFieldType.YesNo);
        Assert.Equal($"budget_{u}", budget.Key);
        var again = await admin.PostJsonAsync("/api/v1/custom-fields",
            new CustomFieldInput(FieldRecord.Lead, "budget " + u, CustomFieldType.Text));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var listed = await admin.GetJsonAsync<List<CustomFieldDto>>("/api/v1/custom-fields?record=Lead");
        Assert.Contains(listed, f => f.Key == fair.Key && f.Type == CustomFieldType.Date);

        var company = await sales.CreateAsync(Make.Company("Typed Co " + u));
        var lead = await sales.CreateAsync(Make.Lead(company) with
        {
            CustomFields = new()
            {
                [budget.Key] = "12.500,50",
                [fair.Key] = "24.03.2027",
                [storage.Key] = "ja",
                ["free_note"] = "kept as text",
            },
        });
        Assert.Equal("12500.5", lead.CustomFields[budget.Key]);
        Assert.Equal("2027-03-24", lead.CustomFields[fair.Key]);
        Assert.Equal("true", lead.CustomFields[storage.Key]);
        Assert.Equal("kept as text", lead.CustomFields["free_note"]);

        var bad = await sales.PostJsonAsync("/api/v1/leads", Make.Lead(company) with
        {
            CustomFields = new() { [budget.Key] = "about ten", [fair.Key] = "soon" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.ProblemAsync()).GetProperty("errors");
        Assert.Contains("not a number", errors.GetProperty($"customFields.{budget.Key}")[0].GetString());
        Assert.Contains("not a date", errors.GetProperty($"customFields.{fair.Key}")[0].GetString());

        // Omitted keeps the values; a blank value removes one.
        var edit = Make.Lead(company, "Renamed " + u) with { Version = lead.Version };
        var kept = await (await sales.PutJsonAsync($"/api/v1/leads/{lead.Id}", edit)).ReadAsync<LeadRow>();
        Assert.Equal(4, kept.CustomFields.Count);
        var cleared = await (await sales.PutJsonAsync($"/api/v1/leads/{lead.Id}", edit with
        {
            Version = kept.Version,
            CustomFields = new(kept.CustomFields) { [storage.Key] = " " },
        })).ReadAsync<LeadRow>();
        Assert.False(cleared.CustomFields.ContainsKey(storage.Key));
        // A save names the values it changes; the others stay ("Budget" is the field budget_…).
        var partial = await (await sales.PutJsonAsync($"/api/v1/leads/{lead.Id}", edit with
        {
            Version = cleared.Version,
            CustomFields = new() { ["Budget_" + u] = "99" },
        })).ReadAsync<LeadRow>();
        Assert.Equal("99", partial.CustomFields[budget.Key]);
        Assert.Equal("kept as text", partial.CustomFields["free_note"]);

        // Deleting a field leaves the values on the records, as text.
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.DeleteAsync($"/api/v1/custom-fields/{fair.Id}", Ct))
            .StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/custom-fields/{fair.Id}", Ct))
            .StatusCode);
        var after = await sales.GetJsonAsync<LeadRow>($"/api/v1/leads/{lead.Id}");
        Assert.Equal("2027-03-24", after.CustomFields[fair.Key]);
    }

    [Fact]
    public async Task Lists_and_exports_filter_by_exact_values_and_ranges_of_custom_fields()
    {
        var admin = await app.ClientAsync(Roles.Admin);
        var u = Unique();
        var budget = await DefineAsync(admin, FieldRecord.Lead, "Spend " + u, CustomFieldType.Number);
        var venue = await DefineAsync(admin, FieldRecord.Lead, "Venue " + u, CustomFieldType.Text);
        var due = await DefineAsync(admin, FieldRecord.Lead, "Due " + u, CustomFieldType.Date);
        var company = await admin.CreateAsync(Make.Company("Filter Co " + u));
        var values = new (string Budget, string Venue, string Due)[]
        {
            ("100", "Messe Berlin", "2027-01-10"), ("2500", "ExCeL London", "2027-02-20"),
            ("10000", "messe berlin", "2027-03-30"), ("9.5", "Dubai World Trade Centre", "2026-12-24"),
        };
        foreach (var (b, v, d) in values)
        {
            await admin.CreateAsync(Make.Lead(company, $"{v} {b}") with
            {
                Tags = [u],
                CustomFields = new() { [budget.Key] = b, [venue.Key] = v, [due.Key] = d },
            });
        }
        await admin.CreateAsync(Make.Lead(company, "No values") with { Tags = [u] });

        async Task<List<string>> Titles(string query) =>
            (await admin.GetJsonAsync<Page<LeadRow>>($"/api/v1/leads?tag={u}&limit=50&{query}"))
            .Items.Select(l => l.Title).Order().ToList();
        // Numbers compare as numbers (9.5 < 100 < 2500), not as text.
        Assert.Equal(["ExCeL London 2500", "messe berlin 10000"], await Titles($"cf.{budget.Key}.min=1000"));
        Assert.Equal(["Dubai World Trade Centre 9.5", "Messe Berlin 100"],
            await Titles($"cf.{budget.Key}.max=1000"));
        Assert.Equal(["Messe Berlin 100", "messe berlin 10000"], await Titles($"cf.{venue.Key}=MESSE%20BERLIN"));
        Assert.Equal(["ExCeL London 2500", "Messe Berlin 100"],
            await Titles($"cf.{due.Key}.min=01.01.2027&cf.{due.Key}.max=2027-02-28"));
        Assert.Equal(["messe berlin 10000"], await Titles($"cf.{venue.Key}=messe%20berlin&cf.{budget.Key}.min=5000"));

        var unknown = await admin.GetAsync($"/api/v1/leads?cf.nope_{u}=1", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await unknown.ProblemAsync()).GetProperty("errors").TryGetProperty($"cf.nope_{u}", out _));
        var notNumber = await admin.GetAsync($"/api/v1/leads?cf.{budget.Key}.min=lots", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, notNumber.StatusCode);

        // The export takes the same filters and ends with a column per custom field.
        var csv = await admin.GetStringAsync($"/api/v1/leads/export?tag={u}&cf.{budget.Key}.min=1000", Ct);
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        Assert.Equal(3, lines.Length);
        var column = Array.IndexOf(header, "custom." + budget.Key);
        Assert.True(column > 0, lines[0]);
        Assert.Contains(lines.Skip(1), l => l.Split(',')[column] == "10000");
    }

    [Fact]
    public async Task Companies_and_contacts_have_custom_fields_of_their_own()
    {
        var admin = await app.ClientAsync(Roles.Admin);
        var u = Unique();
        var staff = await DefineAsync(admin, FieldRecord.Company, "Staff " + u, CustomFieldType.Number);
        var vegan = await DefineAsync(admin, FieldRecord.Contact, "Vegan " + u, CustomFieldType.YesNo);
        var big = await admin.CreateAsync(Make.Company("Big " + u) with
        {
            CustomFields = new() { [staff.Key] = "1200" },
        });
        await admin.CreateAsync(Make.Company("Small " + u) with { CustomFields = new() { [staff.Key] = "12" } });
        var anna = await admin.CreateAsync(Make.Contact("Anna", big) with
        {
            CustomFields = new() { [vegan.Key] = "yes" },
        });
        await admin.CreateAsync(Make.Contact("Ben", big) with { CustomFields = new() { [vegan.Key] = "no" } });

        var companies = await admin.GetJsonAsync<Page<CompanyRow>>($"/api/v1/companies?q={u}&cf.{staff.Key}.min=100");
        Assert.Equal(big.Id, Assert.Single(companies.Items).Id);
        var contacts = await admin.GetJsonAsync<Page<ContactRow>>(
            $"/api/v1/contacts?companyId={big.Id}&cf.{vegan.Key}=Yes");
        Assert.Equal(anna.Id, Assert.Single(contacts.Items).Id);
        // A lead's field is not a company's.
        var wrong = await admin.GetAsync($"/api/v1/companies?cf.{vegan.Key}=yes", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var export = await admin.GetStringAsync($"/api/v1/contacts/export?companyId={big.Id}", Ct);
        Assert.Contains("custom." + vegan.Key, export.Split("\r\n")[0]);
    }

    [Fact]
    public async Task A_field_defined_over_old_free_text_leaves_values_of_another_type_out_of_ranges()
    {
        var admin = await app.ClientAsync(Roles.Admin);
        var u = Unique();
        var key = "legacy_" + u;
        var company = await admin.CreateAsync(Make.Company("Legacy Co " + u));
        foreach (var v in new[] { "big", "120", "2027-01-01", "5000" })
        {
            await admin.CreateAsync(Make.Lead(company, "Legacy " + v) with
            {
                Tags = [u],
                CustomFields = new() { [key] = v },
            });
        }
        await DefineAsync(admin, FieldRecord.Lead, "Legacy " + u, CustomFieldType.Number);
        var small = await admin.GetJsonAsync<Page<LeadRow>>($"/api/v1/leads?tag={u}&cf.{key}.max=1000");
        Assert.Equal("Legacy 120", Assert.Single(small.Items).Title);
        var due = await DefineAsync(admin, FieldRecord.Lead, "Due " + u, CustomFieldType.Date);
        Assert.Empty((await admin.GetJsonAsync<Page<LeadRow>>($"/api/v1/leads?tag={u}&cf.{due.Key}.min=2000-01-01"))
            .Items);
    }

    [Fact]
    public async Task Malformed_custom_conditions_are_field_errors_wherever_a_filter_is_taken()
    {
        var sales = await app.ClientAsync(Roles.Sales);
        var admin = await app.ClientAsync(Roles.Admin);
        var u = Unique();
        var field = await DefineAsync(admin, FieldRecord.Lead, "Count " + u, CustomFieldType.Number);
        var twice = await sales.GetAsync($"/api/v1/leads?cf.{field.Key}.min=1&cf.{field.Key}.min=2", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        var bodies = new (string Url, string Json)[]
        {
            ("/api/v1/leads/bulk/count", "{\"filter\":{\"custom\":[null]}}"),
            ("/api/v1/views", "{\"name\":\"v" + u + "\",\"filter\":{\"custom\":[null]}}"),
            ("/api/v1/views", "{\"name\":\"w" + u + "\",\"filter\":{\"custom\":[{\"key\":\"" + field.Key
                + "\",\"type\":\"Number\",\"min\":\"lots\"}]}}"),
            ("/api/v1/leads/bulk/count", "{\"filter\":{\"custom\":[{\"key\":\"Bad Key\","
                + "\"type\":\"Text\",\"is\":\"x\"}]}}"),
        };
        foreach (var (url, json) in bodies)
        {
            using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
            var response = await sales.PostAsync(url, content, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest,
                $"{url} {json}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        }
    }

    private static async Task<CustomFieldDto> DefineAsync(HttpClient admin, FieldRecord record, string label,
        CustomFieldType type)
    {
        var response = await admin.PostJsonAsync("/api/v1/custom-fields", new CustomFieldInput(record, label, type));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<CustomFieldDto>();
    }
}

[Collection(nameof(SqliteCrm))]
public sealed class CustomFieldApiSqliteTests(SqliteApp app) : CustomFieldApiTests(app);

[Collection(nameof(PostgresCrm))]
public sealed class CustomFieldApiPostgresTests(PostgresApp app) : CustomFieldApiTests(app);
