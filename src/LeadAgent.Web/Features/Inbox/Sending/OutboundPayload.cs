using System.Text.Json.Nodes;
using LeadAgent.Web.Features.Inbox.Providers;

namespace LeadAgent.Web.Features.Inbox.Sending;

/// <summary>
/// How an <see cref="OutboundMessage"/> is kept in <c>Message.Payload</c> until the outbox has sent it. The shape is
/// the one stored since the first release (a message object <c>{type, text, subject}</c> or
/// <c>{type: "whatsapp_template", template: {name, languageCode, components}}</c>; <c>{assignee}</c> and
/// <c>{status}</c> for mirrored changes), so rows queued before an upgrade still send. It is the inbox's own format:
/// each provider builds its wire format from the <see cref="OutboundMessage"/>.
/// </summary>
public static class OutboundPayload
{
    public const string MirrorAssign = "mirror.assign";
    public const string MirrorStatus = "mirror.status";

    /// <summary>The <c>Message.Type</c> a queued message is stored with.</summary>
    public static string TypeOf(OutboundMessage message) => message.Kind switch
    {
        OutboundKind.Assign => MirrorAssign,
        OutboundKind.Status => MirrorStatus,
        OutboundKind.Email => "email",
        OutboundKind.Template => "whatsapp_template",
        _ => "text",
    };

    public static string Write(OutboundMessage message)
    {
        var json = message.Kind switch
        {
            OutboundKind.Assign => new JsonObject { ["assignee"] = message.Assignee },
            OutboundKind.Status => new JsonObject { ["status"] = message.Open ? "open" : "close" },
            OutboundKind.Email => new JsonObject
            {
                ["type"] = "email",
                ["text"] = message.Text,
                ["subject"] = message.Subject,
            },
            OutboundKind.Template => new JsonObject
            {
                ["type"] = "whatsapp_template",
                ["template"] = new JsonObject
                {
                    ["name"] = message.Template!.Name,
                    ["languageCode"] = message.Template.Language,
                    ["components"] = Components(message.Template),
                },
            },
            _ => new JsonObject { ["type"] = "text", ["text"] = message.Text },
        };
        return json.ToJsonString();
    }

    /// <summary>Reads a queued message back; <paramref name="type"/> is its <c>Message.Type</c>.</summary>
    public static OutboundMessage Read(string type, string payload)
    {
        var json = JsonNode.Parse(payload)!;
        switch (type)
        {
            case MirrorAssign:
                return new OutboundMessage(OutboundKind.Assign, Assignee: json["assignee"]?.GetValue<string>());
            case MirrorStatus:
                return new OutboundMessage(OutboundKind.Status, Open: json["status"]?.GetValue<string>() == "open");
        }
        var text = json["text"]?.GetValue<string>();
        switch (json["type"]?.GetValue<string>())
        {
            case "email":
                return new OutboundMessage(OutboundKind.Email, text, json["subject"]?.GetValue<string>());
            case "whatsapp_template" when json["template"] is JsonObject template:
                var components = template["components"]?.AsArray() ?? [];
                return new OutboundMessage(OutboundKind.Template, text, Template: new OutboundTemplate(
                    template["name"]?.GetValue<string>() ?? "", template["languageCode"]?.GetValue<string>() ?? "en",
                    Parameters(components, "header"), Parameters(components, "body") ?? []));
            default:
                return new OutboundMessage(OutboundKind.Text, text);
        }
    }

    private static JsonArray Components(OutboundTemplate template)
    {
        var components = new JsonArray();
        if (template.HeaderParameters is { } header)
        {
            components.Add(Component("header", header));
        }
        components.Add(Component("body", template.BodyParameters));
        return components;
    }

    private static JsonObject Component(string type, IEnumerable<string> parameters) => new()
    {
        ["type"] = type,
        ["parameters"] = new JsonArray([
            .. parameters.Select(p => (JsonNode)new JsonObject { ["type"] = "text", ["text"] = p }),
        ]),
    };

    private static List<string>? Parameters(JsonArray components, string type) => components
        .Where(c => c?["type"]?.GetValue<string>() == type)
        .Select(c => (c!["parameters"]?.AsArray() ?? []).Select(p => p?["text"]?.GetValue<string>() ?? "").ToList())
        .FirstOrDefault();
}
