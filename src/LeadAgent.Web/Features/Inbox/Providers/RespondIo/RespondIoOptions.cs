using System.ComponentModel.DataAnnotations;

namespace LeadAgent.Web.Features.Inbox.Providers.RespondIo;

/// <summary>The Respond.io connection when given by configuration (<c>RespondIo:…</c>) rather than in the app's
/// settings.</summary>
public sealed class RespondIoOptions
{
    public const string Section = "RespondIo";

    /// <summary>Bearer token for the Developer API.</summary>
    public string? ApiToken { get; set; }

    [Url]
    public string BaseUrl { get; set; } = "https://api.respond.io/v2";

    /// <summary>One signing key per configured webhook; a delivery is accepted when any of them verifies it.</summary>
    public List<string> WebhookSigningKeys { get; set; } = [];

    /// <summary>
    /// How often each instance re-reads the settings saved in the app, so a change an admin saved on another node
    /// (a new token or signing key) takes effect here too.
    /// </summary>
    [Range(1, 3600)]
    public int SettingsRefreshSeconds { get; set; } = 30;

    /// <summary>Larger webhook bodies are refused with 413.</summary>
    [Range(1, 65536)]
    public int MaxWebhookKilobytes { get; set; } = 1024;
}
