using System.Net;
using System.Text.RegularExpressions;

namespace LeadAgent.Tests.Deploy;

/// <summary>What a sign-in through the login form gave: its Set-Cookie headers and the Cookie header to send.</summary>
public sealed record SignedIn(IReadOnlyList<string> SetCookies, string Cookie);

/// <summary>
/// Signs in as a browser does, without a browser: the login page (its antiforgery token and cookie), then the form
/// post. The client must neither follow redirects nor keep cookies, so each header is seen and sent as it is.
/// </summary>
public static partial class CookieSignIn
{
    public const string AuthCookie = "leadagent.auth";

    /// <summary>A client that shows redirects and cookies instead of handling them.</summary>
    public static HttpClient RawClient(Uri baseAddress) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };

    /// <param name="decorate">Adds headers to both requests (e.g. what a reverse proxy forwards).</param>
    public static async Task<SignedIn> SignInAsync(HttpClient http, string email, string password,
        Action<HttpRequestMessage>? decorate = null)
    {
        using var page = new HttpRequestMessage(HttpMethod.Get, "/login");
        decorate?.Invoke(page);
        using var form = await http.SendAsync(page, Ct);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var html = await form.Content.ReadAsStringAsync(Ct);
        var input = TokenInput().Match(html);
        Assert.True(input.Success, "the login page has no antiforgery token");
        var token = WebUtility.HtmlDecode(TokenValue().Match(input.Value).Groups[1].Value);

        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["email"] = email,
                ["password"] = password,
                ["returnUrl"] = "/",
                ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", string.Join("; ", Pairs(SetCookies(form))));
        decorate?.Invoke(post);
        using var signedIn = await http.SendAsync(post, Ct);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location?.OriginalString);
        var auth = SetCookies(signedIn).Where(c => c.StartsWith(AuthCookie, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(auth);
        return new SignedIn(auth, string.Join("; ", Pairs(auth)));
    }

    /// <summary>GET with the signed-in cookie.</summary>
    public static async Task<HttpResponseMessage> GetAsync(HttpClient http, string path, SignedIn user)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", user.Cookie);
        return await http.SendAsync(request, Ct);
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    private static IEnumerable<string> Pairs(IEnumerable<string> setCookies) =>
        setCookies.Select(c => c.Split(';')[0]);

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*>")]
    private static partial Regex TokenInput();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex TokenValue();
}
