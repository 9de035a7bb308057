using System.Text.Json;
using LeadAgent.Web.Features.Inbox.Conversations;

namespace LeadAgent.Web.Features.Inbox.Providers.RespondIo;

/// <summary>
/// Respond.io behind the inbox's provider seam: webhook bodies in, Developer API v2 calls out (reference:
/// respondio.md). Assignment and open/close are mirrored while an API token is set.
/// </summary>
public sealed class RespondIoProvider(RespondIoConnection connection, IHttpClientFactory http, TimeProvider time)
    : IMessagingProvider
{
    public const string ProviderKey = "respondio";

    public string Key => ProviderKey;

    public string Name => "Respond.io";

    public ProviderFeatures Features =>
        ProviderFeatures.Templates | ProviderFeatures.Backfill | ProviderFeatures.ConnectionTest;

    public string? NotConnected => connection.Current.CanCallApi ? null : "Respond.io is not connected";

    public bool MirrorsChanges => connection.Current.CanCallApi;

    private RespondIoClient Client => new(http.CreateClient(RespondIoClient.HttpClientName), connection, time);

    public InboundEvent Parse(string eventType, string body) => RespondIoPayload.Parse(eventType, body);

    public Task<SendResult> SendAsync(OutboundSend send, CancellationToken ct)
    {
        var (path, body) = RespondIoOutbound.Request(send);
        return Client.PostAsync(path, body, ct);
    }

    public async Task<IReadOnlyList<RecentMessage>> RecentMessagesAsync(string externalContactId, CancellationToken ct)
    {
        var page = await Client.ListAsync($"{RespondIoClient.ContactPath(externalContactId)}/message/list", 50, null,
            ct);
        var recent = new List<RecentMessage>();
        foreach (var item in page.Items)
        {
            if (RespondIoPayload.ParseMessage(item) is not { } m)
            {
                continue;
            }
            var template = m.Type == "whatsapp_template" && item.TryGetProperty("message", out var body)
                && RespondIoPayload.HasTemplate(body, out var name) ? name ?? "" : null;
            recent.Add(new RecentMessage(m.MessageId, m.Incoming, m.At, m.Text, template));
        }
        return recent;
    }

    public async Task<IReadOnlyList<ProviderTemplate>> TemplatesAsync(string channelExternalId, CancellationToken ct)
    {
        var client = Client;
        var templates = new List<ProviderTemplate>();
        string? cursor = null;
        do
        {
            var path = $"space/channel/{Uri.EscapeDataString(channelExternalId)}/template";
            var page = await client.ListAsync(path, 100, cursor, ct);
            templates.AddRange(page.Items.Select(Template));
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return templates;
    }

    public IAsyncEnumerable<BackfillContact> BackfillAsync(int maxContacts, int messagesPerContact,
        CancellationToken ct) => RespondIoBackfill.RunAsync(Client, maxContacts, messagesPerContact, ct);

    public async Task<ConnectionCheck> TestConnectionAsync(CancellationToken ct)
    {
        if (!connection.Current.CanCallApi)
        {
            return new ConnectionCheck(false,
                "No API token: paste one from Respond.io (Settings → Integrations → Developer API).", []);
        }
        var client = Client;
        var found = new List<ProviderChannel>();
        try
        {
            await foreach (var item in RespondIoBackfill.PagesAsync(client, "space/channel", 100, 1000, null, ct))
            {
                if (RespondIoPayload.Str(item, "id") is { } id)
                {
                    var channel = RespondIoPayload.Channel(id, RespondIoPayload.Str(item, "name") ?? "Channel",
                        RespondIoPayload.Str(item, "source"));
                    found.Add(new ProviderChannel(channel.Id, channel.Name, channel.Source, channel.Kind));
                }
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return new ConnectionCheck(false,
                e is TaskCanceledException ? "Respond.io did not answer in time." : e.Message, []);
        }
        return new ConnectionCheck(true, "", found);
    }

    // A WhatsApp template as Respond.io lists it: name, language, category, Meta's status, components.
    private static ProviderTemplate Template(JsonElement item)
    {
        var name = RespondIoPayload.Str(item, "name") ?? "unnamed";
        var components = item.TryGetProperty("components", out var c) && c.ValueKind == JsonValueKind.Array
            ? c
            : default;
        var body = components.ValueKind == JsonValueKind.Array
            ? components.EnumerateArray().Where(x => RespondIoPayload.Str(x, "type")?.ToLowerInvariant() == "body")
                .Select(x => RespondIoPayload.Str(x, "text")).FirstOrDefault()
            : null;
        var status = (RespondIoPayload.Str(item, "status") ?? "").ToUpperInvariant() switch
        {
            "APPROVED" => TemplateStatus.Approved,
            "REJECTED" => TemplateStatus.Rejected,
            "PAUSED" => TemplateStatus.Paused,
            "DISABLED" => TemplateStatus.Disabled,
            _ => TemplateStatus.Pending,
        };
        return new ProviderTemplate(RespondIoPayload.Str(item, "id"), name,
            RespondIoPayload.Str(item, "languageCode") ?? "en", RespondIoPayload
                .Str(item, "category")?.ToUpperInvariant(),
            status, body, components.ValueKind == JsonValueKind.Array ? components.GetRawText() : null);
    }
}
