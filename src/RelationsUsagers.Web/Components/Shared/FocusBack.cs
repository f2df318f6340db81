using Microsoft.JSInterop;

namespace RelationsUsagers.Web.Components.Shared;

/// <summary>
/// Gives the focus back to what opened a panel once the re-render removed it (WCAG 2.4.3, focus order): without it the focus
/// falls to the page's start. Found by selector in the browser (js/actions.js), the first that matches: the re-render may have
/// replaced the element an element reference would name.
/// </summary>
public static class FocusBack
{
    public static async Task FocusFirstAsync(this IJSRuntime js, params string[] selectors) =>
        await js.InvokeAsync<bool>("relationsUsagers.focusFirst", [selectors]);
}
