using System.Net;
using LeadAgent.Tests.Security;
using LeadAgent.Web.Data;

namespace LeadAgent.Tests.Leads;

/// <summary>
/// A mangled or stale link into the lead (and new-contact) pages shows the page (with a message), never an error page.
/// </summary>
[Collection(nameof(SqliteCrm))]
public sealed class LeadPageLinkTests(SqliteApp app)
{
    [Theory]
    [InlineData("/leads?importRunId=abc", "the link names no valid import")]
    [InlineData("/leads?importRunId=", "Leads")]
    [InlineData("/leads/new?companyId=abc", "New lead")]
    [InlineData("/leads/new?companyId=0198c3a4-0000-7000-8000-000000000000", "New lead")]
    [InlineData("/contacts/new?companyId=abc", "New contact")]
    public async Task Bad_ids_in_page_links_do_not_fail_the_page(string path, string shows)
    {
        var browser = await CookieLogin.SignInAsync(app, Roles.Sales);
        var response = await browser.GetAsync(path, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK,
            $"{(int)response.StatusCode}: {html[..Math.Min(html.Length, 500)]}");
        Assert.Contains(shows, html);
    }
}
