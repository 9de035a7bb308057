using System.Globalization;
using System.Text.Json.Nodes;

namespace LeadAgent.Web.Features.Inbox.Providers.RespondIo;

/// <summary>
/// The Respond.io Developer API requests for what the inbox sends (reference: respondio.md §1):
/// <c>POST /contact/id:{id}/message</c> with the channel and a message object (text, email, whatsapp_template with
/// its components), and the conversation's assignee and status.
/// </summary>
public static class RespondIoOutbound
{
    public static (string Path, JsonObject Body) Request(OutboundSend send)
    {
        var contact = RespondIoClient.ContactPath(send.ExternalContactId);
        var message = send.Message;
        return message.Kind switch
        {
            OutboundKind.Assign => ($"{contact}/conversation/assignee",
                new JsonObject { ["assignee"] = message.Assignee }),
            OutboundKind.Status => ($"{contact}/conversation/status",
                new JsonObject { ["status"] = message.Open ? "open" : "close" }),
            _ => ($"{contact}/message", new JsonObject
            {
                ["channelId"] = long.TryParse(send.ChannelExternalId, CultureInfo.InvariantCulture, out var n) ? n
                    : null,
                ["message"] = Message(message),
            }),
        };
    }

    /// <summary>The message object: <c>text</c>, <c>email</c> with its subject, or <c>whatsapp_template</c>.</summary>
    public static JsonObject Message(OutboundMessage message) => message.Kind switch
    {
        OutboundKind.Email => new JsonObject
        {
            ["type"] = "email",
            ["text"] = message.Text,
            ["subject"] = message.Subject,
        },
        OutboundKind.Template when message.Template is { } template => new JsonObject
        {
            ["type"] = "whatsapp_template",
            ["template"] = new JsonObject
            {
                ["name"] = template.Name,
                ["languageCode"] = template.Language,
                ["components"] = Components(template),
            },
        },
        _ => new JsonObject { ["type"] = "text", ["text"] = message.Text },
    };

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

    // One WhatsApp template component with its text parameters in order.
    private static JsonObject Component(string type, IEnumerable<string> parameters) => new()
    {
        ["type"] = type,
        ["parameters"] = new JsonArray([
            .. parameters.Select(p => (JsonNode)new JsonObject { ["type"] = "text", ["text"] = p }),
        ]),
    };
}
