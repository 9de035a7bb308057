using MudBlazor;

namespace LeadAgent.Web.Ui;

public static class AppTheme
{
    public static readonly MudTheme Theme = new()
    {
        // Every filled colour carries white text at WCAG AA contrast (≥ 4.5:1); MudBlazor's defaults do not.
        PaletteLight = new PaletteLight
        {
            Primary = "#1f5fbf",
            Secondary = "#0b7a6b",
            AppbarBackground = "#17365d",
            Success = "#2e7d32",
            Warning = "#a84b00",
            Error = "#c62828",
            Info = "#0268a8",
        },
    };
}
