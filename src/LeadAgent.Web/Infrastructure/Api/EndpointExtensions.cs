using System.Security.Claims;
using LeadAgent.Web.Infrastructure.Auth;

namespace LeadAgent.Web.Infrastructure.Api;

internal static class EndpointExtensions
{
    /// <summary>
    /// A versioned API group: read endpoints need any role; writes opt in to <see cref="Policies.Write"/>.
    /// </summary>
    public static RouteGroupBuilder MapApiGroup(this IEndpointRouteBuilder app, string path, string tag) =>
        app.MapGroup("/api/v1/" + path)
            .WithTags(tag)
            .RequireAuthorization(Policies.Read)
            .ProducesProblem(401)
            .ProducesProblem(403);

    public static RouteHandlerBuilder Writes(this RouteHandlerBuilder b) =>
        b.RequireAuthorization(Policies.Write).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);

    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);
}
