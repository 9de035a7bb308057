using System.Text;
using System.Text.Json;
using LeadAgent.Web.Features.Inbox.Runtime;
using LeadAgent.Web.Features.Inbox.Webhooks;
using Microsoft.Extensions.Options;

namespace LeadAgent.Web.Features.Inbox.Providers.RespondIo;

/// <summary>
/// <c>POST /webhooks/respondio</c>: verifies the signature over the raw body (401), refuses bodies over the limit
/// (413), stores every genuine delivery durably — malformed ones too, for inspection (400) — and acknowledges with
/// 200 only after that. A redelivered <c>event_id</c> is acknowledged without a second row. Processing happens
/// afterwards.
/// </summary>
internal static class RespondIoWebhookEndpoint
{
    public const string Provider = RespondIoProvider.ProviderKey;
    public const string SignatureHeader = "X-Webhook-Signature";

    public sealed record Receipt(long Id, string? EventId, string? EventType, bool Duplicate);

    public static void MapRespondIoWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost("/webhooks/respondio", ReceiveAsync).AllowAnonymous().WithTags("Webhooks")
            .WithSummary(
                "Respond.io webhook deliveries (signed with X-Webhook-Signature); stored, then processed in the " +
                    "background")
            .Produces<Receipt>().ProducesProblem(400).ProducesProblem(401).ProducesProblem(413);
    }

    private static async Task<IResult> ReceiveAsync(HttpRequest request, IOptionsMonitor<RespondIoOptions> options,
        RespondIoConnection connection, WebhookIntake intake, InboxSignal signal, TimeProvider time,
            CancellationToken ct)
    {
        var settings = options.CurrentValue;
        var keys = connection.Current.WebhookSigningKeys;
        var max = settings.MaxWebhookKilobytes * 1024;
        var body = await ReadLimitedAsync(request, max, ct);
        if (body is null)
        {
            return Results.Problem(statusCode: 413, title: "Payload too large",
                detail: $"Webhook bodies may be at most {settings.MaxWebhookKilobytes} KB.");
        }
        if (!WebhookSignature.IsValid(body, request.Headers[SignatureHeader], keys))
        {
            return Results.Problem(statusCode: 401, title: "Invalid signature",
                detail: keys.Count == 0
                    ? "No Respond.io webhook signing key is configured, so no delivery can be verified."
                    : $"The {SignatureHeader} header does not match the body for any configured signing key.");
        }

        var (eventId, eventType, problem) = Parse(body);
        var now = time.GetUtcNow().UtcDateTime;
        var stored = new WebhookEvent
        {
            Provider = Provider,
            EventId = eventId,
            EventType = eventType,
            Body = Encoding.UTF8.GetString(body),
            Status = problem is null ? WebhookEventStatus.Received : WebhookEventStatus.Malformed,
            ReceivedAt = now,
            Error = problem,
        };
        var (id, duplicate) = await intake.StoreAsync(stored, ct);
        if (duplicate)
        {
            return Results.Ok(new Receipt(id, eventId, eventType, true));
        }
        if (problem is null)
        {
            signal.Notify();
        }
        return problem is null
            ? Results.Ok(new Receipt(id, eventId, eventType, false))
            : Results.Problem(statusCode: 400, title: "Malformed webhook body",
                detail: $"{problem} It was kept for inspection (event {id}).");
    }

    // Reads at most max bytes; null when the body is larger.
    private static async Task<byte[]?> ReadLimitedAsync(HttpRequest request, int max, CancellationToken ct)
    {
        if (request.ContentLength > max)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static (string? EventId, string? EventType, string? Problem) Parse(byte[] body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null, "The body is not a JSON object.");
            }
            var type = root.TryGetProperty("event_type", out var t) && t.ValueKind == JsonValueKind.String
                ? RespondIoPayload.Text(t)
                : null;
            // A number or a string: one canonical key (123 and "123" are the same event).
            var id = RespondIoPayload.Str(root, "event_id")?.Trim();
            if (string.IsNullOrWhiteSpace(type))
            {
                return (null, null, "The body has no event_type.");
            }
            if (id is { Length: > 100 } || type.Length > 100)
            {
                return (null, null, "event_id or event_type is too long.");
            }
            // Deliveries without an event_id are stored each time; processing dedupes on the message id.
            return (string.IsNullOrWhiteSpace(id) ? null : id, type, null);
        }
        catch (JsonException e)
        {
            return (null, null, $"The body is not valid JSON: {e.Message}");
        }
    }
}
