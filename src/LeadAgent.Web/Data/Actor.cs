namespace LeadAgent.Web.Data;

public enum ActorKind { User, Token, System }

/// <summary>Who is making a change: a signed-in user, an API token (on behalf of its user) or the system.</summary>
public sealed record Actor(ActorKind Kind, string? UserId, string Name, Guid? TokenId = null, IReadOnlyList<string>? Roles = null)
{
    public static readonly Actor System = new(ActorKind.System, null, "system");

    public bool IsAdmin => Kind == ActorKind.System || (Roles?.Contains(Data.Roles.Admin) ?? false);

    /// <summary>Sales and admins change CRM data; viewers never do, whichever way they reach the code.</summary>
    public bool CanWrite => IsAdmin || (Roles?.Contains(Data.Roles.Sales) ?? false);
}
