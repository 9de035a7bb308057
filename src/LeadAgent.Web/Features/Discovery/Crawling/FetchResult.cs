namespace LeadAgent.Web.Features.Discovery.Crawling;

/// <summary>How a fetch ended; each outcome but <see cref="Fetched"/> comes with its reason, never thrown.</summary>
public enum FetchOutcome
{
    Fetched,
    /// <summary>An answer other than 2xx (after redirects).</summary>
    HttpError,
    /// <summary>Not HTML or XHTML (or, for robots.txt, not text).</summary>
    NotHtml,
    TooLarge,
    TimedOut,
    /// <summary>Refused before any connection: not http(s), credentials, a private or local target.</summary>
    Refused,
    TooManyRedirects,
    /// <summary>No connection, TLS failure, a reset.</summary>
    Unreachable,
}

/// <summary>What a fetch brought back: the final URL after redirects, the status, the body if fetched.</summary>
public sealed record FetchResult(Uri Url, FetchOutcome Outcome, int Status, string? ContentType, byte[] Body,
    string? Reason = null)
{
    /// <summary>How long the site asked to be left alone (429 or 503 with <c>Retry-After</c>).</summary>
    public TimeSpan? RetryAfter { get; init; }

    public bool Ok => Outcome == FetchOutcome.Fetched;
}

/// <summary>What a fetch is for, which decides the content types and size handling.</summary>
public enum FetchKind
{
    /// <summary>A web page: HTML or XHTML only, refused over the size limit.</summary>
    Page,
    /// <summary>robots.txt: any text, cut at <see cref="RobotsTxt.MaxBytes"/> as the RFC allows.</summary>
    Robots,
    /// <summary>A sitemap: XML or text, refused over the size limit.</summary>
    Sitemap,
}
