using Microsoft.AspNetCore.Mvc;

namespace LeadAgent.Web.Infrastructure.Api;

/// <summary>
/// Cross-site request forgery guard for changes a browser makes with the login cookie (POST, PUT, PATCH, DELETE,
/// including bodiless ones such as archive or logout): the request must come from this app's own origin, judged by
/// <c>Origin</c>, else <c>Sec-Fetch-Site</c>, else <c>Referer</c>. Requests with a Bearer token and requests without
/// cookies (scripts, signed webhooks) cannot ride on a victim's session and pass unchecked.
/// </summary>
public sealed class OriginCheck(RequestDelegate next, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (!NeedsCheck(http.Request) || IsSameOrigin(http.Request))
        {
            await next(http);
            return;
        }
        http.Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Cross-site request refused.",
                Detail = "This change came from another site's page; changes made with the login cookie must come "
                    + "from LeadAgent's own pages. Scripts should authenticate with an API token instead.",
            },
        });
    }

    private static bool NeedsCheck(HttpRequest request) =>
        !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
        && request.Headers.Cookie.Count > 0
        && !request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    private static bool IsSameOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0)
        {
            return Matches(request, origin);
        }
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            // "none": typed into the address bar or a bookmark, never a page of another site.
            return site is "same-origin" or "none";
        }
        var referer = request.Headers.Referer.ToString();
        // Neither header: not a browser acting for a page (browsers send Origin on every such request).
        return referer.Length == 0 || Matches(request, referer);
    }

    // Same host and port as this request ("null" and unparsable origins are foreign). A default port on either side
    // matches the other's default port, so the app behind a TLS-terminating proxy that keeps the Host still matches.
    private static bool Matches(HttpRequest request, string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return false;
        }
        var host = request.Host;
        if (!string.Equals(uri.Host, host.Host, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        return host.Port is { } port ? uri.Port == port : uri.IsDefaultPort;
    }
}
