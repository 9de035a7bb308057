using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Activity;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Accounts;

public sealed record UserDto(
    string Id, string Email, string? DisplayName, string Role, string TimeZone, bool Locked, DateTime CreatedAt);

public sealed record UserInput(
    string? Email, string? DisplayName, string? Role, string? Password, string? TimeZone = null);

public sealed record UserUpdate(string? DisplayName, string? Role, bool? Locked, string? TimeZone);

public sealed record ProfileInput(string? DisplayName, string? TimeZone);

public sealed record PasswordChange(string? CurrentPassword, string? NewPassword);

public sealed record PasswordReset(string? NewPassword);

/// <summary>Admin management of users and their single role. Changes are written to the activity log.</summary>
public sealed class UserService(
    UserManager<AppUser> users, IDbContextFactory<AppDbContext> dbFactory, IActorSource actors, SessionGuard sessions,
    TimeProvider time)
{
    public async Task<List<UserDto>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var roles = await (
            from ur in db.UserRoles
            join r in db.Roles on ur.RoleId equals r.Id
            select new { ur.UserId, r.Name }).ToListAsync(ct);
        var all = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
        var now = time.GetUtcNow();
        return all.Select(u => new UserDto(u.Id, u.Email ?? "", u.DisplayName,
            roles.FirstOrDefault(r => r.UserId == u.Id)?.Name ?? "", u.TimeZone, u.LockoutEnd > now, u.CreatedAt))
            .ToList();
    }

    public async Task<UserDto> CreateAsync(UserInput input, CancellationToken ct = default)
    {
        await RequireAdminAsync();
        var errors = new Errors();
        var email = errors.Required("email", input.Email, 256);
        var (normalized, emailError) = Features.Crm.Normalization.ContactPoints.Email(email);
        if (email is not null && emailError is not null)
        {
            errors.Add("email", emailError);
        }
        var role = CheckRole(errors, input.Role);
        var displayName = errors.Optional("displayName", input.DisplayName, 200);
        var tz = CheckTimeZone(errors, input.TimeZone);
        if (string.IsNullOrEmpty(input.Password))
        {
            errors.Add("password", "Required.");
        }
        errors.ThrowIfAny();
        if (await users.FindByEmailAsync(normalized!) is not null)
        {
            throw new ConflictException("A user with this e-mail already exists.");
        }
        var user = new AppUser
        {
            UserName = normalized,
            Email = normalized,
            EmailConfirmed = true,
            DisplayName = displayName,
            TimeZone = tz ?? "UTC",
            TimeZoneChosen = tz is not null,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        Check(await users.CreateAsync(user, input.Password!), "password");
        Check(await users.AddToRoleAsync(user, role!), "role");
        await LogAsync("user-created", user, new { role }, ct);
        return (await ListAsync(ct)).First(u => u.Id == user.Id);
    }

    public async Task<UserDto> UpdateAsync(string id, UserUpdate input, CancellationToken ct = default)
    {
        await RequireAdminAsync();
        var user = await users.FindByIdAsync(id) ?? throw new NotFoundException("User", id);
        var errors = new Errors();
        var role = input.Role is null ? null : CheckRole(errors, input.Role);
        var displayName = errors.Optional("displayName", input.DisplayName, 200);
        var tz = CheckTimeZone(errors, input.TimeZone);
        errors.ThrowIfAny();
        if (input.DisplayName is not null)
        {
            user.DisplayName = displayName;
        }
        if (tz is not null)
        {
            user.TimeZone = tz;
            user.TimeZoneChosen = true;
        }
        Check(await users.UpdateAsync(user), "user");
        var endSessions = false;
        if (role is not null)
        {
            var current = await users.GetRolesAsync(user);
            if (!current.SequenceEqual([role]))
            {
                Check(await users.RemoveFromRolesAsync(user, current), "role");
                Check(await users.AddToRoleAsync(user, role), "role");
                endSessions = true;
            }
        }
        if (input.Locked is { } locked)
        {
            Check(await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null), "locked");
            endSessions = true;
        }
        await LogAsync("user-updated", user, new { role, input.Locked, input.DisplayName }, ct);
        if (endSessions)
        {
            // After the log: an admin demoting or locking themselves in the UI is anonymous from here on.
            await sessions.EndAllAsync(user);
        }
        return (await ListAsync(ct)).First(u => u.Id == user.Id);
    }

    /// <summary>Any user may change their own display name and time zone.</summary>
    public async Task<UserDto> UpdateProfileAsync(string id, ProfileInput input, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(id) ?? throw new NotFoundException("User", id);
        var errors = new Errors();
        var displayName = errors.Optional("displayName", input.DisplayName, 200);
        var tz = CheckTimeZone(errors, input.TimeZone);
        if (string.IsNullOrWhiteSpace(input.TimeZone))
        {
            errors.Add("timeZone", "Required: an IANA time zone such as Europe/Berlin.");
        }
        errors.ThrowIfAny();
        user.DisplayName = displayName;
        user.TimeZone = tz!;
        user.TimeZoneChosen = true;
        Check(await users.UpdateAsync(user), "user");
        return (await ListAsync(ct)).First(u => u.Id == id);
    }

    /// <summary>
    /// The browser's zone for someone who never chose one (everyone starts in UTC otherwise); null when nothing
    /// changed: a zone was chosen before, or the browser's is unknown here.
    /// </summary>
    public async Task<string?> AdoptBrowserZoneAsync(string id, string? browserZone)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null || user.TimeZoneChosen || string.IsNullOrWhiteSpace(browserZone) || browserZone.Length > 64
            || !TimeZoneInfo.TryFindSystemTimeZoneById(browserZone, out _))
        {
            return null;
        }
        user.TimeZone = browserZone;
        user.TimeZoneChosen = true;
        Check(await users.UpdateAsync(user), "user");
        return browserZone;
    }

    /// <summary>Changes the caller's own password; every session of theirs ends (tokens go on working).</summary>
    public async Task ChangeOwnPasswordAsync(string id, PasswordChange input, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(id) ?? throw new NotFoundException("User", id);
        var errors = new Errors();
        if (string.IsNullOrEmpty(input.CurrentPassword))
        {
            errors.Add("currentPassword", "Required.");
        }
        else if (!await users.CheckPasswordAsync(user, input.CurrentPassword))
        {
            errors.Add("currentPassword", "This is not your current password.");
        }
        if (string.IsNullOrEmpty(input.NewPassword))
        {
            errors.Add("newPassword", "Required.");
        }
        errors.ThrowIfAny();
        Check(await users.ChangePasswordAsync(user, input.CurrentPassword!, input.NewPassword!), "newPassword");
        await LogAsync("password-changed", user, new { }, ct);
        await sessions.EndAllAsync(user);
    }

    /// <summary>An admin (or the CLI) sets someone's password; every session of that user ends.</summary>
    public async Task SetPasswordAsync(string id, PasswordReset input, CancellationToken ct = default)
    {
        await RequireAdminAsync();
        var user = await users.FindByIdAsync(id) ?? throw new NotFoundException("User", id);
        if (string.IsNullOrEmpty(input.NewPassword))
        {
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["newPassword"] = ["Required."] });
        }
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Check(await users.ResetPasswordAsync(user, token, input.NewPassword), "newPassword");
        await LogAsync("password-reset", user, new { }, ct);
        await sessions.EndAllAsync(user);
    }

    public async Task EnsureRolesAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        foreach (var name in Roles.All)
        {
            if (!await db.Roles.AnyAsync(r => r.Name == name))
            {
                db.Roles.Add(new IdentityRole(name) { NormalizedName = name.ToUpperInvariant() });
            }
        }
        await db.SaveChangesAsync();
    }

    private async Task RequireAdminAsync()
    {
        if (!(await actors.GetActorAsync()).IsAdmin)
        {
            throw new ForbiddenException("Only admins manage users.");
        }
    }

    private static string? CheckRole(Errors errors, string? role)
    {
        var r = role?.Trim().ToLowerInvariant();
        if (r is null || !Roles.All.Contains(r))
        {
            errors.Add("role", $"Must be one of: {string.Join(", ", Roles.All)}.");
            return null;
        }
        return r;
    }

    private static string? CheckTimeZone(Errors errors, string? tz)
    {
        if (string.IsNullOrWhiteSpace(tz))
        {
            return null;
        }
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(tz.Trim(), out _))
        {
            errors.Add("timeZone", "Unknown time zone; use an IANA name such as Europe/Berlin.");
            return null;
        }
        return tz.Trim();
    }

    private static void Check(IdentityResult result, string field)
    {
        if (!result.Succeeded)
        {
            throw new ValidationFailedException(new Dictionary<string, string[]>
            {
                [field] = result.Errors.Select(e => e.Description).ToArray(),
            });
        }
    }

    private async Task LogAsync(string action, AppUser user, object changes, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var actor = await actors.GetActorAsync();
        db.Activity.Add(ActivityEntry.By(actor, time.GetUtcNow().UtcDateTime, action, "User",
            Guid.TryParse(user.Id, out var g) ? g : Guid.Empty, user.Email,
            System.Text.Json.JsonSerializer.Serialize(changes)));
        await db.SaveChangesAsync(ct);
    }
}
