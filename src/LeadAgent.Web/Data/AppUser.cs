using Microsoft.AspNetCore.Identity;

namespace LeadAgent.Web.Data;

public sealed class AppUser : IdentityUser
{
    public string? DisplayName { get; set; }
    /// <summary>IANA time zone used to show timestamps to this user.</summary>
    public string TimeZone { get; set; } = "UTC";
    public DateTime CreatedAt { get; set; }

    public string Label => string.IsNullOrWhiteSpace(DisplayName) ? Email ?? UserName ?? Id : DisplayName;
}
