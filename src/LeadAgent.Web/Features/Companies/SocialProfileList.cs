using LeadAgent.Web.Features.Crm.Normalization;
using LeadAgent.Web.Infrastructure.Api;

namespace LeadAgent.Web.Features.Companies;

/// <summary>A company's social-network profile links: each a profile on a known network, normalised, unique.</summary>
public static class SocialProfileList
{
    /// <summary>
    /// The given links, plus <paramref name="fromWebsite"/> (a profile link that was given as the website), each
    /// normalised like a website; errors under <c>socialProfiles[i]</c>.
    /// </summary>
    public static List<string> Normalize(IReadOnlyList<string>? links, string? fromWebsite, Errors errors)
    {
        var result = new List<string>();
        links ??= [];
        for (var i = 0; i < links.Count; i++)
        {
            var field = $"socialProfiles[{i}]";
            var text = errors.Optional(field, links[i], Company.WebsiteMax);
            if (text is null)
            {
                continue;
            }
            var parsed = WebsiteAddress.Parse(text);
            if (parsed.SocialProfile is { } profile)
            {
                Add(result, profile);
            }
            else
            {
                errors.Add(field, parsed.Error
                    ?? $"Is not a profile link on {SocialNetworks.Names}; a company's own site goes in website.");
            }
        }
        if (fromWebsite is not null)
        {
            Add(result, fromWebsite);
        }
        if (result.Count > Company.SocialProfilesMax)
        {
            errors.Add("socialProfiles", $"At most {Company.SocialProfilesMax} profile links.");
        }
        return result;
    }

    private static void Add(List<string> result, string profile)
    {
        if (!result.Contains(profile, StringComparer.OrdinalIgnoreCase))
        {
            result.Add(profile);
        }
    }
}
