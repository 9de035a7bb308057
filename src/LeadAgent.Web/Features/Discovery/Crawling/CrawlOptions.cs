using System.ComponentModel.DataAnnotations;

namespace LeadAgent.Web.Features.Discovery.Crawling;

/// <summary><c>Discovery:Crawl:…</c>: how politely sites are crawled.</summary>
public sealed class CrawlOptions
{
    public const string Section = "Discovery:Crawl";

    /// <summary>The least time between two requests to one host (a longer Crawl-delay wins).</summary>
    [Range(0, 60)]
    public double MinDelaySeconds { get; set; } = 1;

    /// <summary>A Crawl-delay above this is absurd for a company site: the host is skipped.</summary>
    [Range(1, 3600)]
    public double MaxCrawlDelaySeconds { get; set; } = 60;

    /// <summary>How many fetches run at once over all hosts (one per host at most).</summary>
    [Range(1, 256)]
    public int MaxConcurrency { get; set; } = 16;

    /// <summary>The longest <c>Retry-After</c> waited for; a longer one gives the host up for the run.</summary>
    [Range(1, 3600)]
    public double MaxRetryAfterSeconds { get; set; } = 300;
}
