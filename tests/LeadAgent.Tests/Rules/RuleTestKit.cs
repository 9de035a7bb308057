using System.Net;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Rules;
using Microsoft.Extensions.DependencyInjection;

namespace LeadAgent.Tests.Rules;

/// <summary>
/// Leads and rules for rule tests on a shared app: every rule's first condition is a tag unique to the test, so it
/// never touches another test's leads.
/// </summary>
internal sealed class RuleTestKit(AppFactory app, HttpClient admin, HttpClient sales)
{
    public string Tag { get; } = "t" + Unique(10);

    public static async Task<RuleTestKit> StartAsync(AppFactory app) =>
        new(app, await app.ClientAsync(Roles.Admin), await app.ClientAsync(Roles.Sales));

    public HttpClient Admin => admin;
    public HttpClient Sales => sales;

    public RuleEngine Engine => app.Services.GetRequiredService<RuleEngine>();

    public object HasTag => new { field = "lead.tags", op = "contains", value = Tag };

    public async Task<LeadRow> LeadAsync(string? country = "DE", params string[] tags)
    {
        var company = await sales.CreateAsync(Make.Company() with { Country = country, Segment = Segment.Reseller });
        return await sales.CreateAsync(Make.Lead(company) with { Tags = [Tag, .. tags] });
    }

    public async Task<RuleDto> RuleAsync(object[] actions, params object[] moreConditions)
    {
        var response = await admin.PostJsonAsync("/api/v1/rules", new
        {
            name = "Rule " + Unique(),
            enabled = true,
            conditions = new[] { HasTag }.Concat(moreConditions).ToArray(),
            actions,
        });
        var rule = await response.ReadAsync<RuleDto>();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return rule;
    }

    /// <summary>What the lead engineer's worker does when these leads change.</summary>
    public async Task<List<RuleRunResult>> EvaluateAsync(params LeadRow[] leads)
    {
        var ids = leads.Select(l => l.Id).ToList();
        await using var db = app.CreateDbContext();
        return await Engine.EvaluateAsync(db, db.Leads.Where(l => ids.Contains(l.Id)), Ct);
    }

    public AppDbContext Db() => app.CreateDbContext();

    public async Task<string> UserAsync(string role = Roles.Sales) => (await app.CreateUserAsync(role)).User.Id;
}
