using MudBlazor;

namespace LeadAgent.Web.Ui;

public static class AppTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight { Primary = "#1f5fbf", Secondary = "#0f9d8a", AppbarBackground = "#17365d" },
    };
}
