using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Net;

namespace LeadAgent.Web.Features.Inbox.Providers.RespondIo;

public sealed record RespondIoSettingsView(string BaseUrl, string? ApiToken, IReadOnlyList<string> WebhookSigningKeys,
    bool FromConfiguration)
{
    public static RespondIoSettingsView Of(RespondIoSettings s) => new(s.BaseUrl, RespondIoSettings.Mask(s.ApiToken),
        s.WebhookSigningKeys.Select(k => RespondIoSettings.Mask(k)!).ToList(), s.FromConfiguration);
}

/// <summary>Admin input: a null field is left as it is, an empty one is cleared. Secrets are never sent back in
/// full.</summary>
public sealed record RespondIoSettingsInput(string? BaseUrl, string? ApiToken, List<string>? WebhookSigningKeys)
{
    /// <summary>Checks the fields, and that the base URL is no private, loopback or link-local address.</summary>
    public async Task ValidateAsync(PrivateNetworkGuard network, CancellationToken ct)
    {
        var errors = Check();
        if (!errors.Any && !string.IsNullOrEmpty(BaseUrl) && await network.ProblemWithAsync(BaseUrl, ct) is { } problem)
        {
            errors.Add("baseUrl", problem);
        }
        errors.ThrowIfAny();
    }

    private Errors Check()
    {
        var errors = new Errors();
        if (!string.IsNullOrEmpty(BaseUrl)
            && (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")))
        {
            errors.Add("baseUrl", "Must be an http(s) address such as https://api.respond.io/v2.");
        }
        if (ApiToken is { Length: > 2000 })
        {
            errors.Add("apiToken", "At most 2000 characters.");
        }
        if (WebhookSigningKeys is { Count: > 20 })
        {
            errors.Add("webhookSigningKeys", "At most 20 keys (one per webhook).");
        }
        return errors;
    }
}
