using System.Net;
using AngleSharp.Html.Parser;

namespace LeadAgent.Tests.Security;

/// <summary>Signs in through the login form, as a browser does, and keeps the cookie.</summary>
public static class CookieLogin
{
    public const string SelfOrigin = "http://localhost";

    public static async Task<HttpClient> SignInAsync(AppFactory app, string role)
    {
        const string password = "Cookie-pass-123";
        var (user, _) = await app.CreateUserAsync(role, password);
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var response = await client.SendAsync(LoginForm(await AntiforgeryTokenAsync(client), user.Email, password,
            SelfOrigin), Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        return client;
    }

    public static async Task<string> AntiforgeryTokenAsync(HttpClient client)
    {
        var page = new HtmlParser().ParseDocument(await client.GetStringAsync("/login", Ct));
        return page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
    }

    public static HttpRequestMessage LoginForm(string antiforgery, string email, string password, string? origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["email"] = email,
                ["password"] = password,
                ["returnUrl"] = "/",
                ["__RequestVerificationToken"] = antiforgery,
            }),
        };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }
        return request;
    }

    /// <summary>A request as another site's page would send it (its Origin, or only the fetch metadata).</summary>
    public static HttpRequestMessage From(this HttpRequestMessage request, string header, string value)
    {
        request.Headers.TryAddWithoutValidation(header, value);
        return request;
    }
}
