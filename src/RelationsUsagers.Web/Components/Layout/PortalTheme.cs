using MudBlazor;

namespace RelationsUsagers.Web.Components.Layout;

/// <summary>Colours chosen for WCAG AA contrast (4.5:1 on white for text, primary on white ≈ 8:1).</summary>
public static class PortalTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1a4f8b",
            Secondary = "#6a1b9a",
            Info = "#0b5cad",
            Success = "#1b6e20",
            Warning = "#8a4b00",
            Error = "#b3261e",
            AppbarBackground = "#1a4f8b",
            TextSecondary = "#4a4a4a",
            ActionDefault = "#3d3d3d",
            DrawerText = "#1f1f1f",
            DrawerIcon = "#3d3d3d",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Marianne", "Arial", "Helvetica", "sans-serif"] },
        },
    };
}
