using System.Collections.Frozen;

namespace LeadAgent.Web.Features.Discovery.Extraction;

/// <summary>
/// Company profiles on social networks, canonicalised to one https URL each (linkedin.com/company|school|showcase,
/// instagram, facebook, x.com for twitter.com too, youtube @handle|channel|c|user, xing pages|companies, tiktok @).
/// Share buttons, posts, intents and personal LinkedIn or XING profiles are not company profiles and are dropped.
/// </summary>
internal static class SocialLinks
{
    private static readonly FrozenSet<string> InstagramReserved = FrozenSet.ToFrozenSet(
        ["p", "reel", "reels", "explore", "stories", "tv", "accounts", "direct", "about", "legal", "developer"],
        StringComparer.Ordinal);

    private static readonly FrozenSet<string> FacebookReserved = FrozenSet.ToFrozenSet(
        ["sharer.php", "sharer", "share.php", "share", "dialog", "plugins", "tr", "login", "login.php", "help",
            "policies", "privacy", "events", "groups", "watch", "hashtag", "photo.php", "photo", "search",
            "permalink.php", "story.php", "legal", "business", "ads", "pages", "people", "home.php"],
        StringComparer.Ordinal);

    private static readonly FrozenSet<string> XReserved = FrozenSet.ToFrozenSet(
        ["intent", "share", "home", "search", "hashtag", "i", "explore", "login", "signup", "settings", "tos",
            "privacy", "messages", "notifications", "compose", "widgets.js"], StringComparer.Ordinal);

    /// <summary>The canonical profile URL, or null when the link is no company profile on a known network.</summary>
    public static string? Canonical(string href)
    {
        if (!Uri.TryCreate(href.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return null;
        }
        var host = uri.Host.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal) || host.StartsWith("m.", StringComparison.Ordinal))
        {
            host = host[(host.IndexOf('.') + 1)..];
        }
        if (host.EndsWith(".linkedin.com", StringComparison.Ordinal))
        {
            host = "linkedin.com";   // de.linkedin.com, at.linkedin.com …
        }
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0)
        {
            return null;
        }
        var first = Uri.UnescapeDataString(segments[0]);
        return host switch
        {
            "linkedin.com" when segments.Length >= 2 && first is "company" or "school" or "showcase" =>
                $"https://www.linkedin.com/{first}/{Slug(segments[1])}",
            "instagram.com" when Handle(first) && !InstagramReserved.Contains(first.ToLowerInvariant()) =>
                $"https://www.instagram.com/{first.ToLowerInvariant()}",
            "facebook.com" or "fb.com" => Facebook(uri, segments, first),
            "twitter.com" or "x.com" when Handle(first) && !XReserved.Contains(first.ToLowerInvariant()) =>
                $"https://x.com/{first.ToLowerInvariant()}",
            "youtube.com" => YouTube(segments, first),
            "xing.com" when segments.Length >= 2 && first is "pages" or "companies" =>
                $"https://www.xing.com/{first}/{Slug(segments[1])}",
            "tiktok.com" when first.StartsWith('@') && Handle(first[1..]) =>
                $"https://www.tiktok.com/{first.ToLowerInvariant()}",
            _ => null,
        };
    }

    private static string? Facebook(Uri uri, string[] segments, string first)
    {
        var lower = first.ToLowerInvariant();
        if (lower == "profile.php")
        {
            var id = System.Web.HttpUtility.ParseQueryString(uri.Query)["id"];
            return id is { Length: > 0 } && id.All(char.IsAsciiDigit)
                ? $"https://www.facebook.com/profile.php?id={id}" : null;
        }
        if (lower == "pg" && segments.Length >= 2)
        {
            lower = Uri.UnescapeDataString(segments[1]).ToLowerInvariant();   // facebook.com/pg/{page}/about
        }
        return FacebookReserved.Contains(lower) || !Handle(lower.Replace(".", "", StringComparison.Ordinal))
            ? null : $"https://www.facebook.com/{lower}";
    }

    private static string? YouTube(string[] segments, string first)
    {
        if (first.StartsWith('@') && Handle(first[1..]))
        {
            return $"https://www.youtube.com/{first}";
        }
        return first is "channel" or "c" or "user" && segments.Length >= 2 && Handle(segments[1])
            ? $"https://www.youtube.com/{first}/{segments[1]}" : null;
    }

    private static string Slug(string segment) => Uri.UnescapeDataString(segment).Trim().ToLowerInvariant();

    private static bool Handle(string s) =>
        s.Length is > 0 and <= 100 && s.All(c => char.IsLetterOrDigit(c) || c is '_' or '-' or '.');
}
