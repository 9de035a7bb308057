namespace LeadAgent.Web.Features.Crm.Normalization;

/// <summary>
/// Social networks whose links are profiles, not company websites; keyed by registrable domain.
/// </summary>
public static class SocialNetworks
{
    public const string Names = "Facebook, LinkedIn, Instagram, X (Twitter), XING, YouTube or TikTok";

    private static readonly HashSet<string> Domains =
    [
        "facebook.com", "fb.com", "linkedin.com", "instagram.com", "x.com", "twitter.com", "xing.com", "youtube.com",
        "youtu.be", "tiktok.com",
    ];

    /// <summary>The registrable domains of the networks, for queries and data fixes.</summary>
    public static IReadOnlyCollection<string> All => Domains;

    public static bool Contains(string registrableDomain) => Domains.Contains(registrableDomain);
}
