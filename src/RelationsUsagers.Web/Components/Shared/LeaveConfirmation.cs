using MudBlazor;

namespace RelationsUsagers.Web.Components.Shared;

/// <summary>
/// Asks « quitter sans enregistrer ? » once per navigation for the whole page (one per circuit): two open forms with
/// changes (two agenda items being edited) share one dialog and its answer instead of stacking two.
/// </summary>
public sealed class LeaveConfirmation(IDialogService dialogs)
{
    private static readonly DialogOptions Options = new()
    {
        CloseOnEscapeKey = true, BackdropClick = false, MaxWidth = MaxWidth.Small, FullWidth = true, CloseButton = false,
    };

    private Task<bool>? asking;

    /// <summary>True when the user chose to leave without saving; false when they stay (the default, Escape included).</summary>
    public Task<bool> AskAsync()
    {
        if (asking is { IsCompleted: false })
            return asking;
        return asking = ShowAsync();
    }

    private async Task<bool> ShowAsync()
    {
        var dialog = await dialogs.ShowAsync<UnsavedChangesDialog>(UnsavedChangesDialog.Title, Options);
        var result = await dialog.Result;
        return result is { Canceled: false };
    }
}
