namespace LeadAgent.Market;

/// <summary>
/// robots.txt for every host, with the truth of what it means for the LeadAgent token. Most sites have none or
/// an allow-all file; WordPress sites keep out of /wp-admin/; trapped sites forbid much more.
/// </summary>
internal static class RobotsFiles
{
    public static void Trap(World w, SitePlan plan, string trap)
    {
        var hidden = plan.Team ?? plan.About;
        (string Text, List<HostRobots.Rule> Rules, TimeSpan? Delay) robots = trap switch
        {
            MarketTraps.DisallowAll => ("User-agent: *\nDisallow: /\n", [new(false, "/")], null),
            MarketTraps.DisallowPaths => (
                $"User-agent: *\nDisallow: {hidden}\nDisallow: {plan.Contact}\nDisallow: /*.pdf$\n",
                [new(false, hidden), new(false, plan.Contact), new(false, "/*.pdf$")], null),
            MarketTraps.LeadAgentBlocked => ("User-agent: Googlebot\nAllow: /\n\n# No lead scrapers, thank you.\n"
                + "User-agent: LeadAgent\nDisallow: /\n\nUser-agent: *\nDisallow: /admin/\n", [new(false, "/")], null),
            MarketTraps.LeadAgentGroup => ("User-agent: *\nDisallow: /\n\nUser-agent: bingbot\nUser-agent: leadagent\n"
                + $"Allow: /\nDisallow: {hidden}\n", [new(true, "/"), new(false, hidden)], null),
            MarketTraps.CrawlDelay => ("User-agent: *\nCrawl-delay: 5\nDisallow: /cgi-bin/\n",
                [new(false, "/cgi-bin/")],
                TimeSpan.FromSeconds(5)),
            MarketTraps.CrawlDelayAbsurd => ("User-agent: *\nCrawl-delay: 3600\n", [], TimeSpan.FromHours(1)),
            _ => ("", [new(false, "/")], null),
        };
        if (trap == MarketTraps.RobotsUnreachable)
        {
            w.Sites[plan.Host].Set("/robots.txt", MarketPage.Error(503));
            w.Robots[plan.Host] = new HostRobots { Status = 503, Text = null, Rules = robots.Rules };
            return;
        }
        Set(w, plan, robots.Text, robots.Rules, robots.Delay);
    }

    /// <summary>Files for every host not given one by a trap; redirecting hosts follow their target.</summary>
    public static void Defaults(World w)
    {
        foreach (var site in w.Sites.Values.Where(s => !w.Robots.ContainsKey(s.Host) && s.RedirectAll is null))
        {
            if (site.StatusAll is { } status)
            {
                w.Robots[site.Host] = new HostRobots { Status = status, Text = null, Rules = [new(false, "/")] };
                continue;
            }
            // Both hosts of a www duplicate answer the same file.
            var plan = w.Plans.GetValueOrDefault(site.Host);
            var twin = plan is null ? null : w.Plans.Values.FirstOrDefault(p => p.Profile == plan.Profile
                && (p.Host == "www." + plan.Host || plan.Host == "www." + p.Host)
                && w.Robots.GetValueOrDefault(p.Host)?.Status is 200 or 404);
            if (twin is not null)
            {
                var robots = w.Robots[twin.Host];
                if (robots.Text is { } copied)
                {
                    site.Set("/robots.txt", MarketPage.Of(copied, "text/plain; charset=utf-8"));
                }
                w.Robots[site.Host] = robots;
                continue;
            }
            var roll = w.R.Next(100);
            var sitemap = plan?.Sitemap == true ? $"\nSitemap: http://{site.Host}/sitemap.xml\n" : "";
            if (roll < 45 && sitemap.Length == 0)
            {
                w.Robots[site.Host] = HostRobots.None;
            }
            else if (roll < 80 || plan is null)
            {
                Set(w, site.Host, "User-agent: *\nDisallow:\n" + sitemap, [], null);
            }
            else if (plan.Style == 2)
            {
                Set(w, site.Host, "User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n" + sitemap,
                    [new(false, "/wp-admin/"), new(true, "/wp-admin/admin-ajax.php")], null);
            }
            else
            {
                Set(w, site.Host, "User-agent: *\nDisallow: /intern/\nDisallow: /*?print=\n" + sitemap,
                    [new(false, "/intern/"), new(false, "/*?print=")], null);
            }
        }
        foreach (var site in w.Sites.Values.Where(s => s.RedirectAll is not null))
        {
            var target = new Uri(site.RedirectAll!).Host;
            // Redirects are followed for robots.txt; one to https cannot be, so the file is unreachable.
            w.Robots[site.Host] = site.RedirectAll!.StartsWith("https:", StringComparison.Ordinal)
                ? new HostRobots { Status = 502, Text = null, Rules = [new(false, "/")] }
                : w.Robots.GetValueOrDefault(target) ?? HostRobots.None;
        }
    }

    private static void Set(World w, SitePlan plan, string text, List<HostRobots.Rule> rules, TimeSpan? delay)
    {
        var sitemap = plan.Sitemap ? $"\nSitemap: http://{plan.Host}/sitemap.xml\n" : "";
        Set(w, plan.Host, text + sitemap, rules, delay);
    }

    private static void Set(World w, string host, string text, List<HostRobots.Rule> rules, TimeSpan? delay)
    {
        w.Sites[host].Set("/robots.txt", MarketPage.Of(text, "text/plain; charset=utf-8"));
        w.Robots[host] = new HostRobots { Status = 200, Text = text, Rules = rules, CrawlDelay = delay };
    }
}
