using System.Net;
using LeadAgent.Web.Infrastructure.Net;
using Microsoft.Extensions.Options;

namespace LeadAgent.Tests.Inbox;

/// <summary>The private-network guard on its own: which addresses it refuses, and that it checks the address a host
/// name resolves to when connecting (real sockets on loopback).</summary>
public sealed class PrivateNetworkGuardTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static PrivateNetworkGuard Guard(params string[] allowed) =>
        new(Options.Create(new NetworkOptions { AllowedPrivateRanges = [.. allowed] }));

    [Theory]
    [InlineData("169.254.169.254")]
    [InlineData("127.0.0.1")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.5.4")]
    [InlineData("192.168.0.1")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.251")]
    [InlineData("255.255.255.255")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fd00::1")]
    [InlineData("fe80::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    [InlineData("2002:7f00:1::1")]
    public void Private_loopback_link_local_and_embedded_addresses_are_refused(string address)
    {
        Assert.True(PrivateAddresses.IsPrivate(IPAddress.Parse(address)));
        Assert.False(Guard().Allows(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("1.1.1.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:93.184.216.34")]
    public void Public_addresses_are_allowed(string address) =>
        Assert.True(Guard().Allows(IPAddress.Parse(address)));

    [Fact]
    public async Task A_host_name_resolving_to_loopback_is_refused_at_connect_unless_its_range_is_allowed()
    {
        await using var fake = await FakeRespondIo.StartAsync();
        var url = $"http://localhost:{new Uri(fake.Url).Port}/v2/space/channel";
        using (var denied = new HttpClient(Guard().CreateHandler()))
        {
            var e = await Assert.ThrowsAsync<HttpRequestException>(() => denied.GetAsync(url, Ct));
            Assert.IsType<PrivateTargetException>(e.InnerException);
        }
        using var allowed = new HttpClient(Guard("127.0.0.0/8", "::1/128").CreateHandler());
        using var response = await allowed.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode); // the fake's answer without a token
    }

    [Fact]
    public async Task Urls_are_checked_up_front_for_the_field_error()
    {
        Assert.NotNull(await Guard().ProblemWithAsync("http://localhost:8080/v2", Ct));
        Assert.NotNull(await Guard().ProblemWithAsync("http://2852039166/latest", Ct)); // 169.254.169.254 as a number
        Assert.NotNull(await Guard().ProblemWithAsync("http://user:pw@api.respond.io/v2", Ct));
        Assert.Null(await Guard().ProblemWithAsync("https://93.184.216.34/v2", Ct));
        Assert.Null(await Guard("127.0.0.0/8", "::1/128").ProblemWithAsync("http://localhost:8080/v2", Ct));
    }
}
