using System.Net;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Notes;
using LeadAgent.Web.Features.Orders;

namespace LeadAgent.Tests.Kit;

/// <summary>
/// Inputs with plausible defaults, so a test states only what matters to it:
/// <c>await c.CreateAsync(Make.Lead(company) with { ExpectedValue = 10 })</c>.
/// </summary>
public static class Make
{
    public static CompanyInput Company(string? name = null) =>
        new() { Name = name ?? $"Company {Unique()}", Segment = Segment.EventAgency, Country = "DE" };

    public static ContactInput Contact(string firstName = "Anna", CompanyRow? company = null) =>
        new() { FirstName = firstName, CompanyId = company?.Id };

    public static LeadInput Lead(CompanyRow company, string? title = null) =>
        new() { Title = title ?? $"Lead {Unique()}", CompanyId = company.Id };

    public static OrderInput Order(CompanyRow company, string? number = null) =>
        new()
        {
            CompanyId = company.Id,
            Number = number ?? $"O-{Unique(8)}",
            OrderedOn = new DateOnly(2026, 5, 1),
            Total = 100m,
        };
}

/// <summary>Creates records through the API as the client's user; each must come back 201 Created.</summary>
public static class Create
{
    public static Task<CompanyRow> CreateAsync(this HttpClient c, CompanyInput input) =>
        PostAsync<CompanyRow>(c, "/api/v1/companies", input);

    public static Task<ContactRow> CreateAsync(this HttpClient c, ContactInput input) =>
        PostAsync<ContactRow>(c, "/api/v1/contacts", input);

    public static Task<LeadRow> CreateAsync(this HttpClient c, LeadInput input) =>
        PostAsync<LeadRow>(c, "/api/v1/leads", input);

    public static Task<OrderDto> CreateAsync(this HttpClient c, OrderInput input) =>
        PostAsync<OrderDto>(c, "/api/v1/orders", input);

    public static Task<NoteDto> CreateAsync(this HttpClient c, NoteInput input) =>
        PostAsync<NoteDto>(c, "/api/v1/notes", input);

    private static async Task<T> PostAsync<T>(HttpClient c, string url, object input)
    {
        var response = await c.PostJsonAsync(url, input);
        var row = await response.ReadAsync<T>();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return row;
    }
}
