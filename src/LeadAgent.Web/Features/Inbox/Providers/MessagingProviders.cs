namespace LeadAgent.Web.Features.Inbox.Providers;

/// <summary>The registered providers by key: a channel or webhook event names its provider, this finds it.</summary>
public sealed class MessagingProviders(IEnumerable<IMessagingProvider> providers)
{
    private readonly Dictionary<string, IMessagingProvider> _byKey = providers.ToDictionary(p => p.Key);

    public IReadOnlyCollection<IMessagingProvider> All => _byKey.Values;

    public IMessagingProvider Get(string key) => _byKey.TryGetValue(key, out var provider)
        ? provider
        : throw new InvalidOperationException($"No messaging provider '{key}' is registered.");

    public IEnumerable<IMessagingProvider> With(ProviderFeatures feature) =>
        All.Where(p => p.Features.HasFlag(feature));
}
