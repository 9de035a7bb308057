using LeadAgent.Tests.Accounts;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Accounts;

namespace LeadAgent.Tests.MultiNode;

/// <summary>
/// Failed sign-ins count on every node of a deployment: a guesser who spreads attempts over the nodes behind the
/// proxy is paused as soon as on one node, and the pause holds on all.
/// </summary>
public sealed class SharedLoginThrottleTests
{
    private const string Password = "Team-password-123";

    [Fact]
    public async Task Failures_on_two_nodes_add_up_and_the_pause_holds_on_both()
    {
        await using var database = await TestDatabase.CreateAsync(Provider.Postgres);
        await using var a = new TeamNode(database.ConnectionString);
        await a.InitializeAsync();
        await using var b = new TeamNode(database.ConnectionString);
        await b.InitializeAsync();
        var (user, _) = await a.CreateUserAsync(Roles.Sales, Password);
        var onA = new LoginBrowser(a, "203.0.113.7");
        var onB = new LoginBrowser(b, "203.0.113.7");

        var answers = new List<string?>();
        for (var i = 0; i < LoginThrottle.MaxFailures; i++)
        {
            var node = i % 2 == 0 ? onA : onB;
            answers.Add(LoginBrowser.Error(await node.LoginAsync(user.Email, "wrong-password-" + i)));
        }
        Assert.Equal(new[] { "invalid", "invalid", "invalid", "invalid", "paused" }, answers);
        Assert.Equal("paused", LoginBrowser.Error(await onA.LoginAsync(user.Email, Password)));
        Assert.Equal("paused", LoginBrowser.Error(await onB.LoginAsync(user.Email, Password)));

        // The same account from another address is not paused, on either node.
        Assert.Equal("/", (await new LoginBrowser(b, "198.51.100.9").LoginAsync(user.Email, Password)).Location);
    }
}
