using System.Net;
using LeadAgent.Web.Features.Inbox.Providers.RespondIo;
using LeadAgent.Web.Infrastructure.Net;
using Microsoft.Extensions.DependencyInjection;

namespace LeadAgent.Tests.Inbox;

/// <summary>The Respond.io client connects through the private-network guard.</summary>
public abstract partial class InboxOutboxTests
{
    [Fact]
    public async Task The_respond_io_client_connects_only_to_allowed_addresses()
    {
        // The tests allow 127.0.0.0/8 (where the fake listens), not the IPv6 loopback.
        var http = App.Services.GetRequiredService<IHttpClientFactory>().CreateClient(RespondIoClient.HttpClientName);
        var e = await Assert.ThrowsAsync<HttpRequestException>(() =>
            http.GetAsync($"http://[::1]:{new Uri(App.Fake.Url).Port}/v2/space/channel", Ct));
        Assert.IsType<PrivateTargetException>(e.InnerException);
        using var fake = await http.GetAsync(App.Fake.Url + "/space/channel", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, fake.StatusCode);
    }
}
