using LeadAgent.Web.Data;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;

namespace LeadAgent.Web.Infrastructure.Auth;

/// <summary>The role checks services call before they change anything (403 with what was tried).</summary>
public static class RolePolicy
{
    /// <summary>Hard deletes and other admin-only changes.</summary>
    public static async Task RequireAdminAsync(this AppDbContext db)
    {
        if (!(await db.GetActorAsync()).IsAdmin)
        {
            throw new ForbiddenException("Only admins may do this.");
        }
    }

    /// <summary>Sales and admins change data; viewers get 403 with what they tried, whichever way they reach it.</summary>
    public static async Task<Actor> RequireWriterAsync(this AppDbContext db, string what = "change CRM data")
    {
        var actor = await db.GetActorAsync();
        if (!actor.CanWrite)
        {
            throw new ForbiddenException($"Your role can read but not {what}.");
        }
        return actor;
    }
}
