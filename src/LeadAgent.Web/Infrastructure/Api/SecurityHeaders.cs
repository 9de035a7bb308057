namespace LeadAgent.Web.Infrastructure.Api;

/// <summary>
/// Browser-facing protection on every response: a Content-Security-Policy that runs only the app's own script files
/// (no inline script, so injected markup cannot run code), no MIME sniffing, no referrer to other sites and no
/// framing; plus the <see cref="OriginCheck"/> on cookie-authenticated changes.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Blazor Server needs its own scripts and its websocket back to the same origin ('self' covers ws/wss there);
    /// MudBlazor sets inline style attributes, so styles (not scripts) may be inline.
    /// </summary>
    public const string Policy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
        + "form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The API reference (/api/docs) boots from an inline script of the Scalar package; it shows only the app's own
    /// OpenAPI document, so it alone may run inline script.
    /// </summary>
    public const string DocsPolicy = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
        + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Adds the headers and the origin check; first in the pipeline, so every response has them.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        app.Use((HttpContext http, RequestDelegate next) =>
        {
            // OnStarting also covers responses the exception handler rewrote after clearing headers.
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/api/docs")
                    ? DocsPolicy
                    : Policy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next(http);
        });
        app.UseMiddleware<OriginCheck>();
        return app;
    }
}
