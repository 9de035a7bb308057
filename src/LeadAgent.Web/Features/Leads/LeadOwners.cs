using LeadAgent.Web.Data;
using LeadAgent.Web.Infrastructure.Api;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Leads;

/// <summary>Who may own a lead: sales and admin users (a viewer cannot work a lead).</summary>
public static class LeadOwners
{
    public const string ViewerMessage = "Leads are owned by sales or admin users; this user is a viewer.";

    /// <summary>The ids of the users who may own leads.</summary>
    public static IQueryable<string> Ids(AppDbContext db) =>
        from userRole in db.UserRoles
        join role in db.Roles on userRole.RoleId equals role.Id
        where role.Name == Roles.Sales || role.Name == Roles.Admin
        select userRole.UserId;

    /// <summary>Adds a field error unless <paramref name="ownerId"/> is null (unassigned) or may own leads.</summary>
    public static async Task CheckAsync(AppDbContext db, Errors errors, string field, string? ownerId,
        CancellationToken ct, string missing = "No user with this id.")
    {
        if (ownerId is null)
        {
            return;
        }
        if (!await db.Users.AnyAsync(u => u.Id == ownerId, ct))
        {
            errors.Add(field, missing);
        }
        else if (!await Ids(db).AnyAsync(id => id == ownerId, ct))
        {
            errors.Add(field, ViewerMessage);
        }
    }
}
