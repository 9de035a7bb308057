using LeadAgent.Web.Features.Inbox.Conversations;
using MudBlazor;

namespace LeadAgent.Web.Features.Inbox.Pages;

public static class ChannelIcons
{
    public static string For(ChannelKind kind) => kind switch
    {
        ChannelKind.WhatsApp => Icons.Custom.Brands.WhatsApp,
        ChannelKind.Instagram => Icons.Custom.Brands.Instagram,
        ChannelKind.Facebook => Icons.Custom.Brands.Facebook,
        ChannelKind.Email => Icons.Material.Filled.Email,
        _ => Icons.Material.Filled.Chat,
    };
}
