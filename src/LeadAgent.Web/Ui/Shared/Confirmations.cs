using MudBlazor;

namespace LeadAgent.Web.Ui.Shared;

/// <summary>Asks before something that is hard to take back (a merge, a delete).</summary>
public static class Confirmations
{
    public static async Task<bool> ConfirmAsync(
        this IDialogService dialogs, string title, string message, string yes) =>
        await dialogs.ShowMessageBoxAsync(title, message, yesText: yes, cancelText: "Cancel",
            options: new DialogOptions { CloseOnEscapeKey = true, MaxWidth = MaxWidth.Small }) == true;
}
