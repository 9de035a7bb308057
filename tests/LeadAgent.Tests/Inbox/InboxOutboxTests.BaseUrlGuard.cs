using System.Net;
using System.Text.Json;
using LeadAgent.Tests.Kit;

namespace LeadAgent.Tests.Inbox;

/// <summary>The Respond.io base URL an admin saves cannot point into the private network (SSRF).</summary>
public abstract partial class InboxOutboxTests
{
    [Fact]
    public async Task A_base_url_in_a_private_network_is_refused_with_a_field_error()
    {
        using var admin = await App.ClientAsync("admin");
        string[] targets =
        [
            "http://169.254.169.254/latest/meta-data", "http://10.0.0.5/v2", "http://192.168.1.10/v2",
            "http://172.20.0.1/v2", "http://100.64.0.1/v2", "http://0.0.0.0/v2", "http://224.0.0.1/v2",
            "http://[::1]/v2", "http://[fd12:3456::1]/v2", "http://[fe80::1]/v2", "http://[::ffff:169.254.169.254]/v2",
            "http://2852039166/v2",
        ];
        foreach (var target in targets)
        {
            var response = await admin.PutJsonAsync("/api/v1/inbox/settings", new { baseUrl = target });
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{target}: {response.StatusCode}");
            var problem = await response.ProblemAsync();
            Assert.True(problem.GetProperty("errors").TryGetProperty("baseUrl", out _), target);
        }
        var settings = await (await admin.GetAsync("/api/v1/inbox/settings", Ct)).ReadAsync<JsonElement>();
        Assert.Equal(App.Fake.Url, settings.GetProperty("baseUrl").GetString());
    }
}
