using System.Net;
using LeadAgent.Web.Data;
using Microsoft.AspNetCore.Hosting;

namespace LeadAgent.Tests.Deploy;

/// <summary>The app on Kestrel behind a TLS-terminating proxy on this machine (loopback: known by default).</summary>
public sealed class BehindLocalProxyApp() : AppFactory(Provider.Sqlite)
{
    protected override bool UseRealServer => true;
}

/// <summary>The app configured for a proxy elsewhere: loopback, where the test's requests come from, is
/// unknown.</summary>
public sealed class BehindRemoteProxyApp() : AppFactory(Provider.Sqlite)
{
    protected override bool UseRealServer => true;

    protected override void Configure(IWebHostBuilder builder) =>
        builder.UseSetting("ForwardedHeaders:KnownProxies:0", "192.0.2.0/24");
}

/// <summary>A proxy setting that is no address: the app must not start.</summary>
public sealed class MisconfiguredProxyApp() : AppFactory(Provider.Sqlite)
{
    protected override void Configure(IWebHostBuilder builder) =>
        builder.UseSetting("ForwardedHeaders:KnownProxies:0", "proxy.example.com");
}

/// <summary>
/// Forwarded headers are believed from known proxies only: over HTTPS at the proxy the login cookie is
/// <c>Secure</c> and HSTS is sent; the same headers from an unknown address change nothing.
/// </summary>
public sealed class ProxyHeadersTests(BehindLocalProxyApp local, BehindRemoteProxyApp remote)
    : IClassFixture<BehindLocalProxyApp>, IClassFixture<BehindRemoteProxyApp>
{
    private const string Password = "Proxy-password-123";

    // What Caddy or nginx sends for https://crm.example.com after terminating TLS.
    private static void ThroughProxy(HttpRequestMessage request)
    {
        request.Headers.Host = "crm.example.com";
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
    }

    [Fact]
    public async Task Https_at_a_known_proxy_gives_secure_cookies_and_hsts()
    {
        var (user, _) = await local.CreateUserAsync(Roles.Sales, Password);
        using var http = CookieSignIn.RawClient(local.ClientOptions.BaseAddress);

        var signedIn = await CookieSignIn.SignInAsync(http, user.Email, Password, ThroughProxy);

        Assert.All(signedIn.SetCookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        ThroughProxy(request);
        using var health = await http.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.StartsWith("max-age=", Assert.Single(health.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task Forwarded_headers_from_an_unknown_address_are_ignored()
    {
        var (user, _) = await remote.CreateUserAsync(Roles.Sales, Password);
        using var http = CookieSignIn.RawClient(remote.ClientOptions.BaseAddress);

        var signedIn = await CookieSignIn.SignInAsync(http, user.Email, Password, ThroughProxy);

        Assert.All(signedIn.SetCookies, c => Assert.DoesNotContain("secure", c, StringComparison.OrdinalIgnoreCase));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        ThroughProxy(request);
        using var health = await http.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.False(health.Headers.Contains("Strict-Transport-Security"));
        // The cookie still works over plain HTTP there, as nothing claimed HTTPS.
        using var me = await CookieSignIn.GetAsync(http, "/api/v1/me", signedIn);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task A_proxy_that_is_no_address_stops_the_app_at_start_with_the_setting_named()
    {
        await using var app = new MisconfiguredProxyApp();

        var failed = await Assert.ThrowsAnyAsync<Exception>(async () => await app.InitializeAsync());

        Assert.Contains("ForwardedHeaders:KnownProxies", failed.ToString());
    }
}
