using System.Security.Claims;
using LeadAgent.Web.Data;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LeadAgent.Web.Features.Accounts;

public sealed record OwnerDto(string Id, string Name);

public sealed record MeDto(string Id, string? Email, string[] Roles, string? TokenId);

internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapApiGroup("me", "Account").MapGet("/", (ClaimsPrincipal user) => new MeDto(
            user.UserId()!,
            user.FindFirstValue(ClaimTypes.Email),
            user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToArray(),
            user.FindFirstValue(ApiTokenAuthentication.TokenIdClaim)));

        app.MapApiGroup("me", "Account").MapPut("/",
                (UserService s, ClaimsPrincipal user, ProfileInput input, CancellationToken ct) =>
                    s.UpdateProfileAsync(user.UserId()!, input, ct))
            .WithSummary("Change your display name and time zone")
            .ProducesValidationProblem();

        app.MapApiGroup("me", "Account").MapPut("/password", async Task<NoContent> (
                UserService s, ClaimsPrincipal user, PasswordChange input, CancellationToken ct) =>
            {
                await s.ChangeOwnPasswordAsync(user.UserId()!, input, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Change your password (needs the current one); your browser sessions end, tokens go on")
            .ProducesValidationProblem();

        var tokens = app.MapApiGroup("tokens", "API tokens");
        tokens.MapGet("/",
                (TokenService s, ClaimsPrincipal user, CancellationToken ct) => s.ListAsync(user.UserId(), ct))
            .WithSummary("Your tokens (secrets are never returned)");
        tokens.MapPost("/", async Task<Created<CreatedToken>> (
            TokenService s, ClaimsPrincipal user, TokenInput input, CancellationToken ct) =>
        {
            var created = await s.CreateAsync(user.UserId()!, input, ct);
            return TypedResults.Created($"/api/v1/tokens/{created.Token.Id}", created);
        }).WithSummary("Create a token; the secret is in this response only").ProducesValidationProblem();
        tokens.MapDelete("/{id:guid}", async Task<NoContent> (
            TokenService s, ClaimsPrincipal user, Guid id, CancellationToken ct) =>
        {
            await s.RevokeAsync(id, user.IsInRole(Roles.Admin) ? null : user.UserId(), ct);
            return TypedResults.NoContent();
        }).WithSummary("Revoke a token (admins may revoke anyone's)").ProducesProblem(404);

        app.MapApiGroup("owners", "Users").MapGet("/", async (UserService s, CancellationToken ct) =>
            (await s.ListAsync(ct))
                .Where(u => u.Role != Roles.Viewer && !u.Locked)
                .Select(u => new OwnerDto(u.Id, u.DisplayName ?? u.Email))
                .ToList())
            .WithSummary("People who can own leads (for owner pickers)");

        var users = app.MapApiGroup("users", "Users").RequireAuthorization(Policies.Admin);
        users.MapGet("/", (UserService s, CancellationToken ct) => s.ListAsync(ct));
        users.MapPost("/", async Task<Created<UserDto>> (UserService s, UserInput input, CancellationToken ct) =>
        {
            var user = await s.CreateAsync(input, ct);
            return TypedResults.Created($"/api/v1/users/{user.Id}", user);
        }).ProducesValidationProblem().ProducesProblem(409);
        users.MapPut("/{id}",
                (UserService s, string id, UserUpdate input, CancellationToken ct) => s.UpdateAsync(id, input, ct))
            .ProducesValidationProblem().ProducesProblem(404);
        users.MapPut("/{id}/password", async Task<NoContent> (
                UserService s, string id, PasswordReset input, CancellationToken ct) =>
            {
                await s.SetPasswordAsync(id, input, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Set a user's password (admins); that user's browser sessions end")
            .ProducesValidationProblem().ProducesProblem(404);
        users.MapGet("/{id}/tokens", (TokenService s, string id, CancellationToken ct) => s.ListAsync(id, ct));
    }
}
