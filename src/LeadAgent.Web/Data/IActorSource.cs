namespace LeadAgent.Web.Data;

/// <summary>Tells the DbContext who is saving, for the activity log.</summary>
public interface IActorSource
{
    ValueTask<Actor> GetActorAsync();
}

public sealed class SystemActorSource : IActorSource
{
    public static readonly SystemActorSource Instance = new();
    public ValueTask<Actor> GetActorAsync() => ValueTask.FromResult(Actor.System);
}
