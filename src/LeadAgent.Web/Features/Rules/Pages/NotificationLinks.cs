namespace LeadAgent.Web.Features.Rules.Pages;

/// <summary>Notification links are app paths; anything else (another site, a script) is not followed.</summary>
public static class NotificationLinks
{
    public static string? Safe(string? link) =>
        link is { Length: > 1 } && link[0] == '/' && link[1] is not ('/' or '\\')
            && !link.Any(char.IsControl) ? link : null; // browsers drop tabs and newlines: "/\t/x" reads as "//x"
}
