using System.Security.Cryptography;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.JSInterop;

namespace RelationsUsagers.Web.Components.Shared;

/// <summary>
/// What was typed in a form and not saved yet, kept so that leaving and coming back (Back then Forward, a link, a reload
/// of the tab) brings it back: in the circuit's memory, and in the tab's session storage, encrypted by ASP.NET Core data
/// protection since drafts hold health data. Keyed by form and by user, so that another account signed in on the same tab
/// never sees it; gone when the tab is closed.
/// </summary>
public sealed class FormDrafts(ProtectedSessionStorage storage, AuthenticationStateProvider authentication)
{
    private readonly Dictionary<string, string> memory = [];

    public async Task SaveAsync(string form, string draft)
    {
        var key = await KeyAsync(form);
        memory[key] = draft;
        try
        {
            await storage.SetAsync(key, draft);
        }
        catch (Exception ex) when (IsBrowserUnavailable(ex))
        {
            // The circuit's copy is kept; only a reload of the tab would lose it.
        }
    }

    /// <summary>The draft of <paramref name="form"/>, or null.</summary>
    public async Task<string?> LoadAsync(string form)
    {
        var key = await KeyAsync(form);
        if (memory.TryGetValue(key, out var draft))
            return draft;
        try
        {
            var stored = await storage.GetAsync<string>(key);
            if (!stored.Success || stored.Value is null)
                return null;
            memory[key] = stored.Value;
            return stored.Value;
        }
        catch (Exception ex) when (IsBrowserUnavailable(ex) || ex is CryptographicException)
        {
            // Unreadable (keys renewed, storage edited by hand): as if there were none.
            return null;
        }
    }

    public async Task DiscardAsync(string form)
    {
        var key = await KeyAsync(form);
        // Every draft of this tab went through the circuit's memory (saved or loaded here): none there, none to delete.
        if (!memory.Remove(key))
            return;
        try
        {
            await storage.DeleteAsync(key);
        }
        catch (Exception ex) when (IsBrowserUnavailable(ex))
        {
        }
    }

    private async Task<string> KeyAsync(string form)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User.Identity?.Name ?? "";
        return $"brouillon:{user}:{form}";
    }

    private static bool IsBrowserUnavailable(Exception ex) =>
        ex is JSException or JSDisconnectedException or TaskCanceledException or InvalidOperationException;
}

public static class FormSafetyRegistration
{
    /// <summary>The unsaved-changes prompt and the drafts of forms (per circuit).</summary>
    public static IServiceCollection AddFormSafety(this IServiceCollection services) =>
        services.AddScoped<LeaveConfirmation>().AddScoped<FormDrafts>();
}
