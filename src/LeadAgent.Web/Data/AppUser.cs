using Microsoft.AspNetCore.Identity;

namespace LeadAgent.Web.Data;

public sealed class AppUser : IdentityUser
{
    public string? DisplayName { get; set; }
    /// <summary>IANA time zone used to show timestamps to this user.</summary>
    public string TimeZone { get; set; } = "UTC";
    /// <summary>
    /// Whether the zone was chosen — by the person, an admin, or taken from the browser at the first sign-in — so the
    /// browser's zone is taken once and never over a choice.
    /// </summary>
    public bool TimeZoneChosen { get; set; }
    public DateTime CreatedAt { get; set; }

    public string Label => string.IsNullOrWhiteSpace(DisplayName) ? Email ?? UserName ?? Id : DisplayName;
}
