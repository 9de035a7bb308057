namespace LeadAgent.Web.Features.Crm.Activity;

public enum ActorKind { User, Token, System }

/// <summary>Who is making a change: a signed-in user, an API token (on behalf of its user) or the system.</summary>
public sealed record Actor(ActorKind Kind, string? UserId, string Name, Guid? TokenId = null)
{
    public static readonly Actor System = new(ActorKind.System, null, "system");
}
