using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace LeadAgent.Tests.Accounts;

/// <summary>
/// A browser without JavaScript at one client address: it keeps its cookies, fetches the login form (antiforgery
/// cookie and token) and posts it like the real page does. <see cref="Cookies"/> is what an attacker could copy.
/// </summary>
public sealed partial class LoginBrowser(AppFactory app, string address = "192.0.2.10")
{
    private static readonly Uri Site = new("http://localhost/");
    private readonly CookieContainer _jar = new();
    private string? _formToken;

    /// <summary>The Cookie header this browser sends now: a saved copy must stop working when sessions end.</summary>
    public string Cookies => _jar.GetCookieHeader(Site);

    public sealed record Answer(int Status, string? Location, string Body);

    public async Task<Answer> LoginAsync(string email, string password, string? returnUrl = null)
    {
        _formToken ??= await FormTokenAsync();
        var fields = new Dictionary<string, string>
        {
            ["email"] = email,
            ["password"] = password,
            ["__RequestVerificationToken"] = _formToken,
        };
        if (returnUrl is not null)
        {
            fields["returnUrl"] = returnUrl;
        }
        var body = await new FormUrlEncodedContent(fields).ReadAsByteArrayAsync(Ct);
        var answer = await SendAsync("POST", "/account/login", Cookies, body, "application/x-www-form-urlencoded");
        if (Error(answer) is null)
        {
            _formToken = null; // The form token of an anonymous visitor is not valid for the signed-in user.
        }
        return answer;
    }

    public Task<Answer> LogoutAsync() => SendAsync("POST", "/account/logout", Cookies);

    /// <summary>Sends a request carrying exactly the given Cookie header (e.g. one saved earlier).</summary>
    public async Task<Answer> SendAsync(string method, string path, string cookies, object? json = null)
    {
        using var client = app.Server.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.TryAddWithoutValidation("Cookie", cookies);
        if (json is not null)
        {
            request.Content = JsonContent.Create(json, json.GetType(), options: AppFactory.Json);
        }
        using var response = await client.SendAsync(request, Ct);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var header in setCookies)
            {
                _jar.SetCookies(Site, header);
            }
        }
        return new Answer((int)response.StatusCode, response.Headers.Location?.OriginalString,
            await response.Content.ReadAsStringAsync(Ct));
    }

    // The login goes through the server's own context so that it can come from a chosen client address.
    private async Task<Answer> SendAsync(string method, string path, string cookies, byte[] body, string? type)
    {
        var context = await app.Server.SendAsync(c =>
        {
            c.Request.Method = method;
            c.Request.Scheme = "http";
            c.Request.Host = new HostString("localhost");
            var query = path.IndexOf('?');
            c.Request.Path = query < 0 ? path : path[..query];
            c.Request.QueryString = query < 0 ? QueryString.Empty : new QueryString(path[query..]);
            c.Request.Headers.Cookie = cookies;
            if (type is not null)
            {
                c.Request.ContentType = type;
            }
            c.Request.Body = new MemoryStream(body);
            c.Request.ContentLength = body.Length;
            c.Connection.RemoteIpAddress = IPAddress.Parse(address);
        }, Ct);
        foreach (var header in context.Response.Headers.SetCookie)
        {
            _jar.SetCookies(Site, header!);
        }
        using var reader = new StreamReader(context.Response.Body, Encoding.UTF8);
        var location = context.Response.Headers.Location.ToString();
        return new Answer(context.Response.StatusCode, location.Length > 0 ? location : null,
            await reader.ReadToEndAsync(Ct));
    }

    private async Task<string> FormTokenAsync()
    {
        var page = await SendAsync("GET", "/login", Cookies, [], null);
        Assert.Equal(200, page.Status);
        var input = AntiforgeryInput().Match(page.Body);
        Assert.True(input.Success, "The login page has no antiforgery token.");
        return WebUtility.HtmlDecode(ValueAttribute().Match(input.Value).Groups[1].Value);
    }

    [GeneratedRegex("<input[^>]*__RequestVerificationToken[^>]*>")]
    private static partial Regex AntiforgeryInput();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex ValueAttribute();

    /// <summary>The query parameter of a redirect to the login page (e.g. error=paused).</summary>
    public static string? Error(Answer answer) =>
        answer.Location is { } l && l.StartsWith("/login?", StringComparison.Ordinal)
            ? Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(l[6..]).TryGetValue("error", out var e)
                ? e.ToString() : null
            : null;
}
